import { Rational, ZERO } from '../../core/rational.js';
import { plain, type ScoresMethod } from './method.js';
import { defaultTargetHelp, targetJson, targetOf } from './target.js';

export interface RatioDetail {
  method: 'ratio';
  actual?: Rational;
  target?: Rational;
  cap: Rational;
  proportional?: Rational;
}

/** 完成比例折算 (002 正定: 达到及超过标准值的计满分，低于标准值的按实际完成比例折算; 003 宿迁: 超额不加分). */
export const ratio: ScoresMethod<RatioDetail, 'ratio'> = {
  name: 'ratio',
  title: '完成比例折算',
  aliases: ['比例', '完成比例', '比例折算', '完成比例折算'],
  params: { takes: ['target', 'cap'], needs: [] },
  sheet: 'scores',
  targets: true,
  entry: { check: () => undefined },
  form: {
    words: () => '完成值',
    help: (leaf) => `填完成值，得分 = ${plain(leaf.points)} × 完成值 ÷ 目标值${leaf.params.cap ? `，最高 ${plain(leaf.params.cap)} 分` : '，最高为满分'}${defaultTargetHelp(leaf)}。`,
    validation: (_leaf, prompt) => ({ type: 'decimal', min: '0', prompt }),
  },
  score: (leaf, entries) => Rational.min(leaf.params.cap ?? leaf.points, leaf.points.mul(entries.values.get(leaf.code) ?? ZERO).div(targetOf(leaf, entries))),
  detail: (leaf, entries) => {
    const actual = entries.values.get(leaf.code);
    const target = entries.targets.get(leaf.code);
    return { method: 'ratio', actual, target, cap: leaf.params.cap ?? leaf.points, proportional: target && !target.isZero() ? leaf.points.mul(actual ?? ZERO).div(target) : undefined };
  },
  explain: (t, d, n) => {
    if (d.target === undefined || d.proportional === undefined) return '没有目标值，0 分';
    const actual = d.actual ?? ZERO;
    const formula = `完成值 ${n(actual)}，目标值 ${n(d.target)}：${n(t.leaf.points)} × ${n(actual)} ÷ ${n(d.target)} = ${n(d.proportional)}`;
    if (!d.proportional.gt(d.cap)) return formula;
    return d.cap.eq(t.leaf.points) ? `${formula}，达到目标计满分 ${n(d.cap)}` : `${formula}，超额加分最高 ${n(d.cap)} 分，按 ${n(d.cap)} 分计`;
  },
  json: targetJson,
  doc: {
    aliases: '比例、完成比例、比例折算、完成比例折算', scoring: '分值 × 完成值 ÷ 目标值；达到目标即满分、超额不加分（正定、宿迁）', entry: '完成值',
    params: '`目标值=100`（各单位默认目标，「目标值」表可逐单位填写）；`上限=12`（允许超额加分，最高 12 分）',
  },
};
