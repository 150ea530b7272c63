/**
 * Home-care route planning benchmark: `npm run bench:homecare -- [--quick] [--seed S] [--only day,week,replan,scale]`.
 * 1. The demo organisation's day (both home-care teams, ≤ 20 s): hard violations, travel share,
 *    lateness, unplanned mandatory visits (with a capacity check that explains them), time.
 * 2. A week planned for continuity vs each day planned alone: distinct carers per client.
 * 3. A carer drops out at 07:30: re-plan and the changes it reports.
 * 4. Scale: a generated day with 5,000 visits and about 400 carers (≤ 120 s), time and peak RSS.
 * Every plan is re-scored by the independent evaluator (objective agreement is printed).
 */
import { parseArgs } from 'node:util';
import { clockMinutes, type OrganisationData } from '@planmaat/domain';
import { DEFAULT_DEMO_START, generateDemoOrganisation } from '@planmaat/demo';
import {
  planHomeCareDay,
  planHomeCareWeek,
  replanHomeCareDay,
  selectCareDays,
  type HomeCareDayResult,
} from '@planmaat/routes';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    only: { type: 'string', default: 'day,week,replan,scale' },
  },
});
const quick = values.quick;
const seed = Number(values.seed);
const only = new Set(values.only.split(','));
const date = DEFAULT_DEMO_START;

function agreement(day: HomeCareDayResult): string {
  let worst = 0;
  for (const t of day.teams) worst = Math.max(worst, Math.abs(t.check.objective - t.objective));
  return worst < 1e-6 ? 'evaluator agrees' : `evaluator differs by ${worst}`;
}

function print(label: string, day: HomeCareDayResult): void {
  const s = day.summary;
  console.log(
    `${label}: ${s.visits} visits, ${s.plannedVisits} planned, ${s.mandatoryUnplanned} mandatory unplanned, ` +
      `${s.optionalLeftOut} optional left out, ${s.hardViolations} hard violations | travel ${Math.round(s.travelMinutes)} min, ` +
      `travel share ${(100 * s.travelShare).toFixed(1)} %, late ${Math.round(s.lateMinutes)} min, overtime ` +
      `${Math.round(s.overtimeMinutes)} min | ${s.usedCarers}/${s.carers} carers | ${(s.elapsedMs / 1000).toFixed(1)} s, ` +
      `${s.iterations} iterations | ${agreement(day)}`,
  );
}

/** Service minutes that must start in a band vs carer minutes on duty in it (per team). */
function capacity(data: OrganisationData): void {
  for (const t of selectCareDays(data, date)) {
    const bands: Array<[string, number, number]> = [
      ['morning (windows opening before 12:30)', 0, 750],
      ['evening (windows opening from 17:00)', 1020, 1440],
    ];
    for (const [name, from, to] of bands) {
      const visits = t.visits.filter((v) => {
        const open = clockMinutes(v.windows[0].start);
        return open >= from && open < to;
      });
      const service = visits.reduce((s, v) => s + v.durationMinutes * v.carersRequired, 0);
      const lastStart = Math.max(...visits.map((v) => clockMinutes(v.windows.at(-1)!.end)));
      const firstOpen = Math.min(...visits.map((v) => clockMinutes(v.windows[0].start)));
      const onDuty = t.carers.reduce((s, c) => {
        const a = Math.max(clockMinutes(c.shift.start), firstOpen);
        const b = Math.min(clockMinutes(c.shift.end), lastStart + 30);
        return s + Math.max(0, b - a);
      }, 0);
      console.log(
        `  capacity ${t.teamId} ${name}: ${visits.length} visits, ${service} service min (before travel) ` +
          `vs ${onDuty} carer min on duty between first window and last start + 30 min`,
      );
    }
  }
}

const demo = generateDemoOrganisation({ seed });
let dayPlan: HomeCareDayResult | undefined;

if (only.has('day') || only.has('replan')) {
  console.log(`\n== demo day ${date} (seed ${seed}), both home-care teams, ${quick ? 5 : 20} s`);
  dayPlan = await planHomeCareDay(demo, date, { seconds: quick ? 5 : 20, seed, threads: 1 });
  print('day plan', dayPlan);
  const reasons = new Map<string, number>();
  for (const t of dayPlan.teams)
    for (const u of t.unplanned) reasons.set(u.reason.code, (reasons.get(u.reason.code) ?? 0) + 1);
  console.log(`  unplanned by reason: ${JSON.stringify(Object.fromEntries(reasons))}`);
  capacity(demo);
}

if (only.has('replan') && dayPlan) {
  const routes = dayPlan.teams[0].routes;
  const sick = [...routes].sort((a, b) => b.visits.length - a.visits.length)[0];
  console.log(
    `\n== re-plan: ${sick.carerId} (${sick.visits.length} visits) drops out at 07:30, ${quick ? 3 : 10} s`,
  );
  const replan = await replanHomeCareDay(demo, dayPlan, {
    carerId: sick.carerId,
    at: '07:30',
    seconds: quick ? 3 : 10,
    seed,
  });
  print('re-plan', replan.plan);
  const s = replan.summary;
  console.log(
    `  changes: ${s.movedToOtherCarer} visits to another carer, ${s.timeChanged} at another time, ${s.newlyUnplanned} newly unplanned, ` +
      `${replan.changes.filter((c) => c.kind === 'planned').length} newly planned; ${s.carersWithChanges} carers and ` +
      `${s.clientsWithChanges} clients affected; ${replan.fixed.length} visits already started kept; ${s.replannedVisits} visits re-planned`,
  );
}

if (only.has('week')) {
  const seconds = quick ? 28 : 140;
  console.log(`\n== week from ${date}: continuity plan vs each day alone (${seconds / 2} s each)`);
  const week = await planHomeCareWeek(demo, date, { seconds, seed, threads: 1 });
  for (const [i, day] of week.days.entries()) {
    print(`  week plan ${day.date}`, day);
    print(`  day alone ${day.date}`, week.dayByDay!.days[i]);
  }
  const a = week.continuity;
  const b = week.dayByDay!.continuity;
  console.log(
    `distinct carers per client over the week: week plan mean ${a.meanDistinctCarers.toFixed(2)} (max ${a.maxDistinctCarers}, ` +
      `${a.clientsWithOneCarer} clients with one carer, ${a.clientsWithMoreThanThree} with more than three) | each day alone mean ` +
      `${b.meanDistinctCarers.toFixed(2)} (max ${b.maxDistinctCarers}, ${b.clientsWithOneCarer} with one, ${b.clientsWithMoreThanThree} ` +
      `with more than three) | ${a.clients} clients`,
  );
}

if (only.has('scale')) {
  const seconds = quick ? 30 : 100;
  console.log(
    `\n== scale: generateDemoOrganisation({ seed: ${seed}, employees: 2000, visitsPerDay: 5000 }), ${seconds} s search`,
  );
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = performance.now();
  const big = generateDemoOrganisation({ seed, employees: 2000, visitsPerDay: 5000 });
  const generated = performance.now();
  // The search runs in this thread: sample between teams and at the end too.
  const plan = await planHomeCareDay(
    big,
    date,
    { seconds, seed, threads: 1 },
    { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) },
  );
  const total = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  print('scale day', plan);
  console.log(
    `  teams ${plan.teams.length}, generate ${((generated - started) / 1000).toFixed(1)} s, plan ${(plan.summary.elapsedMs / 1000).toFixed(1)} s, ` +
      `total ${(total / 1000).toFixed(1)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`,
  );
}
