/** The signed-in employee's own data: record, team periods, shift types. */
import { useEffect, useState } from 'react';
import { planning, rosters } from '../api/endpoints.ts';
import type { Employee, RosterPeriod, ShiftType, Versioned } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';

export function useMe() {
  const { user } = useSession();
  const [employee, setEmployee] = useState<Employee | null>(null);
  const [periods, setPeriods] = useState<Versioned<RosterPeriod>[]>([]);
  const [shiftTypes, setShiftTypes] = useState<ShiftType[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!user?.employeeId) return;
    Promise.all([planning.employee(user.employeeId), rosters.periods(), planning.shiftTypes()])
      .then(([e, p, s]) => {
        setEmployee(e);
        const mine = p
          .filter((x) => e.teamIds.includes(x.teamId))
          .sort((a, b) => a.start.localeCompare(b.start));
        setPeriods(mine);
        setShiftTypes(s);
        setLoaded(true);
      })
      .catch(setError);
  }, [user?.employeeId]);
  return { user, employeeId: user?.employeeId ?? null, employee, periods, shiftTypes, error, loaded };
}

export function newId(prefix: string): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${random}`;
}
