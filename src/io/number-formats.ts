import { isPercentFormat } from '../core/raw-sheet.js';

/** What a cell's number format makes of its number, as far as scoring cares. */
export const FormatKind = {
  plain: 0,
  /** Shown as a percentage: a typed 92% is stored as 0.92 (see RawSheet.percent). */
  percent: 1,
  /** Shown as a date or time: the number is a serial date and is read as a Date. */
  date: 2,
} as const;
export type FormatKind = (typeof FormatKind)[keyof typeof FormatKind];

/**
 * Built-in formats a file names by id alone (ECMA-376 18.8.30). Excel in a Chinese locale writes
 * its dates as ids 27–36 and 50–58 with no code in the file; exceljs knew only the English ones,
 * so 2009年5月4日 came back as the number 39937.
 */
const BUILTIN_PERCENT = new Set([9, 10]);
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * A format that shows a date or time: a y, m, d, h or s outside quotes, escapes, fill and padding
 * characters and [colour]/[$-804] brackets ([h] and [mm] elapsed times count). "General" is not.
 */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"|\\.|[_*]./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/general/gi, '');
  return /[ymdhs]/i.test(bare);
}

/** The kind of a format given by id and, for custom formats, by its code in styles.xml. */
export function formatKind(id: number, code: string | undefined): FormatKind {
  if (code !== undefined) {
    if (isDateFormat(code)) return FormatKind.date;
    return isPercentFormat(code) ? FormatKind.percent : FormatKind.plain;
  }
  if (BUILTIN_DATE.has(id)) return FormatKind.date;
  return BUILTIN_PERCENT.has(id) ? FormatKind.percent : FormatKind.plain;
}
