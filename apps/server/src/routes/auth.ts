import { createRoute, z } from '@hono/zod-openapi';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { createSession, deleteSession, findUserByEmail, findUserByOidc, linkOidc, roles } from '@planmaat/db';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords.ts';
import {
  clearSessionCookies,
  forgetSession,
  isSecureRequest,
  requireSession,
  SESSION_COOKIE,
  setSessionCookies,
} from '../auth/session.ts';
import type { Context } from 'hono';
import { newRouter, type AppEnv } from '../http/context.ts';
import { HttpProblem, unauthorized } from '../http/problem.ts';
import type { OidcIdentity } from '../auth/oidc.ts';

export const userSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    employeeId: z.string().nullable(),
    teamIds: z.array(z.string()),
  })
  .openapi('User');

const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() }).openapi('Session');
const problem = { 'application/problem+json': { schema: z.object({}).passthrough() } };

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Inloggen met e-mail en wachtwoord / sign in',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ email: z.string().email().max(320), password: z.string().min(1).max(1000) }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Signed in; session cookie set',
      content: { 'application/json': { schema: sessionSchema } },
    },
    401: { description: 'Wrong e-mail or password', content: problem },
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'Uitloggen / sign out',
  middleware: [requireSession()],
  responses: { 204: { description: 'Signed out' } },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'Huidige gebruiker / current user',
  middleware: [requireSession()],
  responses: {
    200: { description: 'The signed-in user', content: { 'application/json': { schema: sessionSchema } } },
  },
});

const options = createRoute({
  method: 'get',
  path: '/options',
  tags: ['auth'],
  summary: 'Aanmeldmogelijkheden / sign-in options',
  responses: {
    200: {
      description: 'Whether single sign-on is configured, and where it starts',
      content: {
        'application/json': {
          schema: z.object({ sso: z.boolean(), ssoLoginUrl: z.string().nullable() }).openapi('SignInOptions'),
        },
      },
    },
  },
});

const OIDC_COOKIE = 'planmaat_oidc';

/** A browser (not an API client) gets failed SSO sign-ins back on the login page, with the reason. */
function wantsPage(accept: string | undefined): boolean {
  return !!accept && accept.includes('text/html');
}

/** The sign-in state kept in the short-lived cookie, or undefined when absent or malformed. */
function readOidcState(
  cookie: string | undefined,
): { state: string; verifier: string; nonce: string } | undefined {
  if (!cookie) return undefined;
  try {
    const saved = JSON.parse(cookie) as Record<string, unknown>;
    const { state, verifier, nonce } = saved;
    if (typeof state === 'string' && typeof verifier === 'string' && typeof nonce === 'string')
      return { state, verifier, nonce };
  } catch {
    // malformed: treated as missing
  }
  return undefined;
}

export function authRoutes() {
  const app = newRouter();
  app.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const db = c.get('deps').handle.db;
    const user = await findUserByEmail(db, email);
    // Verify against a dummy hash for unknown accounts: same timing, no account enumeration.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !user.passwordHash || !ok) throw unauthorized();
    const session = await createSession(db, user.id, c.get('deps').config.sessionHours * 3600_000);
    setSessionCookies(c, session.token, session.csrfToken, session.expiresAt);
    const { passwordHash: _hash, ...publicUser } = user;
    return c.json({ user: publicUser, csrfToken: session.csrfToken }, 200);
  });
  app.openapi(logout, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      forgetSession(token);
      await deleteSession(c.get('deps').handle.db, token);
    }
    clearSessionCookies(c);
    return c.body(null, 204);
  });
  app.openapi(me, (c) => c.json({ user: c.get('user'), csrfToken: c.get('csrfToken') }, 200));
  app.openapi(options, (c) => {
    const sso = !!c.get('deps').oidc;
    return c.json({ sso, ssoLoginUrl: sso ? '/api/auth/oidc/login' : null }, 200);
  });

  // Single sign-on (only when configured).
  app.get('/oidc/login', async (c) => {
    const oidc = c.get('deps').oidc;
    if (!oidc) throw new HttpProblem(404, 'SSO niet ingesteld / single sign-on not configured');
    const start = await oidc.start();
    setCookie(
      c,
      OIDC_COOKIE,
      JSON.stringify({ state: start.state, verifier: start.verifier, nonce: start.nonce }),
      {
        httpOnly: true,
        sameSite: 'Lax',
        secure: isSecureRequest(c),
        path: '/api/auth/oidc',
        maxAge: 600,
      },
    );
    return c.redirect(start.url, 302);
  });
  app.get('/oidc/callback', async (c) => {
    try {
      return await oidcCallback(c);
    } catch (error) {
      if (!(error instanceof HttpProblem) || !wantsPage(c.req.header('accept'))) throw error;
      return c.redirect(`/login?sso_error=${encodeURIComponent(error.message)}`, 302);
    }
  });
  return app;
}

async function oidcCallback(c: Context<AppEnv>): Promise<Response> {
  const deps = c.get('deps');
  if (!deps.oidc) throw new HttpProblem(404, 'SSO niet ingesteld / single sign-on not configured');
  const saved = readOidcState(getCookie(c, OIDC_COOKIE));
  // Single use: whatever happens next, this sign-in attempt is over.
  deleteCookie(c, OIDC_COOKIE, { path: '/api/auth/oidc' });
  if (!saved)
    throw new HttpProblem(
      400,
      'SSO-aanmelding mislukt / single sign-on failed',
      'De aanmeldstatus ontbreekt of is verlopen; begin opnieuw bij /api/auth/oidc/login. / The sign-in state is missing or expired; start again.',
    );
  let identity: OidcIdentity;
  try {
    identity = await deps.oidc.finish(new URL(c.req.url), saved);
  } catch (error) {
    // A forged or replayed callback (state, nonce, PKCE) or a provider error: never a session.
    throw new HttpProblem(
      400,
      'SSO-aanmelding mislukt / single sign-on failed',
      `De identiteitsprovider gaf geen geldige aanmelding terug; begin opnieuw. / The identity provider's answer was not valid: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  const db = deps.handle.db;
  let user = await findUserByOidc(db, deps.oidc.issuer, identity.subject);
  if (!user && identity.email) {
    if (identity.emailVerified === false)
      throw new HttpProblem(
        403,
        'E-mailadres niet bevestigd / e-mail address not verified',
        `De identiteitsprovider heeft ${identity.email} niet bevestigd; bevestig het daar eerst. / The provider has not verified ${identity.email}.`,
      );
    const byEmail = await findUserByEmail(db, identity.email);
    if (byEmail) {
      await linkOidc(db, byEmail.id, deps.oidc.issuer, identity.subject);
      user = byEmail;
    }
  }
  if (!user)
    throw new HttpProblem(
      403,
      'Geen account / no account',
      identity.email
        ? `Er is geen Planmaat-account voor ${identity.email}. Vraag een beheerder om een account met dit e-mailadres. / There is no Planmaat account for ${identity.email}; ask an administrator to create one with this e-mail address.`
        : 'De identiteitsprovider gaf geen e-mailadres door; vraag een beheerder om hulp. / The identity provider sent no e-mail address; ask an administrator.',
    );
  const session = await createSession(db, user.id, deps.config.sessionHours * 3600_000);
  setSessionCookies(c, session.token, session.csrfToken, session.expiresAt);
  return c.redirect('/', 302);
}
