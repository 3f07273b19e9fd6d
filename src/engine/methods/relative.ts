import { Rational, ZERO } from '../../core/rational.js';
import type { Indicator, UnitEntries } from '../model.js';
import { plain, type ScoresMethod } from './method.js';

export interface RelativeDetail {
  method: 'relative';
  value?: Rational;
  best?: Rational;
  step?: Rational;
  floor: Rational;
  /** Before the floor: points × value ÷ best, or points − (best − value) × step. */
  raw?: Rational;
}

function best(leaf: Indicator, entries: UnitEntries): Rational | undefined {
  const values = entries.peers?.get(leaf.code) ?? [];
  return values.length === 0 ? undefined : Rational.max(...values);
}

function raw(leaf: Indicator, value: Rational, top: Rational): Rational {
  if (leaf.params.step) return leaf.points.minus(top.minus(value).mul(leaf.params.step));
  // Every unit at 0: all are the best.
  return top.isZero() ? leaf.points : leaf.points.mul(value).div(top);
}

/**
 * 以最高分为满分 (peer-relative scoring, issue 14): the best value of the unit's category earns full
 * marks, the others in proportion; with 步长, each unit below the best loses 步长 per unit of distance.
 */
export const relative: ScoresMethod<RelativeDetail, 'relative'> = {
  name: 'relative',
  title: '以最高值为满分',
  aliases: ['以最高分为满分', '以最高值为满分', '最高值满分', '相对评分', '对标最优'],
  params: { takes: ['step', 'floor'], needs: [] },
  sheet: 'scores',
  targets: false,
  peers: true,
  entry: { check: () => undefined },
  form: {
    words: () => '完成值',
    help: (leaf) => (leaf.params.step
      ? `填完成值；同类单位中最高的得 ${plain(leaf.points)} 分，每比最高值少 1 减 ${plain(leaf.params.step)} 分${leaf.params.floor ? `，最低 ${plain(leaf.params.floor)} 分` : ''}。`
      : `填完成值；同类单位中最高的得 ${plain(leaf.points)} 分，其余按 完成值 ÷ 最高值 折算${leaf.params.floor ? `，最低 ${plain(leaf.params.floor)} 分` : ''}。`),
    validation: (_leaf, prompt) => ({ type: 'decimal', min: '0', prompt }),
  },
  score: (leaf, entries) => {
    const value = entries.values.get(leaf.code);
    const top = best(leaf, entries);
    if (value === undefined || top === undefined) return ZERO;
    return Rational.max(leaf.params.floor ?? ZERO, raw(leaf, value, top));
  },
  detail: (leaf, entries) => {
    const value = entries.values.get(leaf.code);
    const top = best(leaf, entries);
    return { method: 'relative', value, best: top, step: leaf.params.step, floor: leaf.params.floor ?? ZERO, raw: value && top ? raw(leaf, value, top) : undefined };
  },
  explain: (t, d, n) => {
    if (d.value === undefined || d.best === undefined || d.raw === undefined) return '未填写，0 分';
    const head = `完成值 ${n(d.value)}，同类最高 ${n(d.best)}：`;
    const formula = d.step
      ? `${n(t.leaf.points)} − (${n(d.best)} − ${n(d.value)}) × ${n(d.step)} = ${n(d.raw)}`
      : d.best.isZero() ? `均为 0，得满分 ${n(t.leaf.points)}` : `${n(t.leaf.points)} × ${n(d.value)} ÷ ${n(d.best)} = ${n(d.raw)}`;
    return `${head}${formula}${d.raw.lt(d.floor) ? `，最低 ${n(d.floor)} 分` : ''}`;
  },
  json: (d, s) => ({ value: d.value ? s(d.value) : null, best: d.best ? s(d.best) : null }),
  doc: {
    aliases: '以最高分为满分、以最高值为满分、相对评分、对标最优', scoring: '同类别中最高的完成值得满分，其余按 完成值 ÷ 最高值 折算；写步长时按与最高值的差距扣分',
    entry: '完成值', params: '`步长=0.5`（每比最高值少 1 减 0.5 分）；`最低=5`',
  },
};
