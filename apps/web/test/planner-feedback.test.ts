/**
 * QA feedback of the Dutch UI: the API is asked for the UI language, capacity field errors are shown
 * once (at the input, the share note only for an out-of-range percentage), a pinned shift is not
 * cleared without asking, and publishing states the open rule signals, hard ones first.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { request } from '../src/api/client.ts';
import { createGridModel, pinnedClears } from '../src/roster/grid-model.ts';
import { openSignals } from '../src/roster/publish.ts';
import { SYNTHETIC_SHIFTS } from '../src/roster/synthetic.ts';
import {
  fieldErrors,
  isEditorField,
  problemsWithoutField,
  showsShareHint,
} from '../src/workforce/capacity-edit.ts';

describe('the API is asked for the UI language', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const headersSent = async (lang: string | undefined) => {
    const fetch = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('document', lang === undefined ? undefined : { documentElement: { lang } });
    await request('GET', '/api/anything');
    return (fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
  };

  it('sends Accept-Language with the current <html lang>', async () => {
    expect((await headersSent('nl'))['accept-language']).toBe('nl');
    expect((await headersSent('en'))['accept-language']).toBe('en');
    expect((await headersSent(undefined))['accept-language']).toBeUndefined();
  });
});

describe('capacity field errors', () => {
  const errors = [
    { field: 'assumptions.absenceRate', code: 'too_small', message: 'Verzuim: moet 0 of meer zijn' },
    { field: 'assumptions.absenceRate', code: 'custom', message: 'tweede' },
    { field: 'assumptions.leaveRate', code: 'invalid_type', message: 'Verlof: vul een getal in' },
    { field: 'weeks', code: 'too_big', message: 'weeks: moet 104 of minder zijn' },
  ];

  it('keeps the first problem per field with its code', () => {
    const map = fieldErrors(errors);
    expect(map.get('assumptions.absenceRate')).toEqual(errors[0]);
    expect(map.size).toBe(3);
  });

  it('adds the share note only to an out-of-range percentage', () => {
    expect(showsShareHint('percent', errors[0]!)).toBe(true);
    expect(showsShareHint('percent', errors[2]!)).toBe(false);
    expect(showsShareHint('number', errors[3]!)).toBe(false);
  });

  it('lists above the form only the problems no input shows', () => {
    expect(isEditorField('assumptions.costs.agencyPremium')).toBe(true);
    expect(isEditorField('assumptions.costs.hourlyCost.3')).toBe(true);
    expect(isEditorField('assumptions.demandSeasonality.11')).toBe(true);
    expect(isEditorField('scenarios.1.hires.0.count')).toBe(true);
    expect(isEditorField('scenarios.0.absenceRatePp')).toBe(true);
    expect(isEditorField('assumptions.unknown')).toBe(false);
    expect(problemsWithoutField(errors).map((e) => e.field)).toEqual(['weeks']);
  });
});

describe('clearing a pinned shift', () => {
  const employees = [{ id: 'a', name: 'Anna', contractHoursPerWeek: 24, level: 3 }];
  const model = createGridModel(employees, '2027-01-04', 7, SYNTHETIC_SHIFTS, [
    { employeeId: 'a', date: '2027-01-04', shiftTypeId: 'st-V', pinned: true },
    { employeeId: 'a', date: '2027-01-05', shiftTypeId: 'st-D' },
  ]);

  it('finds the clears that hit a pinned shift, not other changes', () => {
    const pinnedClear = { employeeId: 'a', date: '2027-01-04', shiftTypeId: null };
    expect(pinnedClears(model, [pinnedClear])).toEqual([pinnedClear]);
    // Clearing an unpinned shift, an empty day, or assigning over the pin asks nothing.
    expect(pinnedClears(model, [{ employeeId: 'a', date: '2027-01-05', shiftTypeId: null }])).toEqual([]);
    expect(pinnedClears(model, [{ employeeId: 'a', date: '2027-01-06', shiftTypeId: null }])).toEqual([]);
    expect(pinnedClears(model, [{ employeeId: 'a', date: '2027-01-04', shiftTypeId: 'st-D' }])).toEqual([]);
  });
});

describe('publishing', () => {
  it('counts the open signals, hard (law, CAO, absence) apart from soft', () => {
    expect(
      openSignals([
        { tier: 'legal' },
        { tier: 'cao' },
        { tier: 'absence' },
        { tier: 'healthy' },
        { tier: 'preference' },
      ]),
    ).toEqual({ hard: 3, soft: 2 });
    expect(openSignals([])).toEqual({ hard: 0, soft: 0 });
  });
});
