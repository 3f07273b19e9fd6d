import { columnLetter } from '../core/raw-sheet.js';

/**
 * The texts a worksheet stores, read as the standard defines them: numbers (xsd:double), cell
 * references, Excel's `_xHHHH_` escapes, serial dates, and shared formulas.
 */

/** xsd:double's finite forms; INF, NaN, hex and thousands separators are not numbers a cell stores. */
const DOUBLE = /^[ \t\r\n]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\r\n]*$/;

/** Only digits, a point and an exponent: what Number() also reads (hex, 0b, Infinity) is turned away first. */
function plainDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45)) return false;
  }
  return text.length > 0;
}

/** A stored number, or undefined when the text is not one (`5O`, `0x32`, `INF`, `1e999`). */
export function parseDouble(text: string): number | undefined {
  // Millions of cells: the common case (digits only) skips the regular expression.
  if (!plainDigits(text) && !DOUBLE.test(text)) return undefined;
  const n = Number(text);
  // Among such texts Number() reads exactly the xsd:double forms; 1e999 is Infinity, not a cell's number.
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Excel writes characters XML cannot carry (carriage returns, control characters) as _xHHHH_, and
 * a literal "_x" as _x005F_x. A line break typed in a cell is saved as `_x000D_\n`: it reads as
 * one line break, not a carriage return shown as a control character.
 */
export function decodeEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\r\n/g, '\n');
}

export interface CellPosition {
  /** 0-based column. */
  column: number;
  /** 1-based row, when the reference has one. */
  row: number | undefined;
}

/** `C12`, `c12`, `$C$12` or a bare `C` (some writers): letters, then digits, any case. Read by hand: one per cell. */
export function parseCellRef(ref: string): CellPosition | undefined {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  let column = 0;
  const start = i;
  for (let c = ref.charCodeAt(i) | 32; c >= 97 && c <= 122 && i - start < 7; c = ref.charCodeAt(++i) | 32) column = column * 26 + (c - 96);
  if (i === start) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  for (let c = ref.charCodeAt(i); c >= 48 && c <= 57; c = ref.charCodeAt(++i)) row = row * 10 + (c - 48);
  if (i !== ref.length || (i === digits && ref.charCodeAt(digits - 1) === 36) || (i > digits && row === 0)) return undefined;
  return { column: column - 1, row: i === digits ? undefined : row };
}

/** A row's `r`: a positive whole number. */
export function parseRowNumber(text: string): number | undefined {
  const t = text.trim();
  return /^\d+$/.test(t) && Number(t) > 0 ? Number(t) : undefined;
}

/** A range `A1:C3` (or one cell) as its corners. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(':');
  const from = parseCellRef(a ?? '');
  const to = parseCellRef(b ?? '');
  if (!from || !to || from.row === undefined || to.row === undefined) return undefined;
  return { top: Math.min(from.row, to.row), bottom: Math.max(from.row, to.row), left: Math.min(from.column, to.column), right: Math.max(from.column, to.column) };
}

/** Excel's last date, 9999-12-31, as a serial: beyond it (and below 0) a date-formatted cell shows ####. */
const LAST_SERIAL = 2958465;

/**
 * A serial date as Excel counts it (days since 1899-12-30, or 1904-01-01), to the millisecond as
 * exceljs did; a number no date can be stays a number, so that it is checked as one.
 */
export function excelDate(serial: number, date1904: boolean): Date | number {
  if (!(serial >= 0 && serial <= LAST_SERIAL)) return serial;
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** Strict OOXML stores dates as ISO 8601 text (t="d"); without a zone it is the date as shown, taken as UTC like serial dates. */
export function isoDate(text: string): Date | undefined {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.test(t)) return undefined;
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(t) ? t : t.length === 10 ? `${t}T00:00:00Z` : `${t}Z`;
  const d = new Date(zoned);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * A shared formula's text as a cell below or beside its master reads it: relative references
 * move by the offset, $-anchored parts and texts in quotes stay (only shown in messages).
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formula.split(/("[^"]*"|'[^']*')/).map((piece, i) => (i % 2 === 1 ? piece : piece.replace(
    /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g,
    (whole, colAnchor: string, letters: string, rowAnchor: string, digits: string) => {
      const at = parseCellRef(`${letters}${digits}`)!;
      const column = colAnchor ? at.column : at.column + columns;
      const row = rowAnchor ? at.row! : at.row! + rows;
      if (column < 0 || row < 1) return whole;
      return `${colAnchor}${columnLetter(column)}${rowAnchor}${row}`;
    },
  ))).join('');
}
