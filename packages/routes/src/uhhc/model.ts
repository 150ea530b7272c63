/**
 * The UHHC instance as flat arrays for the solver: visits are (patient, service) pairs, with
 * locations, durations, windows, sync partner, and who may serve them (skill and not
 * incompatible). Built once per solve and handed to worker threads as-is.
 */
import { serviceDuration, syncDistance, syncKind, type UhhcInstance } from './instance.ts';

export const SYNC_NONE = 0;
export const SYNC_INDEPENDENT = 1;
export const SYNC_SIMULTANEOUS = 2;
export const SYNC_SEQUENTIAL = 3;

export interface UhhcModel {
  size: number;
  travel: Float64Array;
  atServiceEnd: boolean;
  visits: number;
  patients: number;
  caregivers: number;
  visitPatient: Int32Array;
  visitLoc: Int32Array;
  visitDuration: Float64Array;
  /** The other visit of a two-service patient, or -1. */
  visitPartner: Int32Array;
  /** 1 for the first listed service of a patient. */
  visitFirst: Uint8Array;
  /** visit × caregiver: 1 = may serve (skill, not incompatible). */
  canServe: Uint8Array;
  /** visit × caregiver: 1 = counts as an unmet preference. */
  unpreferred: Uint8Array;
  patientVisits: Int32Array; // 2 per patient, -1 when absent
  patientSync: Uint8Array;
  seqMin: Float64Array;
  seqMax: Float64Array;
  patientOptional: Uint8Array;
  windowOffset: Int32Array; // patients + 1
  windowOpen: Float64Array;
  windowClose: Float64Array;
  home: Int32Array;
  back: Int32Array;
  shiftStart: Float64Array;
  shiftEnd: Float64Array;
  lunchEntitled: Uint8Array;
  lunchStart: number;
  lunchLatest: number;
  lunchDuration: number;
  hasLunch: boolean;
  w: {
    travel: number;
    tardiness: number;
    highestTardiness: number;
    waiting: number;
    extra: number;
    idle: number;
    preference: number;
    optional: number;
    lunch: number;
  };
  /** Cost of leaving a mandatory patient out or breaking a hard rule: dominates everything. */
  hardPenalty: number;
  patientIds: string[];
  caregiverIds: string[];
  serviceIds: string[];
}

export function buildUhhcModel(instance: UhhcInstance): UhhcModel {
  const raw = instance.raw;
  const P = raw.patients.length;
  const C = raw.caregivers.length;
  let V = 0;
  for (const p of raw.patients) V += p.required_services.length;
  const visitPatient = new Int32Array(V);
  const visitLoc = new Int32Array(V);
  const visitDuration = new Float64Array(V);
  const visitPartner = new Int32Array(V).fill(-1);
  const visitFirst = new Uint8Array(V);
  const canServe = new Uint8Array(V * C);
  const unpreferred = new Uint8Array(V * C);
  const patientVisits = new Int32Array(P * 2).fill(-1);
  const patientSync = new Uint8Array(P);
  const seqMin = new Float64Array(P);
  const seqMax = new Float64Array(P);
  const patientOptional = new Uint8Array(P);
  const windowOffset = new Int32Array(P + 1);
  const open: number[] = [];
  const close: number[] = [];
  const serviceIds: string[] = [];
  let v = 0;
  raw.patients.forEach((p, pi) => {
    windowOffset[pi] = open.length;
    for (const w of p.time_windows) {
      open.push(w.start);
      close.push(w.end);
    }
    const kind = syncKind(p);
    patientSync[pi] =
      kind === 'simultaneous'
        ? SYNC_SIMULTANEOUS
        : kind === 'sequential'
          ? SYNC_SEQUENTIAL
          : kind === 'independent'
            ? SYNC_INDEPENDENT
            : SYNC_NONE;
    [seqMin[pi], seqMax[pi]] = syncDistance(p);
    patientOptional[pi] = p.optional ? 1 : 0;
    p.required_services.forEach((s, k) => {
      visitPatient[v] = pi;
      visitLoc[v] = p.distance_matrix_index;
      visitDuration[v] = serviceDuration(instance, p, k);
      visitFirst[v] = k === 0 ? 1 : 0;
      patientVisits[pi * 2 + k] = v;
      serviceIds[v] = s.service;
      raw.caregivers.forEach((c, ci) => {
        const skilled = c.abilities.includes(s.service) || !instance.hard.has('qualification');
        const compatible =
          !p.incompatible_caregivers?.includes(c.id) || !instance.hard.has('incompabilities');
        canServe[v * C + ci] = skilled && compatible ? 1 : 0;
        const prefs = p.preferred_caregivers;
        unpreferred[v * C + ci] = prefs && prefs.length > 0 && !prefs.includes(c.id) ? 1 : 0;
      });
      v++;
    });
    if (p.required_services.length === 2) {
      visitPartner[v - 2] = v - 1;
      visitPartner[v - 1] = v - 2;
    }
  });
  windowOffset[P] = open.length;
  const lunch = instance.lunch;
  const w = instance.weights;
  return {
    size: instance.size,
    travel: instance.travel,
    atServiceEnd: instance.atServiceEnd,
    visits: V,
    patients: P,
    caregivers: C,
    visitPatient,
    visitLoc,
    visitDuration,
    visitPartner,
    visitFirst,
    canServe,
    unpreferred,
    patientVisits,
    patientSync,
    seqMin,
    seqMax,
    patientOptional,
    windowOffset,
    windowOpen: Float64Array.from(open),
    windowClose: Float64Array.from(close),
    home: Int32Array.from(raw.caregivers, (c) => instance.terminalIndex.get(c.departing_point)!),
    back: Int32Array.from(raw.caregivers, (c) =>
      instance.terminalIndex.get(c.arrival_point ?? c.departing_point)!,
    ),
    shiftStart: Float64Array.from(raw.caregivers, (c) => c.working_shift.start),
    shiftEnd: Float64Array.from(raw.caregivers, (c) => c.working_shift.end),
    lunchEntitled: Uint8Array.from(raw.caregivers, (c) =>
      c.lunch_break && instance.lunchListed && lunch ? 1 : 0,
    ),
    lunchStart: lunch?.start ?? 0,
    lunchLatest: lunch ? lunch.end - (instance.atServiceEnd ? lunch.minDuration : 0) : 0,
    lunchDuration: lunch?.minDuration ?? 0,
    hasLunch: instance.lunchListed && lunch !== null,
    w: {
      travel: w.travel_time,
      tardiness: w.total_tardiness,
      highestTardiness: w.highest_tardiness,
      waiting: w.total_waiting_time,
      extra: w.total_extra_time,
      idle: w.max_idle_time,
      // Hard preferences: a large weight keeps them out unless nothing else fits.
      preference: instance.hard.has('caregiver_preferences') ? 1e6 : w.caregiver_preferences,
      optional: instance.hard.has('optional_patients') ? 1e7 : w.optional_patients,
      lunch: instance.hard.has('missed_lunch_break') ? 1e6 : w.missed_lunch_break,
    },
    hardPenalty: 1e7,
    patientIds: raw.patients.map((p) => p.id),
    caregiverIds: raw.caregivers.map((c) => c.id),
    serviceIds,
  };
}
