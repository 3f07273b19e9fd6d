import { ZERO, type Rational } from '../../core/rational.js';
import { plain, type ScoresMethod } from './method.js';

export interface DirectDetail {
  method: 'direct';
  entered?: Rational;
}

/** 直接打分: the lead department enters the points (every seed). */
export const direct: ScoresMethod<DirectDetail, 'direct'> = {
  name: 'direct',
  title: '直接打分',
  aliases: ['直接打分', '直接评分', '打分', '评分'],
  params: { takes: [], needs: [] },
  sheet: 'scores',
  targets: false,
  entry: {
    check: (leaf, v) => (v.gt(leaf.points) ? { code: 'E_ABOVE_MAX', message: `得分 ${v.toString()} 超过分值 ${leaf.points.toString()}。`, hint: `应在 0 到 ${leaf.points.toString()} 之间。` } : undefined),
  },
  form: {
    words: (leaf) => `0—${plain(leaf.points)} 分`,
    help: (leaf) => `填 0 到 ${plain(leaf.points)} 之间的得分。`,
    validation: (leaf, prompt) => ({ type: 'decimal', min: '0', max: plain(leaf.points), prompt }),
  },
  score: (leaf, entries) => entries.values.get(leaf.code) ?? ZERO,
  detail: (leaf, entries) => ({ method: 'direct', entered: entries.values.get(leaf.code) }),
  explain: (_t, d, n) => (d.entered === undefined ? '未填写，按 0 分计' : `评分 ${n(d.entered)}`),
  doc: { aliases: '直接打分、直接评分、打分（留空也是它）', scoring: '所填分数，必须在 0 到分值之间', entry: '得分', params: '—' },
};
