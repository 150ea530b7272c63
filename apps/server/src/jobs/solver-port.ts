/**
 * The solver port: how an optimiser plugs into the job pipeline. A plugin has three parts:
 *  - `paramsSchema`  validates the job parameters at the API,
 *  - `prepare`       (worker process, main thread) reads its input from the database,
 *  - `threadEntry`   a module run in a worker thread that exports
 *                    `solve(input, { signal, onProgress, timeLimitMs }) → result`,
 *  - `toProposal`    turns the result into a proposal the planner accepts or rejects.
 * The HTTP thread never runs a solver.
 */
import type { z } from 'zod';
import type { Executor, ProposalDraft } from '@planmaat/db';

export interface SolveProgress {
  elapsedMs: number;
  /** Lower is better (penalty); the curve shown to the planner. */
  score: number;
}

export interface SolverContext {
  signal: AbortSignal;
  timeLimitMs: number;
  onProgress(progress: SolveProgress): void;
}

/** What a thread module exports. */
export type SolveFunction = (input: unknown, context: SolverContext) => Promise<unknown> | unknown;

export interface PreparedSolve<Input> {
  input: Input;
  /** The record the proposal would change and the version it was read at. */
  target: { id: string; version: number };
}

export interface SolverPlugin<Params = unknown, Input = unknown, Result = unknown> {
  kind: string;
  /** Dutch first, English second. */
  description: string;
  paramsSchema: z.ZodType<Params>;
  prepare(db: Executor, organisationId: string, params: Params): Promise<PreparedSolve<Input>>;
  threadEntry: URL;
  /** Named export of the thread module (default `solve`). */
  exportName?: string;
  toProposal(result: Result, prepared: PreparedSolve<Input>): ProposalDraft | undefined;
  /** Score of the final result, stored on the job. */
  scoreOf?(result: Result): number | null;
}

export class SolverRegistry {
  private readonly plugins = new Map<string, SolverPlugin>();

  register<P, I, R>(plugin: SolverPlugin<P, I, R>): this {
    this.plugins.set(plugin.kind, plugin as unknown as SolverPlugin);
    return this;
  }

  get(kind: string): SolverPlugin | undefined {
    return this.plugins.get(kind);
  }

  kinds(): SolverPlugin[] {
    return [...this.plugins.values()];
  }
}
