/** Shapes the web app works with; planning entities come from the domain model. */
import type {
  Absence,
  Assignment,
  CareVisit,
  CarerShift,
  Client,
  Demand,
  Employee,
  RosterPeriod,
  ShiftType,
  Team,
  Wish,
} from '@planmaat/domain';

export type {
  Absence,
  Assignment,
  CareVisit,
  CarerShift,
  Client,
  Demand,
  Employee,
  RosterPeriod,
  ShiftType,
  Team,
  Wish,
};

export type Role = 'admin' | 'planner' | 'team-leader' | 'employee';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  employeeId: string | null;
  teamIds: string[];
  organisationId: string;
}

export type Versioned<T> = T & { version: number };

/** Labour-rule tiers, and `absence`: a shift on a day its employee is absent (it needs cover). */
export type Tier = 'absence' | 'legal' | 'cao' | 'healthy' | 'preference';

/** Text in both languages, as the rule engine writes it. */
export interface Bilingual {
  nl: string;
  en: string;
}

/** A rule signal on one employee's roster, as the UI shows it (on cells and in the side panel). */
export interface RuleSignal {
  id: string;
  rule: string;
  tier: Tier;
  employeeId: string;
  /** Local dates of the cells the signal belongs to (the shifts involved, or the period's days). */
  dates: string[];
  /** The rule's title; falls back to the rule id when the check sends none. */
  title: Bilingual;
  /** The engine's message with the measured figures. */
  message: Bilingual;
  /** Legal source: law or CAO, article, CAO edition; `cite` is e.g. "ATW art. 5:3 lid 1". */
  source?: { document: string; article: string; edition?: string; cite: string };
  /** Measured value and limit in `unit` ("min", "min/week", "count"); NaN when not sent. */
  measured: number;
  limit: number;
  unit: string;
  /** Exact violation period, local `YYYY-MM-DDTHH:MM`. */
  period?: { start: string; end: string };
  shifts: Array<{ date: string; start: string; end: string; shiftTypeId?: string }>;
  unconfirmed?: boolean;
}

export interface ProgressPoint {
  elapsedMs: number;
  score: number;
}

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface SolveJob {
  id: string;
  kind: string;
  status: JobStatus;
  params: unknown;
  timeLimitSeconds: number;
  bestScore: number | null;
  progress: ProgressPoint[];
  error: string | null;
  proposalId: string | null;
  result?: unknown;
}

export type ProposalStatus = 'open' | 'accepted' | 'rejected' | 'superseded';

export interface ScorePart {
  constraint: string;
  label?: string;
  count?: number;
  penalty: number;
}

export interface Proposal<P = unknown> {
  id: string;
  jobId: string;
  kind: string;
  targetId: string;
  baseVersion: number;
  status: ProposalStatus;
  payload: P;
  score: number | null;
  createdAt: string;
}

/** A hard violation a roster proposal leaves (labour rule of tier legal/cao, or structural). */
export interface ProposalHardViolation {
  constraint: string;
  title: Bilingual;
  cite?: string;
  employeeId?: string;
  name?: string;
  dates: string[];
  message: Bilingual;
  /** Already in the roster the solve started from. */
  existing: boolean;
}

export interface RosterProposalPayload {
  rosterPeriodId: string;
  assignments: Array<{ employeeId: string; date: string; shiftTypeId: string }>;
  /** People taken over per person so far (the proposal stays open for the others). */
  acceptedEmployeeIds?: string[];
  breakdown?: ScorePart[];
  /** The re-planned days (absent: the whole period). */
  window?: { from: string; to: string };
  /** Solved with minimal changes (every changed cell cost). */
  replan?: boolean;
  /** Hard violations before (current roster) and after (the proposal), with the proposal's listed. */
  summary?: { hard: { before: number; after: number; items: ProposalHardViolation[] } };
}

export interface Candidate {
  employeeId: string;
  name?: string;
  /** Extra penalty compared with the current roster (lower is better). */
  cost: number;
  signals?: Array<{ rule: string; title: string }>;
  notes?: string[];
}

/** One stop of a carer's day plan, in minutes since midnight. */
export interface RouteStop {
  visitId: string;
  clientId: string;
  arrival: number;
  start: number;
  end: number;
  travelMinutes: number;
  waitMinutes: number;
}

export interface CarerRoute {
  employeeId: string;
  start: number;
  end: number;
  stops: RouteStop[];
  breakStart?: number;
  breakMinutes?: number;
}

export interface RoutePlan {
  date: string;
  teamId: string;
  routes: CarerRoute[];
  unassignedVisitIds: string[];
  /** Why each visit was left out, by visit id (the route job says; older plans do not). */
  unassignedReasons?: Record<string, { mandatory: boolean; nl: string; en: string }>;
  /** Hard rules the plan breaks, from the route job's independent check (older plans: none). */
  violations?: string[];
}
