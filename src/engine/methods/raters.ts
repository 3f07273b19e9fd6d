import { ZERO, sum, type Rational } from '../../core/rational.js';
import { SHEETS } from '../../input/sheet-names.js';
import type { ListMethod } from './method.js';

export interface RatersDetail {
  method: 'raters';
  scores: readonly Rational[];
  dropped: Rational[];
  kept: Rational[];
}

/** The mean of the raters' scores, dropping one highest and one lowest when asked (去掉最高最低分). */
export function ratersMean(scores: readonly Rational[], trim: boolean): Rational {
  const sorted = [...scores].sort((a, b) => a.comparedTo(b));
  const kept = trim && sorted.length >= 3 ? sorted.slice(1, -1) : sorted;
  return kept.length === 0 ? ZERO : sum(kept).div(kept.length);
}

/** Which scores counted: 去掉最高最低分 drops one highest and one lowest, when there are at least three (as ratersMean does). */
export function raterDetail(scores: readonly Rational[], trim: boolean): RatersDetail {
  const sorted = [...scores].sort((a, b) => a.comparedTo(b));
  if (!trim || sorted.length < 3) return { method: 'raters', scores, dropped: [], kept: [...scores] };
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  // Keep the entered order for what counts; drop the first highest and the first lowest met.
  const kept = [...scores];
  kept.splice(kept.findIndex((s) => s.eq(high)), 1);
  kept.splice(kept.findIndex((s) => s.eq(low)), 1);
  return { method: 'raters', scores, dropped: [high, low], kept };
}

/** 评议 (民主测评): the mean of every rater's score, optionally without the highest and the lowest. */
export const raters: ListMethod<RatersDetail, 'raters'> = {
  name: 'raters',
  title: '评议',
  aliases: ['评议', '测评', '评分人'],
  params: { takes: ['trim'], needs: [] },
  sheet: 'raters',
  targets: false,
  form: {
    words: () => '见评议',
    help: () => `不在得分表填写；每位评分人的分数在「${SHEETS.raters[0]}」中写一行（单位、指标编码、评分人、分数）。`,
  },
  score: (leaf, entries) => ratersMean(entries.raters.get(leaf.code) ?? [], leaf.params.trim === true),
  detail: (leaf, entries) => raterDetail(entries.raters.get(leaf.code) ?? [], leaf.params.trim === true),
  explain: (t, d, n) => {
    if (d.scores.length === 0) return '没有评分，0 分';
    const all = `${d.scores.length} 人评分 ${d.scores.map(n).join('、')}`;
    const dropped = d.dropped.length === 2 ? `，去掉最高 ${n(d.dropped[0]!)}、最低 ${n(d.dropped[1]!)}` : '';
    return `${all}${dropped}：(${d.kept.map(n).join(' + ')}) ÷ ${d.kept.length} = ${n(t.points)}`;
  },
  json: (d, s) => ({ raters: { scores: d.scores.map(s), dropped: d.dropped.map(s) } }),
  doc: { aliases: '评议、测评、评分人', scoring: '各评分人分数的平均；可去掉一个最高分和一个最低分', entry: '不填；逐条写入「评议」表（单位名称、指标编码、评分人、分数）', params: '`去掉最高最低分=是`（至少 3 个评分）' },
};
