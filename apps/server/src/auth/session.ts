/**
 * Session cookie and CSRF protection. The session token lives in an HttpOnly, SameSite=Lax cookie
 * (Secure over https); state-changing requests must also send the session's CSRF token in the
 * `X-CSRF-Token` header, which a cross-site page cannot read or set.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { findSession, type Database, type User } from '@planmaat/db';
import type { AppEnv } from '../http/context.ts';
import { HttpProblem, unauthorized } from '../http/problem.ts';

export const SESSION_COOKIE = 'planmaat_session';
export const CSRF_COOKIE = 'planmaat_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSecureRequest(c: Context<AppEnv>): boolean {
  const forced = c.get('deps').config.secureCookies;
  if (forced !== undefined) return forced;
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function setSessionCookies(c: Context<AppEnv>, token: string, csrfToken: string, expires: Date): void {
  const secure = isSecureRequest(c);
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', expires });
  // Readable by the web app so it can echo it in the header (double submit).
  setCookie(c, CSRF_COOKIE, csrfToken, { httpOnly: false, sameSite: 'Lax', secure, path: '/', expires });
}

export function clearSessionCookies(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, CSRF_COOKIE, { path: '/' });
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Validated sessions are kept for a few seconds so a burst of requests costs one lookup. A logout
 * clears the entry on this node at once; other web nodes notice within SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 5000;
const sessionCache = new Map<string, { user: User; csrfToken: string; until: number }>();

async function lookupSession(
  db: Database,
  token: string,
): Promise<{ user: User; csrfToken: string } | undefined> {
  const now = Date.now();
  const cached = sessionCache.get(token);
  if (cached && cached.until > now) return cached;
  const session = await findSession(db, token);
  if (!session) {
    sessionCache.delete(token);
    return undefined;
  }
  if (sessionCache.size > 10_000) sessionCache.clear();
  sessionCache.set(token, { ...session, until: now + SESSION_CACHE_MS });
  return session;
}

export function forgetSession(token: string): void {
  sessionCache.delete(token);
}

/** Requires a valid session; checks CSRF on state-changing methods. */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (!token) throw unauthorized();
    const session = await lookupSession(c.get('deps').handle.db, token);
    if (!session) throw unauthorized();
    if (!SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header(CSRF_HEADER);
      if (!sent || !sameToken(sent, session.csrfToken))
        throw new HttpProblem(
          403,
          'CSRF-controle mislukt / CSRF check failed',
          `Stuur de CSRF-token uit de login in de header ${CSRF_HEADER}.`,
        );
    }
    c.set('user', session.user);
    c.set('csrfToken', session.csrfToken);
    await next();
  };
}
