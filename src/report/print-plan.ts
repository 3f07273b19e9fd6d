import { displayWidth } from '../core/text.js';
import { allRows, rowCount, type CellModel, type SheetModel } from './sheet-model.js';

/**
 * How a sheet goes onto A4: which way round, and whether it is shrunk to the page's width or
 * printed at a readable scale over several pages (the first columns repeated on each).
 * Pure arithmetic on the column widths and row heights, so tests can check it without a printer.
 */
export interface PrintPlan {
  landscape: boolean;
  /** Shrunk to one page wide (and to `fitToHeight` pages down, or as many as it takes when 0). */
  fitToWidth: boolean;
  /** Pages down when fitted: set when shrinking a little more (type still readable) saves a page, else 0. */
  fitToHeight: number;
  /** Percent, when not fitted: the readable scale that prints the sheet on the fewest pages. */
  scale: number;
  /** The type size a reader sees, in points (11-point type times the shrink). */
  typeSize: number;
  /** Pages the sheet should take, across and down (an estimate: a printer's fonts differ a little). */
  pages: { across: number; down: number };
}

/** Type smaller than this is not read in an office; a sheet that would need it is split instead. */
export const MIN_TYPE = 9;
const BASE_TYPE = 11;
/** Margins in inches, as the page setup writes them: the page header and footer sit inside top and bottom. */
export const MARGINS = { left: 0.6, right: 0.6, top: 0.9, bottom: 0.8, header: 0.3, footer: 0.3 };
const INCH = 25.4;
/** Printable width and height of A4, in millimetres, with those margins. */
const PORTRAIT = { width: 210 - (MARGINS.left + MARGINS.right) * INCH, height: 297 - (MARGINS.top + MARGINS.bottom) * INCH };
const LANDSCAPE = { width: 297 - (MARGINS.left + MARGINS.right) * INCH, height: 210 - (MARGINS.top + MARGINS.bottom) * INCH };
/** A row of 11-point type that does not wrap, in points (Excel's and WPS's default for 11-point 宋体). */
export const ROW_HEIGHT = 14.25;
const POINT_MM = INCH / 72;

/** Excel's column width (characters of the default font) in millimetres: 7 pixels a character and 5 of padding, at 96 dpi. */
export function columnMm(width: number): number {
  return ((width * 7 + 5) * INCH) / 96;
}

export function sheetMm(widths: readonly number[]): number {
  return widths.reduce((a, w) => a + columnMm(w), 0);
}

/** What printPlan needs of a sheet: its columns, the height of its printed rows, and of the rows repeated on each page (points). */
export interface PrintExtent {
  widths: readonly number[];
  /** Height in points of every printed row; 0 when unknown (then only the width decides). */
  height?: number;
  /** Height in points of the rows printed again at the top of every page. */
  repeated?: number;
  /** Wanted on one page (a form's 说明): shrunk to it as far as the type stays readable. */
  onePage?: boolean;
}

/** Pages down for `height` points of rows at `shrink`, the repeated rows printed on every one. */
function pagesDown(e: PrintExtent, pageMm: number, shrink: number): number {
  const room = pageMm / POINT_MM / shrink - (e.repeated ?? 0);
  const body = (e.height ?? 0) - (e.repeated ?? 0);
  return body <= 0 ? 1 : Math.max(1, Math.ceil(body / Math.max(room, 1)));
}

/**
 * Fitted to the page's width where the type stays readable (and a little further down to spare a
 * page, never below 9-point type): upright or on its side, whichever takes fewer pages, then
 * whichever shows larger type (by a point or more), else upright. Too wide for either: on its
 * side at the readable scale that takes the fewest pages.
 */
export function printPlan(extent: PrintExtent | readonly number[]): PrintPlan {
  const e: PrintExtent = Array.isArray(extent) ? { widths: extent as readonly number[] } : (extent as PrintExtent);
  const across = Math.max(1, sheetMm(e.widths));
  const fitted = ([[false, PORTRAIT], [true, LANDSCAPE]] as const).map(([landscape, page]) => fittedPlan(e, across, landscape, page))
    .filter((p): p is PrintPlan => p !== undefined);
  const [upright, side] = fitted.length === 2 ? fitted : [fitted[0], undefined];
  if (upright && side) {
    const fewer = side.pages.down - upright.pages.down;
    return fewer < 0 || (fewer === 0 && side.typeSize - upright.typeSize >= 1) ? side : upright;
  }
  if (upright) return upright;
  // Too wide for one page at a readable size: on its side, at the scale between 9- and 10-point
  // type that needs the fewest pages (the larger scale on a tie).
  let best: { scale: number; across: number; down: number } | undefined;
  for (let scale = 90; scale >= Math.ceil((MIN_TYPE / BASE_TYPE) * 100); scale--) {
    const a = Math.ceil((across * scale) / 100 / LANDSCAPE.width);
    const d = pagesDown(e, LANDSCAPE.height, scale / 100);
    if (!best || a * d < best.across * best.down) best = { scale, across: a, down: d };
  }
  return { landscape: true, fitToWidth: false, fitToHeight: 0, scale: best!.scale, typeSize: round1((BASE_TYPE * best!.scale) / 100), pages: { across: best!.across, down: best!.down } };
}

/** One page wide the given way round, if the type stays readable; a page fewer down where shrinking a little more allows. */
function fittedPlan(e: PrintExtent, across: number, landscape: boolean, page: { width: number; height: number }): PrintPlan | undefined {
  const byWidth = Math.min(1, page.width / across);
  if (BASE_TYPE * byWidth < MIN_TYPE) return undefined;
  const natural = pagesDown(e, page.height, byWidth);
  const target = e.onePage ? 1 : natural - 1;
  const spared = Math.min(byWidth, fitShrink(e, page.height, target));
  const spare = natural > 1 && BASE_TYPE * spared >= MIN_TYPE;
  const shrink = spare ? spared : byWidth;
  return { landscape, fitToWidth: true, fitToHeight: spare ? target : e.onePage && natural === 1 ? 1 : 0, scale: 100, typeSize: round1(BASE_TYPE * shrink), pages: { across: 1, down: spare ? target : natural } };
}

/** The shrink that puts the rows on `n` pages down. */
function fitShrink(e: PrintExtent, pageMm: number, n: number): number {
  const pagePt = pageMm / POINT_MM;
  const body = (e.height ?? 0) - (e.repeated ?? 0);
  // n pages hold n copies of the repeated rows and the body: n·page/shrink ≥ n·repeated + body.
  return Math.min(1, (n * pagePt) / (n * (e.repeated ?? 0) + Math.max(body, 0)));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Styles whose text wraps inside the cell, so a long text makes the row taller rather than wider. */
const WRAPS = new Set<CellModel['s']>(['title', 'header', 'note', 'wrap']);

/** Height of a line of each style's type, in points: 16-point titles, 12-point sections and closing lines, else 11-point. */
function lineHeight(style: CellModel['s']): number {
  return style === 'title' ? 21 : style === 'section' || style === 'sign' ? 16 : ROW_HEIGHT;
}

/**
 * Every row's height, in points, written into the file: the most lines any wrapping cell needs in
 * its (merged) width, or a line of its largest type. Set rather than left to the program that
 * prints, so Excel, WPS and LibreOffice (whose default rows are lower) break pages where the plan counts them.
 * Gives the height of a row by its 0-based index among all the sheet's rows (`rows`, body, `after`).
 */
export function rowHeights(model: SheetModel): (row: readonly (CellModel | null)[], index: number) => number {
  const span = new Map(model.merges.map((m) => [`${m.top}:${m.left}`, m.right - m.left + 1]));
  const first = model.rows.length;
  const last = first + (model.body?.count ?? 0);
  return (row, r) => {
    const given = model.heights?.[r];
    if (given !== undefined) return given;
    if (r >= first && r < last && model.body?.height !== undefined) return model.body.height;
    let lines = 1;
    let line = ROW_HEIGHT;
    row.forEach((cell, c) => {
      if (!cell) return;
      line = Math.max(line, lineHeight(cell.s));
      if (!WRAPS.has(cell.s) || cell.v === null || cell.v === '') return;
      const cols = span.get(`${r + 1}:${c + 1}`) ?? 1;
      // A character of padding, and one more of indent for bordered text (see the writer's styles).
      const width = model.widths.slice(c, c + cols).reduce((a, w) => a + w, 0) - (cell.s === 'wrap' ? 2 : 1);
      // Bold and large type take more room than displayWidth counts.
      const scale = cell.s === 'title' ? 1.5 : cell.s === 'header' ? 1.15 : 1;
      const needed = String(cell.v).split('\n').reduce((n, text) => n + Math.max(1, Math.ceil((displayWidth(text) * scale) / Math.max(1, width))), 0);
      lines = Math.max(lines, needed);
    });
    // Wrapped lines of 11-point type a little apart, and room above and below them.
    return lines > 1 ? Math.max(line, 15) * lines + 4 : line;
  };
}

/** The heights of every row of the sheet, in order (a streamed body is walked once for them). */
export function fittedHeights(model: SheetModel): number[] {
  const height = rowHeights(model);
  // Each row measured as it comes: a body's rows may be one array filled again.
  const heights: number[] = [];
  for (const row of allRows(model)) heights.push(height(row, heights.length));
  return heights;
}

/** The page setup a sheet is written with, in the terms of Excel's (and exceljs's) page setup. */
export interface PageSetup {
  paperSize: 9;
  orientation: 'portrait' | 'landscape';
  fitToPage: boolean;
  fitToWidth: number;
  fitToHeight: number;
  scale: number;
  printArea?: string;
  horizontalCentered: boolean;
  margins: typeof MARGINS;
  printTitlesRow?: string;
  printTitlesColumn?: string;
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The rows printed at the top of every page (1-based, first and last): the title rows, or the frozen header. */
function titleRows(model: SheetModel): [number, number] | undefined {
  const frozen = model.headerRows ?? 0;
  return model.printTitleRows ?? (frozen > 0 ? [1, frozen] : undefined);
}

/** The sheet's extent on paper: its widths, and the heights of its printed rows and of those repeated on each page. */
export function sheetExtent(model: SheetModel): PrintExtent {
  const heightOf = rowHeights(model);
  const printed = model.printRows ?? rowCount(model);
  const titles = titleRows(model);
  let height = 0;
  let repeated = 0;
  let r = 0;
  // A body of rows all one height is counted, not walked.
  const fixed = model.body?.height;
  const walked = fixed === undefined ? allRows(model) : [...model.rows, ...(model.after ?? [])];
  for (const row of walked) {
    if (fixed !== undefined && r === model.rows.length) r += model.body!.count;
    const h = heightOf(row, r);
    if (r < printed) height += h;
    if (titles && r >= titles[0] - 1 && r < titles[1]) repeated += h;
    r++;
  }
  if (fixed !== undefined) height += fixed * Math.max(0, Math.min(model.body!.count, printed - model.rows.length));
  return {
    widths: model.widths,
    height,
    repeated,
    ...(model.onePage ? { onePage: true } : {}),
  };
}

/** A4, the way round and scale printPlan chooses; header rows (and, when split, the key columns) on every page. */
export function pageSetup(model: SheetModel): PageSetup {
  const plan = printPlan(sheetExtent(model));
  const titles = titleRows(model);
  const keys = model.keyColumns ?? model.frozenColumns ?? 0;
  const fitted = plan.fitToWidth;
  return {
    paperSize: 9, // A4
    orientation: plan.landscape ? 'landscape' : 'portrait',
    fitToPage: fitted,
    fitToWidth: 1,
    fitToHeight: plan.fitToHeight,
    scale: plan.scale,
    ...(model.printRows ? { printArea: `A$1:${columnLetter(Math.max(1, model.widths.length))}$${model.printRows}` } : {}),
    horizontalCentered: true,
    margins: MARGINS,
    ...(titles ? { printTitlesRow: titles.join(':') } : {}),
    ...(!fitted && keys > 0 ? { printTitlesColumn: `A:${columnLetter(keys)}` } : {}),
  };
}

/**
 * How many of the first columns surely print on the first page across: all of them when fitted to
 * the width; else those that fit with a tenth to spare, for a printer whose default font runs wider.
 */
export function firstPageColumns(widths: readonly number[], plan: PrintPlan): number {
  if (plan.fitToWidth) return widths.length;
  const page = (plan.landscape ? LANDSCAPE.width : PORTRAIT.width) * 0.9;
  let used = 0;
  let n = 0;
  while (n < widths.length && used + (columnMm(widths[n]!) * plan.scale) / 100 <= page) used += (columnMm(widths[n++]!) * plan.scale) / 100;
  return Math.max(1, n);
}
