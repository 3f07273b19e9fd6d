import { Rational, ZERO } from '../../core/rational.js';
import { plain, type ScoresMethod } from './method.js';
import { defaultTargetHelp, targetJson, targetOf } from './target.js';

export interface InverseDetail {
  method: 'inverse';
  actual?: Rational;
  target?: Rational;
  proportional?: Rational;
}

/** 反向比例: lower is better (energy use, complaints) — points × target ÷ actual, capped; nothing used is full marks. */
export const inverse: ScoresMethod<InverseDetail, 'inverse'> = {
  name: 'inverse',
  title: '反向比例',
  aliases: ['反向', '反向比例', '越低越好'],
  params: { takes: ['target'], needs: [] },
  sheet: 'scores',
  targets: true,
  entry: { check: () => undefined },
  form: {
    words: () => '实际值',
    help: (leaf) => `填实际值（越低越好），得分 = ${plain(leaf.points)} × 目标值 ÷ 实际值，最高为满分${defaultTargetHelp(leaf)}。`,
    validation: (_leaf, prompt) => ({ type: 'decimal', min: '0', prompt }),
  },
  score: (leaf, entries) => {
    const target = targetOf(leaf, entries);
    const value = entries.values.get(leaf.code);
    if (value === undefined) return ZERO;
    return value.isZero() ? leaf.points : Rational.min(leaf.points, leaf.points.mul(target).div(value));
  },
  detail: (leaf, entries) => {
    const actual = entries.values.get(leaf.code);
    const target = entries.targets.get(leaf.code);
    return { method: 'inverse', actual, target, proportional: target && actual && !actual.isZero() ? leaf.points.mul(target).div(actual) : undefined };
  },
  explain: (t, d, n) => {
    if (d.target === undefined) return '没有目标值，0 分';
    if (d.actual === undefined) return '未填写实际值，0 分';
    if (d.proportional === undefined) return `实际值 0，得满分 ${n(t.leaf.points)}`;
    const formula = `实际值 ${n(d.actual)}，目标值 ${n(d.target)}：${n(t.leaf.points)} × ${n(d.target)} ÷ ${n(d.actual)} = ${n(d.proportional)}`;
    return d.proportional.gt(t.leaf.points) ? `${formula}，最高 ${n(t.leaf.points)} 分` : formula;
  },
  json: targetJson,
  doc: { aliases: '反向、反向比例、越低越好', scoring: '分值 × 目标值 ÷ 实际值，最高为分值；实际值为 0 得满分（能耗、投诉量）', entry: '实际值', params: '`目标值=…`' },
};
