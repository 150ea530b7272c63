/**
 * Every API call the web app makes, in one place, with the routes exactly as apps/server defines
 * them (see /api/openapi.json). Screens import these, never `fetch` directly.
 */
import { api, query } from './client.ts';
import type {
  Absence,
  Assignment,
  Bilingual,
  CareVisit,
  Client,
  Demand,
  Employee,
  Proposal,
  RosterPeriod,
  SessionUser,
  ShiftType,
  SolveJob,
  Team,
  Versioned,
  Wish,
} from './types.ts';

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

/** One violation of the rule check, with what the rule engine measured (see RuleViolation in /api/docs). */
export interface RuleCheckViolation {
  ruleId: string;
  severity: string;
  employeeId?: string;
  date?: string;
  /** Dutch message; `messages` has both languages. */
  message: string;
  tier?: string;
  title?: Bilingual;
  messages?: Bilingual;
  source?: { document: string; article: string; edition?: string; cite: string };
  value?: number;
  limit?: number;
  unit?: string;
  aspect?: string;
  period?: { start: string; end: string };
  endDate?: string;
  dates?: string[];
  shifts?: Array<{ date: string; start: string; end: string; breakMinutes: number; shiftTypeId?: string }>;
  unconfirmed?: boolean;
  unconfirmedReasons?: { nl: string[]; en: string[] };
}

export interface RuleCheck {
  violations: RuleCheckViolation[];
  detail?: unknown;
}

export interface RosterChange {
  version: number;
  at: string;
  actorName: string;
  action: string;
  published: boolean;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export interface CellWrite {
  employeeId: string;
  date: string;
  shiftTypeId: string | null;
  pinned?: boolean;
}

interface Items<T> {
  items: T[];
}
interface Page<T> extends Items<T> {
  total: number;
  limit: number;
  offset: number;
}

/** All pages of a paginated list. */
async function allPages<T>(path: string, params: Record<string, string | undefined>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ;) {
    const page = await api.get<Page<T>>(path + query({ ...params, limit: 500, offset }));
    out.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return out;
  }
}

export const auth = {
  login: (email: string, password: string) => api.post<Session>('/api/auth/login', { email, password }),
  me: () => api.get<Session>('/api/auth/me'),
  logout: () => api.post<void>('/api/auth/logout'),
  options: () => api.get<{ sso: boolean; ssoLoginUrl: string | null }>('/api/auth/options'),
};

export const planning = {
  organisation: () => api.get<{ id: string; name: string; isDemo: boolean }>('/api/organisation'),
  teams: () => api.get<Items<Team>>('/api/teams').then((r) => r.items),
  employees: (teamId?: string) => allPages<Versioned<Employee>>('/api/employees', { teamId }),
  employee: (id: string) => api.get<Versioned<Employee>>(`/api/employees/${encodeURIComponent(id)}`),
  shiftTypes: () => api.get<Items<Versioned<ShiftType>>>('/api/shift-types').then((r) => r.items),
  demand: (teamId: string, from: string, to: string) =>
    api.get<Items<Demand>>('/api/demand' + query({ teamId, from, to })).then((r) => r.items),
  absences: (params: { employeeId?: string; from?: string; to?: string }) =>
    api.get<Items<Absence>>('/api/absences' + query(params)).then((r) => r.items),
  createAbsence: (absence: Absence) => api.post<Absence>('/api/absences', absence),
  /** Change an absence's kind or period; an earlier `end` reports recovery (hersteld). */
  updateAbsence: (id: string, patch: Partial<Pick<Absence, 'kind' | 'start' | 'end'>>) =>
    api.patch<Absence>(`/api/absences/${encodeURIComponent(id)}`, patch),
  wishes: (params: { employeeId?: string; from?: string; to?: string }) =>
    api.get<Items<Wish>>('/api/wishes' + query(params)).then((r) => r.items),
  createWish: (wish: Wish) => api.post<Wish>('/api/wishes', wish),
  deleteWish: (id: string) => api.delete<void>(`/api/wishes/${encodeURIComponent(id)}`),
  clients: (teamId?: string) => allPages<Client>('/api/clients', { teamId }),
  visits: (date: string, teamId?: string) =>
    api.get<Items<CareVisit>>('/api/visits' + query({ date, teamId })).then((r) => r.items),
  /** Days with home-care visits (oldest first), with their count. */
  visitDays: (teamId: string) =>
    api
      .get<Items<{ date: string; visits: number }>>('/api/visit-days' + query({ teamId }))
      .then((r) => r.items),
};

export const rosters = {
  periods: (params: { teamId?: string; status?: 'draft' | 'published' } = {}) =>
    api.get<Items<Versioned<RosterPeriod>>>('/api/roster-periods' + query(params)).then((r) => r.items),
  get: (id: string) =>
    api.get<{ period: Versioned<RosterPeriod>; assignments: Assignment[] }>(
      `/api/roster-periods/${encodeURIComponent(id)}`,
    ),
  change: (id: string, body: { expectedVersion: number; reason?: string; changes: CellWrite[] }) =>
    api.put<{ version: number; assignments: Assignment[]; ruleCheck: RuleCheck | null }>(
      `/api/roster-periods/${encodeURIComponent(id)}/assignments`,
      body,
    ),
  publish: (id: string, body: { expectedVersion: number; reason?: string }) =>
    api.post<Versioned<RosterPeriod>>(`/api/roster-periods/${encodeURIComponent(id)}/publish`, body),
  changes: (id: string, publishedOnly = false) =>
    api
      .get<Items<RosterChange>>(
        `/api/roster-periods/${encodeURIComponent(id)}/changes` + query({ publishedOnly }),
      )
      .then((r) => r.items),
  check: (id: string) => api.post<RuleCheck>(`/api/roster-periods/${encodeURIComponent(id)}/check`),
};

export const jobs = {
  kinds: () => api.get<Items<{ kind: string; description: string }>>('/api/job-kinds').then((r) => r.items),
  start: (body: { kind: string; params: Record<string, unknown>; timeLimitSeconds?: number }) =>
    api.post<SolveJob>('/api/jobs', body),
  get: (id: string) => api.get<SolveJob>(`/api/jobs/${encodeURIComponent(id)}`),
  cancel: (id: string) => api.post<SolveJob>(`/api/jobs/${encodeURIComponent(id)}/cancel`),
  eventsUrl: (id: string) => `/api/jobs/${encodeURIComponent(id)}/events`,
};

export const proposals = {
  get: <P>(id: string) => api.get<Proposal<P>>(`/api/proposals/${encodeURIComponent(id)}`),
  list: (params: { targetId?: string; status?: string } = {}) =>
    api.get<Items<Proposal>>('/api/proposals' + query(params)).then((r) => r.items),
  accept: (id: string, reason?: string) =>
    api.post<{ proposal: Proposal; version: number }>(`/api/proposals/${encodeURIComponent(id)}/accept`, {
      reason,
    }),
  /** Take over the proposal for these people only; the rest stays open. */
  acceptFor: (id: string, employeeIds: string[], reason?: string) =>
    api.post<{
      proposal: Proposal;
      version: number;
      acceptedEmployeeIds: string[];
      remainingEmployeeIds: string[];
    }>(`/api/proposals/${encodeURIComponent(id)}/accept`, { employeeIds, reason }),
  reject: (id: string) => api.post<Proposal>(`/api/proposals/${encodeURIComponent(id)}/reject`),
};

/** Staff-portal calls; the calendar link is not offered by the server yet (screens show a notice on 404). */
export type LeaveRequestStatus = 'requested' | 'approved' | 'rejected' | 'withdrawn';

/** A leave request: a period only, never a cause. `end` is exclusive, like an absence. */
export interface LeaveRequest {
  id: string;
  employeeId: string;
  employeeName: string | null;
  kind: 'leave';
  start: string;
  end: string;
  status: LeaveRequestStatus;
  requestedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  absenceId: string | null;
  /** Shifts already rostered in the period: they fall open when the request is approved. */
  plannedShifts: Array<{ rosterPeriodId: string; date: string; shiftTypeId: string; code: string | null }>;
}

export interface LeaveRequestInput {
  employeeId?: string;
  from: string;
  to: string;
  startTime?: string;
  endTime?: string;
}

export const leaveRequests = {
  list: (params: { status?: LeaveRequestStatus; employeeId?: string; teamId?: string } = {}) =>
    allPages<LeaveRequest>('/api/leave-requests', params),
  create: (body: LeaveRequestInput) => api.post<LeaveRequest>('/api/leave-requests', body),
  approve: (id: string, reason?: string) =>
    api.post<{ request: LeaveRequest; absenceId: string }>(
      `/api/leave-requests/${encodeURIComponent(id)}/approve`,
      { reason },
    ),
  reject: (id: string, reason?: string) =>
    api.post<LeaveRequest>(`/api/leave-requests/${encodeURIComponent(id)}/reject`, { reason }),
  withdraw: (id: string) => api.post<LeaveRequest>(`/api/leave-requests/${encodeURIComponent(id)}/withdraw`),
};

/** The personal iCal link: `url` is only there when the link is made (the server keeps a hash). */
export interface CalendarLink {
  url: string;
  createdAt: string;
}

export const calendar = {
  link: () => api.get<CalendarLink>('/api/me/calendar'),
  renew: () => api.post<CalendarLink>('/api/me/calendar'),
};

export const pending = {
  /** Anonymous roster flag: team, week and theme only. */
  createFlag: (body: { date: string; theme: string; teamId?: string }) =>
    api.post<{ teamId: string; date: string; theme: string }>('/api/insights/flags', body),
};
