export { createApp } from './http/app.ts';
export { defaultConfig, type AppConfig, type AppDeps, type AppEnv } from './http/context.ts';
export {
  startPlanmaat,
  serveOptionsFromEnv,
  type ServeOptions,
  type RunningPlanmaat,
  type Service,
} from './serve.ts';
export {
  SolverRegistry,
  type SolverPlugin,
  type SolveFunction,
  type SolverContext,
  type SolveProgress,
} from './jobs/solver-port.ts';
export { JobEventHub } from './jobs/events.ts';
export { startJobWorkers } from './jobs/worker.ts';
export { ensureDemo } from './demo.ts';
export { hashPassword } from './auth/passwords.ts';
export type { RuleChecker, RuleCheckReport } from './rules-port.ts';
export { createRuleChecker } from './rules.ts';
