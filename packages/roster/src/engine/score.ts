/** Lexicographic scores: hard first, then medium, then soft; lower is better on each level. */
export interface Score {
  hard: number;
  medium: number;
  soft: number;
}

export function compareScores(a: Score, b: Score): number {
  return a.hard - b.hard || a.medium - b.medium || a.soft - b.soft;
}

export function formatScore(score: Score): string {
  return `${score.hard}hard/${score.medium}medium/${score.soft}soft`;
}
