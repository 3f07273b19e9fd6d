import { displayWidth } from '../core/text.js';
import type { CellModel, SheetModel } from './sheet-model.js';

/**
 * How a sheet goes onto A4: which way round, and whether it is shrunk to the page's width or
 * printed at a readable scale over several pages (the first columns repeated on each).
 * Pure arithmetic on the column widths, so tests can check it without a printer.
 */
export interface PrintPlan {
  landscape: boolean;
  /** Shrunk to one page wide (and as many pages down as it takes). */
  fitToWidth: boolean;
  /** Percent, when not fitted: the largest scale that still splits the columns over pages. */
  scale: number;
  /** The type size a reader sees, in points (11-point type times the shrink). */
  typeSize: number;
}

/** Type smaller than this is not read in an office; a sheet that would need it is split instead. */
export const MIN_TYPE = 9;
const BASE_TYPE = 11;
/** Printable width of A4 in millimetres with the writer's margins (0.6 inch each side). */
const PORTRAIT_MM = 210 - 2 * 15.24;
const LANDSCAPE_MM = 297 - 2 * 15.24;

/** Excel's column width (characters of the default font) in millimetres: 7 pixels a character and 5 of padding, at 96 dpi. */
export function columnMm(width: number): number {
  return ((width * 7 + 5) * 25.4) / 96;
}

export function sheetMm(widths: readonly number[]): number {
  return widths.reduce((a, w) => a + columnMm(w), 0);
}

/** Portrait if it fits readably, else landscape; fitted if readable there, else split at a readable scale. */
export function printPlan(widths: readonly number[]): PrintPlan {
  const across = Math.max(1, sheetMm(widths));
  const shrink = (page: number): number => Math.min(1, page / across);
  for (const [landscape, page] of [[false, PORTRAIT_MM], [true, LANDSCAPE_MM]] as const) {
    const typeSize = BASE_TYPE * shrink(page);
    if (typeSize >= MIN_TYPE) return { landscape, fitToWidth: true, scale: 100, typeSize: round1(typeSize) };
  }
  // Too wide for one page at a readable size: 90 % keeps 10-point type and more columns a page.
  return { landscape: true, fitToWidth: false, scale: 90, typeSize: round1(BASE_TYPE * 0.9) };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Styles whose text wraps inside the cell, so a long text makes the row taller rather than wider. */
const WRAPS = new Set<CellModel['s']>(['title', 'header', 'note', 'wrap']);

/**
 * Row heights that show every wrapped line: for each row not given a height, the most lines any
 * wrapping cell needs in its (merged) width. Rows without wrapped text keep the default height.
 */
export function fittedHeights(model: SheetModel): (number | undefined)[] {
  const span = new Map(model.merges.map((m) => [`${m.top}:${m.left}`, m.right - m.left + 1]));
  return model.rows.map((row, r) => {
    const given = model.heights?.[r];
    if (given !== undefined) return given;
    let lines = 1;
    row.forEach((cell, c) => {
      if (!cell || !WRAPS.has(cell.s) || cell.v === null || cell.v === '') return;
      const cols = span.get(`${r + 1}:${c + 1}`) ?? 1;
      const width = model.widths.slice(c, c + cols).reduce((a, w) => a + w, 0) - 1;
      // Bold and large type take more room than displayWidth counts.
      const scale = cell.s === 'title' ? 1.5 : cell.s === 'header' ? 1.15 : 1;
      const needed = String(cell.v).split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((displayWidth(line) * scale) / Math.max(1, width))), 0);
      lines = Math.max(lines, needed);
    });
    return lines > 1 ? 15 * lines + 4 : undefined;
  });
}
