/** Dutch public holidays (feestdagen), the days the care CAOs pay ORT for and planners mark. */
import { addDays, type LocalDate } from './time.ts';

export interface PublicHoliday {
  date: LocalDate;
  nameNl: string;
  nameEn: string;
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Public holidays of a year. Koningsdag moves to 26 April when 27 April is a Sunday.
 * Bevrijdingsdag (5 May) is included every year: the care CAOs treat it as a holiday for ORT;
 * organisations that do not can filter it out.
 */
export function dutchPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  const list: PublicHoliday[] = [
    { date: `${year}-01-01`, nameNl: 'Nieuwjaarsdag', nameEn: "New Year's Day" },
    { date: addDays(easter, -2), nameNl: 'Goede Vrijdag', nameEn: 'Good Friday' },
    { date: easter, nameNl: 'Eerste Paasdag', nameEn: 'Easter Sunday' },
    { date: addDays(easter, 1), nameNl: 'Tweede Paasdag', nameEn: 'Easter Monday' },
    { date: kingsDay, nameNl: 'Koningsdag', nameEn: "King's Day" },
    { date: `${year}-05-05`, nameNl: 'Bevrijdingsdag', nameEn: 'Liberation Day' },
    { date: addDays(easter, 39), nameNl: 'Hemelvaartsdag', nameEn: 'Ascension Day' },
    { date: addDays(easter, 49), nameNl: 'Eerste Pinksterdag', nameEn: 'Whit Sunday' },
    { date: addDays(easter, 50), nameNl: 'Tweede Pinksterdag', nameEn: 'Whit Monday' },
    { date: `${year}-12-25`, nameNl: 'Eerste Kerstdag', nameEn: 'Christmas Day' },
    { date: `${year}-12-26`, nameNl: 'Tweede Kerstdag', nameEn: 'Boxing Day' },
  ];
  return list.sort((x, y) => x.date.localeCompare(y.date));
}
