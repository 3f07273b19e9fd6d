import type { Decimal } from 'decimal.js';
import { D } from '../core/decimal.js';

export interface BandRule {
  name: string;
  /** Lower boundary; undefined for the last band. */
  bound?: Decimal;
  inclusive: boolean;
}

export interface BandResult {
  band: string;
  /** The score sits exactly on a boundary (of the band it got or the one above it). */
  onBoundary?: { band: string; bound: Decimal; inclusive: boolean };
}

export function toBandRules(bands: readonly { name: string; atLeast?: string; above?: string }[]): BandRule[] {
  return bands.map((b) => {
    const bound = b.atLeast ?? b.above;
    return bound === undefined ? { name: b.name, inclusive: true } : { name: b.name, bound: new D(bound), inclusive: b.atLeast !== undefined };
  });
}

/** The first band, from the top, whose lower boundary the score meets. */
export function bandOf(score: Decimal, rules: readonly BandRule[]): BandResult {
  const boundary = rules.find((r) => r.bound !== undefined && score.eq(r.bound));
  for (const rule of rules) {
    const meets = rule.bound === undefined || (rule.inclusive ? score.gte(rule.bound) : score.gt(rule.bound));
    if (meets) {
      return boundary?.bound !== undefined
        ? { band: rule.name, onBoundary: { band: boundary.name, bound: boundary.bound, inclusive: boundary.inclusive } }
        : { band: rule.name };
    }
  }
  return { band: rules[rules.length - 1]!.name };
}
