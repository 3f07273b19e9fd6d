import { Rational, ZERO } from '../../core/rational.js';
import { plain, type ScoresMethod } from './method.js';

export interface RankDetail {
  method: 'rank';
  place?: Rational;
  step: Rational;
  floor: Rational;
  proportional?: Rational;
}

/** 位次 (000 优政: 按同行业所处位次): first place full marks, each place below loses a step, down to a floor. */
export const rank: ScoresMethod<RankDetail, 'rank'> = {
  name: 'rank',
  title: '位次',
  aliases: ['位次', '排名', '排序'],
  params: { takes: ['step', 'floor'], needs: ['step'], example: '例如：步长=0.5；最低=5' },
  sheet: 'scores',
  targets: false,
  entry: {
    check: (_leaf, v) => (v.isInteger() && v.gte(1) ? undefined : { code: 'E_BAD_PLACE', message: `位次应为 1、2、3 这样的正整数，现为 ${v.toString()}。` }),
  },
  form: {
    words: () => '位次',
    help: (leaf) => `填位次 1、2、3…；第 1 名 ${plain(leaf.points)} 分，每降一位减 ${plain(leaf.params.step!)} 分${leaf.params.floor ? `，最低 ${plain(leaf.params.floor)} 分` : ''}。`,
    validation: (_leaf, prompt) => ({ type: 'whole', min: '1', prompt }),
  },
  score: (leaf, entries) => {
    const place = entries.values.get(leaf.code) ?? ZERO;
    return Rational.max(leaf.params.floor ?? ZERO, leaf.points.minus(place.minus(1).mul(leaf.params.step ?? ZERO)));
  },
  detail: (leaf, entries) => {
    const place = entries.values.get(leaf.code);
    const step = leaf.params.step ?? ZERO;
    return { method: 'rank', place, step, floor: leaf.params.floor ?? ZERO, proportional: leaf.points.minus((place ?? ZERO).minus(1).mul(step)) };
  },
  explain: (t, d, n) => {
    if (d.place === undefined) return '未填写位次，0 分';
    const formula = `位次 ${n(d.place)}：${n(t.leaf.points)} − (${n(d.place)} − 1) × ${n(d.step)} = ${n(d.proportional ?? t.points)}`;
    return d.proportional !== undefined && d.proportional.lt(d.floor) ? `${formula}，最低 ${n(d.floor)} 分` : formula;
  },
  doc: { aliases: '位次、排名、排序', scoring: '第 1 名满分，每降一位减一个步长，不低于最低分（优政：按同行业所处位次）', entry: '位次 1、2、3…', params: '`步长=0.5`（必填）；`最低=5`' },
};
