/**
 * Capacity planning and workforce insight in Debian's Chromium against the real server (demo
 * organisation, embedded database): the planner opens "Capaciteit" (gap chart, scenarios, advice,
 * exports) and "Inzicht" (team comparison, trends, suppressed small groups, team report with an
 * agreed action that is stored); an employee is kept out. Screenshots go to test-output/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  browserUnavailableReason,
  launchBrowser,
  screenshot,
  type LaunchedBrowser,
} from './support/browser.ts';
import { collectPageErrors, login as loginWith, unlabelledControls as unlabelledIn } from './support/page.ts';
import { startServer, type TestServer } from './support/server.ts';

const skipReason = browserUnavailableReason();
if (skipReason) console.warn(`e2e: skipped — ${skipReason}`);

describe.skipIf(!!skipReason)('Capaciteit and Inzicht in the browser', () => {
  let server: TestServer;
  let launched: LaunchedBrowser;
  let page: Page;
  const errors: string[] = [];

  const login = (email: string) => loginWith(page, server.url, email);

  const apiStatus = (path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);

  const unlabelledControls = () => unlabelledIn(page, 'main');

  beforeAll(async () => {
    server = await startServer();
    launched = await launchBrowser();
    page = await launched.context.newPage();
    collectPageErrors(page, errors);
  });

  afterAll(async () => {
    await launched?.close();
    await server?.stop();
  });

  it('shows the 52-week gap per team and level, the teams and the scenarios side by side', async () => {
    await login('planner@demo.local');
    await page.waitForURL(/\/rooster$/);
    await page.getByRole('link', { name: 'Capaciteit' }).click();
    await page.getByRole('heading', { name: 'Capaciteit', level: 1 }).waitFor();
    await page.getByTestId('total-shortage').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('total-shortage').textContent()).toMatch(/\d+ uur/);
    // One gap chart for the chosen team, one per scenario (base + the standard set).
    expect(await page.locator('svg.gap-chart').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.scenario-card').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.scenario-card h3').first().textContent()).toBe('Basis');
    // Another team and one qualification level: the chart title follows.
    const teams = await page.getByLabel('Team').locator('option').allTextContents();
    expect(teams.length).toBe(4);
    await page.getByLabel('Team').selectOption({ index: 1 });
    await page.getByLabel('Niveau', { exact: true }).selectOption({ label: 'Niveau 3 (VIG)' });
    expect(await page.locator('svg.gap-chart title').first().textContent()).toContain(
      `${teams[1]}, Niveau 3 (VIG)`,
    );
    expect(await unlabelledControls()).toEqual([]);
    await screenshot(page, 'capaciteit-52-weken');
  });

  it('computes the hiring and training advice with its reasoning', async () => {
    await page.getByRole('button', { name: 'Advies berekenen' }).click();
    await page.getByTestId('advice').waitFor({ timeout: 180_000 });
    const lines = await page.locator('.advice .explanation li').allTextContents();
    expect(lines.length).toBeGreaterThan(1);
    expect(await page.getByTestId('advice').textContent()).toContain('Besparing');
    await page.getByRole('heading', { name: 'Advies: aannemen en opleiden' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'capaciteit-advies');
  }, 240_000);

  it('exports the plan as CSV and opens the printable report', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^capaciteit-.*-gap\.csv$/);
    const [report] = await Promise.all([
      page.context().waitForEvent('page', { timeout: 180_000 }),
      page.getByRole('button', { name: 'Afdrukbaar rapport' }).click(),
    ]);
    await report.waitForLoadState();
    await report.getByRole('heading', { name: /Capaciteitsplan/ }).waitFor();
    expect(await report.content()).toContain('Advies aannemen en opleiden');
    await screenshot(report, 'capaciteit-rapport');
    await report.close();
  }, 240_000);

  it('shows team figures, trends and the organisation, with small groups marked "te kleine groep"', async () => {
    await page.getByRole('link', { name: 'Inzicht' }).click();
    await page.getByRole('heading', { name: 'Inzicht', level: 1 }).waitFor();
    const compare = page.getByTestId('insight-compare');
    await compare.waitFor({ timeout: 120_000 });
    // Every team and the organisation; with all staff the demo teams are large enough to show.
    const rows = compare.locator('tbody tr');
    expect(await rows.count()).toBe(5);
    const headcounts = await compare.locator('tbody tr td:nth-child(2)').allTextContents();
    for (const h of headcounts.filter((x) => /^\d+$/.test(x))) expect(Number(h)).toBeGreaterThan(5);
    expect(await page.locator('svg.trend-chart path').count()).toBeGreaterThan(0);
    await screenshot(page, 'inzicht-teams');

    // A narrow filter makes groups small: they are marked, never shown.
    await page.getByLabel('Niveau', { exact: true }).selectOption('level-4-6');
    await page.getByLabel('Contract').selectOption('upto-20h');
    await page.locator('td.suppressed').first().waitFor({ timeout: 60_000 });
    const marked = await page.locator('td.suppressed').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(['te kleine groep']));
    for (const h of (await compare.locator('tbody tr td:nth-child(2)').allTextContents()).filter((x) =>
      /^\d+$/.test(x),
    ))
      expect(Number(h)).toBeGreaterThan(5);
    expect(await unlabelledControls()).toEqual([]);
    await page.getByTestId('insight-trend').scrollIntoViewIfNeeded();
    await screenshot(page, 'inzicht-te-kleine-groep');
    await page.getByLabel('Niveau', { exact: true }).selectOption('all');
    await page.getByLabel('Contract').selectOption('all');
    await page
      .locator('td.suppressed')
      .first()
      .waitFor({ state: 'detached', timeout: 60_000 })
      .catch(() => undefined);
  }, 240_000);

  it('records an agreed action in the team report and keeps it', async () => {
    const report = page.getByTestId('team-report');
    await report.waitFor({ timeout: 60_000 });
    await page.getByLabel('Nieuwe afspraak').fill('Weekendrooster twee weken eerder bekend');
    await page.getByLabel('Wie', { exact: true }).fill('Teamleider');
    await page.getByRole('button', { name: 'Afspraak vastleggen' }).click();
    await page.getByText('Afspraken opgeslagen.').waitFor({ timeout: 60_000 });
    await page.getByTestId('team-actions').getByText('Weekendrooster twee weken eerder bekend').waitFor();
    await page.getByRole('heading', { name: 'Teamrapport met afspraken' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'inzicht-teamrapport');
    await page.reload();
    await page
      .getByTestId('team-actions')
      .getByText('Weekendrooster twee weken eerder bekend')
      .waitFor({ timeout: 120_000 });
    expect(errors).toEqual([]);
  }, 240_000);

  it('offers both screens in English', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Insight', level: 1 }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'group too small' }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Team report with agreements' }).waitFor();
    await page.getByRole('link', { name: 'Capacity' }).click();
    await page.getByRole('heading', { name: 'Capacity', level: 1 }).waitFor();
    await page.getByTestId('total-shortage').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('total-shortage').textContent()).toMatch(/hours/);
    await page.getByRole('heading', { name: 'Scenarios side by side' }).waitFor();
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await page.getByRole('heading', { name: 'Capaciteit', level: 1 }).waitFor();
  }, 120_000);

  it('keeps employees out of both screens and their API', async () => {
    await page.getByRole('button', { name: /Uitloggen|Sign out/ }).click();
    await login('medewerker@demo.local');
    await page.waitForURL(/\/mijn\/rooster$/);
    expect(await page.getByRole('link', { name: 'Inzicht' }).count()).toBe(0);
    await page.goto(`${server.url}/inzicht`);
    await page.waitForURL(/\/mijn\/rooster$/);
    expect(await apiStatus('/api/insights')).toBe(403);
    expect(await apiStatus('/api/insights/export.csv')).toBe(403);
  });
});
