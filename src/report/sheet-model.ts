import { displayWidth } from '../core/text.js';

/**
 * A workbook as plain data: what the writer in src/io turns into .xlsx, and what golden tests
 * read back and compare. Styles are named, not described, so the report stays free of exceljs.
 */
export type CellStyle = 'title' | 'section' | 'header' | 'body' | 'score' | 'note' | 'entry';

export interface CellModel {
  v: string | number | null;
  s?: CellStyle;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetModel {
  name: string;
  rows: (CellModel | null)[][];
  merges: Merge[];
  /** Column widths in Excel's units (about one Latin character; a Chinese character takes two). */
  widths: number[];
  /** Rows kept in view (and repeated on every printed page). */
  headerRows?: number;
  landscape?: boolean;
  /** Number format of score cells, e.g. 0.00. */
  scoreFormat?: string;
  /** Row heights in points, by row index (0-based); unset rows keep Excel's default. */
  heights?: (number | undefined)[];
}

export { displayWidth };

export function widthsFor(rows: (CellModel | null)[][], min = 6, max = 60): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (!cell || cell.v === null || cell.s === 'title' || cell.s === 'note' || cell.s === 'section') return;
      widths[i] = Math.max(widths[i] ?? min, Math.min(max, displayWidth(String(cell.v)) + 2));
    });
  }
  return Array.from(widths, (w) => w ?? min);
}
