/**
 * Errors as RFC 9457 `application/problem+json`, each naming the field it is about where there
 * is one. Repository errors map to their status here, so routes just throw.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { ConflictError, DataDirLockedError, NotFoundError, RuleViolationError } from '@planmaat/db';
import { InputError } from '@planmaat/domain';
import { explicitLanguage, localisedMessage, type Language } from './messages.ts';

export interface FieldProblem {
  field: string;
  message: string;
  /** Machine-readable reason: the zod issue code (`too_small`, `custom`, …) or a Planmaat one (`past_date`, `duplicate`). */
  code?: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const unauthorized = () =>
  new HttpProblem(401, 'Niet ingelogd / not signed in', 'Log in via POST /api/auth/login.');
export const forbidden = (
  detail = 'Uw rol geeft geen toegang tot deze gegevens / your role does not allow this.',
) => new HttpProblem(403, 'Geen toegang / forbidden', detail);

const TYPE_BASE = 'https://planmaat.nl/problems/';

export function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

/**
 * A 400 naming each bad field: `errors[]` keeps the field path and zod's issue `code`; `message`
 * is for a planner, in Dutch when the client prefers Dutch (`Accept-Language`), else English.
 */
export function validationProblem(error: ZodError, location: string, lang?: Language): Response {
  const errors = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || location,
    code: issue.code,
    message: localisedMessage(issue, lang ?? 'en'),
  }));
  return problemResponse({
    type: `${TYPE_BASE}validation`,
    title: pickLanguage('Ongeldige invoer / invalid input', lang),
    status: 400,
    detail: errors.map((e) => e.message).join('; '),
    errors,
    in: location,
  });
}

/**
 * One language of a "Nederlands / English" text (the convention of the repository's messages),
 * when the client asked for one; without `Accept-Language` the text stays bilingual.
 */
export function pickLanguage(text: string, lang: Language | undefined): string {
  if (!lang) return text;
  const parts = text.split(' / ');
  if (parts.length !== 2) return text;
  return lang === 'nl' ? parts[0] : parts[1];
}

export function toProblem(error: unknown): Problem {
  if (error instanceof HttpProblem)
    return {
      type: `${TYPE_BASE}${error.status}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      ...error.extra,
    };
  if (error instanceof NotFoundError)
    return {
      type: `${TYPE_BASE}not-found`,
      title: 'Niet gevonden / not found',
      status: 404,
      detail: error.message,
    };
  if (error instanceof ConflictError)
    return {
      type: `${TYPE_BASE}conflict`,
      title: 'Tussentijds gewijzigd / edit conflict',
      status: 409,
      detail: error.message,
      expectedVersion: error.expectedVersion,
      currentVersion: error.currentVersion,
      changes: error.changes,
    };
  if (error instanceof RuleViolationError)
    return {
      type: `${TYPE_BASE}unprocessable`,
      title: 'Niet toegestaan / cannot be applied',
      status: 422,
      detail: error.message,
      errors: [{ field: error.field, message: error.message, ...(error.code ? { code: error.code } : {}) }],
    };
  if (error instanceof InputError)
    return {
      type: `${TYPE_BASE}validation`,
      title: 'Ongeldige invoer / invalid input',
      status: 400,
      detail: error.message,
    };
  if (error instanceof HTTPException) {
    const status = error.status;
    const title = status === 413 ? 'Verzoek te groot / request too large' : error.message || 'HTTP error';
    return { type: `${TYPE_BASE}${status}`, title, status, detail: error.message || title };
  }
  if (error instanceof DataDirLockedError)
    return {
      type: `${TYPE_BASE}unavailable`,
      title: 'Niet beschikbaar / unavailable',
      status: 503,
      detail: error.message,
    };
  return { type: `${TYPE_BASE}internal`, title: 'Interne fout / internal error', status: 500 };
}

export function onError(error: Error, c: Context): Response {
  const problem = toProblem(error);
  if (problem.status >= 500) console.error('planmaat: request failed:', error);
  const lang = explicitLanguage(c.req.header('accept-language'));
  if (lang) {
    problem.title = pickLanguage(problem.title, lang);
    if (problem.detail) problem.detail = pickLanguage(problem.detail, lang);
    problem.errors = problem.errors?.map((e) => ({ ...e, message: pickLanguage(e.message, lang) }));
  }
  return problemResponse(problem);
}
