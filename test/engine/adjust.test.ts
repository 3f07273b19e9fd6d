import { Rational } from '../../src/core/rational.js';
import { applyCaps } from '../../src/engine/adjust.js';
import type { AdjustmentEntry } from '../../src/engine/model.js';
import type { AdjustmentSide } from '../../src/scheme/schema.js';

function items(list: [string, string, string?][]): AdjustmentEntry[] {
  return list.map(([item, points, source]) => ({ side: 'deduction', item, points: Rational.of(points), reason: 'r', evidence: 'e', source: source ?? '', where: {} }));
}

const side = (s: Partial<AdjustmentSide>): AdjustmentSide => ({ items: [], sources: [], ...s }) as AdjustmentSide;

describe('applyCaps', () => {
  it('caps the total (正定: 加分 ≤ 4) and reports the cut', () => {
    const r = applyCaps(items([['省委省政府表彰', '3'], ['市委市政府表彰', '2']]), side({ cap: '4' }));
    expect([r.raw.toString(), r.applied.toString()]).toEqual(['5', '4']);
    expect(r.cuts).toEqual([{ scope: 'total', name: '合计', cap: Rational.of(4), before: Rational.of(5), cut: Rational.of(1) }]);
  });

  it('caps each kind (奇台: 查访核验 ≤ 2, 投诉查处 ≤ 2) with no total cap', () => {
    const r = applyCaps(items([['查访核验', '1.5'], ['查访核验', '1'], ['投诉查处', '0.5']]),
      side({ items: [{ name: '查访核验', cap: '2', aliases: [] }, { name: '投诉查处', cap: '2', aliases: [] }] }));
    expect([r.raw.toString(), r.applied.toString()]).toEqual(['3', '2.5']);
    expect(r.cuts.map((c) => [c.scope, c.name, c.cut.toString()])).toEqual([['item', '查访核验', '0.5']]);
  });

  it('caps by source, then in total (杭 察访核验: 效能办 ≤ 50, in all ≤ 200)', () => {
    const r = applyCaps(items([['察访核验', '40', '效能办'], ['察访核验', '30', '效能办'], ['察访核验', '15', '督查室']]),
      side({ cap: '200', sources: [{ name: '效能办', cap: '50' }, { name: '督查室', cap: '20' }] }));
    expect([r.raw.toString(), r.applied.toString()]).toEqual(['85', '65']);
    expect(r.cuts.map((c) => [c.scope, c.name, c.cut.toString()])).toEqual([['source', '效能办', '20']]);
  });

  it('is zero with no items', () => {
    expect(applyCaps([], side({ cap: '4' })).applied.toString()).toBe('0');
  });
});
