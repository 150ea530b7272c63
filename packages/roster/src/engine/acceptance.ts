/** Move acceptance: simulated annealing with reheats, and late acceptance hill climbing. */
import type { Random } from '@planmaat/domain';

export interface Acceptance {
  /** Whether to keep a move of cost change `delta` from current cost `cost`. */
  accept(delta: number, cost: number, progress: number, rng: Random): boolean;
  /** Called once per iteration with the cost after the decision. */
  after(cost: number): void;
}

export interface AnnealingConfig {
  kind: 'annealing';
  /** Start and end temperature of each cycle (geometric cooling). */
  startTemperature: number;
  endTemperature: number;
  /** Number of cooling cycles over the whole budget (reheats = cycles − 1). */
  cycles: number;
}

export interface LateAcceptanceConfig {
  kind: 'late-acceptance';
  historyLength: number;
}

export type AcceptanceConfig = AnnealingConfig | LateAcceptanceConfig;

export function createAcceptance(config: AcceptanceConfig, initialCost: number): Acceptance {
  return config.kind === 'annealing' ? new Annealing(config) : new LateAcceptance(config, initialCost);
}

class Annealing implements Acceptance {
  private readonly ratio: number;
  private temperature: number;
  private lastProgress = -1;

  constructor(private readonly config: AnnealingConfig) {
    this.ratio = config.endTemperature / config.startTemperature;
    this.temperature = config.startTemperature;
  }

  accept(delta: number, _cost: number, progress: number, rng: Random): boolean {
    if (delta <= 0) return true;
    if (progress !== this.lastProgress) {
      this.lastProgress = progress;
      const phase = (progress * this.config.cycles) % 1;
      this.temperature = this.config.startTemperature * Math.pow(this.ratio, phase);
    }
    return rng.next() < Math.exp(-delta / this.temperature);
  }

  after(): void {}
}

class LateAcceptance implements Acceptance {
  private readonly history: Float64Array;
  private index = 0;

  constructor(config: LateAcceptanceConfig, initialCost: number) {
    this.history = new Float64Array(Math.max(1, config.historyLength)).fill(initialCost);
  }

  accept(delta: number, cost: number): boolean {
    const candidate = cost + delta;
    return delta <= 0 || candidate <= this.history[this.index];
  }

  after(cost: number): void {
    this.history[this.index] = cost;
    this.index = (this.index + 1) % this.history.length;
  }
}
