import { decodeEscapes, excelDate, isoDate, parseDouble } from './cell-text.js';
import { FormatKind } from './number-formats.js';
import { cellRef, type CellValue } from './raw-sheet.js';
import { XlsxProblem, type Expected } from './xlsx-problem.js';

/** One cell as the worksheet stores it, gathered between <c> and </c>. */
export interface StoredCell {
  /** The cell's `t`: s, str, inlineStr, b, e, d, or n (also when absent). */
  type: string;
  /** The text of <v>, if there is one. */
  v: string | undefined;
  /** The text of <is> (inline string), if there is one. */
  inline: string | undefined;
  /** The formula's text (shared formulas already spelt out), if the cell has <f>. */
  formula: string | undefined;
  format: FormatKind;
}

export interface ValueContext {
  strings: readonly string[];
  date1904: boolean;
  /** Where, for the message when a stored text is not what its type says. */
  sheet: string;
  part: string;
}

/** Where a cell is: its reference is spelt out only for a message, not for each of millions of cells. */
export interface CellAt {
  row: number;
  column: number;
}

function refuse(ctx: ValueContext, at: CellAt, found: string, expected: Expected): never {
  throw new XlsxProblem('bad-value', { part: ctx.part, sheet: ctx.sheet, cell: cellRef(at.row, at.column), found, expected });
}

/**
 * The plain value of a cell: a formula's cached result (or the formula itself when the file
 * carries none), texts with their _xHHHH_ escapes decoded, numbers in date formats as dates.
 */
export function cellValue(c: StoredCell, ctx: ValueContext, cell: CellAt): CellValue {
  const v = c.v === undefined || c.v.trim() === '' ? undefined : c.v;
  if (c.formula !== undefined && v === undefined && c.type !== 'str' && c.type !== 'inlineStr') return { formula: c.formula };
  switch (c.type) {
    case 'inlineStr':
      return c.inline !== undefined ? decodeEscapes(c.inline) : c.v === undefined ? null : decodeEscapes(c.v);
    case 'str':
      if (c.v === undefined) return c.formula !== undefined ? { formula: c.formula } : null;
      return decodeEscapes(c.v);
    case 's':
      return v === undefined ? null : sharedString(v, ctx, cell);
    case 'b':
      if (v === undefined) return null;
      if (/^\s*(1|true)\s*$/.test(v)) return true;
      if (/^\s*(0|false)\s*$/.test(v)) return false;
      return refuse(ctx, cell, v, 'boolean');
    case 'e':
      return v === undefined ? null : { error: v.trim() };
    case 'd':
      return v === undefined ? null : (isoDate(v) ?? refuse(ctx, cell, v, 'date'));
    default:
      return v === undefined ? null : numberValue(v, c.format, ctx, cell);
  }
}

function sharedString(v: string, ctx: ValueContext, cell: CellAt): string {
  const index = /^\s*\d+\s*$/.test(v) ? Number(v) : -1;
  const text = ctx.strings[index];
  return text ?? refuse(ctx, cell, v, 'shared-string');
}

function numberValue(v: string, format: FormatKind, ctx: ValueContext, cell: CellAt): number | Date {
  const n = parseDouble(v) ?? refuse(ctx, cell, v, 'number');
  return format === FormatKind.date ? excelDate(n, ctx.date1904) : n;
}
