import { show, ZERO, type Rational } from '../core/rational.js';
import type { LeafDetail, LeafTrace } from '../engine/trace.js';
import { sourceText } from './deductions-sheet.js';

/**
 * One leaf's rule applied, in the words a clerk checks by hand: 「完成值 28，目标值 30：10 × 28 ÷ 30 =
 * 9.33（28/3）」. Every number goes through `show`: at most the scheme's decimals, or a short exact form.
 */
export function leafRule(t: LeafTrace, decimals: number): string {
  const n = (x: Rational): string => show(x, decimals);
  const max = t.leaf.points;
  const d = t.detail;
  switch (d.method) {
    case 'direct':
      return d.entered === undefined ? '未填写，按 0 分计' : `评分 ${n(d.entered)}`;
    case 'pass':
      if (d.entered === undefined) return '未填写，按 0 分计';
      return d.entered.eq(max) ? `达标，得满分 ${n(max)}` : d.entered.isZero() ? '未达标，0 分' : `评分 ${n(d.entered)}`;
    case 'grade':
      if (!d.grade) return d.entered === undefined ? '未填写，按 0 分计' : `评分 ${n(d.entered)}`;
      return d.grade.min.eq(d.grade.max) ? `等级「${d.grade.label}」，${n(t.points)} 分` : `等级「${d.grade.label}」（${n(d.grade.min)}—${n(d.grade.max)} 分），评 ${n(t.points)} 分`;
    case 'deduct':
      return deductRule(t, d, n);
    case 'ratio':
      return ratioRule(t, d, n);
    case 'inverse':
      return inverseRule(t, d, n);
    case 'rate':
      return rateRule(t, d, n);
    case 'rank':
      return rankRule(t, d, n);
    case 'raters':
      return ratersRule(t, d, n);
  }
}

type Show = (x: Rational) => string;

const MAX_TERMS = 6;

/** 001, 004 扣分制: 15 − 1 − 0.5 = 13.5, never below 0. */
function deductRule(t: LeafTrace, d: Extract<LeafDetail, { method: 'deduct' }>, n: Show): string {
  const max = t.leaf.points;
  if (d.deductions.length === 0) return `无扣分，得满分 ${n(max)}`;
  // A long list is summed in one term; each item still has its own line below the rule.
  const formula = d.deductions.length > MAX_TERMS ? `${n(max)} − ${n(d.deducted)}（${d.deductions.length} 项扣分合计）` : `${n(max)} − ${d.deductions.map((x) => n(x.points)).join(' − ')}`;
  const left = max.minus(d.deducted);
  return left.isNegative() ? `${formula} = ${n(left)}，最低 0 分` : `${formula} = ${n(t.points)}`;
}

/** 002 正定: 达到及超过标准值的计满分，低于标准值的按实际完成比例折算. */
function ratioRule(t: LeafTrace, d: Extract<LeafDetail, { method: 'ratio' }>, n: Show): string {
  if (d.target === undefined || d.proportional === undefined) return '没有目标值，0 分';
  const actual = d.actual ?? ZERO;
  const formula = `完成值 ${n(actual)}，目标值 ${n(d.target)}：${n(t.leaf.points)} × ${n(actual)} ÷ ${n(d.target)} = ${n(d.proportional)}`;
  if (!d.proportional.gt(d.cap)) return formula;
  return d.cap.eq(t.leaf.points) ? `${formula}，达到目标计满分 ${n(d.cap)}` : `${formula}，超额加分最高 ${n(d.cap)} 分，按 ${n(d.cap)} 分计`;
}

/** Lower is better: max × target ÷ actual, at most max; nothing used is full marks. */
function inverseRule(t: LeafTrace, d: Extract<LeafDetail, { method: 'inverse' }>, n: Show): string {
  if (d.target === undefined) return '没有目标值，0 分';
  if (d.actual === undefined) return '未填写实际值，0 分';
  if (d.proportional === undefined) return `实际值 0，得满分 ${n(t.leaf.points)}`;
  const formula = `实际值 ${n(d.actual)}，目标值 ${n(d.target)}：${n(t.leaf.points)} × ${n(d.target)} ÷ ${n(d.actual)} = ${n(d.proportional)}`;
  return d.proportional.gt(t.leaf.points) ? `${formula}，最高 ${n(t.leaf.points)} 分` : formula;
}

/** 002 公众评估: a rate × max, or the points of the tier it reaches. */
function rateRule(t: LeafTrace, d: Extract<LeafDetail, { method: 'rate' }>, n: Show): string {
  const rate = d.rate === undefined ? '未填写' : `${n(d.rate)}%`;
  if (d.proportional === undefined) {
    return d.tier ? `比率 ${rate}，达到「${n(d.tier.from)}% 以上」一档，${n(d.tier.points)} 分` : `比率 ${rate}，未达到任何一档，0 分`;
  }
  const formula = `比率 ${rate}：${n(t.leaf.points)} × ${rate} = ${n(d.proportional)}`;
  return d.proportional.gt(t.leaf.points) ? `${formula}，最高 ${n(t.leaf.points)} 分` : formula;
}

/** 000 优政: 按同行业所处位次 — first place full marks, a step less for each place below. */
function rankRule(t: LeafTrace, d: Extract<LeafDetail, { method: 'rank' }>, n: Show): string {
  if (d.place === undefined) return '未填写位次，0 分';
  const formula = `位次 ${n(d.place)}：${n(t.leaf.points)} − (${n(d.place)} − 1) × ${n(d.step)} = ${n(d.proportional ?? t.points)}`;
  return d.proportional !== undefined && d.proportional.lt(d.floor) ? `${formula}，最低 ${n(d.floor)} 分` : formula;
}

/** 评议: the raters' mean, dropping one highest and one lowest score where the indicator says so. */
function ratersRule(t: LeafTrace, d: Extract<LeafDetail, { method: 'raters' }>, n: Show): string {
  if (d.scores.length === 0) return '没有评分，0 分';
  const all = `${d.scores.length} 人评分 ${d.scores.map(n).join('、')}`;
  const dropped = d.dropped.length === 2 ? `，去掉最高 ${n(d.dropped[0]!)}、最低 ${n(d.dropped[1]!)}` : '';
  return `${all}${dropped}：(${d.kept.map(n).join(' + ')}) ÷ ${d.kept.length} = ${n(t.points)}`;
}

/** Each deduction of a leaf with its reason, evidence and cell, for lines under the leaf's rule. */
export function deductionLines(t: LeafTrace, decimals: number, withSource: boolean): string[] {
  if (t.detail.method !== 'deduct') return [];
  return t.detail.deductions.map((x) => {
    const evidence = x.evidence ? `（依据：${x.evidence}）` : '';
    return `扣 ${show(x.points, decimals)} 分：${x.reason}${evidence}${withSource ? `〔${sourceText(x.source)}〕` : ''}`;
  });
}
