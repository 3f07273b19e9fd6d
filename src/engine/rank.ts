import type { Rational } from '../core/rational.js';

export interface Rankable {
  score: Rational;
  /** Stable order among equals (the roster order). */
  order: number;
}

/**
 * Competition ranking ("1224"): equal scores share a rank and the next rank skips.
 * Returns the items sorted best first with their ranks.
 */
export function rank<T extends Rankable>(items: readonly T[]): { item: T; rank: number }[] {
  const sorted = [...items].sort((a, b) => b.score.comparedTo(a.score) || a.order - b.order);
  const out: { item: T; rank: number }[] = [];
  sorted.forEach((item, i) => {
    const previous = out[i - 1];
    const shared = previous !== undefined && previous.item.score.eq(item.score);
    out.push({ item, rank: shared ? previous.rank : i + 1 });
  });
  return out;
}
