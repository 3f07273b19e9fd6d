import { show, type Rational } from '../core/rational.js';
import { methodOf } from '../engine/methods/index.js';
import type { LeafTrace } from '../engine/trace.js';
import { sourceText } from './deductions-sheet.js';

/**
 * One leaf's rule applied, in the words a clerk checks by hand: 「完成值 28，目标值 30：10 × 28 ÷ 30 =
 * 9.33（28/3）」. Every number goes through `show`: at most the scheme's decimals, or a short exact form.
 */
export function leafRule(t: LeafTrace, decimals: number): string {
  const n = (x: Rational): string => show(x, decimals);
  if (t.missing) return '缺项，不计分，本部分按其余指标折算';
  if (!t.periods) return methodOf(t.leaf).explain(t, t.detail, n);
  // Scored per period (scheme nodes): each period's rule, then the weighted mean.
  const each = t.periods.map((p) => (p.skipped ? `${p.name}缺项，不计入`
    : `${p.name}（${n(p.weight.mul(100))}%）${p.missing ? '未报，0 分' : methodOf(t.leaf).explain({ leaf: t.leaf, points: p.points }, p.detail, n)}`));
  return `${each.join('；')}；各期加权 = ${n(t.points)}`;
}

/** Each deduction of a leaf with its reason, evidence and cell, for lines under the leaf's rule. */
export function deductionLines(t: LeafTrace, decimals: number, withSource: boolean): string[] {
  return (t.detail.deductions ?? []).map((x) => {
    const evidence = x.evidence ? `（依据：${x.evidence}）` : '';
    return `扣 ${show(x.points, decimals)} 分：${x.reason}${evidence}${withSource ? `〔${sourceText(x.source)}〕` : ''}`;
  });
}
