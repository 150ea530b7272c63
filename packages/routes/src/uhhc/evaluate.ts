/**
 * Independent UHHC solution evaluator: re-computes feasibility and every cost component of a
 * solution JSON straight from the rules in the benchmark README (which reproduce the authors'
 * validator on all published solutions). Shares no code with the solver's scheduler.
 */
import { z } from 'zod';
import { parseOrThrow } from '@planmaat/domain';
import {
  COST_COMPONENTS,
  serviceDuration,
  syncDistance,
  type CostComponent,
  type UhhcInstance,
} from './instance.ts';

const entrySchema = z
  .object({
    patient: z.string(),
    service: z.string(),
    arrival_time: z.number().optional(),
    start_time: z.number().optional(),
    start_service_time: z.number().optional(),
    departure_time: z.number().optional(),
    end_time: z.number().optional(),
    end_service_time: z.number().optional(),
    arrival_at_patient: z.number().optional().nullable(),
  })
  .loose();
const solutionSchema = z
  .object({
    routes: z.array(
      z.object({ caregiver_id: z.string(), locations: z.array(entrySchema).optional() }).loose(),
    ),
  })
  .loose();
export type UhhcSolutionJson = z.infer<typeof solutionSchema>;

export interface UhhcEvaluation {
  feasible: boolean;
  violations: string[];
  /** Unweighted values per component. */
  values: Record<CostComponent, number>;
  /** Σ weight × value over the numerically weighted components. */
  objective: number;
}

interface Entry {
  patient: string;
  service: string;
  start: number;
  end: number;
  lunch: boolean;
  arrivalGiven?: number;
}

export function evaluateUhhc(instance: UhhcInstance, json: unknown, source = 'solution'): UhhcEvaluation {
  const solution = parseOrThrow(solutionSchema, json, source);
  const raw = instance.raw;
  const violations: string[] = [];
  const values = Object.fromEntries(COST_COMPONENTS.map((c) => [c, 0])) as Record<CostComponent, number>;
  const dist = (a: number, b: number) => instance.travel[a * instance.size + b];
  const lunch = instance.lunch;

  // Which patients are served (by a non-lunch entry).
  const served = new Set<string>();
  for (const route of solution.routes)
    for (const e of route.locations ?? []) if (e.service !== 'lunch_break') served.add(e.patient);

  const seenCaregiver = new Set<string>();
  const providers = new Map<string, string[]>(); // "patient|service" → caregivers
  const startOf = new Map<string, number>();
  const tardiness: number[] = [];
  const waiting: number[] = [];
  const idle = new Map<string, number>();
  const lunchTakers = new Set<string>();
  const workload = new Map<string, number>();

  for (const route of solution.routes) {
    const cid = route.caregiver_id;
    const cIdx = instance.caregiverIndex.get(cid);
    if (cIdx === undefined) {
      violations.push(`unknown caregiver ${cid}`);
      continue;
    }
    if (seenCaregiver.has(cid)) violations.push(`caregiver ${cid} has more than one route`);
    seenCaregiver.add(cid);
    const cg = raw.caregivers[cIdx];
    const shift = cg.working_shift;
    const home = instance.terminalIndex.get(cg.departing_point)!;
    const back = instance.terminalIndex.get(cg.arrival_point ?? cg.departing_point)!;
    if (route.locations === undefined || route.locations.length === 0) {
      idle.set(cid, shift.end - shift.start);
      values.travel_time += dist(home, back);
      workload.set(cid, dist(home, back));
      continue;
    }
    const entries: Entry[] = route.locations.map((e) => ({
      patient: e.patient,
      service: e.service,
      start: e.arrival_time ?? e.start_time ?? e.start_service_time ?? NaN,
      end: e.departure_time ?? e.end_time ?? e.end_service_time ?? NaN,
      lunch: e.service === 'lunch_break',
      arrivalGiven: e.arrival_at_patient ?? undefined,
    }));
    entries.sort((a, b) => a.start - b.start);
    const where = (e: Entry): number => {
      const p = instance.patientIndex.get(e.patient);
      if (e.lunch)
        return p !== undefined && served.has(e.patient) ? raw.patients[p].distance_matrix_index : home;
      return p === undefined ? home : raw.patients[p].distance_matrix_index;
    };
    let travel = 0;
    let service = 0;
    let idleTime = 0;
    const firstLoc = where(entries[0]);
    const leave = entries[0].start - dist(home, firstLoc);
    travel += dist(home, firstLoc);
    if (leave < shift.start)
      violations.push(`${cid} leaves at ${leave}, before the shift starts at ${shift.start}`);
    idleTime += Math.max(0, leave - shift.start);
    let prevLoc = firstLoc;
    let prevEnd = NaN;
    entries.forEach((e, k) => {
      const label = `${cid} entry ${k + 1} (${e.patient} ${e.service})`;
      if (!Number.isFinite(e.start) || !Number.isFinite(e.end)) {
        violations.push(`${label}: missing start or end time`);
        return;
      }
      if (e.end <= e.start) violations.push(`${label}: ends at ${e.end}, not after its start ${e.start}`);
      const loc = where(e);
      let arrival = e.start;
      if (k > 0) {
        const leg = dist(prevLoc, loc);
        travel += leg;
        arrival = prevEnd + leg;
        if (e.start < arrival)
          violations.push(`${label}: starts at ${e.start}, before arriving at ${arrival}`);
      }
      if (e.arrivalGiven !== undefined && e.arrivalGiven > e.start)
        violations.push(`${label}: arrival_at_patient after start`);
      const wait = Math.max(0, e.start - arrival);
      idleTime += wait;
      if (!(k === 1 && entries[0].lunch)) waiting.push(wait);
      prevLoc = loc;
      prevEnd = e.end;
      if (e.lunch) {
        if (!cg.lunch_break) violations.push(`${label}: caregiver ${cid} is not entitled to a lunch break`);
        if (lunchTakers.has(cid)) violations.push(`${label}: second lunch break`);
        lunchTakers.add(cid);
        if (instance.lunchListed && lunch) {
          const t = instance.atServiceEnd ? e.end : e.start;
          if (e.start < lunch.start)
            violations.push(`${label}: lunch starts at ${e.start}, before ${lunch.start}`);
          if (e.end - e.start < lunch.minDuration)
            violations.push(`${label}: lunch shorter than ${lunch.minDuration}`);
          if (t > lunch.end)
            violations.push(
              `${label}: lunch ${instance.atServiceEnd ? 'ends' : 'starts'} at ${t}, after ${lunch.end}`,
            );
        }
        return;
      }
      const pIdx = instance.patientIndex.get(e.patient);
      if (pIdx === undefined) {
        violations.push(`${label}: unknown patient`);
        return;
      }
      const patient = raw.patients[pIdx];
      const k2 = patient.required_services.findIndex((s) => s.service === e.service);
      if (k2 < 0) {
        violations.push(`${label}: patient does not require service ${e.service}`);
        return;
      }
      const key = `${e.patient}|${e.service}`;
      providers.set(key, [...(providers.get(key) ?? []), cid]);
      startOf.set(key, e.start);
      const needed = serviceDuration(instance, patient, k2);
      if (e.end - e.start < needed) violations.push(`${label}: lasts ${e.end - e.start}, needs ${needed}`);
      service += e.end - e.start;
      const windows = patient.time_windows;
      if (e.start < windows[0].start)
        violations.push(`${label}: starts at ${e.start}, before the window opens at ${windows[0].start}`);
      let w = 0;
      for (let i = 0; i < windows.length; i++) if (windows[i].start <= e.start) w = i;
      const t = instance.atServiceEnd ? e.end : e.start;
      tardiness.push(Math.max(0, t - windows[w].end));
      if (!cg.abilities.includes(e.service)) values.qualification++;
      if (patient.incompatible_caregivers?.includes(cid)) values.incompabilities++;
      if (
        patient.preferred_caregivers &&
        patient.preferred_caregivers.length > 0 &&
        !patient.preferred_caregivers.includes(cid)
      )
        values.caregiver_preferences++;
    });
    const backLeg = dist(prevLoc, back);
    travel += backLeg;
    const returnTime = prevEnd + backLeg;
    values.total_extra_time += Math.max(0, returnTime - shift.end);
    if (returnTime <= shift.end) idleTime += shift.end - returnTime;
    idle.set(cid, idleTime);
    values.travel_time += travel;
    workload.set(cid, service + travel);
  }

  // Services of served patients, synchronisation, unserved patients.
  for (const patient of raw.patients) {
    const isServed = served.has(patient.id);
    if (!isServed) {
      values.optional_patients++;
      if (!patient.optional) violations.push(`patient ${patient.id} is mandatory but not served`);
      continue;
    }
    for (const s of patient.required_services) {
      const who = providers.get(`${patient.id}|${s.service}`) ?? [];
      if (who.length === 0) violations.push(`patient ${patient.id}: service ${s.service} not given`);
      if (who.length > 1)
        violations.push(`patient ${patient.id}: service ${s.service} given ${who.length} times`);
    }
    if (patient.required_services.length === 2) {
      const a = startOf.get(`${patient.id}|${patient.required_services[0].service}`);
      const b = startOf.get(`${patient.id}|${patient.required_services[1].service}`);
      const type = patient.synchronization?.type ?? 'independent';
      if (a !== undefined && b !== undefined) {
        if (type === 'simultaneous' && a !== b)
          violations.push(`patient ${patient.id}: simultaneous services start at ${a} and ${b}`);
        if (type === 'sequential') {
          const [min, max] = syncDistance(patient);
          if (b - a < min || b - a > max)
            violations.push(`patient ${patient.id}: sequential gap ${b - a} outside [${min}, ${max}]`);
        }
      }
    }
  }
  for (const cg of raw.caregivers) if (cg.lunch_break && !lunchTakers.has(cg.id)) values.missed_lunch_break++;

  values.total_tardiness = tardiness.reduce((a, b) => a + b, 0);
  values.highest_tardiness = tardiness.length ? Math.max(...tardiness) : 0;
  values.total_waiting_time = waiting.reduce((a, b) => a + b, 0);
  values.max_waiting_time = waiting.length ? Math.max(...waiting) : 0;
  values.max_idle_time = idle.size ? Math.max(0, ...idle.values()) : 0;
  let total = 0;
  for (const cg of raw.caregivers) total += workload.get(cg.id) ?? 0;
  const mean = total / Math.max(1, raw.caregivers.length);
  values.working_time = total;
  values.workload_balance = raw.caregivers.reduce(
    (acc, cg) => acc + Math.ceil(Math.abs((workload.get(cg.id) ?? 0) - mean)),
    0,
  );

  for (const c of instance.hard)
    if (values[c] > 0) violations.push(`hard component ${c} = ${values[c]} (must be 0)`);
  let objective = 0;
  for (const c of COST_COMPONENTS) objective += instance.weights[c] * values[c];
  return { feasible: violations.length === 0, violations, values, objective };
}
