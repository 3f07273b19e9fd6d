import { fixed, show, type Rational } from '../core/rational.js';
import type { LeafTrace, Rescale } from '../engine/trace.js';
import { nameOf } from '../engine/model.js';
import { sourceText } from './deductions-sheet.js';
import { deductionLines, leafRule } from './explain-leaf.js';
import { percent, type AdjustmentLine, type Explanation, type PartLine } from './explain-model.js';
import { chineseOrdinal } from './wording.js';
import type { SelfLine } from '../engine/self-review.js';
import { unitWord } from '../scheme/unit-word.js';

/**
 * `score explain` as text: the calculation of one unit, line by line, in the order a clerk
 * checks it by hand — leaves, parts, 加减分, total and its rounding, rank, band and margins.
 */
export function renderExplanation(e: Explanation): string {
  const r = e.result;
  const d = e.scheme.rounding.decimals;
  const lines = [
    `${r.unit.name}（类别「${r.unit.category}」）—— ${e.scheme.name}`,
    `总分 ${fixed(r.score.total, d)}，名次 ${r.rank} / 类别「${r.unit.category}」${e.groupSize} 个${unitWord(e.scheme)}，等次「${e.band}」`,
  ];
  const sections: [string, string[]][] = [
    ['各部分得分', e.parts.flatMap((p) => partLines(p, d, new Map(e.selfAssessment.map((x) => [x.leaf.code, x]))))],
    ...(e.adjustments.length > 0 ? [['加分与减分', adjustmentSection(e, d)] as [string, string[]]] : []),
    ['总分', totalLines(e)],
    ['名次', [rankLine(e)]],
    [`等次：${e.band}`, [...e.reasons, ...e.margins.map((m) => `差距：${m}`)]],
    ...(e.titles.length > 0 ? [['荣誉、标记', e.titles] as [string, string[]]] : []),
  ];
  sections.forEach(([title, body], i) => lines.push('', `${chineseOrdinal(i + 1)}、${title}`, ...body.map((l) => `  ${l}`)));
  return `${lines.join('\n')}\n`;
}

function leafLines(t: LeafTrace, d: number, self?: SelfLine): string[] {
  const head = `${t.leaf.code} ${nameOf(t.leaf)}（${t.leaf.points.toString()} 分）：${leafRule(t, d)}`;
  return [head, ...deductionLines(t, d, true).map((l) => `    ${l}`), ...(self ? [`    ${selfText(self, d)}`] : [])];
}

/** 004 先自评、牵头部门审核: 「自评 10 分，审核 9 分，差额 +1 分（计入审核分）」; `n` writes the numbers (a 反馈单 leaves exact values to the rule above). */
export function selfText(x: SelfLine, d: number, n = (v: Rational): string => show(v, d)): string {
  if (!x.audited || !x.difference) return `自评 ${n(x.self)} 分，审核为缺项（不计分）`;
  if (x.difference.isZero()) return `自评 ${n(x.self)} 分，与审核一致`;
  return `自评 ${n(x.self)} 分，审核 ${n(x.audited)} 分，差额 ${x.difference.isNegative() ? '' : '+'}${n(x.difference)} 分（计入审核分）`;
}

function partLines(p: PartLine, d: number, self: ReadonlyMap<string, SelfLine>): string[] {
  const n = (x: Rational): string => show(x, d);
  const t = p.trace;
  const out = [p.heading];
  if (t.periods) {
    for (const period of t.periods) {
      out.push(`  ${period.name}（×${percent(period.weight)}）${period.missing ? '：该期没有本单位的数据，按 0 分计' : ''}`);
      out.push(...period.leaves.flatMap((l) => leafLines(l, d)).map((l) => `    ${l}`));
      if (period.rescale) out.push(`    ${rescaleText(period.rescale, n)}`);
      if (!period.missing) out.push(`    ${period.name}小计 ${n(period.score)}`);
    }
    out.push(`  计入：${t.periods.map((x) => `${n(x.score)} × ${percent(x.weight)}`).join(' + ')} = ${n(t.contribution)}`);
    // Self-assessed once for the year: beside the part, against the periods' points averaged.
    const leaves = [...new Set(t.periods.flatMap((x) => x.leaves.map((l) => l.leaf.code)))];
    out.push(...leaves.flatMap((code) => (self.has(code) ? [`  ${code} ${selfText(self.get(code)!, d)}`] : [])));
  } else {
    out.push(...t.leaves.flatMap((l) => leafLines(l, d, self.get(l.leaf.code))).map((l) => `  ${l}`));
    const score = t.score!;
    if (t.rescale) out.push(`  ${rescaleText(t.rescale, n)}`);
    const sum = t.rescale ? '' : t.leaves.length > 1 ? `${t.leaves.map((l) => n(l.points)).join(' + ')} = ` : '';
    out.push(t.weight.eq(1) ? `  小计：${sum}${n(score)}` : `  小计：${sum}${n(score)}；计入 ${n(score)} × ${percent(t.weight)} = ${n(t.contribution)}`);
  }
  if (p.rounded) out.push(`  按方案各部分先四舍五入：${n(t.contribution)} → ${fixed(p.counted, d)}`);
  return out;
}

/** 缺项折算: 「缺项 A3（10 分）：其余指标 27 分，折算 27 × 40 ÷ 30 = 36」. */
function rescaleText(r: Rescale, n: (x: Rational) => string): string {
  return `缺项 ${r.missing.map((l) => `${l.code}（${n(l.points)} 分）`).join('、')}：其余指标 ${n(r.raw)} 分，折算 ${n(r.raw)} × ${n(r.full)} ÷ ${n(r.present)} = ${n(r.raw.mul(r.factor))}`;
}

function adjustmentSection(e: Explanation, d: number): string[] {
  if (e.adjustments.every((x) => x.items.length === 0)) return [`无${e.adjustments.map((x) => x.name).join('、')}`];
  return e.adjustments.flatMap((x) => adjustmentLines(x, d));
}

function adjustmentLines(x: AdjustmentLine, d: number): string[] {
  const n = (v: Rational): string => show(v, d);
  const out = [`${x.name}${x.cap ? `（合计上限 ${n(x.cap)} 分）` : ''}：${x.items.length === 0 ? '无' : ''}`];
  for (const item of x.items) {
    const evidence = item.evidence ? `；依据：${item.evidence}` : '';
    const source = item.source ? `；来源：${item.source}` : '';
    out.push(`  ${item.item} ${n(item.points)} 分：${item.reason}${evidence}${source}〔${sourceText(item.where)}〕`);
  }
  for (const cut of x.result.cuts) {
    const what = cut.scope === 'total' ? `${x.name}合计` : cut.scope === 'item' ? `项目「${cut.name}」` : `来源「${cut.name}」`;
    out.push(`  ${what} ${n(cut.before)} 分，超过上限 ${n(cut.cap)} 分，削减 ${n(cut.cut)} 分`);
  }
  if (x.items.length > 0) out.push(`  ${x.name}计入：${x.result.cuts.length > 0 ? `${n(x.result.raw)} → ` : ''}${n(x.result.applied)} 分`);
  return out;
}

function totalLines(e: Explanation): string[] {
  const d = e.scheme.rounding.decimals;
  const n = (v: Rational): string => show(v, d);
  const { exact, total } = e.result.score;
  // A side with nothing entered adds 0: left out of the sum, as a clerk would write it.
  const counted = e.adjustments.filter((x) => x.items.length > 0 || !x.result.applied.isZero());
  const terms = [...e.parts.map((p) => `${p.trace.name} ${n(p.counted)}`), ...counted.map((x) => `${x.side === 'bonus' ? '+' : '−'} ${x.name} ${n(x.result.applied)}`)];
  const sum = terms.map((t, i) => (i === 0 || /^[+−]/.test(t) ? t : `+ ${t}`)).join(' ');
  const lines = [`${sum} = ${n(exact)}`];
  if (e.scheme.rounding.roundParts) lines.push('按方案，各部分先四舍五入再相加（roundParts）');
  lines.push(exact.fitsDecimals(d) ? `公布总分 ${fixed(total, d)}（无需取舍）` : `四舍五入保留 ${d} 位小数，公布总分 ${fixed(total, d)}`);
  return lines;
}

function rankLine(e: Explanation): string {
  const r = e.result;
  const basis = e.scheme.rounding.rankOn === 'exact' ? '按精确总分排名' : '按公布的总分排名';
  const tied = e.tiedWith.length > 0 ? `，与${e.tiedWith.join('、')}并列` : '';
  return `名次 ${r.rank} / 类别「${r.unit.category}」${e.groupSize} 个${unitWord(e.scheme)}（${basis}，同分同名次${tied}）`;
}
