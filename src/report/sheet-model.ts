import { displayWidth } from '../core/text.js';
import { Memo } from '../core/memo.js';

/**
 * A workbook as plain data: what the writer in src/io turns into .xlsx, and what golden tests
 * read back and compare. Styles are named, not described, so the report stays free of exceljs.
 */
export type CellStyle = 'title' | 'section' | 'header' | 'body' | 'score' | 'note' | 'entry'
  /** A cell to fill in: unlocked when the sheet is protected, lightly shaded. */
  | 'input'
  /** A cell that does not apply (an indicator another category is scored on): grey, locked. */
  | 'na'
  /** Bordered text that wraps within its column (reasons on a 反馈单). */
  | 'wrap'
  /** A closing line aligned right: the issuing office and the date. */
  | 'sign'
  /** Bordered and centred: a rank or a band beside a number, so the two never read as one (「1新安镇」). */
  | 'center';

/** One row of cells; null where a cell is empty. */
export type Row = (CellModel | null)[];

export interface CellModel {
  v: string | number | null;
  s?: CellStyle;
}

/**
 * Rows never held as a whole: made again each time they are walked (for the column widths, for
 * the page plan, and by the writer), from what the sheet is about. Plain rows: no merges; their
 * texts stored in the cells themselves (a unit's name is not worth a shared string).
 */
export interface StreamedRows {
  /** How many rows `rows()` makes. */
  count: number;
  /** The rows in order. Each may be the same array (and cells) filled again: use a row before taking the next, never keep it. */
  rows: () => Iterable<Row>;
  /** The height of every row (points) where none wraps; else each row is fitted as it is written. */
  height?: number;
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
  /** Printed at the top of every page (the page header): the assessment and what the sheet is. */
  title?: string;
  /** Rows printed (from the top): an entry form's ruled blank rows hold no value, and LibreOffice prints none of them without a print area. */
  printRows?: number;
  /** Shrunk to one printed page (a form's 说明), as far as the type stays readable (print-plan.ts). */
  onePage?: boolean;
  /** Leading columns (the unit's name) printed again on every page when the sheet is too wide for one. */
  keyColumns?: number;
  /** Number format of score cells, e.g. 0.00. */
  scoreFormat?: string;
  /** Row heights in points, by row index (0-based); unset rows keep Excel's default. */
  heights?: (number | undefined)[];
  /** Columns kept in view beside the frozen header rows. */
  frozenColumns?: number;
  /** Hidden sheets travel with an entry form (its scheme and indicators) without being in the way. */
  hidden?: boolean;
  /** Protected against edits but for `input` cells (no password: this guards against slips, not people). */
  protect?: { insertRows?: boolean };
  /** Checks Excel/WPS make as a cell is typed in. */
  validations?: RangeValidation[];
  /** Rows (1-based, first and last) printed at the top of every page, where they are not `headerRows`. */
  printTitleRows?: [number, number];
  /** The printed page's footer, in Excel's codes (&P this page, &N pages); page numbers when not given. */
  footer?: string;
  /** Rows made as they are written, after `rows` (a province's 排名, 指标得分 and 记录: one row per unit). */
  body?: StreamedRows;
  /** Rows after the body (a note below the table), numbered after it; merges count them so. */
  after?: Row[];
}

/** What a cell accepts. Numbers are written as text so that exact decimals stay exact. */
export type Validation =
  | { type: 'decimal' | 'whole'; min?: string; max?: string; prompt: string }
  | { type: 'list'; items?: readonly string[]; source?: string; prompt: string };

export interface RangeValidation extends Merge {
  rule: Validation;
}

export { displayWidth };

/**
 * Column widths from the cells' text (of several lines, the longest). A header may wrap onto two lines (the writer makes the row
 * tall enough), so a long header widens its column only to half its length, and never below a
 * four-character header's width: data, not headers, decide how wide a printed table is.
 */
export function widthsFor(rows: Iterable<Row>, min = 6, max = 60): number[] {
  const widths: number[] = [];
  // A province's 指标得分 is measured cell by cell: the same number is measured once.
  const numbers = new Memo((v: number) => String(v).length + 2);
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      if (!cell || cell.v === null || cell.s === 'title' || cell.s === 'note' || cell.s === 'section') continue;
      const needed = typeof cell.v === 'number' && cell.s !== 'header' ? numbers.of(cell.v) : neededWidth(cell);
      widths[i] = Math.max(widths[i] ?? min, Math.min(max, needed));
    }
  }
  return Array.from(widths, (w) => w ?? min);
}

/** The width a cell's text needs: a text of several lines is as wide as its longest line. */
function neededWidth(cell: CellModel): number {
  const v = cell.v;
  const text = typeof v === 'number' ? String(v).length : typeof v === 'string' && !v.includes('\n') ? displayWidth(v) : Math.max(...String(v).split('\n').map(displayWidth));
  return cell.s === 'header' ? Math.min(text + 2, Math.max(Math.ceil(text / 2) + 2, 10)) : text + 2;
}

/** Every row of a sheet in order: `rows`, the body as it is made, then `after`. */
export function* allRows(model: Pick<SheetModel, 'rows' | 'body' | 'after'>): Generator<Row> {
  yield* model.rows;
  if (model.body) yield* model.body.rows();
  yield* model.after ?? [];
}

/** The number of rows a sheet has, the body's included. */
export function rowCount(model: SheetModel): number {
  return model.rows.length + (model.body?.count ?? 0) + (model.after?.length ?? 0);
}
