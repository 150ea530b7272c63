/** What every route can reach: the database, the queue, the solver registry, job events. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { DatabaseHandle, JobQueue, User } from '@planmaat/db';
import type { JobEventHub } from '../jobs/events.ts';
import type { SolverRegistry } from '../jobs/solver-port.ts';
import type { RuleChecker } from '../rules-port.ts';
import type { OidcLogin } from '../auth/oidc.ts';
import { explicitLanguage } from './messages.ts';
import { validationProblem } from './problem.ts';

export interface AppConfig {
  /** Force the Secure cookie flag; by default it follows https (or X-Forwarded-Proto: https). */
  secureCookies?: boolean;
  sessionHours: number;
  bodyLimitBytes: number;
  /** Folder with the built web app, served at / when present. */
  webDist?: string;
  /** Seconds a queue job may stay active beyond its time limit before it is retried elsewhere. */
  jobExpiryMarginSeconds: number;
  maxTimeLimitSeconds: number;
}

export interface AppDeps {
  handle: DatabaseHandle;
  queue?: JobQueue;
  solvers: SolverRegistry;
  jobEvents: JobEventHub;
  rules?: RuleChecker;
  oidc?: OidcLogin;
  config: AppConfig;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: User;
    csrfToken: string;
  };
}

export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success)
        return validationProblem(
          result.error,
          result.target,
          explicitLanguage(c.req.header('accept-language')),
        );
    },
  });
}

export const defaultConfig: AppConfig = {
  sessionHours: 12,
  bodyLimitBytes: 1024 * 1024,
  jobExpiryMarginSeconds: 60,
  maxTimeLimitSeconds: 3600,
};
