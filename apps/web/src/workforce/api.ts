/**
 * Calls and answer shapes of /api/capacity and /api/insights (see /api/openapi.json), plus file
 * downloads (CSV, XLSX) and the printable reports (HTML) opened in a new tab.
 */
import { ApiError, api, query, type Problem } from '../api/client.ts';
import type { Scenario } from './capacity-edit.ts';

export interface LevelSeries {
  level: number;
  demand: number[];
  supply: number[];
  shortage: number[];
  surplus: number[];
}
export interface CapacitySummary {
  demandHours: number;
  supplyHours: number;
  shortageHours: number;
  surplusHours: number;
  peakShortageFte: number;
  peakShortageWeek: number;
  weeksShort: number;
  closingHours: { overtime: number; flex: number; agency: number };
  closingCost: { mix: number; overtimeOnly: number; flexOnly: number; agencyOnly: number };
}
export interface TeamProjection {
  teamId: string;
  name: string;
  kind: 'ward' | 'home-care';
  levels: LevelSeries[];
  total: { demand: number[]; supply: number[]; shortage: number[]; surplus: number[] };
  closing: { overtime: number[]; flex: number[]; agency: number[]; cost: number[] };
  summary: CapacitySummary;
}
export interface Projection {
  start: string;
  weeks: number;
  weekStarts: string[];
  isoWeeks: string[];
  teams: TeamProjection[];
  summary: CapacitySummary;
}
export interface CapacityPlan {
  assumptions: { fteHours: number; [key: string]: unknown };
  /** The scenario definitions compared (the request's, or the standard set). */
  scenarios: Scenario[];
  comparison: {
    base: Projection;
    scenarios: Array<{
      id: string;
      name: string;
      notes: string[];
      projection: Projection;
      delta: { shortageHours: number; surplusHours: number; peakShortageFte: number; closingCostMix: number };
    }>;
  };
  scope: { teamIds: string[]; complete: boolean };
}
export interface Recommendation {
  status: string;
  decisions: Array<{
    kind: 'hire' | 'training';
    teamId: string;
    teamName: string;
    level: number;
    quarter: number;
    date: string;
    count: number;
    hoursPerWeek: number;
    effectiveHours: number;
    cost: number;
    withoutOne: { extraCost: number; extraAgency: number };
  }>;
  cost: { total: number };
  baseline: { total: number; uncoveredHours: number };
  saving: number;
  hours: { overtime: number; flex: number; agency: number; uncovered: number };
  binding: Array<{ kind: string; label: string; limit: number; used: number; valueOfOneMore: number | null }>;
  explanation: { nl: string[]; en: string[] };
}
export interface CapacityRequest {
  weeks: number;
  demandBasis: 'min' | 'ideal';
  /** The planner's assumptions (all optional; the server fills in its defaults). */
  assumptions?: Record<string, unknown>;
  /** Scenarios to compare; without them the server's standard set. */
  scenarios?: Scenario[];
  recommendation?: { timeLimitSeconds?: number };
}

export interface Figures {
  headcount: number;
  fte: number;
  absenceRate: number;
  absenceFrequency: number;
  turnoverRate: number;
  hoursAboveContractPerFte: number;
  shareAboveContract: number;
  calledInPer100Shifts: number;
  rosterStability: number;
  nightShare: number;
  weekendShare: number;
  restViolationsPer100Shifts: number | null;
  wishesGranted: number | null;
  fairnessSpread: number | null;
}
export interface Period {
  id: string;
  label: string;
  from: string;
  to: string;
}
export interface InsightRow {
  periodId: string;
  periodLabel: string;
  teamId: string;
  teamName: string;
  suppressed: 'small-group' | 'complementary' | null;
  figures: Figures | null;
}
export interface InsightReport {
  filter: { levelBand: string; contractBand: string; label: { nl: string; en: string } };
  periods: Period[];
  range: Period;
  threshold: number;
  rows: InsightRow[];
  themes: Array<{
    periodId: string;
    teamId: string;
    theme: string;
    label: { nl: string; en: string };
    count: number;
  }>;
  notes: { nl: string[]; en: string[] };
}
export interface InsightQuery {
  period: 'month' | 'quarter' | 'four-weeks';
  levelBand: string;
  contractBand: string;
}
export interface TeamAction {
  id: string;
  periodId: string;
  text: string;
  owner?: string;
  status: 'open' | 'done' | 'dropped';
  followUp?: string;
}
export interface TeamReport {
  team: { id: string; name: string };
  period: Period;
  previous: Period | null;
  suppressed: boolean;
  figures: Array<{
    key: keyof Figures;
    label: { nl: string; en: string };
    unit: string;
    current: number | null;
    previous: number | null;
    organisation: number | null;
    trend: 'better' | 'worse' | 'same' | null;
  }>;
  themes: Array<{ theme: string; label: { nl: string; en: string }; count: number }>;
  followUp: TeamAction[];
  agreedThisPeriod: TeamAction[];
}

export const capacity = {
  plan: (request: CapacityRequest) => api.post<CapacityPlan>('/api/capacity/plan', request),
  recommend: (request: CapacityRequest) => api.post<Recommendation>('/api/capacity/recommendation', request),
  exportFile: (format: 'csv' | 'xlsx' | 'html', request: CapacityRequest, recommend: boolean) =>
    fileRequest('POST', '/api/capacity/export' + query({ format, recommend: String(recommend) }), request),
};

export const insights = {
  report: (q: InsightQuery) => api.get<InsightReport>('/api/insights' + query({ ...q })),
  exportUrl: (format: 'csv' | 'xlsx', q: InsightQuery) => `/api/insights/export.${format}` + query({ ...q }),
  teamReport: (teamId: string, period: InsightQuery['period']) =>
    api.get<TeamReport>(`/api/insights/teams/${encodeURIComponent(teamId)}/report` + query({ period })),
  teamReportHtmlUrl: (teamId: string, period: InsightQuery['period']) =>
    `/api/insights/teams/${encodeURIComponent(teamId)}/report` + query({ period, format: 'html' }),
  saveActions: (teamId: string, actions: TeamAction[]) =>
    api.put<{ items: TeamAction[] }>(`/api/insights/teams/${encodeURIComponent(teamId)}/actions`, actions),
};

/** A file from the API (POST with a body), as a Blob with its file name. */
async function fileRequest(
  method: 'POST',
  path: string,
  body: unknown,
): Promise<{ blob: Blob; name: string }> {
  const csrf = document.cookie
    .split('; ')
    .find((c) => c.startsWith('planmaat_csrf='))
    ?.split('=')[1];
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(problem ?? { title: response.statusText, status: response.status });
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'export';
  return { blob: await response.blob(), name };
}

/** Save a Blob as a download, or open it in a new tab (printable HTML). */
export function deliver(file: { blob: Blob; name: string }, open = false): void {
  const url = URL.createObjectURL(file.blob);
  if (open) window.open(url, '_blank', 'noopener');
  else {
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    document.body.append(a);
    a.click();
    a.remove();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
