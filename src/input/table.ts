import { error, warning, type Diagnostic, type Where } from '../core/diagnostic.js';
import { cellRef, type CellValue, type RawRow, type RawSheet } from '../core/raw-sheet.js';
import { cellText, isBlank, normalizeLabel } from './cells.js';

/** A column we look for, by the header texts clerks use for it. */
export interface ColumnSpec<K extends string> {
  key: K;
  names: string[];
  required: boolean;
}

export interface Table<K extends string> {
  sheet: RawSheet;
  headerRow: RawRow;
  columns: Map<K, number>;
  /** Header cells that matched no spec: column index → header text. */
  others: Map<number, string>;
  /** Rows below the header that hold anything. */
  rows: RawRow[];
}

/** The header row is the first of the first ten rows that names every required column; title rows above it are skipped. */
export function readTable<K extends string>(sheet: RawSheet, specs: ColumnSpec<K>[], diagnostics: Diagnostic[]): Table<K> | undefined {
  const required = specs.filter((s) => s.required);
  for (const row of sheet.rows.slice(0, 10)) {
    const columns = matchColumns(row.values, specs);
    if (required.every((s) => columns.has(s.key))) {
      const others = new Map<number, string>();
      row.values.forEach((v, i) => {
        const text = cellText(v).trim();
        if (text !== '' && ![...columns.values()].includes(i)) others.set(i, text);
      });
      const rows = sheet.rows.filter((r) => r.number > row.number);
      return { sheet, headerRow: row, columns, others, rows };
    }
  }
  const names = required.map((s) => `「${s.names[0]}」`).join('、');
  diagnostics.push(error('E_HEADER_NOT_FOUND', { file: sheet.file, sheet: sheet.name },
    `工作表「${sheet.name}」的前 10 行中找不到表头：需要列 ${names}。`,
    `表头一行应包含 ${names}；表头上方可以有标题行。`));
  return undefined;
}

function matchColumns<K extends string>(values: CellValue[], specs: ColumnSpec<K>[]): Map<K, number> {
  const columns = new Map<K, number>();
  values.forEach((v, i) => {
    const text = normalizeLabel(cellText(v));
    const spec = specs.find((s) => !columns.has(s.key) && s.names.includes(text));
    if (spec) columns.set(spec.key, i);
  });
  return columns;
}

export function at(table: Table<string>, row: RawRow, column: number): Where {
  return { file: table.sheet.file, sheet: table.sheet.name, cell: cellRef(row.number, column) };
}

export function value<K extends string>(table: Table<K>, row: RawRow, key: K): CellValue | undefined {
  const i = table.columns.get(key);
  return i === undefined ? undefined : row.values[i];
}

export function text<K extends string>(table: Table<K>, row: RawRow, key: K): string {
  return cellText(value(table, row, key)).trim();
}

export function whereOf<K extends string>(table: Table<K>, row: RawRow, key: K): Where {
  return at(table as Table<string>, row, table.columns.get(key) ?? 0);
}

/** A row with nothing in any cell: the only row a list sheet may pass over without a word. */
export function isBlankRow(row: RawRow): boolean {
  return row.values.every((v) => isBlank(v));
}

/** Columns a clerk keeps for their own use (row numbers, remarks, where a merged row came from): read by nobody, and known to be. */
export const NOTE_COLUMNS = ['序号', '编号', '备注', '填报文件'];

/** Header cells of a list sheet that no column spec matched: said once per sheet, never silently unread. */
export function reportUnusedColumns<K extends string>(table: Table<K>, specs: readonly ColumnSpec<K>[], diagnostics: Diagnostic[]): void {
  const unused = [...table.others].filter(([, header]) => !NOTE_COLUMNS.includes(normalizeLabel(header)));
  if (unused.length === 0) return;
  diagnostics.push(warning('W_UNKNOWN_COLUMN', at(table as Table<string>, table.headerRow, unused[0]![0]),
    `「${table.sheet.name}」表中的列${unused.map(([, h]) => `「${h}」`).join('、')}不是该表使用的列，其内容未读取。`,
    `该表读取的列：${specs.map((s) => s.names[0]).join('、')}；说明性文字可放在「备注」列。`));
}

/** Names in one cell, split on the separators clerks use: 、，,；; and line breaks. */
export function splitList(textValue: string): string[] {
  return textValue.split(/[、，,；;\n\r]+/).map((s) => s.trim()).filter((s) => s !== '');
}
