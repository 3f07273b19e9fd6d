import { Rational } from '../../src/core/rational.js';
import type { Indicator, IndicatorTree, UnitEntries } from '../../src/engine/model.js';
import { scoreUnit } from '../../src/engine/score-unit.js';
import { leafDetail, traceUnit } from '../../src/engine/trace.js';

const unit = { name: '甲', category: '乡镇', shortName: '甲', aliases: [], order: 0, source: {} };
const r = (x: number | string): Rational => Rational.of(x);

function leaf(code: string, points: number, method: Indicator['method'], params: Indicator['params'] = {}): Indicator {
  return { code, path: ['部分', code], level: 2, points: r(points), method, params, department: '', children: [], source: {} };
}

function entries(values: Record<string, number> = {}, raters: Record<string, number[]> = {}): UnitEntries {
  return {
    unit,
    values: new Map(Object.entries(values).map(([k, v]) => [k, r(v)])),
    targets: new Map([['R', r(30)]]),
    raters: new Map(Object.entries(raters).map(([k, v]) => [k, v.map(r)])),
    deductions: new Map([['D', [{ points: r(1), reason: '迟报', evidence: '督查通报', source: {} }, { points: r('0.5'), reason: '不规范', source: {} }]]]),
  };
}

describe('trace of a unit (score explain)', () => {
  it('drops one highest and one lowest rater even where scores repeat, keeping the order entered', () => {
    const d = leafDetail(leaf('P', 10, 'raters', { trim: true }), entries({}, { P: [9, 10, 7, 10, 7, 8] }));
    expect(d).toMatchObject({ method: 'raters', dropped: [r(10), r(7)], kept: [r(9), r(10), r(7), r(8)] });
  });

  it('keeps every rater where fewer than three scored, as the mean does', () => {
    expect(leafDetail(leaf('P', 10, 'raters', { trim: true }), entries({}, { P: [9, 7] }))).toMatchObject({ dropped: [], kept: [r(9), r(7)] });
  });

  it('records the proportion before the cap, and each deduction with its reason and evidence', () => {
    const e = entries({ R: 33 });
    expect(leafDetail(leaf('R', 10, 'ratio'), e)).toMatchObject({ proportional: r(11), cap: r(10) });
    expect(leafDetail(leaf('D', 15, 'deduct'), e)).toMatchObject({ deducted: r('1.5'), deductions: [{ reason: '迟报', evidence: '督查通报' }, { reason: '不规范' }] });
  });

  it('gives each part the contribution the score counts', () => {
    const root: Indicator = { ...leaf('', 40, 'direct'), path: ['部分'], level: 1, children: [leaf('R', 10, 'ratio'), leaf('D', 15, 'deduct'), leaf('P', 15, 'raters', { trim: true })] };
    const tree: IndicatorTree = { roots: [root], parts: ['部分'], leaves: root.children, byCode: new Map(root.children.map((c) => [c.code, c])) };
    const e = entries({ R: 28 }, { P: [12, 15, 9] });
    const [part] = traceUnit(tree, e, () => ({ weight: r('0.5') }));
    const score = scoreUnit(tree, e, { decimals: 2, roundParts: false }, () => ({ weight: r('0.5') }));
    expect(part!.contribution.eq(score.parts[0]!)).toBe(true);
    expect(part!.leaves.map((l) => l.points.toString())).toEqual(['28/3', '13.5', '12']);
    expect(part!.score!.toString()).toBe('209/6');
  });
});
