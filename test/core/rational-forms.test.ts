import { Rational, RationalPool, RoundedSum, show } from '../../src/core/rational.js';

/**
 * Rational keeps a value as two JS numbers while they are safe integers and as BigInts beyond:
 * every operation must give the same exact answer on either side of 2^53, and at the crossing.
 * The reference here is a plain BigInt fraction written for this test, not the code under test.
 */
type Ref = { n: bigint; d: bigint };

const abs = (x: bigint): bigint => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  [a, b] = [abs(a), abs(b)];
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function ref(n: bigint, d: bigint): Ref {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
const plus = (a: Ref, b: Ref): Ref => ref(a.n * b.d + b.n * a.d, a.d * b.d);
const times = (a: Ref, b: Ref): Ref => ref(a.n * b.n, a.d * b.d);
const over = (a: Ref, b: Ref): Ref => ref(a.n * b.d, a.d * b.n);
const sign = (x: bigint): -1 | 0 | 1 => (x < 0n ? -1 : x > 0n ? 1 : 0);
const compare = (a: Ref, b: Ref): -1 | 0 | 1 => sign(a.n * b.d - b.n * a.d);

function text(scaled: bigint, places: number): string {
  const t = abs(scaled).toString().padStart(places + 1, '0');
  const body = places === 0 ? t : `${t.slice(0, -places)}.${t.slice(-places)}`;
  return scaled < 0n ? `-${body}` : body;
}
/** The exact text: a terminating decimal in full, otherwise n/d. */
function exact(a: Ref): string {
  let rest = a.d;
  for (const p of [2n, 5n]) while (rest % p === 0n) rest /= p;
  if (rest !== 1n) return `${a.n}/${a.d}`;
  let places = 0;
  while (10n ** BigInt(places) % a.d !== 0n) places++;
  return text((a.n * 10n ** BigInt(places)) / a.d, places);
}
/** Rounded to `places` by mode, as text with exactly that many places. */
function rounded(a: Ref, places: number, mode: 'half-up' | 'up' | 'down'): string {
  const x = abs(a.n) * 10n ** BigInt(places);
  let q = x / a.d;
  const r = x - q * a.d;
  if (r !== 0n && (mode === 'up' || (mode === 'half-up' && 2n * r >= a.d))) q += 1n;
  return text(a.n < 0n ? -q : q, places);
}

/** Numerators and denominators around the places where the representation changes. */
const SAFE = 2n ** 53n - 1n;
const NUMERATORS = [0n, 1n, -1n, 7n, 8523n, -9955n, 99999n, 2n ** 26n + 3n, 2n ** 31n + 1n, 10n ** 15n + 7n, SAFE - 1n, SAFE, SAFE + 1n, -SAFE, 3n * SAFE, 10n ** 20n + 3n];
const DENOMINATORS = [1n, 2n, 3n, 7n, 8n, 100n, 10n ** 6n, 3n ** 20n, 2n ** 30n, 10n ** 15n, SAFE, SAFE + 2n, 10n ** 18n];

function* random(seed: number): Generator<number> {
  for (;;) {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    yield ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

function pairs(count: number): [Ref, Ref][] {
  const r = random(20261201);
  const pick = <T>(list: T[]): T => list[Math.floor(r.next().value! * list.length)]!;
  const value = (): Ref => ref(pick(NUMERATORS) + BigInt(Math.floor(r.next().value! * 5) - 2), pick(DENOMINATORS));
  return Array.from({ length: count }, () => [value(), value()]);
}

const of = (a: Ref): Rational => Rational.fraction(a.n, a.d);
const same = (x: Rational, want: Ref): void => expect(x.toString()).toBe(exact(want));

describe('Rational on both sides of 2^53', () => {
  const cases = pairs(1500);

  it('adds, subtracts, multiplies and divides exactly', () => {
    for (const [a, b] of cases) {
      same(of(a).plus(of(b)), plus(a, b));
      same(of(a).minus(of(b)), plus(a, ref(-b.n, b.d)));
      same(of(a).mul(of(b)), times(a, b));
      if (b.n !== 0n) same(of(a).div(of(b)), over(a, b));
    }
  });

  it('compares and tests equality exactly, whichever form each side has', () => {
    for (const [a, b] of cases) {
      expect(of(a).cmp(of(b))).toBe(compare(a, b));
      expect(of(a).eq(of(b))).toBe(compare(a, b) === 0);
      // The same value reached another way is equal: the form is canonical.
      expect(of(a).plus(of(b)).minus(of(b)).eq(of(a))).toBe(true);
    }
  });

  it('rounds half-up, up and down, and says when a value fits its places', () => {
    for (const [a] of cases) {
      for (const places of [0, 2, 4, 17]) {
        for (const mode of ['half-up', 'up', 'down'] as const) {
          expect(of(a).toFixed(places, mode)).toBe(rounded(a, places, mode));
          same(of(a).round(places, mode), ref(BigInt(rounded(a, places, mode).replace('.', '')), 10n ** BigInt(places)));
        }
        expect(of(a).fitsDecimals(places)).toBe((a.n * 10n ** BigInt(places)) % a.d === 0n);
      }
    }
  });

  it('crosses 2^53 without losing a unit', () => {
    const top = Rational.of(Number.MAX_SAFE_INTEGER);
    expect(top.plus(1).toString()).toBe('9007199254740992');
    expect(top.plus(2).minus(top).toString()).toBe('2');
    expect(top.mul(top).toString()).toBe((SAFE * SAFE).toString());
    expect(top.mul(top).div(top).eq(top)).toBe(true);
    expect(Rational.of('0.1').plus(Rational.of(1).div(SAFE.toString())).toString()).toBe(`${SAFE + 10n}/${SAFE * 10n}`);
    expect(Rational.parse('123456789012345678.25').toString()).toBe('123456789012345678.25');
    expect(top.plus(1).minus(1).eq(top)).toBe(true);
  });

  it('keeps zero one zero: no negative zero shows', () => {
    const z = Rational.of('-0.00');
    expect(z.toString()).toBe('0');
    expect(Rational.of(5).minus(5).neg().toString()).toBe('0');
    expect(Rational.of('-0.004').toFixed(2)).toBe('0.00');
    expect(Rational.of('-0.004').round(2).toString()).toBe('0');
    expect(Rational.of('-0.004').round(2).eq(0)).toBe(true);
    expect(show(Rational.of(-1).div(3000), 2)).toBe('约 0.00');
  });
});

describe('RationalPool', () => {
  it('gives one object for each value, in either form, and a new one for another value', () => {
    const pool = new RationalPool();
    const a = pool.of(Rational.parse('85.23'));
    expect(pool.of(Rational.of(8523).div(100))).toBe(a);
    expect(pool.of(Rational.parse('85.24'))).not.toBe(a);
    const huge = pool.of(Rational.parse('123456789012345678.25'));
    expect(pool.of(Rational.parse('123456789012345678.25'))).toBe(huge);
    expect(pool.of(Rational.of(1).div(3))).toBe(pool.of(Rational.of(2).div(6)));
  });

  it('starts again when it holds its limit, so values met once cost nothing more', () => {
    const pool = new RationalPool(3);
    const first = pool.of(Rational.of(1));
    for (const v of [2, 3, 4]) pool.of(Rational.of(v));
    const again = Rational.of(1);
    expect(pool.of(again)).toBe(again);
    expect(pool.of(again)).not.toBe(first);
  });
});

describe('RoundedSum', () => {
  it('adds values as each is shown rounded, and compares with a total as it is shown, on both sides of 2^53', () => {
    const cases = pairs(600);
    for (let i = 0; i + 3 < cases.length; i += 4) {
      const values = cases.slice(i, i + 4).flat();
      for (const places of [0, 2, 5]) {
        const sum = new RoundedSum(places);
        let want = 0n;
        for (const v of values) {
          sum.add(of(v));
          want += BigInt(rounded(v, places, 'half-up').replace('.', ''));
        }
        const total = values.reduce(plus);
        expect(sum.equals(of(total))).toBe(want === BigInt(rounded(total, places, 'half-up').replace('.', '')));
        // A total that is the sum shown is equal to it, whichever form either is in.
        expect(sum.equals(Rational.fraction(want, 10n ** BigInt(places)))).toBe(true);
        expect(sum.equals(Rational.fraction(want + 1n, 10n ** BigInt(places)))).toBe(false);
      }
    }
  });
});
