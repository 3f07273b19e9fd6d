import { readTable } from '../input/table.js';
import { SHEETS } from '../input/sheet-names.js';
import type { RawSheet } from '../io/raw-sheet.js';
import type { SheetModel } from '../report/sheet-model.js';
import { copiedSheet } from './layout.js';

/** A sheet's rows above its data: title rows and the header (the row naming 单位名称), or its first row. */
function headerOnly(sheet: RawSheet): RawSheet {
  const table = readTable(sheet, [{ key: 'name', names: ['单位名称', '单位', '考核对象', '名称'], required: true }], []);
  const last = table?.headerRow.number ?? sheet.rows[0]?.number ?? 0;
  return { ...sheet, rows: sheet.rows.filter((r) => r.number <= last) };
}

/**
 * `score init`: from a sample's workbook, the indicator workbook (its 指标体系 as it is) and an
 * empty score workbook (the roster kept, every entry sheet reduced to its title and header).
 * The 方案 goes out as the sample's commented YAML, not from here.
 */
export function starterBooks(sample: readonly RawSheet[]): { indicators: SheetModel[]; scores: SheetModel[] } {
  const indicators = sample.filter((s) => s.name === SHEETS.indicators[0]).map((s) => copiedSheet(s.name, s));
  const scores = sample.filter((s) => s.name !== SHEETS.scheme[0] && s.name !== SHEETS.indicators[0])
    .map((s) => copiedSheet(s.name, s.name === SHEETS.roster[0] ? s : headerOnly(s)));
  return { indicators, scores };
}
