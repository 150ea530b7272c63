/**
 * Loads one roster period with everything the grid needs and writes cell changes: optimistic in
 * the grid, version-checked on the server, re-checked against the rules on every change.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { planning, rosters, type CellWrite } from '../api/endpoints.ts';
import type {
  Absence,
  Demand,
  Employee,
  RosterPeriod,
  RuleSignal,
  ShiftType,
  Versioned,
} from '../api/types.ts';
import { addDays } from '../dates.ts';
import { absenceGrid } from './absence.ts';
import { computeCoverage } from './coverage.ts';
import { applyChanges, createGridModel, type GridModel } from './grid-model.ts';
import { mergeSignals, signalsFromCheck } from './signals.ts';

export interface RosterData {
  period: Versioned<RosterPeriod>;
  teamName: string;
  employees: Versioned<Employee>[];
  shiftTypes: ShiftType[];
  demand: Demand[];
  absences: Absence[];
  model: GridModel;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export class ReasonRequired extends Error {
  constructor() {
    super('reason required');
  }
}

export function periodDays(period: Pick<RosterPeriod, 'weeks'>): number {
  return period.weeks * 7;
}

export function useRoster(periodId: string | null) {
  const [data, setData] = useState<RosterData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [signals, setSignals] = useState<RuleSignal[]>([]);
  const [signalsAvailable, setSignalsAvailable] = useState(true);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const dataRef = useRef(data);
  dataRef.current = data;
  // Writes go one after another so each carries the version the previous one produced; the
  // version lives in a ref because the next write may start before React re-renders.
  const versionRef = useRef<{ periodId: string; version: number } | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const load = useCallback(async (id: string) => {
    setLoading(true);
    setError(null);
    try {
      const { period, assignments } = await rosters.get(id);
      const to = addDays(period.start, periodDays(period) - 1);
      const [teams, employees, shiftTypes, demand, absences] = await Promise.all([
        planning.teams(),
        planning.employees(period.teamId),
        planning.shiftTypes(),
        planning.demand(period.teamId, period.start, to),
        planning.absences({ from: period.start, to }),
      ]);
      const used = new Set(demand.map((d) => d.shiftTypeId));
      for (const a of assignments) used.add(a.shiftTypeId);
      const teamShiftTypes = shiftTypes.filter((s) => used.has(s.id));
      const sorted = [...employees].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      const model = createGridModel(sorted, period.start, periodDays(period), teamShiftTypes, assignments);
      const ids = new Set(sorted.map((e) => e.id));
      versionRef.current = { periodId: period.id, version: period.version };
      setData({
        period,
        teamName: teams.find((x) => x.id === period.teamId)?.name ?? period.teamId,
        employees: sorted,
        shiftTypes: teamShiftTypes,
        demand,
        absences: absences.filter((a) => ids.has(a.employeeId)),
        model,
      });
      setConflict(false);
      void recheck(id);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  const recheck = useCallback(async (id: string) => {
    try {
      setSignals(signalsFromCheck(await rosters.check(id)));
      setSignalsAvailable(true);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 501 || e.status === 404)) setSignalsAvailable(false);
      else console.warn('rule check failed', e);
    }
  }, []);

  useEffect(() => {
    setData(null);
    setSignals([]);
    if (periodId) void load(periodId);
  }, [periodId, load]);

  /** Apply cell changes; rejects with ReasonRequired when a published roster needs a reason. */
  const change = useCallback(
    (changes: CellWrite[], reason?: string): Promise<void> => {
      const current = dataRef.current;
      if (!current || changes.length === 0) return Promise.resolve();
      if (current.period.status === 'published' && !reason?.trim())
        return Promise.reject(new ReasonRequired());
      const before = current.model;
      setData({ ...current, model: applyChanges(current.model, changes) });
      setSaveState('saving');
      setSaveError(null);
      const run = queue.current.then(async () => {
        const latest = dataRef.current!;
        const known = versionRef.current;
        const expectedVersion =
          known && known.periodId === latest.period.id ? known.version : latest.period.version;
        try {
          const result = await rosters.change(latest.period.id, {
            expectedVersion,
            reason: reason?.trim() || undefined,
            changes,
          });
          versionRef.current = { periodId: latest.period.id, version: result.version };
          setData((d) => (d ? { ...d, period: { ...d.period, version: result.version } } : d));
          const employeeIds = [...new Set(changes.map((c) => c.employeeId))];
          if (result.ruleCheck)
            setSignals((s) => mergeSignals(s, signalsFromCheck(result.ruleCheck), employeeIds));
          setSaveState('saved');
        } catch (e) {
          setSaveState('error');
          if (e instanceof ApiError && e.status === 409) {
            setConflict(true);
            await load(latest.period.id);
          } else {
            setData((d) => (d ? { ...d, model: before } : d));
            setSaveError(e);
          }
          throw e;
        }
      });
      queue.current = run.catch(() => undefined);
      return run;
    },
    [load],
  );

  const absenceCells = useMemo(() => (data ? absenceGrid(data.model, data.absences) : undefined), [data]);
  const coverage = useMemo(() => (data ? computeCoverage(data.model, data.demand) : []), [data]);

  return {
    data,
    loading,
    error,
    signals,
    signalsAvailable,
    coverage,
    absenceCells,
    saveState,
    saveError,
    conflict,
    dismissConflict: () => setConflict(false),
    change,
    /**
     * A registered or changed absence (sick call, recovery): shown in the grid at once, then the
     * rule check runs again so shifts on its days get their signal.
     */
    putAbsence: (absence: Absence) => {
      setData((d) =>
        d ? { ...d, absences: [...d.absences.filter((a) => a.id !== absence.id), absence] } : d,
      );
      if (periodId) void recheck(periodId);
    },
    reload: () => periodId && load(periodId),
    recheck: () => periodId && recheck(periodId),
    setPeriod: (period: Versioned<RosterPeriod>) => {
      versionRef.current = { periodId: period.id, version: period.version };
      setData((d) => (d ? { ...d, period } : d));
    },
  };
}
