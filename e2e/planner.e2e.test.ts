/**
 * The planner's details in Debian's Chromium against the real server on the embedded database:
 * rule signals explained on hover and in the side panel (source, measured vs limit, straight from
 * the rule engine), a proposal accepted for one person only, the home-care screen opening on a day
 * with visits, and capacity assumptions and scenarios edited in the screen (with the server's field
 * error for a bad value); a sick call registered from the grid, flagged on its shifts, its days
 * re-planned and the proposal's summary read, then a recovery. Screenshots go to
 * test-output/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  browserUnavailableReason,
  launchBrowser,
  screenshot,
  type LaunchedBrowser,
} from './support/browser.ts';
import { collectPageErrors, login } from './support/page.ts';
import { startServer, type TestServer } from './support/server.ts';

interface DomDocument {
  cookie: string;
}
interface Cell {
  employeeId: string;
  date: string;
  shiftTypeId: string;
}
interface Violation {
  ruleId: string;
  employeeId: string;
  dates: string[];
  source: { cite: string; edition?: string };
  value: number;
  limit: number;
  unit: string;
  title: { nl: string };
}

const skipReason = browserUnavailableReason();
if (skipReason) console.warn(`e2e: skipped — ${skipReason}`);

/** "8:00 u" as the screen shows minutes. */
const clock = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')} u`;

describe.skipIf(!!skipReason)('Planner details in the browser', () => {
  let server: TestServer;
  let launched: LaunchedBrowser;
  let page: Page;
  const errors: string[] = [];

  /** The API with the page's own session (and its CSRF token on changes). */
  const call = <T>(method: string, path: string, body?: unknown) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const csrf = decodeURIComponent(
          (globalThis as unknown as { document: DomDocument }).document.cookie.match(
            /planmaat_csrf=([^;]+)/,
          )?.[1] ?? '',
        );
        const r = await fetch(path, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: r.status, body: (await r.json().catch(() => null)) as unknown };
      },
      { method, path, body },
    ) as Promise<{ status: number; body: T }>;

  const draftPeriod = async () => {
    const periods = await call<{ items: Array<{ id: string; status: string; teamId: string }> }>(
      'GET',
      '/api/roster-periods?teamId=team-ward-1',
    );
    return periods.body.items.find((p) => p.status === 'draft')!.id;
  };
  const roster = async (id: string) =>
    (
      await call<{ period: { version: number; start: string }; assignments: Cell[] }>(
        'GET',
        `/api/roster-periods/${id}`,
      )
    ).body;
  const cellsOf = (cells: Cell[], employeeId: string) =>
    cells
      .filter((c) => c.employeeId === employeeId)
      .map((c) => `${c.date}:${c.shiftTypeId}`)
      .sort();

  beforeAll(async () => {
    server = await startServer();
    launched = await launchBrowser();
    page = await launched.context.newPage();
    collectPageErrors(page, errors);
    await login(page, server.url, 'planner@demo.local');
    await page.waitForURL(/\/rooster$/);
  });

  afterAll(async () => {
    await launched?.close();
    await server?.stop();
  });

  it('explains a rule signal on hover and in the side panel: rule, source, measured vs limit', async () => {
    const periodId = await draftPeriod();
    const before = await roster(periodId);
    const employees = await call<{ items: Array<{ id: string }> }>(
      'GET',
      '/api/employees?teamId=team-ward-1&limit=500',
    );
    const day = before.period.start;
    const [d1, d2] = [addDay(day, 1), addDay(day, 2)];
    // Someone free the first five days, so the only rest problem is the one made here.
    const employeeId = employees.body.items.find(
      (e) => !before.assignments.some((a) => a.employeeId === e.id && a.date <= addDay(day, 4)),
    )!.id;
    // A late shift, then an early shift the next morning: too little daily rest.
    const saved = await call<{ ruleCheck: { violations: Violation[] } }>(
      'PUT',
      `/api/roster-periods/${periodId}/assignments`,
      {
        expectedVersion: before.period.version,
        changes: [
          { employeeId, date: d1, shiftTypeId: 'st-L' },
          { employeeId, date: d2, shiftTypeId: 'st-V' },
        ],
      },
    );
    expect(saved.status).toBe(200);
    const rest = saved.body.ruleCheck.violations.find(
      (v) => v.employeeId === employeeId && v.ruleId.endsWith('.daily-rest') && v.dates.includes(d2),
    )!;
    expect(rest).toBeDefined();

    await page.reload();
    const cell = page.locator(`.cell.signal[data-employee="${employeeId}"][data-date="${d2}"]`);
    await cell.waitFor({ timeout: 30_000 });
    // Hover: the tooltip names the rule, its source and measured vs limit.
    const title = (await cell.getAttribute('title'))!;
    expect(title).toContain(rest.title.nl);
    expect(title).toContain(rest.source.cite);
    expect(title).toContain(`gemeten ${clock(rest.value)}, grens ${clock(rest.limit)}`);
    await cell.hover();
    // The side panel: the same figures, as the rule engine measured them.
    await cell.click();
    const panel = page.getByRole('complementary', { name: 'Regelsignalen' });
    const card = panel.locator(`.signal-card[data-rule="${rest.ruleId}"]`);
    await card.waitFor();
    expect(await card.getByTestId('signal-source').textContent()).toBe(rest.source.cite);
    expect(await card.getByTestId('signal-measured').textContent()).toBe(clock(rest.value));
    expect(await card.getByTestId('signal-limit').textContent()).toBe(clock(rest.limit));
    expect(await card.textContent()).toMatch(/Periode.*–/);
    expect(await card.locator('.signal-shifts li').allTextContents()).toEqual([
      expect.stringMatching(/^L /),
      expect.stringMatching(/^V /),
    ]);
    await screenshot(page, 'planner-01-signal-panel');
  });

  it('accepts a proposal for one person only: only their cells change, the rest stays open', async () => {
    const kinds = await call<{ items: Array<{ kind: string }> }>('GET', '/api/job-kinds');
    expect(kinds.body.items.map((k) => k.kind)).toContain('roster');
    const periodId = await draftPeriod();
    const job = await call<{ id: string }>('POST', '/api/jobs', {
      kind: 'roster',
      timeLimitSeconds: 3,
      params: { rosterPeriodId: periodId },
    });
    expect(job.status).toBe(202);
    let proposalId: string | null = null;
    await expect
      .poll(
        async () => {
          const state = await call<{ status: string; proposalId: string | null }>(
            'GET',
            `/api/jobs/${job.body.id}`,
          );
          proposalId = state.body.proposalId;
          return state.body.status;
        },
        { timeout: 90_000, interval: 500 },
      )
      .toBe('completed');
    const proposal = await call<{ payload: { assignments: Cell[] } }>('GET', `/api/proposals/${proposalId}`);
    await page.goto(`${server.url}/voorstel/${proposalId}`);
    await page.getByTestId('proposal-summary').waitFor();
    const rows = page.locator('tbody tr');
    const peopleBefore = await rows.count();
    expect(peopleBefore).toBeGreaterThan(1);
    const name = (await rows.first().locator('th').textContent())!;
    const employees = await call<{ items: Array<{ id: string; name: string }> }>(
      'GET',
      '/api/employees?teamId=team-ward-1&limit=500',
    );
    const chosen = employees.body.items.find((e) => e.name === name)!.id;
    const before = await roster(periodId);

    await rows.first().getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Geselecteerde overnemen (1)' }).click();
    await page.getByText('Wijzigingen van 1 medewerker overgenomen.').waitFor();
    const after = await roster(periodId);
    expect(cellsOf(after.assignments, chosen)).toEqual(cellsOf(proposal.body.payload.assignments, chosen));
    for (const e of new Set([...before.assignments, ...after.assignments].map((a) => a.employeeId)))
      if (e !== chosen) expect(cellsOf(after.assignments, e)).toEqual(cellsOf(before.assignments, e));
    // The proposal stays open for the others; the accepted person left the list.
    expect(await page.locator('.status-badge').textContent()).toBe('Open');
    await expect.poll(() => rows.count()).toBe(peopleBefore - 1);
    expect(await page.getByTestId('taken-over').textContent()).toContain(name);
    expect(await page.getByRole('button', { name: 'Alles overnemen' }).isEnabled()).toBe(true);
    await screenshot(page, 'planner-02-proposal-one-person');
  });

  it('registers a sick call in the grid, flags the shift, re-plans its days and shows what the proposal leaves', async () => {
    const periodId = await draftPeriod();
    const before = await roster(periodId);
    const start = before.period.start;
    const employees = (
      await call<{ items: Array<{ id: string; name: string }> }>(
        'GET',
        '/api/employees?teamId=team-ward-1&limit=500',
      )
    ).body.items;
    const absences = (
      await call<{ items: Array<{ employeeId: string }> }>(
        'GET',
        `/api/absences?from=${start}&to=${addDay(start, 27)}`,
      )
    ).body.items;
    // Someone without absence in the period, on a day shift in its second week (rostered here if needed).
    const day = addDay(start, 9);
    const sick = employees.find(
      (e) =>
        !absences.some((a) => a.employeeId === e.id) &&
        !before.assignments.some(
          (a) => a.employeeId === e.id && a.date >= addDay(day, -1) && a.date <= addDay(day, 2),
        ),
    )!;
    const put = await call('PUT', `/api/roster-periods/${periodId}/assignments`, {
      expectedVersion: before.period.version,
      changes: [
        { employeeId: sick.id, date: day, shiftTypeId: 'st-D' },
        { employeeId: sick.id, date: addDay(day, 1), shiftTypeId: 'st-D' },
      ],
    });
    expect(put.status).toBe(200);
    await page.goto(`${server.url}/rooster`);
    const cell = (date: string) => page.locator(`.cell[data-employee="${sick.id}"][data-date="${date}"]`);
    await page.getByPlaceholder('Zoek medewerker').fill(sick.name);
    await cell(day).waitFor({ timeout: 30_000 });
    await cell(day).click();
    const panel = page.getByRole('complementary', { name: 'Regelsignalen' });
    await panel.getByRole('button', { name: 'Ziek / afwezig melden' }).click();

    // The dialog: preset from the cell; a last day before the first is refused in Dutch at the field.
    const dialog = page.getByRole('dialog', { name: 'Ziekmelding of afwezigheid registreren' });
    expect(await dialog.getByLabel('Medewerker').inputValue()).toBe(sick.id);
    expect(await dialog.getByLabel('Soort').inputValue()).toBe('sick');
    expect(await dialog.getByLabel('Eerste dag').inputValue()).toBe(day);
    await dialog.getByLabel('Laatste dag (t/m)').fill(addDay(day, -2));
    await dialog.getByRole('button', { name: 'Ziekmelding vastleggen' }).click();
    const fieldError = dialog.locator('.field-error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toBe('Laatste dag (t/m): de laatste dag ligt vóór de eerste dag.');
    expect(await dialog.getByLabel('Laatste dag (t/m)').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'planner-06-sick-call-field-error');
    await dialog.getByLabel('Laatste dag (t/m)').fill(addDay(day, 1));
    await dialog.getByRole('button', { name: 'Ziekmelding vastleggen' }).click();

    // At once in the grid, then the rule check's signal on both shifts: they need cover.
    const offer = page.getByTestId('replan-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain(`Ziekmelding vastgelegd: ${sick.name}`);
    expect(await offer.textContent()).toContain('2 diensten vallen open');
    expect(await cell(day).getAttribute('class')).toContain('absent');
    const flagged = page.locator(`.cell.signal-absence[data-employee="${sick.id}"]`);
    await expect.poll(() => flagged.count(), { timeout: 30_000 }).toBe(2);
    expect(await cell(day).getAttribute('title')).toContain('Ingeroosterd terwijl ziek gemeld');
    await cell(day).click();
    const card = panel.locator('.signal-card[data-rule="roster.shift-during-absence"]');
    await card.waitFor();
    expect(await card.locator('.tier-badge').textContent()).toBe('Afwezig – vervanging nodig');
    expect(await card.textContent()).toMatch(/Dienst D op .* valt in de ziekmelding/);
    expect(await panel.getByTestId('cell-absence').textContent()).toContain('Ziek');
    await screenshot(page, 'planner-07-sick-call-signal');

    // Re-plan just those days with minimal changes: the optimiser's window re-plan, then the proposal.
    await offer.getByRole('button', { name: /^Herplan / }).click();
    await page.waitForURL(/\/optimaliseren\?job=/);
    expect(await page.getByLabel('Van', { exact: true }).inputValue()).toBe(day);
    expect(await page.getByLabel('Tot en met', { exact: true }).inputValue()).toBe(addDay(day, 1));
    expect(await page.getByLabel('Minimale wijzigingen').isChecked()).toBe(true);
    await expect
      .poll(() => page.getByTestId('job-status').textContent(), { timeout: 90_000, interval: 500 })
      .toBe('Klaar');
    await page.getByRole('button', { name: 'Voorstel bekijken' }).click();
    await page.waitForURL(/\/voorstel\//);
    const hard = page.getByTestId('summary-hard');
    await hard.getByTestId('hard-count').waitFor({ timeout: 30_000 });
    expect(await hard.getByTestId('hard-count').textContent()).toMatch(
      /^\d+ overtreding(en blijven| blijft) over$/,
    );
    expect(await hard.textContent()).toMatch(/huidig rooster: \d+/);
    const coverage = page.getByTestId('summary-coverage');
    expect(await coverage.getByTestId('below-minimum').textContent()).toMatch(
      /^\d+ diensten? onder minimum \(\d+ personen tekort\)$/,
    );
    expect(await coverage.getByTestId('window-coverage').textContent()).toMatch(/^In de herplande dagen: /);
    expect(await page.getByTestId('summary-changes').textContent()).toMatch(/Wijzigingen/);
    expect(await page.getByTestId('proposal-window').textContent()).toContain('minimale wijzigingen');
    // Planners' words only: no raw composite score anywhere on the page.
    expect(await page.locator('main').textContent()).not.toMatch(/\d{9,}|\d{1,3}(\.\d{3}){3,}/);
    // The proposal does not put the sick employee on the sick days.
    const proposalId = page.url().split('/voorstel/')[1]!;
    const proposal = await call<{ payload: { assignments: Cell[] } }>('GET', `/api/proposals/${proposalId}`);
    expect(
      proposal.body.payload.assignments.filter(
        (a) => a.employeeId === sick.id && (a.date === day || a.date === addDay(day, 1)),
      ),
    ).toEqual([]);
    await screenshot(page, 'planner-08-sick-call-proposal');

    // Recovered after the first day: the second day is free again and no longer flagged.
    await page.getByRole('link', { name: 'Rooster', exact: true }).click();
    await page.getByPlaceholder('Zoek medewerker').fill(sick.name);
    await cell(addDay(day, 1)).click();
    await panel.getByRole('button', { name: 'Hersteld melden' }).click();
    const recovery = page.getByRole('dialog', { name: 'Hersteld melden' });
    await recovery.getByLabel('Weer beschikbaar vanaf').fill(day);
    await recovery.getByRole('button', { name: 'Opslaan' }).click();
    expect(await recovery.locator('.field-error').textContent()).toMatch(
      /^Weer beschikbaar vanaf: deze dag moet na de eerste afwezige dag \(.+\) liggen\.$/,
    );
    await recovery.getByLabel('Weer beschikbaar vanaf').fill(addDay(day, 1));
    await recovery.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => offer.textContent()).toContain(`${sick.name} is hersteld gemeld`);
    await expect.poll(() => flagged.count(), { timeout: 30_000 }).toBe(1);
    expect(await cell(addDay(day, 1)).getAttribute('class')).not.toContain('absent');
  });

  it('opens the home-care screen on a day with visits and steps between such days', async () => {
    await page.getByRole('link', { name: 'Wijkzorg dagplanning' }).click();
    await page.getByRole('heading', { name: 'Wijkzorg dagplanning' }).waitFor();
    await expect.poll(() => page.getByLabel('Team').inputValue()).not.toBe('');
    const team = await page.getByLabel('Team').inputValue();
    const days = (
      await call<{ items: Array<{ date: string; visits: number }> }>('GET', `/api/visit-days?teamId=${team}`)
    ).body.items;
    expect(days.length).toBeGreaterThan(1);
    const dates = days.map((d) => d.date);
    await expect.poll(() => page.getByLabel('Dag', { exact: true }).inputValue()).not.toBe('');
    const opened = await page.getByLabel('Dag', { exact: true }).inputValue();
    expect(dates).toContain(opened);
    const visits = days.find((d) => d.date === opened)!.visits;
    await expect.poll(() => page.locator('.toolbar').first().textContent()).toContain(`${visits} bezoeken`);
    await screenshot(page, 'planner-03-homecare-day');
    const following = dates.find((d) => d > opened);
    if (following) {
      await page.getByRole('button', { name: /Volgende dag met bezoeken/ }).click();
      await expect.poll(() => page.getByLabel('Dag', { exact: true }).inputValue()).toBe(following);
    } else {
      await page.getByRole('button', { name: /Vorige dag met bezoeken/ }).click();
      await expect
        .poll(() => page.getByLabel('Dag', { exact: true }).inputValue())
        .toBe(dates[dates.indexOf(opened) - 1]);
    }
  });

  it('edits a capacity assumption and a scenario, recomputes, and names a bad field', async () => {
    await page.getByRole('link', { name: 'Capaciteit' }).click();
    await page.getByRole('heading', { name: 'Capaciteit', level: 1 }).waitFor();
    const shortage = page.getByTestId('total-shortage');
    await shortage.waitFor({ timeout: 60_000 });
    const hours = async () => Number(((await shortage.textContent()) ?? '').replace(/\D/g, ''));
    const before = await hours();
    await page.getByRole('heading', { name: 'Aannames en scenario’s aanpassen' }).click();
    const absence = page.getByLabel('Verzuim (%)', { exact: true });
    expect(await absence.inputValue()).toBe('7');
    await absence.fill('15');
    // A scenario of our own beside the others, and one of the standard set renamed.
    await page.getByRole('button', { name: 'Scenario toevoegen' }).click();
    const mine = page.locator('.scenario-editor').last();
    await mine.getByLabel('Naam scenario').fill('Vijf extra VIG');
    await mine.getByLabel('Aannemen niveau 3').fill('5');
    await page.locator('.scenario-editor').first().getByLabel('Naam scenario').fill('Verzuim omlaag');
    await page.getByRole('button', { name: /^Scenario „Verloop.*verwijderen$/ }).click();
    await page.getByRole('button', { name: 'Herberekenen' }).click();
    await expect.poll(hours, { timeout: 60_000 }).toBeGreaterThan(before);
    const cards = page.locator('.scenario-card h3');
    await expect.poll(() => cards.allTextContents()).toContain('Vijf extra VIG');
    expect(await cards.allTextContents()).toContain('Verzuim omlaag');
    expect((await cards.allTextContents()).some((n) => n.startsWith('Verloop'))).toBe(false);
    const ownCard = page.locator('.scenario-card', { hasText: 'Vijf extra VIG' });
    expect(await ownCard.locator('.trend-better').textContent()).toMatch(/−/);
    await screenshot(page, 'planner-04-capacity-edited');

    // Kept in this browser: after a reload the edited plan is computed again.
    await page.reload();
    await shortage.waitFor({ timeout: 60_000 });
    await expect.poll(() => cards.allTextContents(), { timeout: 60_000 }).toContain('Vijf extra VIG');

    // A bad value: the server's field error is shown once, in Dutch, at the field.
    await page.getByLabel('Verzuim (%)', { exact: true }).fill('150');
    await page.getByRole('button', { name: 'Herberekenen' }).click();
    const fieldError = page.locator('[data-field="assumptions.absenceRate"] ~ .field-error');
    await fieldError.waitFor({ timeout: 30_000 });
    expect(await fieldError.textContent()).toMatch(
      /^Verzuim: moet 1 of minder zijn — de server rekent met een deel/,
    );
    expect(await page.locator('main').textContent()).not.toMatch(/Too (big|small)|expected number/);
    expect(await page.getByText(/Niet herberekend: 1 waarde klopt niet/).count()).toBe(1);
    expect(await page.getByLabel('Verzuim (%)', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await fieldError.scrollIntoViewIfNeeded();
    await screenshot(page, 'planner-05-capacity-field-error');

    // Back to the defaults: the standard scenarios return.
    await page.getByRole('button', { name: 'Standaardwaarden herstellen' }).click();
    await expect.poll(() => cards.allTextContents(), { timeout: 60_000 }).not.toContain('Vijf extra VIG');
    await expect.poll(hours, { timeout: 60_000 }).toBe(before);
  });

  it('raised no script errors in the pages', () => {
    expect(errors).toEqual([]);
  });
});

function addDay(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
