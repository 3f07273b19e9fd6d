// The scoring rules of issue 14 worked out on BigInt fractions, for the tests of those rules.
// Nothing here comes from src/: each function restates docs/scheme.md in its own words.
import { Fraction, frac } from './fraction.mjs';

const ZERO = new Fraction(0n);
export const sumOf = (xs) => xs.reduce((a, x) => a.plus(frac(x)), ZERO);
const min = (a, b) => (frac(a).lt(b) ? frac(a) : frac(b));
const max = (a, b) => (frac(a).gt(b) ? frac(a) : frac(b));

/** direct / pass / grade: the points entered. */
export const entered = (p) => frac(p);
/** deduct: the points less the deductions, never below 0. */
export const deducted = (points, deductions) => max(0, frac(points).minus(sumOf(deductions)));
/** rate: points × rate%, at most the points. */
export const rated = (points, rate) => min(points, frac(points).times(rate).div(100));
/** ratio: points × actual ÷ target, at most the points (no cap). */
export const ratioed = (points, actual, target) => min(points, frac(points).times(actual).div(target));

/** nodes: the weighted mean of the period points; weights in percent, or none for the plain mean. */
export function periodMean(points, weights) {
  if (!weights) return sumOf(points).div(points.length);
  return sumOf(points.map((p, i) => frac(p).times(weights[i]).div(100)));
}

export { Fraction, frac };

/** 缺项折算: the points the unit has in a part × the part's full points ÷ the points of the leaves it has. */
export const rescaled = (present, fullPoints, presentPoints) => sumOf(present).times(fullPoints).div(presentPoints);

/** The mean of raters' scores, one highest and one lowest dropped when `trim` (and at least three). */
export function raterMean(scores, trim = false) {
  const sorted = scores.map(frac).sort((a, b) => a.cmp(b));
  const kept = trim && sorted.length >= 3 ? sorted.slice(1, -1) : sorted;
  return sumOf(kept).div(kept.length);
}

/** Rater groups: Σ each group's mean × its percentage. `groups`: [[percent, scores], …]. */
export const groupedRaters = (groups, trim = false) => sumOf(groups.map(([w, scores]) => raterMean(scores, trim).times(w).div(100)));

/** growth: the points of the first tier (highest first) the rate reaches; 0 below all. `tiers`: [[from, points], …]. */
export function tiered(rate, tiers) {
  const hit = [...tiers].sort((a, b) => frac(b[0]).cmp(a[0])).find(([from]) => frac(rate).gte(from));
  return hit ? frac(hit[1]) : ZERO;
}

/** deduct on a scale of `base`: points × max(0, base − Σ deductions) ÷ base. */
export const deductedOn = (points, base, deductions) => frac(points).times(max(0, frac(base).minus(sumOf(deductions)))).div(base);

/** 位次 out of N, linear: full at the first place, `last` at the N-th, evenly between (N = 1: full). */
export const linearPlace = (points, place, n, last) => (BigInt(n) === 1n ? frac(points)
  : frac(points).minus(frac(place - 1).times(frac(points).minus(last)).div(n - 1)));

/** 位次 out of N by 百分位 bands `[[upTo%, points], …]` ascending: the first band with place ÷ N × 100 ≤ upTo; none: 0. */
export function percentilePlace(place, n, bands) {
  const share = frac(place).times(100).div(n);
  const hit = bands.find(([upTo]) => !share.gt(upTo));
  return hit ? frac(hit[1]) : ZERO;
}

/** Places of values, highest first, equal values sharing the best place (1, 2, 2, 4). */
export const placesOf = (values) => values.map((v) => 1 + values.filter((w) => frac(w).gt(v)).length);
