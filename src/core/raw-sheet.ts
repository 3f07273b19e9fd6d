import type { Diagnostic } from './diagnostic.js';

/**
 * What a sheet holds once read, before any meaning is given to it: rows of plain values.
 * Kept deliberately small (no per-cell objects) so that a province-sized sheet fits in memory.
 * The reader (src/io) makes it; input and forms give it meaning without depending on how it was read.
 */
export type CellValue =
  | null
  | string
  | number
  | boolean
  | Date
  | { error: string }
  /** A formula whose result the file does not carry (never opened in Excel/WPS). */
  | { formula: string }
  /**
   * What a cell stores against the rule of its type: a number `<v>5O</v>`, a boolean `<v>2</v>`,
   * a shared string that does not exist. No office writes these; kept with their text so that
   * the cell is refused where it is read, with its address, not misread.
   */
  | InvalidValue;

export interface InvalidValue {
  invalid: string;
  as: 'number' | 'boolean' | 'shared' | 'date' | 'type';
}

export interface RawRow {
  /** 1-based row number as Excel shows it. */
  number: number;
  /** values[0] is column A. */
  values: CellValue[];
}

export interface RawSheet {
  file: string;
  name: string;
  rows: RawRow[];
  /**
   * Cells (A1 references) holding a number in a percentage format: Excel stores a typed 92% as
   * 0.92. Only those cells are listed, and the set is absent when there are none, so that an
   * ordinary sheet costs nothing more.
   */
  percent?: ReadonlySet<string>;
  /** What reading found in the cells themselves (control characters made visible), to report with the rest. */
  problems?: Diagnostic[];
}

/**
 * A number format that shows its number as a percentage (0%, 0.00%, #,##0.0%): Excel multiplies
 * by 100 for every % outside quotes, escapes and [colour] or [condition] brackets.
 */
export function isPercentFormat(format: string): boolean {
  if (!format.includes('%')) return false;
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').includes('%');
}

export function isInvalidValue(v: CellValue): v is InvalidValue {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'invalid' in v;
}

export function isErrorValue(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

export function isFormulaWithoutResult(v: CellValue): v is { formula: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v;
}

/** Column index (0-based) to letters: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellRef(row: number, columnIndex: number): string {
  return `${columnLetter(columnIndex)}${row}`;
}
