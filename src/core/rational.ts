/**
 * Exact numbers for scoring: a fraction of two BigInts, always in lowest terms with a positive
 * denominator. Sums, products and quotients are exact (3 × 46/3 is 46, not 45.999…), so the only
 * rounding anywhere is the half-up the scheme names, at the stage it names.
 *
 * Why not decimal.js: any fixed precision rounds every quotient (ratios, weights of thirds, rater
 * means) and the errors land a unit exactly on a band boundary below it. Why not a fraction
 * package: none on the registry is both BigInt-based and small enough to own; this is ~200 lines.
 * Inputs are decimals, so most denominators are powers of ten and stay tiny; the gcd runs on
 * doubles while both sides are below 2^53, which keeps the common case cheap.
 */
export type Numeric = Rational | number | bigint | string;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const TEN = 10n;
/** 10^k as BigInt for the small k that cell texts need, computed once. */
const POW10: bigint[] = Array.from({ length: 24 }, (_, k) => TEN ** BigInt(k));
const pow10 = (k: number): bigint => POW10[k] ?? TEN ** BigInt(k);
/** 10^k → k, for the denominators of decimals as read. */
const POW10_PLACES = new Map(POW10.map((p, k) => [p, k]));

function gcdNumber(x: number, y: number): number {
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
  /** Use `Rational.of` or the arithmetic; the constructor trusts its caller to have reduced. */
  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** n/d in lowest terms; d must not be 0. */
  static fraction(n: bigint, d: bigint): Rational {
    if (d === 0n) throw new RangeError('division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return new Rational(n, 1n);
    if (d <= MAX_SAFE && n <= MAX_SAFE && n >= -MAX_SAFE) {
      // Both fit a double exactly: Euclid on doubles, BigInts made only for the result.
      const x = Number(n);
      const y = Number(d);
      const g = gcdNumber(Math.abs(x), y);
      return g === 1 ? new Rational(n, d) : new Rational(BigInt(x / g), BigInt(y / g));
    }
    const g = gcd(n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  /** A number, integer or decimal text as written ("85.5", "-1e-3"); a JS number by its shortest form. */
  static of(v: Numeric): Rational {
    if (v instanceof Rational) return v;
    if (typeof v === 'bigint') return new Rational(v, 1n);
    if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) return new Rational(BigInt(v), 1n);
      if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
      return Rational.parse(String(v));
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
    // Up to 15 digits are exact as a double, and BigInt(number) is much cheaper than BigInt(text).
    let n = digits.length <= 15 ? BigInt(Number(digits)) : BigInt(digits);
    if (m[1] === '-') n = -n;
    const exponent = Number(m[4] ?? 0) - fraction.length;
    return exponent >= 0 ? new Rational(n * pow10(exponent), 1n) : Rational.fraction(n, pow10(-exponent));
  }

  static isNumeric(text: string): boolean {
    const m = DECIMAL.exec(text.trim());
    return m !== null && !(m[2] === '' && (m[3] ?? '') === '');
  }

  plus(other: Numeric): Rational {
    const o = Rational.of(other);
    // Adding nothing keeps the value itself: a sum starting at 0 holds no copy of each addend.
    if (o.n === 0n) return this;
    if (this.n === 0n) return o;
    if (this.d === o.d) return this.d === 1n ? new Rational(this.n + o.n, 1n) : Rational.fraction(this.n + o.n, this.d);
    return Rational.fraction(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  minus(other: Numeric): Rational {
    const o = Rational.of(other);
    return o.n === 0n ? this : this.plus(o.neg());
  }

  mul(other: Numeric): Rational {
    const o = Rational.of(other);
    // × 1 (a part's full weight, a leaf's whole share) keeps the value itself rather than a copy.
    if (o.d === 1n && o.n === 1n) return this;
    if (this.d === 1n && this.n === 1n) return o;
    if (this.d === 1n && o.d === 1n) return new Rational(this.n * o.n, 1n);
    return Rational.fraction(this.n * o.n, this.d * o.d);
  }

  div(other: Numeric): Rational {
    const o = Rational.of(other);
    if (o.n === 0n) throw new RangeError('division by zero');
    return Rational.fraction(this.n * o.d, this.d * o.n);
  }

  neg(): Rational {
    return new Rational(-this.n, this.d);
  }

  abs(): Rational {
    return this.n < 0n ? this.neg() : this;
  }

  /** -1, 0 or 1, like decimal.js's comparedTo, so it sorts with `(a, b) => a.cmp(b)`. */
  cmp(other: Numeric): -1 | 0 | 1 {
    const o = Rational.of(other);
    const l = this.d === o.d ? this.n : this.n * o.d;
    const r = this.d === o.d ? o.n : o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  comparedTo(other: Numeric): -1 | 0 | 1 {
    return this.cmp(other);
  }

  eq(other: Numeric): boolean {
    const o = Rational.of(other);
    return this.n === o.n && this.d === o.d;
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
    return this.n === 0n;
  }

  isNegative(): boolean {
    return this.n < 0n;
  }

  isInteger(): boolean {
    return this.d === 1n;
  }

  /** Rounded to `decimals` places; half-up rounds x.xx5 away from zero (1.005 → 1.01, -2.5 → -3). */
  round(decimals: number, mode: RoundingMode = 'half-up'): Rational {
    // Already that exact (most entries and sums of them): the value itself, not a copy.
    if (this.d === 1n || (decimals < POW10.length && POW10[decimals]! % this.d === 0n)) return this;
    return Rational.fraction(this.scaledInteger(decimals, mode), pow10(decimals));
  }

  /** The value × 10^decimals, rounded to an integer by `mode`. */
  private scaledInteger(decimals: number, mode: RoundingMode): bigint {
    const x = this.n * pow10(decimals);
    const q = x / this.d; // truncates toward zero
    const r = x % this.d;
    if (r === 0n || mode === 'down') return q;
    const away = x < 0n ? q - 1n : q + 1n;
    if (mode === 'up') return away;
    const twice = (r < 0n ? -r : r) * 2n;
    return twice >= this.d ? away : q;
  }

  /** Half-up to exactly `decimals` places as text: 80 → "80.00", 66.125 → "66.13". */
  toFixed(decimals: number, mode: RoundingMode = 'half-up'): string {
    return digits(this.scaledInteger(decimals, mode), decimals);
  }

  /** True when the value has at most `decimals` decimal places exactly. */
  fitsDecimals(decimals: number): boolean {
    return (this.n * pow10(decimals)) % this.d === 0n;
  }

  /**
   * The exact value as text: a terminating decimal in full ("0.0625"), otherwise the fraction
   * ("14/3"). Never a long repeating tail. For what people read, see `show`.
   */
  toString(): string {
    if (this.d === 1n) return this.n.toString();
    const places = POW10_PLACES.get(this.d) ?? decimalPlaces(this.d);
    return places === undefined ? `${this.n}/${this.d}` : digits((this.n * pow10(places)) / this.d, places);
  }

  /** A double, for places that need one (Excel cell values of already-rounded numbers, counts). */
  toNumber(): number {
    return this.d === 1n ? Number(this.n) : Number(this.toFixed(17).replace(/0+$/, ''));
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
function digits(scaled: bigint, places: number): string {
  const negative = scaled < 0n;
  const text = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const body = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
  return negative ? `-${body}` : body;
}

export const ZERO = Rational.ZERO;

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
const SHORT_DENOMINATOR = 1000n;
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
  if (value.fitsDecimals(SHORT_PLACES) || value.d <= SHORT_DENOMINATOR) return `${rounded}（精确值 ${value.toString()}）`;
  return `约 ${rounded}`;
}
