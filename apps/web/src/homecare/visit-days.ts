/** Which day the home-care screen opens on, and stepping between days that have visits. */
import { dayNumber } from '../dates.ts';

/** Today when it has visits, otherwise the nearest day that has (on a tie the later one). */
export function nearestVisitDay(days: readonly string[], today: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const t = dayNumber(today);
  for (const day of days) {
    const distance = Math.abs(dayNumber(day) - t);
    if (distance < bestDistance || (distance === bestDistance && day > best!)) {
      best = day;
      bestDistance = distance;
    }
  }
  return best;
}

/** The previous (-1) or next (+1) day with visits from `date`, if any. `days` is sorted. */
export function stepVisitDay(days: readonly string[], date: string, direction: -1 | 1): string | undefined {
  if (direction > 0) return days.find((d) => d > date);
  for (let i = days.length - 1; i >= 0; i--) if (days[i]! < date) return days[i];
  return undefined;
}
