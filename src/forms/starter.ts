import { readTable } from '../input/table.js';
import { SHEETS, UNIT_HEADERS } from '../input/sheet-names.js';
import { roleOf } from '../input/find-sheets.js';
import { normalizeName } from '../input/cells.js';
import type { RawSheet } from '../core/raw-sheet.js';
import type { SheetModel } from '../report/sheet-model.js';
import { copiedSheet } from './layout.js';

/** The number of a sheet's header row (the row naming 单位名称), or of its first row. */
function headerRowOf(sheet: RawSheet): number {
  const table = readTable(sheet, [{ key: 'name', names: [...UNIT_HEADERS, '名称'], required: true }], []);
  return table?.headerRow.number ?? sheet.rows[0]?.number ?? 0;
}

/** A new year starts without the sample's: a title's year (「2009年」「2013年度」) is left to fill in, marked like the scheme's. */
const YEAR = /(19|20)\d{2}(?=\s*年)/g;

/** A sheet with the year in its title rows (those above the header) marked 【待填】; `dataToo`: keep the rows below. */
function newYear(sheet: RawSheet, dataToo: boolean): RawSheet {
  const header = headerRowOf(sheet);
  const rows = sheet.rows.filter((r) => dataToo || r.number <= header).map((r) => (r.number >= header ? r
    : { ...r, values: r.values.map((v) => (typeof v === 'string' ? v.replace(YEAR, '【待填】') : v)) }));
  return { ...sheet, rows };
}

/**
 * `score init`: from a sample's workbook, the indicator workbook (its 指标体系 as it is) and an
 * empty score workbook (the roster kept, under whichever of its names the sample gives it — 单位名单,
 * 考核对象 — and every entry sheet reduced to its title and header).
 * The 方案 goes out as the sample's commented YAML, not from here.
 */
export function starterBooks(sample: readonly RawSheet[]): { indicators: SheetModel[]; scores: SheetModel[] } {
  const indicators = sample.filter((s) => s.name === SHEETS.indicators[0]).map((s) => copiedSheet(s.name, s));
  const scores = sample.filter((s) => s.name !== SHEETS.scheme[0] && s.name !== SHEETS.indicators[0])
    .map((s) => copiedSheet(s.name, newYear(s, roleOf(normalizeName(s.name)) === 'roster')));
  return { indicators, scores };
}
