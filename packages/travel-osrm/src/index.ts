/**
 * Travel times from an OSRM server through its Table API
 * (GET /table/v1/{profile}/{lon,lat;...}?sources=..&destinations=..&annotations=duration).
 * Large point lists are split into blocks of at most `maxTableSize` coordinates per request;
 * durations are cached per profile and point pair, so asking again (the next day, another team)
 * only fetches what is new. Unreachable servers, HTTP errors, non-"Ok" answers and missing routes
 * become a TravelProviderError that names the server and the problem.
 */
import type { GeoPoint, TravelMode } from '@planmaat/domain';
import { pointKey, TravelProviderError, type TravelTimeProvider } from '@planmaat/routes';

export interface OsrmOptions {
  /** Server base URL, e.g. "http://localhost:5000"; or one per OSRM profile. */
  url: string | Record<string, string>;
  /** OSRM profile and a factor on its durations per travel mode. */
  profiles?: Partial<Record<TravelMode, { profile: string; factor?: number }>>;
  /** Coordinates per request (OSRM's --max-table-size, default 100). */
  maxTableSize?: number;
  /** Per request, in milliseconds; default 15000. */
  timeoutMs?: number;
  /** Replaces global fetch (tests, proxies). */
  fetch?: typeof fetch;
}

export const DEFAULT_OSRM_PROFILES: Record<TravelMode, { profile: string; factor: number }> = {
  car: { profile: 'driving', factor: 1 },
  bike: { profile: 'cycling', factor: 1 },
  // An e-bike is about a quarter faster than a bike on the same roads.
  'e-bike': { profile: 'cycling', factor: 0.78 },
  walk: { profile: 'foot', factor: 1 },
};

export interface OsrmProvider extends TravelTimeProvider {
  /** Requests sent so far (for tests and reports). */
  readonly requests: number;
}

export function osrmTravelProvider(options: OsrmOptions): OsrmProvider {
  const cache = new Map<string, number>();
  const doFetch = options.fetch ?? fetch;
  const blockSize = Math.max(2, options.maxTableSize ?? 100);
  let requests = 0;
  const baseUrl = (profile: string) => {
    const url = typeof options.url === 'string' ? options.url : options.url[profile];
    if (!url)
      throw new TravelProviderError(
        `geen OSRM-adres voor profiel ${profile} / no OSRM URL for profile ${profile}`,
      );
    return url.replace(/\/+$/, '');
  };

  async function table(profile: string, sources: GeoPoint[], destinations: GeoPoint[], signal?: AbortSignal) {
    const coords = [...sources, ...destinations];
    const list = coords.map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
    const src = sources.map((_, i) => i).join(';');
    const dst = destinations.map((_, i) => i + sources.length).join(';');
    const url = `${baseUrl(profile)}/table/v1/${profile}/${list}?sources=${src}&destinations=${dst}&annotations=duration`;
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 15000);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    requests++;
    let response: Response;
    try {
      response = await doFetch(url, { signal: combined });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new TravelProviderError(
        `OSRM-server ${baseUrl(profile)} niet bereikbaar / OSRM server ${baseUrl(profile)} unreachable: ${(error as Error).message}`,
      );
    }
    let body: { code?: string; message?: string; durations?: (number | null)[][] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new TravelProviderError(
        `OSRM-server gaf geen JSON (HTTP ${response.status}) / OSRM server returned no JSON (HTTP ${response.status})`,
      );
    }
    if (!response.ok || body.code !== 'Ok')
      throw new TravelProviderError(
        `OSRM-fout / OSRM error: HTTP ${response.status} ${body.code ?? ''} ${body.message ?? ''}`.trim(),
      );
    const d = body.durations;
    if (
      !Array.isArray(d) ||
      d.length !== sources.length ||
      d.some((row) => !Array.isArray(row) || row.length !== destinations.length)
    )
      throw new TravelProviderError(
        `OSRM-antwoord heeft geen ${sources.length}×${destinations.length} reistijden / OSRM answer lacks a ${sources.length}×${destinations.length} duration table`,
      );
    return d;
  }

  return {
    name: 'osrm',
    get requests() {
      return requests;
    },
    async matrix(points, mode, signal) {
      const chosen = options.profiles?.[mode] ?? DEFAULT_OSRM_PROFILES[mode];
      const profile = chosen.profile;
      const factor = chosen.factor ?? 1;
      const n = points.length;
      const keys = points.map(pointKey);
      const out = new Float64Array(n * n);
      const half = Math.max(1, Math.floor(blockSize / 2));
      for (let s0 = 0; s0 < n; s0 += half) {
        for (let d0 = 0; d0 < n; d0 += half) {
          const sIdx = range(s0, Math.min(n, s0 + half));
          const dIdx = range(d0, Math.min(n, d0 + half));
          const missing = sIdx.some((i) => dIdx.some((j) => !cache.has(`${profile}|${keys[i]}|${keys[j]}`)));
          if (missing) {
            const durations = await table(
              profile,
              sIdx.map((i) => points[i]),
              dIdx.map((j) => points[j]),
              signal,
            );
            sIdx.forEach((i, a) =>
              dIdx.forEach((j, b) => {
                const seconds = durations[a][b];
                if (seconds === null || seconds === undefined || !Number.isFinite(seconds))
                  throw new TravelProviderError(
                    `OSRM vindt geen route van ${keys[i]} naar ${keys[j]} / OSRM finds no route from ${keys[i]} to ${keys[j]}`,
                  );
                cache.set(`${profile}|${keys[i]}|${keys[j]}`, seconds);
              }),
            );
          }
          for (const i of sIdx)
            for (const j of dIdx)
              out[i * n + j] = (cache.get(`${profile}|${keys[i]}|${keys[j]}`)! / 60) * factor;
        }
      }
      return out;
    },
  };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}
