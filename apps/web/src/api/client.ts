/**
 * Thin fetch wrapper for the Planmaat API: JSON in/out, the session cookie, the CSRF header on
 * changes, and RFC 9457 problems turned into `ApiError` with the field errors kept.
 */
export interface FieldProblem {
  field: string;
  message: string;
  /** zod issue code (`too_small`, `custom`, …) or `past_date` / `duplicate`. */
  code?: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
}

let csrfToken: string | null = null;
/** Remembered from the login / session answer; sent on every change. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The UI language as the server should answer in (`nl` or `en`), from `<html lang>`. */
export function requestLanguage(): string | undefined {
  const lang = globalThis.document?.documentElement.lang;
  return lang === 'nl' || lang === 'en' ? lang : undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // The server words its problems in the UI's current language (i18n keeps <html lang> in step).
  const lang = requestLanguage();
  if (lang) headers['accept-language'] = lang;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ title: 'Geen verbinding met de server / no connection', status: 0 });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem =
      data && typeof data === 'object' && 'title' in data
        ? (data as Problem)
        : { title: response.statusText || `HTTP ${response.status}`, status: response.status };
    throw new ApiError({ ...problem, status: response.status });
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Query string from an object, leaving out undefined values. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined) as Array<[string, string]>;
  if (entries.length === 0) return '';
  return '?' + new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}
