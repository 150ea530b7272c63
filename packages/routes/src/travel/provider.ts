/**
 * Travel times behind one interface. A provider returns a full matrix of travel minutes between
 * the given points for one travel mode; the solver asks once per day and mode. The interface is
 * asynchronous so a network provider (OSRM, package @planmaat/travel-osrm) fits; the estimate and
 * the given-matrix providers resolve immediately and need no network.
 */
import { haversineMeters, type GeoPoint, type TravelMode } from '@planmaat/domain';

export interface TravelTimeProvider {
  /** Short name for reports, e.g. "estimate" or "osrm". */
  readonly name: string;
  /** Travel minutes from every point to every point (row-major points.length²) for `mode`. */
  matrix(points: readonly GeoPoint[], mode: TravelMode, signal?: AbortSignal): Promise<Float64Array>;
}

/** A provider could not deliver travel times; the message says why (Dutch, then English). */
export class TravelProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TravelProviderError';
  }
}

export interface EstimateOptions {
  /** Road distance ÷ great-circle distance; default 1.35 (Dutch towns). */
  detourFactor?: number;
  /** Average speed per mode in km/h. */
  speedKmh?: Partial<Record<TravelMode, number>>;
  /** Fixed minutes per trip between different addresses (parking, locking the bike). */
  overheadMinutes?: Partial<Record<TravelMode, number>>;
}

export const DEFAULT_SPEED_KMH: Record<TravelMode, number> = { car: 30, 'e-bike': 19, bike: 15, walk: 4.8 };
export const DEFAULT_OVERHEAD_MINUTES: Record<TravelMode, number> = { car: 3, 'e-bike': 1, bike: 1, walk: 0 };

/** Minutes for one trip by the estimate: great-circle distance × detour factor at the mode's speed. */
export function estimateMinutes(
  a: GeoPoint,
  b: GeoPoint,
  mode: TravelMode,
  options: EstimateOptions = {},
): number {
  const metres = haversineMeters(a, b);
  if (metres < 1) return 0;
  const speed = options.speedKmh?.[mode] ?? DEFAULT_SPEED_KMH[mode];
  const overhead = options.overheadMinutes?.[mode] ?? DEFAULT_OVERHEAD_MINUTES[mode];
  const detour = options.detourFactor ?? 1.35;
  return overhead + (metres * detour) / ((speed * 1000) / 60);
}

/** The default provider: estimates from coordinates, no network needed. */
export function estimateTravelProvider(options: EstimateOptions = {}): TravelTimeProvider {
  return {
    name: 'estimate',
    matrix(points, mode) {
      const n = points.length;
      const out = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          if (i !== j) out[i * n + j] = estimateMinutes(points[i], points[j], mode, options);
      return Promise.resolve(out);
    },
  };
}

/** Travel minutes known in advance for a fixed list of points (one matrix per mode, or one for all). */
export interface GivenMatrix {
  points: readonly GeoPoint[];
  /** Row-major points.length² minutes; `byMode` overrides it per mode. */
  minutes?: ArrayLike<number>;
  byMode?: Partial<Record<TravelMode, ArrayLike<number>>>;
}

export function pointKey(p: GeoPoint): string {
  return `${p.lat.toFixed(6)},${p.lon.toFixed(6)}`;
}

/** A provider over a given matrix; asking for a point it does not know is an error. */
export function matrixTravelProvider(given: GivenMatrix): TravelTimeProvider {
  const index = new Map<string, number>();
  given.points.forEach((p, i) => index.set(pointKey(p), i));
  const size = given.points.length;
  for (const m of [given.minutes, ...Object.values(given.byMode ?? {})])
    if (m !== undefined && m.length !== size * size)
      throw new TravelProviderError(
        `reistijdmatrix heeft ${m.length} waarden, verwacht ${size * size} / travel matrix has ${m.length} values, expected ${size * size}`,
      );
  return {
    name: 'matrix',
    // async: an unknown point rejects the promise instead of throwing.
    async matrix(points, mode) {
      const source = given.byMode?.[mode] ?? given.minutes;
      if (source === undefined)
        throw new TravelProviderError(`geen reistijden voor ${mode} / no travel times for mode ${mode}`);
      const at = points.map((p) => {
        const i = index.get(pointKey(p));
        if (i === undefined)
          throw new TravelProviderError(
            `punt ${pointKey(p)} staat niet in de reistijdmatrix / point ${pointKey(p)} is not in the travel matrix`,
          );
        return i;
      });
      const n = points.length;
      const out = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = source[at[i] * size + at[j]];
      return out;
    },
  };
}

/**
 * Use `primary` (e.g. OSRM) and switch to `fallback` (e.g. the estimate) for good when it fails
 * with a TravelProviderError: every later matrix comes from the fallback. `onFallback` hears why,
 * once; the name then says so, e.g. "estimate (osrm unavailable)".
 */
export function fallbackTravelProvider(
  primary: TravelTimeProvider,
  fallback: TravelTimeProvider,
  onFallback?: (error: TravelProviderError) => void,
): TravelTimeProvider & { readonly failure: TravelProviderError | undefined } {
  let failure: TravelProviderError | undefined;
  return {
    get name() {
      return failure ? `${fallback.name} (${primary.name} unavailable)` : primary.name;
    },
    get failure() {
      return failure;
    },
    async matrix(points, mode, signal) {
      if (!failure) {
        try {
          return await primary.matrix(points, mode, signal);
        } catch (error) {
          if (!(error instanceof TravelProviderError)) throw error;
          failure = error;
          onFallback?.(error);
        }
      }
      return fallback.matrix(points, mode, signal);
    },
  };
}
