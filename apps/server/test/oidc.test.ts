/**
 * Single sign-on against a real OpenID Connect provider: oidc-provider (panva) runs in-process on
 * loopback with its development login and consent pages; Planmaat is started the way `planmaat
 * serve` starts it, configured through the PLANMAAT_OIDC_* variables. The test is the browser:
 * fetch with manual redirects and a cookie jar, through login → provider → consent → callback.
 */
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import {
  createScratchDatabase,
  createUser,
  dropScratchDatabase,
  findUserByEmail,
  testDrivers,
} from '@planmaat/db';
import { serveOptionsFromEnv, startPlanmaat, type RunningPlanmaat } from '../src/serve.ts';

const ACCOUNTS: Record<string, { email: string; name: string; emailVerified?: boolean }> = {
  'sub-anna': { email: 'Anna.Planner@Zorg.test', name: 'Anna de Planner' },
  'sub-nobody': { email: 'onbekend@zorg.test', name: 'Niet Bekend' },
  'sub-unverified': { email: 'piet@zorg.test', name: 'Piet', emailVerified: false },
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A browser's cookies for one host (cookies do not care about ports). */
class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();
  header(url: URL): string {
    return [...this.cookies]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }
  store(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const attr = (key: string) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const expires = attr('expires');
      const gone = attr('max-age') === '0' || (expires && Date.parse(expires) <= Date.now()) || value === '';
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, { value, path: attr('path') ?? url.pathname });
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }
}

/** One request as a browser sends it: cookies in, cookies out, no automatic redirects. */
async function visit(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const target = new URL(url);
  const cookie = jar.header(target);
  const res = await fetch(target, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
  });
  jar.store(target, res);
  return res;
}

/** Follow redirects until a page answers or the browser is sent to `stopAt`. */
async function follow(jar: CookieJar, url: string, stopAt: string): Promise<{ url: string; res: Response }> {
  let current = url;
  for (let hops = 0; hops < 10; hops++) {
    if (current.startsWith(stopAt)) return { url: current, res: new Response(null) };
    const res = await visit(jar, current);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return { url: current, res };
    current = new URL(location, current).href;
  }
  throw new Error(`too many redirects from ${url}`);
}

/** Submit the provider's development interaction form (login or consent) on `page`. */
async function submitForm(jar: CookieJar, pageUrl: string, html: string, fields: Record<string, string>) {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on ${pageUrl}: ${html.slice(0, 200)}`);
  const res = await visit(jar, new URL(action, pageUrl).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return new URL(res.headers.get('location') ?? '', pageUrl).href;
}

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`single sign-on with a real OIDC provider on ${driver.name}`, () => {
    let issuer: string;
    let providerServer: http.Server;
    let planmaat: RunningPlanmaat;
    let base: string;
    let callbackUrl: string;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      const planmaatPort = await freePort();
      base = `http://127.0.0.1:${planmaatPort}`;
      callbackUrl = `${base}/api/auth/oidc/callback`;
      providerServer = http.createServer();
      await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
      issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: 'planmaat',
            client_secret: 'planmaat-test-secret',
            redirect_uris: [callbackUrl],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        pkce: { required: () => true },
        features: { devInteractions: { enabled: true } },
        cookies: { keys: ['planmaat-test-cookie-key'] },
        async findAccount(_ctx: unknown, id: string) {
          const account = ACCOUNTS[id];
          if (!account) return undefined;
          return {
            accountId: id,
            claims: () => ({
              sub: id,
              email: account.email,
              email_verified: account.emailVerified ?? true,
              name: account.name,
            }),
          };
        },
      });
      providerServer.on('request', provider.callback());

      // Planmaat as `planmaat serve --services web` starts it, SSO configured from the environment.
      const env = {
        PLANMAAT_OIDC_ISSUER: issuer,
        PLANMAAT_OIDC_CLIENT_ID: 'planmaat',
        PLANMAAT_OIDC_CLIENT_SECRET: 'planmaat-test-secret',
        PLANMAAT_OIDC_REDIRECT_URI: callbackUrl,
      };
      const fromEnv = serveOptionsFromEnv(env);
      expect(fromEnv.oidc).toEqual({
        issuer,
        clientId: 'planmaat',
        clientSecret: 'planmaat-test-secret',
        redirectUri: callbackUrl,
      });
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planmaat-oidc-'));
      const databaseUrl = driver.name === 'pg' ? await createScratchDatabase() : undefined;
      planmaat = await startPlanmaat({
        ...fromEnv,
        services: ['web'],
        port: planmaatPort,
        host: '127.0.0.1',
        databaseUrl,
        dataDir,
        demo: false,
        app: { webDist: undefined },
        log: () => undefined,
      });
      cleanup = async () => {
        await planmaat.stop();
        if (databaseUrl) await dropScratchDatabase(databaseUrl);
        fs.rmSync(dataDir, { recursive: true, force: true });
      };
      const db = planmaat.handle.db;
      await db.execute(
        "INSERT INTO organisations (id, name, rule_profiles) VALUES ('org-sso', 'Zorg SSO', '[\"atw\"]')",
      );
      for (const email of ['anna.planner@zorg.test', 'piet@zorg.test'])
        await createUser(db, {
          organisationId: 'org-sso',
          email,
          name: email,
          role: 'planner',
          employeeId: null,
          passwordHash: null,
        });
    });
    afterAll(async () => {
      await cleanup?.();
      await new Promise((r) => providerServer?.close(r));
    });

    /** Start at Planmaat, sign in at the provider as `accountId`, consent; stop at the callback. */
    async function signInAtProvider(jar: CookieJar, accountId: string): Promise<string> {
      const start = await visit(jar, `${base}/api/auth/oidc/login`);
      expect(start.status).toBe(302);
      const authorize = new URL(start.headers.get('location')!);
      expect(authorize.origin).toBe(issuer);
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize.searchParams.get('redirect_uri')).toBe(callbackUrl);
      let page = await follow(jar, authorize.href, callbackUrl);
      // Login page of the provider.
      let next = await submitForm(jar, page.url, await page.res.text(), {
        prompt: 'login',
        login: accountId,
        password: 'anything',
      });
      page = await follow(jar, next, callbackUrl);
      if (page.url.startsWith(callbackUrl)) return page.url;
      // Consent page.
      next = await submitForm(jar, page.url, await page.res.text(), { prompt: 'consent' });
      page = await follow(jar, next, callbackUrl);
      expect(page.url.startsWith(callbackUrl)).toBe(true);
      return page.url;
    }

    it('signs in the account whose e-mail the provider vouches for, and links it', async () => {
      const jar = new CookieJar();
      const callback = await signInAtProvider(jar, 'sub-anna');
      expect(new URL(callback).searchParams.get('code')).toBeTruthy();
      const done = await visit(jar, callback);
      expect(done.status).toBe(302);
      expect(done.headers.get('location')).toBe('/');
      expect(jar.get('planmaat_session')).toBeTruthy();
      const me = await visit(jar, `${base}/api/auth/me`);
      expect(me.status).toBe(200);
      const session = (await me.json()) as { user: { email: string; organisationId: string } };
      expect(session.user).toMatchObject({ email: 'anna.planner@zorg.test', organisationId: 'org-sso' });
      const linked = await planmaat.handle.db.execute(
        "SELECT oidc_issuer, oidc_subject FROM users WHERE email = 'anna.planner@zorg.test'",
      );
      expect((linked as unknown as { rows: unknown[] }).rows).toEqual([
        { oidc_issuer: issuer, oidc_subject: 'sub-anna' },
      ]);

      // A second sign-in finds the account by issuer and subject.
      const again = new CookieJar();
      const second = await visit(again, await signInAtProvider(again, 'sub-anna'));
      expect(second.status).toBe(302);
      expect(again.get('planmaat_session')).toBeTruthy();
    });

    it('refuses an e-mail without a Planmaat account, saying which and what to do', async () => {
      const jar = new CookieJar();
      const res = await visit(jar, await signInAtProvider(jar, 'sub-nobody'));
      expect(res.status).toBe(403);
      const problem = (await res.json()) as { title: string; detail: string };
      expect(problem.title).toMatch(/geen account/i);
      expect(problem.detail).toContain('onbekend@zorg.test');
      expect(problem.detail).toMatch(/beheerder/);
      expect(jar.get('planmaat_session')).toBeUndefined();
    });

    it('refuses an e-mail the provider has not verified', async () => {
      const jar = new CookieJar();
      const res = await visit(jar, await signInAtProvider(jar, 'sub-unverified'));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/niet bevestigd|not verified/);
      expect(jar.get('planmaat_session')).toBeUndefined();
      expect((await findUserByEmail(planmaat.handle.db, 'piet@zorg.test'))?.id).toBeTruthy();
    });

    it('refuses a callback whose state was tampered with, or that arrives without its sign-in state', async () => {
      const jar = new CookieJar();
      const callback = new URL(await signInAtProvider(jar, 'sub-anna'));
      callback.searchParams.set('state', 'forged-state');
      const tampered = await visit(jar, callback.href);
      expect(tampered.status).toBe(400);
      expect(((await tampered.json()) as { title: string }).title).toMatch(/mislukt|failed/);
      expect(jar.get('planmaat_session')).toBeUndefined();

      // The sign-in state is single use: the genuine callback after that is refused too.
      const fresh = new CookieJar();
      const genuine = await signInAtProvider(fresh, 'sub-anna');
      const stranger = await visit(new CookieJar(), genuine);
      expect(stranger.status).toBe(400);
    });

    it('offers SSO on the login page and sends a browser back there with the reason when it fails', async () => {
      const options = await visit(new CookieJar(), `${base}/api/auth/options`);
      expect(await options.json()).toEqual({ sso: true, ssoLoginUrl: '/api/auth/oidc/login' });
      const jar = new CookieJar();
      const res = await visit(jar, await signInAtProvider(jar, 'sub-nobody'), {
        headers: { accept: 'text/html,application/xhtml+xml' },
      });
      expect(res.status).toBe(302);
      const to = new URL(res.headers.get('location')!, base);
      expect(to.pathname).toBe('/login');
      expect(to.searchParams.get('sso_error')).toContain('onbekend@zorg.test');
      expect(jar.get('planmaat_session')).toBeUndefined();
    });
  });
}
