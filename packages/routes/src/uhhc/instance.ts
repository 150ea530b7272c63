/**
 * UHHC (Unified Home Healthcare Routing and Scheduling) instances, see
 * ../shared/benchmarks/uhhc/README.md. `parseUhhc` validates the JSON and indexes it into flat
 * arrays shared by the solver and the evaluator: visits are (patient, service) pairs.
 */
import { z } from 'zod';
import { InputError, parseOrThrow } from '@planmaat/domain';

const weight = z.union([z.number(), z.literal('HARD')]);
const window = z.object({ start: z.number(), end: z.number() });
const rawInstance = z.object({
  metadata: z.object({
    name: z.string().optional(),
    origin: z.string().optional(),
    time_window_met: z.enum(['at_service_start', 'at_service_end']).optional(),
    cost_components: z.record(z.string(), weight),
  }),
  distances: z.array(z.array(z.number())),
  terminal_points: z.array(z.object({ id: z.string(), distance_matrix_index: z.number().int() })),
  caregivers: z.array(
    z.object({
      id: z.string(),
      abilities: z.array(z.string()),
      departing_point: z.string(),
      arrival_point: z.string().optional().nullable(),
      working_shift: z.object({ start: z.number(), end: z.number() }),
      lunch_break: z.boolean().optional().nullable(),
    }),
  ),
  patients: z.array(
    z.object({
      id: z.string(),
      distance_matrix_index: z.number().int(),
      required_services: z
        .array(z.object({ service: z.string(), duration: z.number().optional().nullable() }))
        .min(1)
        .max(2),
      time_windows: z.array(window).min(1),
      synchronization: z
        .object({
          type: z.enum(['independent', 'simultaneous', 'sequential']),
          distance: z
            .union([z.object({ min: z.number(), max: z.number() }), z.tuple([z.number(), z.number()])])
            .optional(),
        })
        .optional()
        .nullable(),
      preferred_caregivers: z.array(z.string()).optional().nullable(),
      incompatible_caregivers: z.array(z.string()).optional().nullable(),
      optional: z.boolean().optional().nullable(),
    }),
  ),
  services: z.array(z.object({ id: z.string(), default_duration: z.number().optional().nullable() })),
  lunch_breaks: z
    .object({ start: z.number(), end: z.number(), min_duration: z.number() })
    .optional()
    .nullable(),
});
export type RawUhhcInstance = z.infer<typeof rawInstance>;

export const COST_COMPONENTS = [
  'travel_time',
  'total_tardiness',
  'highest_tardiness',
  'total_waiting_time',
  'max_waiting_time',
  'total_extra_time',
  'max_idle_time',
  'caregiver_preferences',
  'optional_patients',
  'missed_lunch_break',
  'workload_balance',
  'working_time',
  'qualification',
  'incompabilities',
] as const;
export type CostComponent = (typeof COST_COMPONENTS)[number];

/** Components that are hard when absent from the instance's cost_components. */
const HARD_WHEN_ABSENT: ReadonlySet<string> = new Set([
  'qualification',
  'incompabilities',
  'caregiver_preferences',
  'optional_patients',
  'missed_lunch_break',
]);

export type SyncKind = 'none' | 'independent' | 'simultaneous' | 'sequential';

export interface UhhcInstance {
  raw: RawUhhcInstance;
  name: string;
  atServiceEnd: boolean;
  /** Numeric weight per component (0 when it does not count); `hard` lists the HARD ones. */
  weights: Record<CostComponent, number>;
  hard: Set<CostComponent>;
  lunchListed: boolean;
  size: number;
  /** Travel minutes, row-major size × size. */
  travel: Float64Array;
  patientIndex: Map<string, number>;
  caregiverIndex: Map<string, number>;
  terminalIndex: Map<string, number>;
  lunch: { start: number; end: number; minDuration: number } | null;
}

export function parseUhhc(json: unknown, source = 'instance'): UhhcInstance {
  const raw = parseOrThrow(rawInstance, json, source);
  const size = raw.distances.length;
  const travel = new Float64Array(new SharedArrayBuffer(size * size * 8));
  raw.distances.forEach((row, i) => {
    if (row.length !== size)
      throw new InputError(`row ${i} has ${row.length} entries, expected ${size}`, `${source}: distances`);
    row.forEach((v, j) => (travel[i * size + j] = v));
  });
  const weights = {} as Record<CostComponent, number>;
  const hard = new Set<CostComponent>();
  const listed = raw.metadata.cost_components;
  for (const c of COST_COMPONENTS) {
    const w = listed[c];
    if (w === undefined) {
      weights[c] = 0;
      if (HARD_WHEN_ABSENT.has(c)) hard.add(c);
    } else if (w === 'HARD') {
      weights[c] = 0;
      hard.add(c);
    } else weights[c] = w;
  }
  const patientIndex = new Map(raw.patients.map((p, i) => [p.id, i]));
  const caregiverIndex = new Map(raw.caregivers.map((c, i) => [c.id, i]));
  const terminalIndex = new Map(raw.terminal_points.map((t) => [t.id, t.distance_matrix_index]));
  const services = new Set(raw.services.map((s) => s.id));
  for (const c of raw.caregivers) {
    for (const point of [c.departing_point, c.arrival_point ?? c.departing_point])
      if (!terminalIndex.has(point))
        throw new InputError(`unknown terminal point "${point}"`, `${source}: caregiver ${c.id}`);
  }
  for (const p of raw.patients) {
    if (p.distance_matrix_index < 0 || p.distance_matrix_index >= size)
      throw new InputError(
        `distance_matrix_index ${p.distance_matrix_index} outside the matrix`,
        `${source}: patient ${p.id}`,
      );
    for (const s of p.required_services)
      if (!services.has(s.service))
        throw new InputError(`unknown service "${s.service}"`, `${source}: patient ${p.id}`);
    if (p.required_services.length === 2 && !p.synchronization)
      throw new InputError('two services need a synchronization', `${source}: patient ${p.id}`);
  }
  return {
    raw,
    name: raw.metadata.name ?? source,
    atServiceEnd: raw.metadata.time_window_met === 'at_service_end',
    weights,
    hard,
    lunchListed: listed.missed_lunch_break !== undefined,
    size,
    travel,
    patientIndex,
    caregiverIndex,
    terminalIndex,
    lunch: raw.lunch_breaks
      ? {
          start: raw.lunch_breaks.start,
          end: raw.lunch_breaks.end,
          minDuration: raw.lunch_breaks.min_duration,
        }
      : null,
  };
}

/** Required duration of a patient's service (falls back to the service's default). */
export function serviceDuration(
  instance: UhhcInstance,
  patient: RawUhhcInstance['patients'][number],
  k: number,
): number {
  const s = patient.required_services[k];
  if (s.duration !== undefined && s.duration !== null) return s.duration;
  return instance.raw.services.find((x) => x.id === s.service)?.default_duration ?? 0;
}

/** Sync bounds of a sequential pair as [min, max]. */
export function syncDistance(patient: RawUhhcInstance['patients'][number]): [number, number] {
  const d = patient.synchronization?.distance;
  if (!d) return [0, 0];
  return Array.isArray(d) ? [d[0], d[1]] : [d.min, d.max];
}

export function syncKind(patient: RawUhhcInstance['patients'][number]): SyncKind {
  if (patient.required_services.length < 2) return 'none';
  return patient.synchronization?.type ?? 'independent';
}
