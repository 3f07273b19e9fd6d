import type { Rational } from '../core/rational.js';
import { warning, type Diagnostic } from '../core/diagnostic.js';
import { displayWidth } from '../core/text.js';
import { fitsInlineList } from '../engine/methods/grade.js';
import { methodOf } from '../engine/methods/index.js';
import { appliesTo, nameOf, type Indicator, type IndicatorTree, type Unit } from '../engine/model.js';
import { leavesOf } from '../input/period-entries.js';
import type { Roster } from '../input/roster.js';
import type { Scheme } from '../scheme/schema.js';
import type { CellValue, RawSheet } from '../core/raw-sheet.js';
import type { CellModel, RangeValidation, SheetModel, Validation } from '../report/sheet-model.js';
import { periodSuffixes, SHEETS } from '../input/sheet-names.js';
import { firstPageColumns, printPlan, sheetExtent } from '../report/print-plan.js';

/**
 * The entry sheets as `score template` writes them and `score merge` writes them back filled:
 * the same layout, so a merged workbook looks like a form every department filled at once.
 */

/** A period's leaves ('' for the whole year) by the sheet they are entered in, and that sheet's name suffix. */
export interface PeriodLeaves {
  suffix: string;
  /** 得分表: every leaf but those scored from 扣分明细 and 评议. */
  entered: Indicator[];
  /** 目标值: leaves scored against a target. */
  targeted: Indicator[];
  deducted: Indicator[];
  rated: Indicator[];
}

export function leavesByPeriod(tree: IndicatorTree, scheme: Scheme, keep: (leaf: Indicator) => boolean = () => true): (PeriodLeaves & { period: string })[] {
  const suffixes = periodSuffixes(scheme.periods);
  return ['', ...scheme.periods].map((period) => {
    const leaves = leavesOf(tree, scheme, period).filter(keep);
    return {
      period,
      // Excel refuses some period names in a sheet name (上半年/中期, over 31 characters): see periodSuffixes.
      suffix: period === '' ? '' : `（${suffixes.get(period)}）`,
      entered: leaves.filter((l) => methodOf(l).sheet === 'scores'),
      targeted: leaves.filter((l) => methodOf(l).targets),
      deducted: leaves.filter((l) => methodOf(l).sheet === 'deductions'),
      rated: leaves.filter((l) => methodOf(l).sheet === 'raters'),
    };
  });
}

/** Units, in roster order, that any of `leaves` applies to: the rows of a sheet for those leaves. */
export function unitsFor(roster: Roster, leaves: readonly Indicator[]): Unit[] {
  return roster.units.filter((u) => leaves.some((l) => appliesTo(l, u.category)));
}

/**
 * Lines for the office's record of who filled the form in, in the printed page's footer so that
 * merging never reads them as data; the page number on the right.
 */
export const FORM_FOOTER = '&L填报单位（盖章）：　　　　　　　　　填报人：　　　　　　　审核人：　　　　　　　\n'
  + '联系电话：　　　　　　　　　　　　填报日期：　　　　年　　月　　日&R第 &P 页 共 &N 页';

/** Blank ruled rows a printed form shows to write on (more can be inserted; the sheet itself offers more). */
export const PRINTED_BLANK_ROWS = 20;

/** Rows above the data in every entry sheet: a title, then the header. */
export const HEADER_ROWS = 2;

const plain = (d: Rational): string => d.toString();

/** What goes in a leaf's cell of the score sheet, in a few words (the third line of its header). */
export function entryWords(leaf: Indicator): string {
  return methodOf(leaf).form.words(leaf);
}

/** How to fill a leaf's cell, as the clerk is told in the 说明 sheet and in the cell's prompt. */
export function entryHelp(leaf: Indicator): string {
  const missing = leaf.params.missing ? '单位无此项时留空或填「缺项」，按本部分其余指标折算。' : '';
  return `${methodOf(leaf).form.help(leaf)}${missing}`;
}

/** The check Excel/WPS make as a leaf's cell is typed in. */
export function leafValidation(leaf: Indicator): Validation | undefined {
  return methodOf(leaf).form.validation?.(leaf, `${leaf.code} ${nameOf(leaf)}：${entryHelp(leaf)}`);
}

export { fitsInlineList };

export function modelValue(v: CellValue | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('invalid' in v) return v.invalid;
  return 'error' in v ? v.error : `=${v.formula}`;
}

/** A title in 16-point type wraps across the sheet's width; the row grows to show all of it. */
function titleHeight(title: string, widths: readonly number[]): number {
  const across = widths.reduce((a, b) => a + b, 0);
  return 24 * Math.max(1, Math.ceil((displayWidth(title) * 1.5) / Math.max(across, 1)));
}

function titleRow(title: string, width: number): { cells: (CellModel | null)[]; merge: SheetModel['merges'][number] } {
  return { cells: [{ v: title, s: 'title' }], merge: { top: 1, left: 1, bottom: 1, right: Math.max(width, 1) } };
}

export interface WideOptions {
  /** The sheet's name, e.g. 得分表（中期）. */
  name: string;
  title: string;
  /** 得分表, 目标值, or 自评 (each unit's own proposed points, 004). */
  kind: 'scores' | 'targets' | 'self';
  leaves: readonly Indicator[];
  units: readonly Unit[];
  /** Filled values (merge); a blank form without. */
  values?: ReadonlyMap<Unit, ReadonlyMap<string, CellValue>>;
  /** A blank form: entry cells unlocked, the rest protected, each column checked as typed. */
  form: boolean;
  /** The header of the name column (unitHeader: 项目名称 for a scheme of 项目), 单位名称 when not given. */
  unitHeader?: string;
}

/** One row per unit, one column per leaf: 单位名称, 类别, then the leaves by code, name and what to enter. */
export function wideSheet(o: WideOptions): SheetModel {
  const width = 2 + o.leaves.length;
  const title = titleRow(o.title, width);
  const header: CellModel[] = [{ v: o.unitHeader ?? '单位名称', s: 'header' }, { v: '类别', s: 'header' }];
  for (const leaf of o.leaves) {
    const what = o.kind === 'targets' ? `目标值${leaf.params.target ? `，空则按 ${plain(leaf.params.target)}` : ''}` : o.kind === 'self' ? `自评分，0—${plain(leaf.points)}` : entryWords(leaf);
    header.push({ v: `${leaf.code}\n${nameOf(leaf)}\n（${what}）`, s: 'header' });
  }
  const rows: (CellModel | null)[][] = [title.cells, header];
  for (const unit of o.units) {
    const filled = o.values?.get(unit);
    const row: CellModel[] = [{ v: unit.name, s: 'body' }, { v: unit.category, s: 'body' }];
    for (const leaf of o.leaves) {
      const applies = appliesTo(leaf, unit.category);
      row.push({ v: applies ? modelValue(filled?.get(leaf.code)) : null, s: applies ? (o.form ? 'input' : 'entry') : 'na' });
    }
    rows.push(row);
  }
  const validations: RangeValidation[] = [];
  if (o.form && o.units.length > 0) {
    o.leaves.forEach((leaf, i) => {
      const rule = o.kind === 'targets' ? { type: 'decimal' as const, min: '0', prompt: `${leaf.code} ${nameOf(leaf)}：填该单位的目标值（大于 0）。` }
        : o.kind === 'self' ? { type: 'decimal' as const, min: '0', max: plain(leaf.points), prompt: `${leaf.code} ${nameOf(leaf)}：填本单位的自评分（0 到 ${plain(leaf.points)}），只作对照，计入总分的是审核分。` }
        : leafValidation(leaf);
      if (rule) validations.push({ top: HEADER_ROWS + 1, left: 3 + i, bottom: HEADER_ROWS + o.units.length, right: 3 + i, rule });
    });
  }
  const nameWidth = Math.max(10, ...o.units.map((u) => displayWidth(u.name) + 2));
  const categoryWidth = Math.max(6, ...o.units.map((u) => displayWidth(u.category) + 2));
  const widths = [Math.min(nameWidth, 40), Math.min(categoryWidth, 20), ...o.leaves.map((l) => Math.min(24, Math.max(12, displayWidth(nameOf(l)) / 2 + 2)))];
  const sheet: SheetModel = {
    name: o.name, rows, merges: [title.merge], widths,
    headerRows: HEADER_ROWS, frozenColumns: 2, heights: [titleHeight(o.title, widths)], validations, ...(o.form ? { footer: FORM_FOOTER } : {}),
    ...(o.form ? { protect: {} } : {}),
  };
  // A form too wide for one page prints in column groups: its title spans only the first page's
  // columns, so it is not cut where the columns break.
  const across = firstPageColumns(widths, printPlan(sheetExtent(sheet)));
  return across < width ? { ...sheet, merges: [{ ...title.merge, right: across }], heights: [titleHeight(o.title, widths.slice(0, across))] } : sheet;
}

/** A column of a list sheet (扣分明细, 评议, 加减分, 一票否决) and the check on what is typed in it. */
export interface ListColumn {
  header: string;
  width: number;
  rule?: Validation;
}

export interface ListOptions {
  name: string;
  title: string;
  columns: readonly ListColumn[];
  /** Filled rows (merge), in column order. */
  rows?: readonly (readonly CellValue[])[];
  /** Empty rows to offer in a blank form. */
  blankRows?: number;
  form: boolean;
}

/** One row per item: a deduction, a rater's score, a bonus, a veto. A form may insert rows. */
export function listSheet(o: ListOptions): SheetModel {
  const title = titleRow(o.title, o.columns.length);
  const rows: (CellModel | null)[][] = [title.cells, o.columns.map((c) => ({ v: c.header, s: 'header' as const }))];
  for (const r of o.rows ?? []) rows.push(o.columns.map((_, i) => ({ v: modelValue(r[i]), s: 'entry' as const })));
  for (let i = 0; i < (o.blankRows ?? 0); i++) rows.push(o.columns.map(() => ({ v: null, s: 'input' as const })));
  const last = rows.length;
  const validations: RangeValidation[] = [];
  if (o.form && last > HEADER_ROWS) {
    o.columns.forEach((c, i) => {
      if (c.rule) validations.push({ top: HEADER_ROWS + 1, left: i + 1, bottom: last, right: i + 1, rule: c.rule });
    });
  }
  return {
    name: o.name, rows, merges: [title.merge], widths: o.columns.map((c) => c.width), headerRows: HEADER_ROWS, ...(o.form ? { footer: FORM_FOOTER } : {}),
    printRows: HEADER_ROWS + (o.rows?.length ?? 0) + Math.min(o.blankRows ?? 0, PRINTED_BLANK_ROWS),
    heights: [titleHeight(o.title, o.columns.map((c) => c.width))], validations, ...(o.form ? { protect: { insertRows: true } } : {}),
  };
}

/**
 * A sheet carried along as it was read (指标体系, 单位名单, a starter's entry sheets): same rows,
 * same values, laid out to print: leading one-cell rows as titles across the table, the first
 * wider row as the header (repeated on every page), the rest bordered; the sheet's name heads each page.
 */
export function copiedSheet(name: string, sheet: RawSheet, options: { hidden?: boolean; protect?: boolean } = {}): SheetModel {
  const values: (string | number | null)[][] = [];
  for (const r of sheet.rows) {
    while (values.length < r.number - 1) values.push([]);
    values.push(r.values.map(modelValue));
  }
  const filled = (row: readonly (string | number | null)[]): number => row.filter((v) => v !== null && v !== '').length;
  const width = Math.max(1, ...values.map((row) => row.length));
  const header = values.findIndex((row) => filled(row) > 1);
  const titles = header > 0 && values.slice(0, header).every((row) => filled(row) <= 1 && (row[0] ?? null) !== null) ? header : 0;
  const style = (r: number): CellModel['s'] => (r < titles ? 'title' : r === header ? 'header' : r > header && header >= 0 ? 'body' : undefined);
  // Table rows are as wide as the table, so every cell of every row is ruled.
  const rows = values.map((row, r) => Array.from({ length: header >= 0 && r >= header ? width : row.length }, (_, i): CellModel | null => {
    const v = row[i] ?? null;
    const s = style(r);
    return v === null && (s === undefined || s === 'title') ? null : { v, ...(s ? { s } : {}) };
  }));
  let widths: number[] = [];
  values.forEach((row, r) => {
    if (r < titles) return;
    row.forEach((v, i) => (widths[i] = Math.max(widths[i] ?? 8, Math.min(40, displayWidth(String(v ?? '')) + 2))));
  });
  widths = Array.from({ length: width }, (_, i) => widths[i] ?? 8);
  const merges = width > 1 ? Array.from({ length: titles }, (_, r) => ({ top: r + 1, left: 1, bottom: r + 1, right: width })) : [];
  return {
    name, rows, merges, widths, title: name, ...(header >= 0 ? { printTitleRows: [1, header + 1] as [number, number] } : {}),
    ...(options.hidden ? { hidden: true } : {}), ...(options.protect ? { protect: {} } : {}),
  };
}

/** The scheme's YAML one line a row in column A, as the 方案 sheet holds it. */
export function schemeSheet(text: string, options: { hidden?: boolean; protect?: boolean } = {}): SheetModel {
  const rows = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n').map((line) => [line === '' ? null : { v: line }]);
  return { name: SHEETS.scheme[0], rows, merges: [], widths: [100], ...(options.hidden ? { hidden: true } : {}), ...(options.protect ? { protect: {} } : {}) };
}

/** A period whose name Excel refuses in a sheet name is said, with the name its sheets get. */
export function renamedPeriods(periods: readonly string[]): Diagnostic[] {
  return [...periodSuffixes(periods)].filter(([period, suffix]) => period !== suffix).map(([period, suffix]) =>
    warning('W_SHEET_RENAMED', {}, `期次「${period}」含 Excel 工作表名不允许的字符（: \\ / ? * [ ]）或过长，其工作表名写作「${SHEETS.scores[0]}（${suffix}）」等。`,
      '读取时按这个名称识别；也可以在方案中把期次改为不含这些字符的简短名称。'));
}
