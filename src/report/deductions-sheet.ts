import { formatWhere, type Where } from '../core/diagnostic.js';
import { show, type Rational } from '../core/rational.js';
import type { Assessment } from '../engine/assess.js';
import { nameOf, type Deduction, type Indicator, type Unit, type UnitEntries } from '../engine/model.js';
import { widthsFor, type CellModel, type SheetModel } from './sheet-model.js';
import { unitWord } from '../scheme/unit-word.js';

/** One row of a 扣分明细 sheet as it was read: whose, which leaf, in which period ('' for the year). */
export interface DeductionRow {
  unit: Unit;
  period: string;
  leaf: Indicator;
  deduction: Deduction;
}

/**
 * Every deduction that counted, in the ranking's order of units; a unit's own rows by indicator
 * (the tree's order), then period (the year's sheet, then each period's), then the row entered —
 * so the order is the calculation's, not whichever order the forms were merged in.
 */
export function deductionRows(a: Assessment, entries: readonly UnitEntries[]): DeductionRow[] {
  // Only the units with a deduction are looked up: most have none (a province's direct scores, none at all).
  const byUnit = new Map<Unit, UnitEntries>();
  for (const e of entries) if (e.deductions.size > 0 || [...(e.periods?.values() ?? [])].some((p) => p.deductions.size > 0)) byUnit.set(e.unit, e);
  if (byUnit.size === 0) return [];
  const leafOrder = new Map(a.tree.leaves.map((l, i) => [l.code, i]));
  const periodOrder = ['', ...a.scheme.periods];
  const rows: DeductionRow[] = [];
  for (const r of a.results) {
    const e = byUnit.get(r.unit);
    if (!e) continue;
    const own: DeductionRow[] = [];
    for (const period of periodOrder) {
      const source = period === '' ? e : e.periods?.get(period);
      for (const [code, list] of source?.deductions ?? []) {
        const leaf = a.tree.byCode.get(code);
        if (leaf) for (const deduction of list) own.push({ unit: r.unit, period, leaf, deduction });
      }
    }
    rows.push(...own.sort((x, y) => leafOrder.get(x.leaf.code)! - leafOrder.get(y.leaf.code)!
      || periodOrder.indexOf(x.period) - periodOrder.indexOf(y.period) || rowNumber(x.deduction.source) - rowNumber(y.deduction.source)));
  }
  return rows;
}

function rowNumber(where: Where): number {
  return Number(/\d+$/.exec(where.cell ?? '')?.[0] ?? 0);
}

/** Where a deduction was entered, as a clerk looks it up: 「annual.xlsx 扣分明细!C5」 (the file's name, not the folder it sat in). */
export function sourceText(where: Where): string {
  return formatWhere(where.file === undefined ? where : { ...where, file: where.file.split(/[\\/]/).pop()! });
}

/** A number as entered: a plain number cell when the scheme's decimals hold it, else its exact short form as text. */
function pointsCell(value: Rational, decimals: number): CellModel {
  return value.fitsDecimals(decimals) ? { v: value.toNumber(), s: 'score' } : { v: show(value, decimals), s: 'score' };
}

/** 扣分明细: every deduction with its reason, evidence and the cell it came from (004: 扣分原因 fed back to the units). */
export function deductionsSheet(a: Assessment, rows: readonly DeductionRow[]): SheetModel {
  const d = a.scheme.rounding.decimals;
  const periods = rows.some((r) => r.period !== '');
  const head = ['类别', `${unitWord(a.scheme)}名称`, '指标编码', '指标名称', ...(periods ? ['期次'] : []), '扣分', '扣分原因', '依据', '来源'];
  const cells: (CellModel | null)[][] = [head.map((v) => ({ v, s: 'header' }))];
  const text = (v: string): CellModel => ({ v, s: 'body' });
  const wrap = (v: string): CellModel => ({ v, s: 'wrap' });
  for (const r of rows) {
    cells.push([text(r.unit.category), text(r.unit.name), text(r.leaf.code), text(nameOf(r.leaf)), ...(periods ? [text(r.period || '全年')] : []),
      pointsCell(r.deduction.points, d), wrap(r.deduction.reason), wrap(r.deduction.evidence ?? ''), wrap(sourceText(r.deduction.source))]);
  }
  if (rows.length === 0) cells.push([text('—'), text('—'), text('—'), text('没有扣分。'), ...head.slice(4).map(() => text(''))]);
  // Reasons, evidence and sources wrap in bounded columns so the sheet prints readably across A4.
  const widths = widthsFor(cells, 6, 40).map((w, i) => (i >= head.length - 3 ? Math.min(w, 30) : w));
  return { name: '扣分明细', rows: cells, merges: [], widths, headerRows: 1, title: `${a.scheme.name} 扣分明细`, keyColumns: 2, scoreFormat: d === 0 ? '0' : `0.${'0'.repeat(d)}` };
}

const MAX_ITEMS = 3;
const MAX_REASON = 12;

/**
 * The 排名 sheet's 说明 cites a unit's deductions briefly: 「扣分：D1 迟报 1 分」. A reason is cut to a
 * few words and a long list to its first items, so the column stays readable; 扣分明细 has the rest.
 */
export function deductionRemark(rows: readonly DeductionRow[], decimals: number): string | undefined {
  if (rows.length === 0) return undefined;
  const item = (r: DeductionRow): string => {
    const reason = [...r.deduction.reason];
    const brief = reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1).join('')}…` : r.deduction.reason;
    return `${r.leaf.code}${r.period ? `（${r.period}）` : ' '}${brief} ${show(r.deduction.points, decimals)} 分`;
  };
  if (rows.length <= MAX_ITEMS) return `扣分：${rows.map(item).join('；')}`;
  return `扣分：${rows.slice(0, MAX_ITEMS - 1).map(item).join('；')} 等 ${rows.length} 项，见「扣分明细」`;
}

/** Each unit's remark, for the 排名 sheet. */
export function deductionRemarks(rows: readonly DeductionRow[], decimals: number): Map<Unit, string> {
  const byUnit = new Map<Unit, DeductionRow[]>();
  for (const r of rows) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);
  return new Map([...byUnit].map(([unit, list]) => [unit, deductionRemark(list, decimals)!]));
}
