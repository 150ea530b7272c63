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

export type Tier = 'legal' | 'cao' | 'healthy' | 'preference';

/** A rule signal on one employee's roster, as the UI shows it (on cells and in the side panel). */
export interface RuleSignal {
  id: string;
  rule: string;
  tier: Tier;
  employeeId: string;
  /** Local dates of the cells the signal belongs to. */
  dates: string[];
  title: string;
  /** Legal source, e.g. "ATW art. 5:8". */
  article: string;
  measured: number;
  limit: number;
  unit: string;
  explanation: string;
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

export interface RosterProposalPayload {
  rosterPeriodId: string;
  assignments: Array<{ employeeId: string; date: string; shiftTypeId: string }>;
  breakdown?: ScorePart[];
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
}
