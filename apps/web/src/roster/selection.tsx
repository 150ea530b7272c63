/** The team and roster period the planner works on, shared by the planner screens and remembered. */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

interface Selection {
  teamId: string | null;
  periodId: string | null;
  setTeamId(id: string | null): void;
  setPeriodId(id: string | null): void;
}

const SelectionContext = createContext<Selection | null>(null);
const KEY = 'planmaat.selection';

function load(): { teamId: string | null; periodId: string | null } {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (raw) return JSON.parse(raw) as { teamId: string | null; periodId: string | null };
  } catch {
    // ignore
  }
  return { teamId: null, periodId: null };
}

export function SelectionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(load);
  useEffect(() => {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(state));
    } catch {
      // ignore
    }
  }, [state]);
  const value = useMemo<Selection>(
    () => ({
      ...state,
      setTeamId: (teamId) => setState((s) => (s.teamId === teamId ? s : { teamId, periodId: null })),
      setPeriodId: (periodId) => setState((s) => ({ ...s, periodId })),
    }),
    [state],
  );
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export function useSelection(): Selection {
  const s = useContext(SelectionContext);
  if (!s) throw new Error('useSelection outside SelectionProvider');
  return s;
}
