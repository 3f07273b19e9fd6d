import { Memo } from '../core/memo.js';
import { decodeEscapes, excelDate, isoDate, parseDouble } from './cell-text.js';
import { FormatKind } from './number-formats.js';
import type { CellValue, InvalidValue } from '../core/raw-sheet.js';

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

/**
 * A stored text that breaks its type's rule (`<v>5O</v>` for a number): no office writes these. It
 * stays in the cell as what it is, for the cell's reader to refuse with its address (a score
 * column: E_NOT_A_NUMBER), rather than being read as something else or failing the whole file.
 */
function invalid(text: string, as: InvalidValue['as']): InvalidValue {
  return { invalid: text, as };
}

/**
 * The plain value of a cell: a formula's cached result (or the formula itself when the file
 * carries none), texts with their _xHHHH_ escapes decoded, numbers in date formats as dates.
 */
export function cellValue(c: StoredCell, ctx: ValueContext): CellValue {
  const v = c.v === undefined || c.v.trim() === '' ? undefined : c.v;
  if (c.formula !== undefined && v === undefined && c.type !== 'str' && c.type !== 'inlineStr') return { formula: c.formula };
  switch (c.type) {
    case 'inlineStr':
      return c.inline !== undefined ? decodeEscapes(c.inline) : c.v === undefined ? null : decodeEscapes(c.v);
    case 'str':
      if (c.v === undefined) return c.formula !== undefined ? { formula: c.formula } : null;
      return decodeEscapes(c.v);
    case 's':
      return v === undefined ? null : sharedString(v, ctx);
    case 'b':
      if (v === undefined) return null;
      if (/^\s*(1|true)\s*$/.test(v)) return true;
      if (/^\s*(0|false)\s*$/.test(v)) return false;
      return invalid(v, 'boolean');
    case 'e':
      return v === undefined ? null : { error: v.trim() };
    case 'd':
      return v === undefined ? null : (isoDate(v) ?? invalid(v, 'date'));
    case 'n':
    case '':
      return v === undefined ? null : numberValue(v, c.format, ctx);
    default:
      return v === undefined ? null : invalid(v, 'type');
  }
}

function sharedString(v: string, ctx: ValueContext): string | InvalidValue {
  const index = /^\s*\d+\s*$/.test(v) ? Number(v) : -1;
  return ctx.strings[index] ?? invalid(v, 'shared');
}

/**
 * Numbers read by their text, each text parsed once: a province's sheet stores a few hundred
 * distinct scores millions of times, and a lookup by the text is a fifth of parsing it again. The
 * same text gives the very same number, so a sheet's rows hold one stored copy of each (a decimal
 * takes 16 bytes of its own wherever it is held: at 100,000 rows × 40 columns, 115 → 52 MB).
 * Keyed by the text, -0 stays -0. Bounded (Memo); a text that is no number is looked at each time.
 */
const DOUBLES = new Memo(parseDouble);

function numberValue(v: string, format: FormatKind, ctx: ValueContext): number | Date | InvalidValue {
  const n = DOUBLES.of(v);
  if (n === undefined) return invalid(v, 'number');
  return format === FormatKind.date ? excelDate(n, ctx.date1904) : n;
}
