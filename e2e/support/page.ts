/**
 * Page helpers shared by the browser suites: log in with the demo password, call the API with the
 * page's own session, and list form controls without an accessible name.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server.ts';

/** The little of the browser's DOM these tests touch (the root tsconfig has no DOM library). */
export interface DomElement {
  id: string;
  tagName: string;
  type?: string;
  textContent: string | null;
  outerHTML: string;
  getAttribute(name: string): string | null;
  closest(selector: string): DomElement | null;
}
export interface DomDocument {
  cookie: string;
  documentElement: { scrollWidth: number };
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/**
 * Signs in on the Dutch login form with the demo password. `from: '/'` lands everyone on their own
 * start page (a reload of /login would keep the previous user's "from" location).
 */
export async function login(page: Page, baseUrl: string, email: string, from = '/login'): Promise<void> {
  await page.goto(`${baseUrl}${from}`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Uitloggen|Sign out/ }).click();
  await page.getByRole('heading', { name: /Inloggen|Sign in/ }).waitFor();
}

/** GET through the signed-in page (same cookies): status and the JSON body, if any. */
export function apiGet(page: Page, path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async (p) => {
    const r = await fetch(p);
    return {
      status: r.status,
      body: r.headers.get('content-type')?.includes('json') ? await r.json() : null,
    };
  }, path);
}

/**
 * Form controls below `scope` (e.g. `main`) without an accessible name: no aria-label(ledby), no
 * <label for>, not inside a <label>, and no button text. Leaflet's own map controls are skipped.
 */
export function unlabelledControls(page: Page, scope = ''): Promise<string[]> {
  return page.evaluate((within) => {
    const document = (globalThis as unknown as { document: DomDocument }).document;
    const selector = ['input', 'select', 'textarea', 'button'].map((t) => `${within} ${t}`.trim()).join(', ');
    return Array.from(document.querySelectorAll(selector))
      .filter((e) => {
        if (e.type === 'hidden' || e.closest('.leaflet-control')) return false;
        const named =
          e.getAttribute('aria-label') ||
          e.getAttribute('aria-labelledby') ||
          (e.id && document.querySelector(`label[for="${e.id}"]`)) ||
          e.closest('label') ||
          (e.tagName === 'BUTTON' && e.textContent?.trim());
        return !named;
      })
      .map((el) => el.outerHTML.slice(0, 120));
  }, scope);
}

/** Records every uncaught script error of the page with where it was thrown (first stack frame). */
export function collectPageErrors(page: Page, into: string[]): void {
  page.on('pageerror', (e) => into.push(`${e.message} @ ${e.stack?.split('\n')[1]?.trim() ?? '?'}`));
}
