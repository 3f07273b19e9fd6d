// Exact rationals on BigInt for the sample generators' own calculation of every unit's numbers.
// It imports nothing from src/: the golden numbers must come from a second, independent reckoning,
// and no JS float ever holds a score (0.1 + 0.2 ≠ 0.3; 1.005 rounds to 1.00 in binary).

const gcd = (a, b) => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** An exact rational n/d, always reduced, d > 0. */
export class Fraction {
  constructor(n, d = 1n) {
    if (d === 0n) throw new Error('division by zero');
    const sign = d < 0n ? -1n : 1n;
    const g = gcd(n, d) || 1n;
    this.n = (sign * n) / g;
    this.d = (sign * d) / g;
    Object.freeze(this);
  }

  plus(o) { o = frac(o); return new Fraction(this.n * o.d + o.n * this.d, this.d * o.d); }
  minus(o) { o = frac(o); return new Fraction(this.n * o.d - o.n * this.d, this.d * o.d); }
  times(o) { o = frac(o); return new Fraction(this.n * o.n, this.d * o.d); }
  div(o) { o = frac(o); return new Fraction(this.n * o.d, this.d * o.n); }
  cmp(o) { o = frac(o); const x = this.n * o.d - o.n * this.d; return x > 0n ? 1 : x < 0n ? -1 : 0; }
  eq(o) { return this.cmp(o) === 0; }
  gt(o) { return this.cmp(o) > 0; }
  gte(o) { return this.cmp(o) >= 0; }
  lt(o) { return this.cmp(o) < 0; }
  lte(o) { return this.cmp(o) <= 0; }
  isZero() { return this.n === 0n; }

  /** The exact value: a terminating decimal as such ("91.45", "68.625"), otherwise "n/d" ("205/3"). */
  toString() {
    let rest = this.d;
    for (const p of [2n, 5n]) while (rest % p === 0n) rest /= p;
    if (rest !== 1n) return `${this.n}/${this.d}`;
    let places = 0;
    while ((10n ** BigInt(places)) % this.d !== 0n) places++;
    return fixedText((this.n * 10n ** BigInt(places)) / this.d, places);
  }

  /**
   * 四舍五入 to `decimals` places, as fixed text ("93.50"): a half goes away from zero, so 1.005 →
   * "1.01" and 88.625 → "88.63" (docs/domain.md「取舍」).
   */
  halfUp(decimals) {
    const scale = 10n ** BigInt(decimals);
    const sign = this.n < 0n ? -1n : 1n;
    const abs = sign * this.n * scale;
    const q = abs / this.d;
    const twiceRest = 2n * (abs - q * this.d);
    return fixedText(sign * (twiceRest >= this.d ? q + 1n : q), decimals);
  }
}

/** `scaled` / 10^places as text, e.g. (9350n, 2) → "93.50". */
function fixedText(scaled, places) {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}

/**
 * A Fraction from a BigInt, an integer, a decimal text ("19.5", "-0.25"), "n/d", or a JS number
 * taken as the decimal it prints as (what a cell holds). A number that prints with float noise
 * (0.30000000000000004) or an exponent is refused: that is a calculation, not data.
 */
export function frac(x) {
  if (x instanceof Fraction) return x;
  if (typeof x === 'bigint') return new Fraction(x);
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
    const text = String(x);
    if (/e/i.test(text) || (text.split('.')[1]?.length ?? 0) > 8) throw new Error(`${text} is not a plain decimal: float noise in the data?`);
    return frac(text);
  }
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(x);
  if (m) {
    const [, sign, whole, part = ''] = m;
    return new Fraction(BigInt(`${sign}${whole}${part}`), 10n ** BigInt(part.length));
  }
  const r = /^(-?\d+)\/(\d+)$/.exec(x);
  if (r) return new Fraction(BigInt(r[1]), BigInt(r[2]));
  throw new Error(`not a number: ${JSON.stringify(x)}`);
}

export const ZERO = frac(0n);

export const sum = (list) => list.reduce((s, x) => s.plus(x), ZERO);
export const min = (a, b) => (frac(a).lte(b) ? frac(a) : frac(b));
export const max = (a, b) => (frac(a).gte(b) ? frac(a) : frac(b));
