import { Memo } from './memo.js';
/**
 * Exact numbers for scoring: a fraction of two integers, always in lowest terms with a positive
 * denominator. Sums, products and quotients are exact (3 × 46/3 is 46, not 45.999…), so the only
 * rounding anywhere is the half-up the scheme names, at the stage it names.
 *
 * Why not decimal.js: any fixed precision rounds every quotient (ratios, weights of thirds, rater
 * means) and the errors land a unit exactly on a band boundary below it. Why not a fraction
 * package: none on the registry is both BigInt-based and small enough to own; this is ~200 lines.
 * Inputs are decimals, so most denominators are powers of ten and stay tiny: the integers are held
 * as JS numbers while they are safe integers (below 2^53, where every integer is exact) and as
 * BigInts beyond, which keeps the common case cheap in time and memory.
 */
export type Numeric = Rational | number | bigint | string;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const SAFE = Number.MAX_SAFE_INTEGER;
const TEN = 10n;
/** 10^k as BigInt for the small k that cell texts need, computed once. */
const POW10: bigint[] = Array.from({ length: 24 }, (_, k) => TEN ** BigInt(k));
const pow10 = (k: number): bigint => POW10[k] ?? TEN ** BigInt(k);
/** 10^k as a number while it is exact (k ≤ 15). */
const POW10_NUMBER: number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);
/** 10^k → k, for the denominators of decimals as read. */
const POW10_PLACES = new Map(POW10_NUMBER.map((p, k) => [p, k]));

/** A whole number of either kind. */
type Whole = number | bigint;
const big = (x: Whole): bigint => (typeof x === 'bigint' ? x : BigInt(x));
/** An integer result of +, − or × on safe integers is exact exactly when it is still within the safe range. */
const safe = (x: number): boolean => x <= SAFE && x >= -SAFE;

function gcdNumber(x: number, y: number): number {
  // Within 32 bits (a score's numerator and denominator, nearly always), remainders in integer arithmetic: several times faster.
  if (x <= 0x7fffffff && y <= 0x7fffffff) {
    let a = x | 0;
    let b = y | 0;
    while (b !== 0) {
      const t = a % b | 0;
      a = b;
      b = t;
    }
    return a;
  }
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const DECIMAL = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/;

/** How a rounding resolves the part it drops: 四舍五入 (half away from zero), 进一, 去尾. */
export type RoundingMode = 'half-up' | 'up' | 'down';

export class Rational {
  /**
   * Numerator and denominator in lowest terms, denominator positive. Both are JS numbers holding
   * safe integers when both fit (nearly every score: 8523/100), both BigInts only when one does
   * not. A safe integer is exact, and every operation on numbers checks that its results stay
   * within 2^53 before trusting them, falling back to BigInts otherwise; so nothing is ever
   * rounded, and the common case costs no BigInt (24 bytes and a slow path each). The form is
   * canonical, so equal values have equal fields.
   */
  private constructor(
    private readonly p: Whole,
    private readonly q: Whole,
  ) {}

  static readonly ZERO = new Rational(0, 1);
  static readonly ONE = new Rational(1, 1);

  /** From BigInts already in lowest terms with d > 0, in the canonical form. */
  private static reduced(n: bigint, d: bigint): Rational {
    if (n === 0n) return Rational.ZERO;
    return d <= MAX_SAFE && n <= MAX_SAFE && n >= -MAX_SAFE ? new Rational(Number(n), Number(d)) : new Rational(n, d);
  }

  /** From safe integers with d > 0, reduced here. */
  private static small(n: number, d: number): Rational {
    if (n === 0) return Rational.ZERO;
    if (d === 1) return new Rational(n, 1);
    const g = gcdNumber(Math.abs(n), d);
    return g === 1 ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  /** n/d in lowest terms; d must not be 0. */
  static fraction(n: bigint, d: bigint): Rational {
    if (d === 0n) throw new RangeError('division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d <= MAX_SAFE && n <= MAX_SAFE && n >= -MAX_SAFE) return Rational.small(Number(n), Number(d));
    const g = gcd(n, d);
    return Rational.reduced(n / g, d / g);
  }

  /** A number, integer or decimal text as written ("85.5", "-1e-3"); a JS number by its shortest form. */
  static of(v: Numeric): Rational {
    if (v instanceof Rational) return v;
    if (typeof v === 'bigint') return Rational.reduced(v, 1n);
    if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) return v === 0 ? Rational.ZERO : new Rational(v, 1);
      if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
      return FROM_NUMBER.of(v);
    }
    return Rational.parse(v);
  }

  /** Decimal text as written, or a fraction as `toString` writes it ("46/3"). */
  static parse(text: string): Rational {
    const slash = text.indexOf('/');
    if (slash > 0) return Rational.parse(text.slice(0, slash)).div(Rational.parse(text.slice(slash + 1)));
    const m = DECIMAL.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal number: ${text}`);
    const fraction = m[3] ?? '';
    const digits = `${m[2] || '0'}${fraction}`;
    const exponent = Number(m[4] ?? 0) - fraction.length;
    // Up to 15 digits are exact as a number, which is the whole of nearly every cell.
    if (digits.length <= 15 && exponent <= 0 && exponent >= -15) {
      const n = Number(digits);
      return Rational.small(m[1] === '-' ? -n : n, POW10_NUMBER[-exponent]!);
    }
    let n = BigInt(digits);
    if (m[1] === '-') n = -n;
    return exponent >= 0 ? Rational.reduced(n * pow10(exponent), 1n) : Rational.fraction(n, pow10(-exponent));
  }

  static isNumeric(text: string): boolean {
    const m = DECIMAL.exec(text.trim());
    return m !== null && !(m[2] === '' && (m[3] ?? '') === '');
  }

  plus(other: Numeric): Rational {
    const o = Rational.of(other);
    // Adding nothing keeps the value itself: a sum starting at 0 holds no copy of each addend.
    if (o.p === 0) return this;
    if (this.p === 0) return o;
    if (typeof this.p === 'number' && typeof o.p === 'number') {
      const a = this.p;
      const b = this.q as number;
      const c = o.p;
      const e = o.q as number;
      if (b === e) {
        const s = a + c;
        if (safe(s)) return Rational.small(s, b);
      } else {
        const x = a * e;
        const y = c * b;
        const z = b * e;
        const s = x + y;
        if (safe(x) && safe(y) && safe(z) && safe(s)) return Rational.small(s, z);
      }
    }
    return Rational.fraction(big(this.p) * big(o.q) + big(o.p) * big(this.q), big(this.q) * big(o.q));
  }

  minus(other: Numeric): Rational {
    const o = Rational.of(other);
    return o.p === 0 ? this : this.plus(o.neg());
  }

  mul(other: Numeric): Rational {
    const o = Rational.of(other);
    // × 1 (a part's full weight, a leaf's whole share) keeps the value itself rather than a copy.
    if (o.p === 1 && o.q === 1) return this;
    if (this.p === 1 && this.q === 1) return o;
    if (typeof this.p === 'number' && typeof o.p === 'number') {
      const x = this.p * o.p;
      const z = (this.q as number) * (o.q as number);
      if (safe(x) && safe(z)) return Rational.small(x, z);
    }
    return Rational.fraction(big(this.p) * big(o.p), big(this.q) * big(o.q));
  }

  div(other: Numeric): Rational {
    const o = Rational.of(other);
    if (o.p === 0) throw new RangeError('division by zero');
    if (typeof this.p === 'number' && typeof o.p === 'number') {
      const x = this.p * (o.q as number);
      const z = (this.q as number) * o.p;
      if (safe(x) && safe(z)) return z < 0 ? Rational.small(-x, -z) : Rational.small(x, z);
    }
    return Rational.fraction(big(this.p) * big(o.q), big(this.q) * big(o.p));
  }

  neg(): Rational {
    return this.p === 0 ? this : new Rational(-this.p, this.q);
  }

  abs(): Rational {
    return this.p < 0 ? this.neg() : this;
  }

  /** -1, 0 or 1, like decimal.js's comparedTo, so it sorts with `(a, b) => a.cmp(b)`. */
  cmp(other: Numeric): -1 | 0 | 1 {
    const o = Rational.of(other);
    if (this.q === o.q) return this.p < o.p ? -1 : this.p > o.p ? 1 : 0;
    if (typeof this.p === 'number' && typeof o.p === 'number') {
      const l = this.p * (o.q as number);
      const r = o.p * (this.q as number);
      if (safe(l) && safe(r)) return l < r ? -1 : l > r ? 1 : 0;
    }
    const l = big(this.p) * big(o.q);
    const r = big(o.p) * big(this.q);
    return l < r ? -1 : l > r ? 1 : 0;
  }

  comparedTo(other: Numeric): -1 | 0 | 1 {
    return this.cmp(other);
  }

  eq(other: Numeric): boolean {
    const o = Rational.of(other);
    return this.p === o.p && this.q === o.q;
  }

  gt(other: Numeric): boolean {
    return this.cmp(other) > 0;
  }

  gte(other: Numeric): boolean {
    return this.cmp(other) >= 0;
  }

  lt(other: Numeric): boolean {
    return this.cmp(other) < 0;
  }

  lte(other: Numeric): boolean {
    return this.cmp(other) <= 0;
  }

  isZero(): boolean {
    return this.p === 0;
  }

  isNegative(): boolean {
    return this.p < 0;
  }

  isInteger(): boolean {
    return this.q === 1 || this.q === 1n;
  }

  /** True when the denominator in lowest terms is at most `limit` (1/3: 3). */
  denominatorAtMost(limit: number): boolean {
    return typeof this.q === 'number' && this.q <= limit;
  }

  /** Rounded to `decimals` places; half-up rounds x.xx5 away from zero (1.005 → 1.01, -2.5 → -3). */
  round(decimals: number, mode: RoundingMode = 'half-up'): Rational {
    // Already that exact (most entries and sums of them): the value itself, not a copy.
    if (this.fitsDecimals(decimals)) return this;
    const scaled = this.scaledInteger(decimals, mode);
    return typeof scaled === 'number' && decimals < POW10_NUMBER.length ? Rational.small(scaled, POW10_NUMBER[decimals]!) : Rational.fraction(big(scaled), pow10(decimals));
  }

  /** The value × 10^decimals, rounded to an integer by `mode`. */
  private scaledInteger(decimals: number, mode: RoundingMode): Whole {
    if (typeof this.p === 'number' && decimals < POW10_NUMBER.length) {
      const x = this.p * POW10_NUMBER[decimals]!;
      const d = this.q as number;
      if (safe(x)) {
        const r = x % d; // the sign of x, exact on integers
        const t = (x - r) / d; // exact: x − r is a multiple of d
        if (r === 0 || mode === 'down') return t === 0 ? 0 : t;
        const away = x < 0 ? t - 1 : t + 1;
        if (mode === 'up') return away;
        return Math.abs(r) * 2 >= d ? away : t === 0 ? 0 : t;
      }
    }
    const x = big(this.p) * pow10(decimals);
    const d = big(this.q);
    const q = x / d; // truncates toward zero
    const r = x % d;
    if (r === 0n || mode === 'down') return q;
    const away = x < 0n ? q - 1n : q + 1n;
    if (mode === 'up') return away;
    const twice = (r < 0n ? -r : r) * 2n;
    return twice >= d ? away : q;
  }

  /** The value × 10^decimals rounded by `mode`, as an integer: a number while it is safe, a BigInt only beyond. */
  scaled(decimals: number, mode: RoundingMode = 'half-up'): Whole {
    const k = this.scaledInteger(decimals, mode);
    return typeof k === 'bigint' && k <= MAX_SAFE && k >= -MAX_SAFE ? Number(k) : k;
  }

  /** Half-up to exactly `decimals` places as text: 80 → "80.00", 66.125 → "66.13". */
  toFixed(decimals: number, mode: RoundingMode = 'half-up'): string {
    return digits(this.scaledInteger(decimals, mode), decimals);
  }

  /** True when the value has at most `decimals` decimal places exactly. */
  fitsDecimals(decimals: number): boolean {
    if (this.q === 1) return true;
    if (typeof this.q === 'number' && decimals < POW10_NUMBER.length) return POW10_NUMBER[decimals]! % this.q === 0;
    return (big(this.p) * pow10(decimals)) % big(this.q) === 0n;
  }

  /**
   * The exact value as text: a terminating decimal in full ("0.0625"), otherwise the fraction
   * ("14/3"). Never a long repeating tail. For what people read, see `show`.
   */
  toString(): string {
    if (this.isInteger()) return this.p.toString();
    // A power of ten (most values): the numerator's digits with the point put in.
    const power = typeof this.q === 'number' ? POW10_PLACES.get(this.q) : undefined;
    if (power !== undefined) return digits(this.p, power);
    const d = big(this.q);
    const places = decimalPlaces(d);
    return places === undefined ? `${this.p}/${this.q}` : digits((big(this.p) * pow10(places)) / d, places);
  }

  /** A double, for places that need one (Excel cell values of already-rounded numbers, counts). */
  toNumber(): number {
    return this.isInteger() ? Number(this.p) : Number(this.toFixed(17).replace(/0+$/, ''));
  }

  /** The object `pool` holds for this value, which becomes this one when there is none. */
  static pooled(x: Rational, pool: Map<Whole, Map<Whole, Rational>>): Rational {
    let same = pool.get(x.q);
    if (!same) pool.set(x.q, (same = new Map()));
    const kept = same.get(x.p);
    if (kept) return kept;
    same.set(x.p, x);
    return x;
  }

  static max(...values: Rational[]): Rational {
    return values.reduce((a, b) => (b.gt(a) ? b : a));
  }

  static min(...values: Rational[]): Rational {
    return values.reduce((a, b) => (b.lt(a) ? b : a));
  }
}

/** Rational places of 1/d when it terminates (d = 2^a·5^b), else undefined. */
function decimalPlaces(d: bigint): number | undefined {
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : undefined;
}

/** An integer scaled by 10^places, as decimal text: (-5, 2) → "-0.05". */
function digits(scaled: Whole, places: number): string {
  const negative = scaled < 0;
  const text = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const body = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
  return negative ? `-${body}` : body;
}

export const ZERO = Rational.ZERO;

/**
 * A sum of values each rounded half-up to `decimals` places, kept as one integer count of
 * 10^-decimals (a number while safe, a BigInt beyond): what a table shows added up, without a
 * Rational made for every addend (a province's 指标得分 adds 40 a unit).
 */
export class RoundedSum {
  private count: Whole = 0;

  constructor(private readonly decimals: number) {}

  add(x: Rational): void {
    const k = x.scaled(this.decimals);
    if (typeof this.count === 'number' && typeof k === 'number' && safe(this.count + k)) this.count += k;
    else this.count = big(this.count) + big(k);
  }

  /** True when the sum is `x` rounded half-up to the same places. */
  equals(x: Rational): boolean {
    const k = x.scaled(this.decimals);
    return typeof k === typeof this.count ? k === this.count : big(k) === big(this.count);
  }
}

/**
 * Decimals given as JS numbers, each parsed from its shortest text once: a scheme's thresholds
 * (atLeast: 85.5) are compared with every unit's score, and parsing each time was a tenth of banding
 * a province. Equal values give the one Rational (values are immutable, so sharing is safe).
 */
const FROM_NUMBER = new Memo((v: number) => Rational.parse(String(v)), 4096);

/**
 * One object for each value met again: a province's part scores and totals repeat a few thousand
 * values hundreds of thousands of times, and each kept copy is 40 bytes. Bounded like Memo: when
 * `limit` values are held the pool starts again.
 */
export class RationalPool {
  private readonly values = new Map<Whole, Map<Whole, Rational>>();
  private count = 0;

  constructor(private readonly limit = 65_536) {}

  of(x: Rational): Rational {
    const kept = Rational.pooled(x, this.values);
    if (kept === x && ++this.count > this.limit) {
      this.values.clear();
      this.count = 0;
    }
    return kept;
  }
}

/** 四舍五入 to `decimals` places: 1.005 → 1.01, 2.135 → 2.14, 66.125 → 66.13. */
export function roundHalfUp(value: Rational, decimals: number): Rational {
  return value.round(decimals, 'half-up');
}

/** Fixed decimals for display: 80 → "80.00". */
export function fixed(value: Rational, decimals: number): string {
  return value.toFixed(decimals);
}

export function sum(values: Iterable<Rational>): Rational {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}

/** Largest denominator written out as an exact fraction beside its rounded value. */
const SHORT_DENOMINATOR = 1000;
/** Most decimal places an exact terminating value is written with beside its rounded value. */
const SHORT_PLACES = 6;

/**
 * A number as a person reads it, with at most `decimals` places: exact when it fits ("4.5",
 * "80"); otherwise rounded half-up and followed by its exact value where that is short
 * ("4.67（精确值 14/3）", "90.33（精确值 90.333）"), or marked as rounded ("约 0.33").
 */
export function show(value: Rational, decimals: number): string {
  if (value.fitsDecimals(decimals)) return value.toString();
  const rounded = value.toFixed(decimals);
  if (value.fitsDecimals(SHORT_PLACES) || value.denominatorAtMost(SHORT_DENOMINATOR)) return `${rounded}（精确值 ${value.toString()}）`;
  return `约 ${rounded}`;
}
