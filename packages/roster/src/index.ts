export * from './engine/score.ts';
export type { SearchProblem, Solution } from './engine/problem.ts';
export type { AcceptanceConfig } from './engine/acceptance.ts';
export type { ProgressEvent, StopReason } from './engine/portfolio.ts';
export * from './nrp/instance.ts';
export * from './nrp/roster-file.ts';
export * from './nrp/evaluate.ts';
export { solveNrp, type NrpSolveOptions, type NrpSolveResult, type NrpPin } from './nrp/solve.ts';
export { solveNrpMip, type MipBaselineResult } from './nrp/mip-baseline.ts';
export * from './care/options.ts';
export {
  solveCareRoster,
  type CareSolveOptions,
  type CareSolveResult,
  type CareChange,
  type CareChangeReport,
} from './care/solve.ts';
export {
  explainCareRoster,
  type CareExplanation,
  type ConstraintTotal,
  type ExplainOptions,
  type FairnessReport,
  type FairnessRow,
} from './care/explain.ts';
export type { Match as CareMatch } from './care/employee-terms.ts';
export {
  recommendCare,
  type RecommendTarget,
  type Recommendation,
  type RecommendOptions,
} from './care/recommend.ts';
