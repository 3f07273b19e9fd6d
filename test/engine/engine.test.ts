import { Rational, fixed, roundHalfUp } from '../../src/core/rational.js';
import { rank } from '../../src/engine/rank.js';
import { scoreLeaf, scoreUnit } from '../../src/engine/score-unit.js';
import type { Indicator, IndicatorTree, UnitEntries } from '../../src/engine/model.js';

const unit = { name: '甲', category: '乡镇', shortName: '甲', aliases: [], order: 0, source: {} };

function leaf(code: string, points: number, method: Indicator['method'], extra: Partial<Indicator> = {}): Indicator {
  return { code, path: [code], level: 2, points: Rational.of(points), method, params: {}, department: '', children: [], source: {}, ...extra };
}

function entries(values: Record<string, number | string> = {}, targets: Record<string, number> = {}, deductions: Record<string, number[]> = {}, raters: Record<string, number[]> = {}): UnitEntries {
  return {
    unit,
    raters: new Map(Object.entries(raters).map(([k, v]) => [k, v.map((x) => Rational.of(x))])),
    values: new Map(Object.entries(values).map(([k, v]) => [k, Rational.of(v)])),
    targets: new Map(Object.entries(targets).map(([k, v]) => [k, Rational.of(v)])),
    deductions: new Map(Object.entries(deductions).map(([k, v]) => [k, v.map((p) => ({ points: Rational.of(p), reason: 'r', source: {} }))])),
  };
}

describe('rounding (四舍五入)', () => {
  it.each([
    ['1.005', '1.01'], ['2.135', '2.14'], ['85.955', '85.96'], ['85.954999', '85.95'], ['79.995', '80.00'], ['0.125', '0.13'],
  ])('rounds %s half-up to %s, where a JS float would not', (input, want) => {
    expect(fixed(Rational.of(input), 2)).toBe(want);
  });

  it('rounds to the scheme\'s decimals', () => {
    expect(roundHalfUp(Rational.of('2.5'), 0).toString()).toBe('3');
    expect(roundHalfUp(Rational.of('91.2345'), 3).toString()).toBe('91.235');
  });
});

describe('rank: competition ranking within a group', () => {
  it('gives equal scores the same rank and skips the next (1, 2, 2, 4)', () => {
    const items = [['a', '90'], ['b', '85.5'], ['c', '85.50'], ['d', '80']].map(([n, s], order) => ({ n, score: Rational.of(s!), order }));
    expect(rank(items).map((r) => [r.item.n, r.rank])).toEqual([['a', 1], ['b', 2], ['c', 2], ['d', 4]]);
  });

  it('keeps roster order among equals, whatever the input order', () => {
    const items = [{ n: 'late', score: Rational.of(1), order: 5 }, { n: 'early', score: Rational.of(1), order: 1 }];
    expect(rank(items).map((r) => r.item.n)).toEqual(['early', 'late']);
  });
});

describe('leaf methods', () => {
  it('direct: the points entered', () => {
    expect(scoreLeaf(leaf('A', 5, 'direct'), entries({ A: '4.5' })).toString()).toBe('4.5');
  });

  it('deduct: max minus the deductions, never below 0', () => {
    expect(scoreLeaf(leaf('D', 15, 'deduct'), entries({}, {}, { D: [1, 0.5] })).toString()).toBe('13.5');
    expect(scoreLeaf(leaf('D', 2, 'deduct'), entries({}, {}, { D: [1, 1.5] })).toString()).toBe('0');
    expect(scoreLeaf(leaf('D', 15, 'deduct'), entries()).toString()).toBe('15');
  });

  it('ratio: max × actual / target, capped at max', () => {
    expect(scoreLeaf(leaf('C', 10, 'ratio'), entries({ C: 28 }, { C: 30 })).toString()).toBe('28/3');
    expect(scoreLeaf(leaf('C', 10, 'ratio'), entries({ C: 45 }, { C: 40 })).toString()).toBe('10');
    expect(scoreLeaf(leaf('C', 10, 'ratio'), entries({ C: 0 }, { C: 40 })).toString()).toBe('0');
  });
});

describe('more leaf methods', () => {
  it('ratio with a higher cap: over-reward up to the cap', () => {
    expect(scoreLeaf(leaf('C', 10, 'ratio', { params: { cap: Rational.of(12) } }), entries({ C: 130 }, { C: 100 })).toString()).toBe('12');
    expect(scoreLeaf(leaf('C', 10, 'ratio', { params: { cap: Rational.of(12) } }), entries({ C: 110 }, { C: 100 })).toString()).toBe('11');
  });

  it('inverse: max × target / actual, capped, full marks at zero', () => {
    expect(scoreLeaf(leaf('E', 10, 'inverse'), entries({ E: 125 }, { E: 100 })).toString()).toBe('8');
    expect(scoreLeaf(leaf('E', 10, 'inverse'), entries({ E: 80 }, { E: 100 })).toString()).toBe('10');
    expect(scoreLeaf(leaf('E', 10, 'inverse'), entries({ E: 0 }, { E: 100 })).toString()).toBe('10');
  });

  it('rate: × max, or by tiers', () => {
    expect(scoreLeaf(leaf('S', 30, 'rate'), entries({ S: '92.5' })).toString()).toBe('27.75');
    const tiers = { tiers: [{ from: Rational.of(95), points: Rational.of(30) }, { from: Rational.of(90), points: Rational.of(25) }, { from: Rational.of(0), points: Rational.of(10) }] };
    expect(scoreLeaf(leaf('S', 30, 'rate', { params: tiers }), entries({ S: 95 })).toString()).toBe('30');
    expect(scoreLeaf(leaf('S', 30, 'rate', { params: tiers }), entries({ S: '94.99' })).toString()).toBe('25');
    expect(scoreLeaf(leaf('S', 30, 'rate', { params: tiers }), entries({ S: 40 })).toString()).toBe('10');
  });

  it('rank: first place full marks, a step less per place, not below the floor', () => {
    const r = leaf('R', 10, 'rank', { params: { step: Rational.of('0.5'), floor: Rational.of(6) } });
    expect(scoreLeaf(r, entries({ R: 1 })).toString()).toBe('10');
    expect(scoreLeaf(r, entries({ R: 4 })).toString()).toBe('8.5');
    expect(scoreLeaf(r, entries({ R: 20 })).toString()).toBe('6');
  });

  it('raters: the mean, or the mean without the highest and the lowest', () => {
    expect(scoreLeaf(leaf('P', 10, 'raters'), entries({}, {}, {}, { P: [9, 8, 7, 3] })).toString()).toBe('6.75');
    expect(scoreLeaf(leaf('P', 10, 'raters', { params: { trim: true } }), entries({}, {}, {}, { P: [9, 8, 7, 3] })).toString()).toBe('7.5');
    expect(scoreLeaf(leaf('P', 10, 'raters', { params: { trim: true } }), entries({}, {}, {}, { P: [10, 10, 9] })).toString()).toBe('10');
  });
});

describe('scoreUnit: parts and the published total', () => {
  // Two parts whose exact sum rounds differently from the sum of the rounded parts.
  const p1 = leaf('P1', 50, 'ratio');
  const p2 = leaf('P2', 50, 'ratio');
  const tree: IndicatorTree = {
    roots: [{ ...leaf('A', 50, 'direct'), level: 1, children: [p1] }, { ...leaf('B', 50, 'direct'), level: 1, children: [p2] }],
    parts: ['A', 'B'],
    leaves: [p1, p2],
    byCode: new Map(),
  };
  // 50 × 1/3 = 16.666…, 50 × 2/3 = 33.333… : exact sum 50, rounded parts 16.67 + 33.33 = 50.00
  // 50 × 0.33345 = 16.6725 → 16.67; 50 × 0.66655 = 33.3275 → 33.33; exact 50.00, rounded 50.00
  // 50 × 0.0001 = 0.005 → 0.01 each: exact 0.01, rounded parts 0.02
  const e = entries({ P1: '0.0001', P2: '0.0001' }, { P1: 1, P2: 1 });

  it('adds exact parts and rounds once by default', () => {
    const s = scoreUnit(tree, e, { decimals: 2, roundParts: false });
    expect(s.exact.toString()).toBe('0.01');
    expect(s.total.toFixed(2)).toBe('0.01');
  });

  it('rounds each part first when the scheme says so', () => {
    const s = scoreUnit(tree, e, { decimals: 2, roundParts: true });
    expect(s.total.toFixed(2)).toBe('0.02');
  });
});

describe('scoreLeaf: a ratio without a target', () => {
  // Reading reports E_MISSING_TARGET / E_BAD_TARGET at the cell; the engine never turns the gap into 0 points.
  it.each([['ratio', {}], ['ratio', { C: 0 }], ['inverse', {}]] as const)('%s with targets %j throws', (method, targets) => {
    expect(() => scoreLeaf(leaf('C', 10, method), entries({ C: 5 }, targets))).toThrow(/没有大于 0 的目标值/);
  });
});
