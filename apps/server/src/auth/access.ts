/**
 * Who may see and change what, inside one organisation (the tenant is fixed by the session).
 *  admin        everything, including accounts
 *  planner      all planning data, solve jobs, proposals, publishing
 *  team-leader  reads the organisation's planning data; changes rosters of the teams they lead
 *  employee     only their own record, roster cells (published rosters) and wishes
 */
import type { User } from '@planmaat/db';
import { forbidden } from '../http/problem.ts';

export type { User };

export function requireRole(user: User, ...allowed: User['role'][]): void {
  if (!allowed.includes(user.role)) throw forbidden();
}

export const isStaff = (user: User) => user.role === 'admin' || user.role === 'planner';

/** May read all planning data of the organisation (not only their own). */
export function canReadAll(user: User): boolean {
  return user.role !== 'employee';
}

export function requireReadAll(user: User): void {
  if (!canReadAll(user)) throw forbidden();
}

/** Teams whose rosters the user may change; undefined = every team. */
export function rosterWriteTeams(user: User): readonly string[] | undefined {
  if (isStaff(user)) return undefined;
  return user.role === 'team-leader' ? user.teamIds : [];
}

/** May change the roster of this team. */
export function requireRosterWrite(user: User, teamId: string): void {
  const teams = rosterWriteTeams(user);
  if (teams === undefined || teams.includes(teamId)) return;
  throw forbidden('U mag het rooster van dit team niet wijzigen / you may not change this team roster.');
}

/** The employee's own record only; staff and team leaders may act for anyone. */
export function requireSelfOrReadAll(user: User, employeeId: string): void {
  if (canReadAll(user)) return;
  if (user.employeeId && user.employeeId === employeeId) return;
  throw forbidden();
}

export function requireSelfOrStaff(user: User, employeeId: string): void {
  if (isStaff(user) || user.role === 'team-leader') return;
  if (user.employeeId && user.employeeId === employeeId) return;
  throw forbidden();
}
