// Types of test/support/rules-reckoning.mjs for the TypeScript tests.
export interface Fraction {
  plus(o: Num): Fraction;
  minus(o: Num): Fraction;
  times(o: Num): Fraction;
  div(o: Num): Fraction;
  eq(o: Num): boolean;
  gt(o: Num): boolean;
  lt(o: Num): boolean;
  toString(): string;
  halfUp(decimals: number): string;
}
export type Num = Fraction | number | string | bigint;
export function frac(x: Num): Fraction;
export function sumOf(xs: readonly Num[]): Fraction;
export function entered(p: Num): Fraction;
export function deducted(points: Num, deductions: readonly Num[]): Fraction;
export function rated(points: Num, rate: Num): Fraction;
export function ratioed(points: Num, actual: Num, target: Num): Fraction;
export function periodMean(points: readonly Num[], weights?: readonly Num[]): Fraction;
export function rescaled(present: readonly Num[], fullPoints: Num, presentPoints: Num): Fraction;
export function raterMean(scores: readonly Num[], trim?: boolean): Fraction;
export function groupedRaters(groups: readonly (readonly [Num, readonly Num[]])[], trim?: boolean): Fraction;
export function tiered(rate: Num, tiers: readonly (readonly [Num, Num])[]): Fraction;
export function deductedOn(points: Num, base: Num, deductions: readonly Num[]): Fraction;
export function linearPlace(points: Num, place: number, n: number, last: Num): Fraction;
export function percentilePlace(place: number, n: number, bands: readonly (readonly [Num, Num])[]): Fraction;
export function placesOf(values: readonly Num[]): number[];
