/**
 * bench:care — the care-rostering model on the demo organisation (120 employees): each 4-week
 * period starting 2027-01-04 (two ward drafts, two home-care teams solved from scratch) with a
 * 30 s limit on 2 threads, then a sick-call repair of a published home-care roster and the
 * latency of recommendations. Figures are re-scored from scratch (explain) before printing.
 *
 *   npm run bench:care [-- --seconds 30 --threads 2]
 */
import { addDays, type OrganisationData } from '@planmaat/domain';
import { generateDemoOrganisation } from '@planmaat/demo';
import { explainCareRoster, recommendCare, solveCareRoster } from '@planmaat/roster';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 30);
const threads = arg('threads', 2);
const data = generateDemoOrganisation({ seed: 1 });
console.log(
  `demo: ${data.employees.length} employees, ${data.teams.length} teams; ${seconds} s, ${threads} threads per period`,
);
const periods = data.rosterPeriods.filter((p) => p.start === '2027-01-04');
console.log(
  'period                          staff  hard  medium   soft  short-min short-ideal/ideal  feasible@  moves/s  explain=score',
);
for (const p of periods) {
  const staff = data.employees.filter((e) => e.teamIds.includes(p.teamId)).length;
  const r = await solveCareRoster(data, p.id, { seconds, threads, seed: 1, replan: false });
  const ex = explainCareRoster(data, p.id, { assignments: r.assignments, replan: false });
  const same =
    ex.score.hard === r.score.hard && ex.score.medium === r.score.medium && ex.score.soft === r.score.soft;
  console.log(
    `${p.id.padEnd(32)}${String(staff).padStart(5)}${String(r.score.hard).padStart(6)}${String(r.score.medium).padStart(8)}${String(r.score.soft).padStart(7)}` +
      `${String(r.coverage.shortOfMinimum).padStart(11)}${`${r.coverage.shortOfIdeal}/${r.coverage.demandIdeal}`.padStart(18)}` +
      `${(r.timeToFeasibleMs === null ? 'never' : `${(r.timeToFeasibleMs / 1000).toFixed(1)} s`).padStart(11)}` +
      `${Math.round(r.iterations / (r.elapsedMs / 1000))
        .toString()
        .padStart(9)}  ${same ? 'yes' : 'NO'}`,
  );
  const top = ex.constraints.slice(0, 4).map((c) => `${c.constraint} ${c.total} (${c.count})`);
  console.log(`   largest: ${top.join('; ')}`);
}

// Sick-call repair: the first person on the published home-care roster on day 3 calls in sick
// for 3 days; re-plan only those 3 days.
const period = periods.find((p) => p.status === 'published')!;
const today = addDays(period.start, 2);
const window = { from: today, to: addDays(today, 2) };
const inWindow = data.assignments.filter(
  (a) => a.rosterPeriodId === period.id && a.date >= window.from && a.date <= window.to,
);
const sickId = inWindow[0].employeeId;
const lost = inWindow.filter((a) => a.employeeId === sickId).length;
const sick: OrganisationData = {
  ...data,
  absences: [
    ...data.absences,
    {
      id: 'bench-sick',
      employeeId: sickId,
      kind: 'sick',
      start: `${today}T00:00`,
      end: `${addDays(today, 3)}T00:00`,
    },
  ],
};
const before = explainCareRoster(sick, period.id, { window, today });
const repairStart = Date.now();
const repair = await solveCareRoster(sick, period.id, { window, today, seconds: 5, threads, seed: 1 });
const plain = await solveCareRoster(data, period.id, { window, today, seconds: 5, threads, seed: 1 });
console.log(
  `\nsick-call repair ${period.id}, ${sickId} sick ${window.from}..${window.to} (${lost} shifts lost): ` +
    `score before ${JSON.stringify(before.score)} → after ${JSON.stringify(repair.score)} in ${Date.now() - repairStart - plain.elapsedMs} ms; ` +
    `${repair.changes!.count} changes (${repair.changes!.needsConsent} need consent) for ${repair.changes!.byEmployee.length} people; ` +
    `same window without the sick call: ${plain.changes!.count} changes`,
);
for (const p of repair.changes!.byEmployee)
  console.log(`   ${p.employeeId} ${p.name}: ${p.changes} change(s), ${p.needsConsent} need consent`);

// Recommendations on the solved ward roster.
const ward = periods[0];
const solved = await solveCareRoster(data, ward.id, { maxIterations: 2000, seed: 1 });
const t0 = performance.now();
const recs = recommendCare(data, ward.id, { date: addDays(ward.start, 10), shiftTypeId: 'st-L' }, 5, {
  assignments: solved.assignments,
});
console.log(
  `\nrecommend top-5 for ${addDays(ward.start, 10)} L on ${ward.id}: ${(performance.now() - t0).toFixed(0)} ms (incl. compiling the model)`,
);
for (const r of recs)
  console.log(`   ${r.employeeId} ${r.from ?? 'free'} → ${r.to}: ${JSON.stringify(r.delta)}`);
