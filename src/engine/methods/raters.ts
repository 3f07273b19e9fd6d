import { ZERO, sum, type Rational } from '../../core/rational.js';
import { SHEETS } from '../../input/sheet-names.js';
import type { Indicator, UnitEntries } from '../model.js';
import type { ListMethod } from './method.js';

export interface RatersDetail {
  method: 'raters';
  scores: readonly Rational[];
  dropped: Rational[];
  kept: Rational[];
  /** With rater groups: each group's scores as above, its mean and its percentage. */
  groups?: (Omit<RatersDetail, 'method' | 'groups'> & { name: string; weight: Rational; mean: Rational })[];
}

/** The mean of the raters' scores, dropping one highest and one lowest when asked (去掉最高最低分). */
export function ratersMean(scores: readonly Rational[], trim: boolean): Rational {
  const sorted = [...scores].sort((a, b) => a.comparedTo(b));
  const kept = trim && sorted.length >= 3 ? sorted.slice(1, -1) : sorted;
  return kept.length === 0 ? ZERO : sum(kept).div(kept.length);
}

/** Which scores counted: 去掉最高最低分 drops one highest and one lowest, when there are at least three (as ratersMean does). */
/** Each group's scores, in the order entered. */
function byGroup(leaf: Indicator, entries: UnitEntries): { name: string; weight: Rational; scores: Rational[] }[] {
  const scores = entries.raters.get(leaf.code) ?? [];
  const groups = entries.raterGroups?.get(leaf.code) ?? [];
  return (leaf.params.groups ?? []).map((g) => ({ ...g, scores: scores.filter((_, i) => groups[i] === g.name) }));
}

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

/** 「3 人评分 9、8、7，去掉最高 9、最低 7：(8) ÷ 1 = 8」 */
function meanText(d: Pick<RatersDetail, 'scores' | 'dropped' | 'kept'>, mean: Rational, n: (x: Rational) => string): string {
  if (d.scores.length === 0) return '没有评分，0 分';
  const all = `${d.scores.length} 人评分 ${d.scores.map(n).join('、')}`;
  const dropped = d.dropped.length === 2 ? `，去掉最高 ${n(d.dropped[0]!)}、最低 ${n(d.dropped[1]!)}` : '';
  return `${all}${dropped}：(${d.kept.map(n).join(' + ')}) ÷ ${d.kept.length} = ${n(mean)}`;
}

/** 评议 (民主测评): the mean of every rater's score, optionally without the highest and the lowest. */
export const raters: ListMethod<RatersDetail, 'raters'> = {
  name: 'raters',
  title: '评议',
  aliases: ['评议', '测评', '评分人'],
  params: { takes: ['trim', 'groups'], needs: [] },
  sheet: 'raters',
  targets: false,
  form: {
    words: () => '见评议',
    help: (leaf) => `不在得分表填写；每位评分人的分数在「${SHEETS.raters[0]}」中写一行（单位、指标编码、评分人、分数）。${leaf.params.groups
      ? `按评分组计分：${leaf.params.groups.map((g) => `${g.name} ${g.weight.toString()}%`).join('、')}，「评分组」列写明每条评分属于哪一组。` : ''}`,
  },
  score: (leaf, entries) => {
    const trim = leaf.params.trim === true;
    if (!leaf.params.groups) return ratersMean(entries.raters.get(leaf.code) ?? [], trim);
    // 000 述绩, 江苏 满意度: each group's mean (trimmed within the group) × its percentage.
    return sum(byGroup(leaf, entries).map((g) => ratersMean(g.scores, trim).mul(g.weight).div(100)));
  },
  detail: (leaf, entries) => {
    const trim = leaf.params.trim === true;
    const all = raterDetail(entries.raters.get(leaf.code) ?? [], trim && !leaf.params.groups);
    if (!leaf.params.groups) return all;
    const groups = byGroup(leaf, entries).map((g) => {
      const { method: _m, ...d } = raterDetail(g.scores, trim);
      return { ...d, name: g.name, weight: g.weight, mean: ratersMean(g.scores, trim) };
    });
    return { ...all, dropped: groups.flatMap((g) => g.dropped), groups };
  },
  explain: (t, d, n) => {
    if (d.scores.length === 0) return '没有评分，0 分';
    if (d.groups) {
      const each = d.groups.map((g) => `${g.name}（${n(g.weight)}%）${meanText(g, g.mean, n)}`);
      return `${each.join('；')}；${d.groups.map((g) => `${n(g.mean)} × ${n(g.weight)}%`).join(' + ')} = ${n(t.points)}`;
    }
    return meanText(d, t.points, n);
  },
  json: (d, s) => ({ raters: { scores: d.scores.map(s), dropped: d.dropped.map(s), ...(d.groups ? { groups: d.groups.map((g) => ({ name: g.name, weight: s(g.weight), scores: g.scores.map(s), dropped: g.dropped.map(s), mean: s(g.mean) })) } : {}) } }),
  doc: {
    aliases: '评议、测评、评分人', scoring: '各评分人分数的平均；可去掉一个最高分和一个最低分；分组时各组平均按百分比加权（述绩、满意度）',
    entry: '不填；逐条写入「评议」表（单位名称、指标编码、评分人、分数；分组时加「评分组」）', params: '`去掉最高最低分=是`（至少 3 个评分，分组时每组至少 3 个）；`分组=领导:30、服务对象:30、公众:40`',
  },
};
