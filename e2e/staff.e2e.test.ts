/**
 * The staff side in Debian's Chromium against the real server on the embedded database: the
 * employee requests leave on a phone, the planner approves it, the employee sees it approved; the
 * employee takes the calendar link and downloads the .ics with their published shifts.
 * Screenshots go to test-output/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  browserUnavailableReason,
  launchBrowser,
  screenshot,
  type LaunchedBrowser,
} from './support/browser.ts';
import {
  apiGet as apiGetWith,
  login as loginWith,
  logout as logoutWith,
  unlabelledControls as unlabelledIn,
  collectPageErrors,
} from './support/page.ts';
import { startServer, type TestServer } from './support/server.ts';

const skipReason = browserUnavailableReason();
if (skipReason) console.warn(`e2e: skipped — ${skipReason}`);

/** YYYY-MM-DD in Amsterdam, `days` from today. */
function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe.skipIf(!!skipReason)('staff side in the browser', () => {
  let server: TestServer;
  let launched: LaunchedBrowser;
  let page: Page;
  const errors: string[] = [];
  const from = dayFromToday(42);
  const to = dayFromToday(44);
  let employeeName = '';
  let employeeId = '';

  const apiGet = (path: string) => apiGetWith(page, path);

  const login = (email: string) => loginWith(page, server.url, email, '/');

  const logout = () => logoutWith(page);

  const unlabelledControls = () => unlabelledIn(page);

  beforeAll(async () => {
    server = await startServer();
    launched = await launchBrowser({ width: 390, height: 844 });
    page = await launched.context.newPage();
    collectPageErrors(page, errors);
  });

  afterAll(async () => {
    await launched?.close();
    await server?.stop();
  });

  it('lets the employee request leave on a phone', async () => {
    await login('medewerker@demo.local');
    await page.waitForURL(/\/mijn\/rooster$/);
    const me = (await apiGet('/api/auth/me')).body as { user: { name: string; employeeId: string } };
    employeeName = me.user.name;
    employeeId = me.user.employeeId;

    await page.getByRole('link', { name: 'Verlof', exact: true }).click();
    await page.getByRole('heading', { name: 'Verlof aanvragen' }).waitFor();
    await page.getByLabel('Eerste dag').fill(from);
    await page.getByLabel('Laatste dag').fill(to);
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await page.getByText('Verlofaanvraag ingediend.').waitFor();
    const item = page.getByTestId('leave-requests').locator('li').first();
    await expect.poll(() => item.textContent()).toContain('Aangevraagd');
    expect(await item.getAttribute('data-status')).toBe('requested');
    expect(await unlabelledControls()).toEqual([]);
    await screenshot(page, 'staff-01-leave-requested-mobile');
    await logout();
  });

  it('lets the planner see the request with its roster impact and approve it', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await login('planner@demo.local');
    await page.waitForURL(/\/rooster$/);
    await page.getByRole('link', { name: 'Verlofaanvragen' }).click();
    await page.getByRole('heading', { name: 'Verlofaanvragen' }).waitFor();
    const row = page.getByTestId('leave-request-table').locator('tbody tr', { hasText: employeeName });
    await row.waitFor();
    expect(await row.textContent()).toContain('Aangevraagd');
    expect(await unlabelledControls()).toEqual([]);
    await row.getByRole('textbox').fill('Bezetting is rond');
    await screenshot(page, 'staff-02-leave-requests-planner');
    await row.getByRole('button', { name: 'Goedkeuren' }).click();
    await page.getByText(`Goedgekeurd: het verlof van ${employeeName} staat in het rooster.`).waitFor();
    // Open requests only: the approved one is gone from the list.
    await expect
      .poll(() =>
        page.getByTestId('leave-request-table').locator('tbody tr', { hasText: employeeName }).count(),
      )
      .toBe(0);

    // The absence now exists for the roster check and the optimiser.
    const absences = (await apiGet(`/api/absences?employeeId=${employeeId}&from=${from}&to=${to}`)).body as {
      items: Array<{ kind: string; start: string }>;
    };
    expect(absences.items).toContainEqual(expect.objectContaining({ kind: 'leave', start: `${from}T00:00` }));
    await logout();
  });

  it('shows the employee the approved request and the leave', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await login('medewerker@demo.local');
    await page.waitForURL(/\/mijn\/rooster$/);
    await page.getByRole('link', { name: 'Verlof', exact: true }).click();
    const item = page.getByTestId('leave-requests').locator('li').first();
    await expect.poll(() => item.getAttribute('data-status')).toBe('approved');
    expect(await item.textContent()).toMatch(/Goedgekeurd.*Bezetting is rond/);
    await page.getByRole('heading', { name: 'Mijn verlof en afwezigheid' }).waitFor();
    await screenshot(page, 'staff-03-leave-approved-mobile');
  });

  it('gives the employee a calendar link whose .ics holds their published shifts', async () => {
    await page.getByRole('link', { name: 'Agenda-koppeling' }).click();
    const field = page.getByLabel('Agenda-link');
    await expect.poll(() => field.inputValue()).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const url = await field.inputValue();
    expect(await unlabelledControls()).toEqual([]);
    await screenshot(page, 'staff-04-calendar-link-mobile');

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Downloaden (.ics)' }).click();
    const download = await downloading;
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    const summaries = [...text.matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1].trim());

    // Exactly the employee's shifts of published rosters in the feed window (8 weeks back, 26 ahead).
    const [first, last] = [dayFromToday(-56), dayFromToday(182)];
    const periods = (await apiGet('/api/roster-periods')).body as { items: Array<{ id: string }> };
    let expected = 0;
    for (const p of periods.items) {
      const roster = (await apiGet(`/api/roster-periods/${p.id}`)).body as {
        assignments: Array<{ employeeId: string; date: string }>;
      };
      expected += roster.assignments.filter(
        (a) => a.employeeId === employeeId && a.date >= first && a.date <= last,
      ).length;
    }
    expect(expected).toBeGreaterThan(0);
    expect(summaries).toHaveLength(expected);
    expect(summaries.every((s) => /^Dienst \S+ \(\d\d:\d\d–\d\d:\d\d\)$/.test(s))).toBe(true);
    // The approved leave is in the roster, but never in the feed.
    expect(text.toLowerCase()).not.toMatch(/verlof|leave|afwezig/);

    // The link works without a session; a renewed link ends it.
    expect((await fetch(url)).status).toBe(200);
    // The same link again after a reload (to subscribe on a second device).
    await page.reload();
    await expect.poll(() => page.getByLabel('Agenda-link').inputValue()).toBe(url);
    await page.getByRole('button', { name: /Nieuwe link maken/ }).click();
    await page.getByText('Nieuwe link gemaakt; de oude werkt niet meer.').waitFor();
    const renewed = await page.getByLabel('Agenda-link').inputValue();
    expect(renewed).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(renewed)).status).toBe(200);
  });

  it('raised no script errors in the pages', () => {
    expect(errors).toEqual([]);
  });
});
