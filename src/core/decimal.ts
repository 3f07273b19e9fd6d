import { Decimal } from 'decimal.js';

/**
 * One Decimal for all scoring: 40 significant digits, so that a ratio like 10 × 29/30 is carried
 * far past any published decimal before the scheme's half-up rounding.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type D = Decimal;

export const ZERO = new D(0);

/** 四舍五入 to `decimals` places: 1.005 → 1.01, 2.135 → 2.14, 85.955 → 85.96. */
export function roundHalfUp(value: Decimal, decimals: number): Decimal {
  return new D(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

/** Fixed decimals for display: 80 → "80.00". */
export function fixed(value: Decimal, decimals: number): string {
  return roundHalfUp(value, decimals).toFixed(decimals);
}

export function sum(values: Iterable<Decimal>): Decimal {
  let s: Decimal = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}
