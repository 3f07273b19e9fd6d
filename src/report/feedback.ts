import { fixed, show, type Rational } from '../core/rational.js';
import { nameOf } from '../engine/model.js';
import type { LeafTrace } from '../engine/trace.js';
import { deductionLines, leafRule } from './explain-leaf.js';
import { percent, type Explanation, type PartLine } from './explain-model.js';
import { displayWidth, type CellModel, type Merge, type SheetModel } from './sheet-model.js';
import { chineseOrdinal } from './wording.js';
import { unitWord } from '../scheme/unit-word.js';
import { selfText } from './explain.js';
import type { SelfLine } from '../engine/self-review.js';

/**
 * A unit's 反馈单 (004: 扣分原因 fed back to each unit): its total, rank among how many, band and
 * why, each indicator's points and points lost with the reasons, 加减分, vetoes and margins, signed
 * by the office. Printed on A4 portrait, the table's header on every page, pages numbered.
 * Laid out from the same Explanation that `score explain` prints.
 */

// 编码 as wide as the label 「荣誉、标记」 beside the summary, 得分 and 失分 as their numbers (the exact values are in the rule).
const WIDTHS = [12, 18, 7, 10, 9, 45];
const COLUMNS = WIDTHS.length;
const HEADER = ['编码', '指标', '分值', '得分', '失分', '计算与失分原因'];

type Row = (CellModel | null)[];

class Builder {
  rows: Row[] = [];
  merges: Merge[] = [];

  /** One text across the page, after a label cell where there is one. */
  across(v: string, s: CellModel['s'], label?: string): void {
    const row: Row = label === undefined ? [{ v, s }] : [{ v: label, s: 'header' }, { v, s }];
    while (row.length < COLUMNS) row.push(s === 'title' || s === 'note' || s === 'sign' ? null : { v: '', s });
    this.rows.push(row);
    const left = label === undefined ? 1 : 2;
    this.merges.push({ top: this.rows.length, left, bottom: this.rows.length, right: COLUMNS });
  }

  row(cells: Row): void {
    this.rows.push(cells);
  }
}

export function feedbackSheet(e: Explanation): SheetModel {
  const b = new Builder();
  const { scheme, result: r } = e;
  const d = scheme.rounding.decimals;
  b.across(`${scheme.name}结果反馈单`, 'title');
  b.across(`${unitWord(scheme)}：${r.unit.name}　　类别：${r.unit.category}`, 'note');
  summary(b, e);
  b.row([]);
  b.row(HEADER.map((v) => ({ v, s: 'header' })));
  const headerRow = b.rows.length;
  const self = new Map(e.selfAssessment.map((x) => [x.leaf.code, x]));
  e.parts.forEach((p, i) => partRows(b, p, i + 1, d, self, unitWord(scheme)));
  if (e.adjustments.length > 0) adjustmentRows(b, e, e.parts.length + 1);
  b.across(totalText(e), 'section');
  b.row([]);
  if (scheme.notice.issuer) b.across(scheme.notice.issuer, 'sign');
  if (scheme.notice.date) b.across(scheme.notice.date, 'sign');
  return {
    name: '反馈单',
    rows: b.rows,
    merges: b.merges,
    widths: WIDTHS,
    heights: heights(b.rows, b.merges),
    printTitleRows: [headerRow, headerRow],
    footer: '&C第 &P 页 共 &N 页',
  };
}

/** The answer first: total, rank among how many, band, why, and the distance to the next band. */
function summary(b: Builder, e: Explanation): void {
  const r = e.result;
  const d = e.scheme.rounding.decimals;
  const rank = `第 ${r.rank} 名（类别「${r.unit.category}」共 ${e.groupSize} 个${unitWord(e.scheme)}${e.tiedWith.length > 0 ? `，与${e.tiedWith.join('、')}并列` : ''}）`;
  const top = b.rows.length + 1;
  b.row([{ v: '总分', s: 'header' }, { v: fixed(r.score.total, d), s: 'body' }, { v: '名次', s: 'header' }, { v: '', s: 'header' }, { v: rank, s: 'wrap' }, { v: '', s: 'wrap' }]);
  b.merges.push({ top, left: 3, bottom: top, right: 4 }, { top, left: 5, bottom: top, right: 6 });
  b.across(e.band, 'wrap', '等次');
  b.across(numbered(e.reasons), 'wrap', '评定理由');
  if (e.margins.length > 0) b.across(numbered(e.margins), 'wrap', '差距');
  if (r.vetoes.length > 0) b.across(numbered(r.vetoes.map((v) => `${v.item}：${v.note}（${v.effect === 'fail' ? '定为最低等次' : '取消评先资格'}）`)), 'wrap', '一票否决');
  if (e.titles.length > 0) b.across(numbered(e.titles), 'wrap', '荣誉、标记');
}

function numbered(lines: readonly string[]): string {
  return lines.length === 1 ? lines[0]! : lines.map((l, i) => `${i + 1}. ${l}`).join('\n');
}

function partRows(b: Builder, p: PartLine, index: number, d: number, self: ReadonlyMap<string, SelfLine>, noun: string): void {
  const t = p.trace;
  const n = (x: Rational): string => show(x, d);
  b.across(`${chineseOrdinal(index)}、${p.heading}　计入 ${points(p.counted, d)}${p.rounded ? `（${n(t.contribution)} 先四舍五入）` : ''}`, 'section');
  if (t.periods) {
    for (const period of t.periods) {
      b.across(`${period.name}（×${percent(period.weight)}）　小计 ${points(period.score, d)}${period.missing ? `（该期没有本${noun}的数据）` : ''}`, 'wrap');
      period.leaves.forEach((l) => leafRow(b, l, d));
    }
    // Self-assessed once for the year: after the periods, against their points averaged.
    const codes = [...new Set(t.periods.flatMap((x) => x.leaves.map((l) => l.leaf.code)))];
    for (const code of codes) if (self.has(code)) noteRow(b, `${code} ${selfText(self.get(code)!, d, (x) => figure(x, d))}`);
  } else {
    t.leaves.forEach((l) => leafRow(b, l, d, self.get(l.leaf.code)));
    if (!t.weight.eq(1)) b.across(`小计 ${points(t.score!, d)} × ${percent(t.weight)} = ${points(t.contribution, d)}`, 'wrap');
  }
}

/** A leaf's row, then one row per deduction: a row taller than a page would not print whole. */
function leafRow(b: Builder, t: LeafTrace, d: number, self?: SelfLine): void {
  const lost = t.leaf.points.minus(t.points);
  b.row([{ v: t.leaf.code, s: 'wrap' }, { v: nameOf(t.leaf), s: 'wrap' }, { v: t.leaf.points.toString(), s: 'score' }, { v: figure(t.points, d), s: 'score' },
    { v: lost.gt(0) ? figure(lost, d) : '', s: 'score' }, { v: leafRule(t, d), s: 'wrap' }]);
  for (const line of deductionLines(t, d, false)) noteRow(b, line);
  if (self) noteRow(b, selfText(self, d, (x) => figure(x, d)));
}

/** A line under a leaf's row, in the last column: a deduction, the unit's self-assessment. */
function noteRow(b: Builder, line: string): void {
  b.row([...Array.from({ length: COLUMNS - 1 }, (): CellModel => ({ v: '', s: 'wrap' })), { v: line, s: 'wrap' }]);
  b.merges.push({ top: b.rows.length, left: 1, bottom: b.rows.length, right: COLUMNS - 1 });
}

function adjustmentRows(b: Builder, e: Explanation, index: number): void {
  const d = e.scheme.rounding.decimals;
  const n = (x: Rational): string => show(x, d);
  const none = e.adjustments.every((x) => x.items.length === 0);
  b.across(`${chineseOrdinal(index)}、加分与减分　${none ? '无' : `计入 ${e.adjustments.map((x) => `${x.name} ${points(x.result.applied, d)}`).join('，')}`}`, 'section');
  for (const x of e.adjustments) {
    for (const item of x.items) {
      const why = [item.reason, item.evidence ? `依据：${item.evidence}` : '', item.source ? `来源：${item.source}` : ''].filter(Boolean).join('；');
      b.row([{ v: x.name, s: 'wrap' }, { v: item.item, s: 'wrap' }, { v: '', s: 'score' }, { v: `${x.side === 'bonus' ? '+' : '−'}${figure(item.points, d)}`, s: 'score' }, { v: '', s: 'score' }, { v: why, s: 'wrap' }]);
    }
    for (const cut of x.result.cuts) {
      const what = cut.scope === 'total' ? `${x.name}合计` : cut.scope === 'item' ? `项目「${cut.name}」` : `来源「${cut.name}」`;
      b.across(`${what} ${n(cut.before)} 分，超过上限 ${n(cut.cap)} 分，按 ${n(cut.cap)} 分计`, 'wrap');
    }
  }
}

/** 「总分：18 + 23.6 + 48.43（精确值 1453/30） = 2701/30，四舍五入为 90.03」: the rounded total said once, after the exact sum. */
function totalText(e: Explanation): string {
  const d = e.scheme.rounding.decimals;
  const n = (x: Rational): string => show(x, d);
  const { exact, total } = e.result.score;
  const terms = [...e.parts.map((p) => n(p.counted)), ...e.adjustments.filter((x) => !x.result.applied.isZero()).map((x) => `${x.side === 'bonus' ? '+' : '−'} ${n(x.result.applied)}`)];
  const sum = terms.map((t, i) => (i === 0 || /^[+−]/.test(t) ? t : `+ ${t}`)).join(' ');
  if (exact.fitsDecimals(d)) return `总分：${sum} = ${n(exact)}`;
  const precise = exactPart(n(exact));
  return `总分：${sum}${precise ? ` = ${precise}` : ''}，四舍五入为 ${fixed(total, d)}`;
}

/** A number in a score column: the scheme's decimals at most; its exact value is in the rule beside it, not cut off by the column. */
function figure(x: Rational, d: number): string {
  return x.fitsDecimals(d) ? x.toString() : fixed(x, d);
}

/** Points in a sentence, the unit before the exact value: 「48.43 分（精确值 1453/30）」, not 「48.43（精确值 1453/30） 分」. */
function points(x: Rational, d: number): string {
  const shown = show(x, d);
  const exact = exactPart(shown);
  return exact ? `${figure(x, d)} 分（精确值 ${exact}）` : `${shown} 分`;
}

/** The exact value `show` writes beside a rounded one (「1453/30」 of 「48.43（精确值 1453/30）」), if it wrote one. */
function exactPart(shown: string): string | undefined {
  return /（精确值 (.+)）$/.exec(shown)?.[1];
}

/** Row heights for print: a wrapped cell gets a line of height for each line it takes in its (merged) width. */
function heights(rows: Row[], merges: Merge[]): number[] {
  const span = new Map(merges.map((m) => [`${m.top}:${m.left}`, m.right - m.left + 1]));
  return rows.map((row, r) => {
    if (row[0]?.s === 'title') return 30;
    let lines = 1;
    row.forEach((cell, c) => {
      if (!cell || typeof cell.v !== 'string' || cell.v === '') return;
      const cols = span.get(`${r + 1}:${c + 1}`) ?? 1;
      const width = WIDTHS.slice(c, c + cols).reduce((a, w) => a + w, 0) - 1;
      const needed = cell.v.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width))), 0);
      lines = Math.max(lines, needed);
    });
    return Math.max(18, 15 * lines + 4);
  });
}

/**
 * File names for the units' 反馈单: 「<单位>.反馈单.xlsx」, made safe on Windows, macOS and Linux
 * (no \ / : * ? " < > |, no control characters, no trailing dot or space) and unique even where
 * the file system ignores case, so no unit's form replaces another's.
 */
export function feedbackFileNames(units: readonly string[]): string[] {
  const taken = new Set<string>();
  return units.map((unit) => {
    // 60 characters: a file name is at most 255 bytes, a Chinese character takes 3, and the temporary name adds some.
    const safe = [...unit.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')].slice(0, 60).join('').replace(/[. ]+$/, '') || '单位';
    const base = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(safe) ? `${safe}_` : safe;
    let name = `${base}.反馈单.xlsx`;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}（${i}）.反馈单.xlsx`;
    taken.add(name.toLowerCase());
    return name;
  });
}
