/**
 * The exact companion: column generation (column-generation.ts) in its own worker thread beside
 * the local search, trading rosters with it. Each roster the companion finds becomes the
 * search's shared best at its next synchronisation (so the search polishes it), and every new
 * feasible best of the search is pushed to the companion, which takes the latest as the start of
 * its branching and integer master ('whole') or of its next window ('windows', window-search.ts).
 * In 'whole' mode the last share of the time goes to windows when nothing was proven.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '@planmaat/threads';
import type { SolutionExchange } from '../engine/portfolio.ts';
import type { Solution } from '../engine/problem.ts';
import type { Score } from '../engine/score.ts';
import type { NrpInstance } from './instance.ts';

/** Column generation over the whole horizon, or window by window over the search's best. */
export type CompanionMode = 'whole' | 'windows';

export interface CompanionStart {
  instance: NrpInstance;
  mode: CompanionMode;
  /** Wall-clock deadline, ms since the epoch. */
  deadline: number;
  stopBuffer: SharedArrayBuffer;
}

/** Companion → main thread. */
export type CompanionMessage =
  | { kind: 'improved'; assign: Int8Array; objective: number }
  | { kind: 'bound'; lowerBound: number }
  | {
      kind: 'done';
      objective?: number;
      lowerBound?: number;
      status: string;
    };

/** Main thread → companion: each new feasible best of the search. */
export interface CompanionPush {
  assign: Int8Array;
}

export interface CompanionReport {
  status: string;
  /** Best roster the companion found (feasible) and its objective. */
  assign?: Int8Array;
  objective?: number;
  /** Proven lower bound on the objective, when the pricing was exact to the end of the root. */
  lowerBound?: number;
  elapsedMs: number;
}

export interface Companion {
  exchange: SolutionExchange;
  result: Promise<CompanionReport>;
  /** Ask the companion to stop (it reports what it has). */
  stop(): void;
  /** Companion rosters the search has taken over so far. */
  handedOver(): number;
}

export function startCompanion(
  instance: NrpInstance,
  mode: CompanionMode,
  deadline: number,
  /** Called once when a roster (the companion's or the search's) reaches the proven bound. */
  onOptimal: () => void,
): Companion {
  const started = Date.now();
  const stopBuffer = new SharedArrayBuffer(4);
  const stopFlag = new Int32Array(stopBuffer);
  const start: CompanionStart = { instance, mode, deadline, stopBuffer };
  const worker: Worker = startWorker(new URL('./cg-worker.ts', import.meta.url), { workerData: start });
  let best: { assign: Int8Array; objective: number } | undefined;
  let pending: { solution: Solution; score: Score } | undefined;
  let searchBest: { solution: Solution; score: Score } | undefined;
  let handedOver = 0;
  let lowerBound = -Infinity;
  let optimal = false;
  const check = (objective: number) => {
    if (!optimal && objective <= lowerBound) {
      optimal = true;
      onOptimal();
    }
  };

  let settle: (report: CompanionReport) => void = () => undefined;
  const result = new Promise<CompanionReport>((resolve) => (settle = resolve));
  const finish = (report: Omit<CompanionReport, 'assign' | 'objective' | 'elapsedMs'>) => {
    settle({ ...report, ...best, elapsedMs: Date.now() - started });
    void worker.terminate();
  };
  worker.on('message', (message: CompanionMessage) => {
    if (message.kind === 'improved') {
      if (!best || message.objective < best.objective) {
        best = { assign: message.assign, objective: message.objective };
        pending = { solution: message.assign, score: { hard: 0, medium: 0, soft: message.objective } };
        check(message.objective);
      }
    } else if (message.kind === 'bound') {
      lowerBound = message.lowerBound;
      if (best) check(best.objective);
      if (searchBest?.score.hard === 0) check(searchBest.score.soft);
    } else {
      finish({ status: message.status, lowerBound: message.lowerBound });
    }
  });
  worker.once('error', (error) =>
    finish({ status: `failed: ${error instanceof Error ? error.message : String(error)}` }),
  );
  worker.once('exit', () => finish({ status: 'stopped' }));

  return {
    exchange: {
      incoming() {
        const p = pending;
        pending = undefined;
        if (p) handedOver++;
        return p;
      },
      onBest(solution, score) {
        searchBest = { solution, score };
        if (score.hard === 0) {
          check(score.soft);
          // Pushed rather than asked for: the search's thread answers only between segments.
          worker.postMessage({ assign: Int8Array.from(solution) } satisfies CompanionPush);
        }
      },
    },
    result,
    stop: () => Atomics.store(stopFlag, 0, 1),
    handedOver: () => handedOver,
  };
}
