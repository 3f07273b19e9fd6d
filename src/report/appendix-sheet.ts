import type { Assessment } from '../engine/assess.js';
import { layoutAppendix, appendixSections, blockColumns, type AppendixBlock, type AppendixSection } from './appendix.js';
import { displayWidth, type CellModel, type Merge, type Row, type SheetModel } from './sheet-model.js';
import { appendixTitle, excludedText, ruleText } from './wording.js';

/** Height of a row of the table (points). */
const TABLE_ROW = 20;
/** A place in the table no unit takes: ruled like the others, empty. */
const EMPTY_ENTRY: CellModel = Object.freeze({ v: '', s: 'entry' });

/**
 * The 附件 sheet, laid out like the appendix of seed 001 and set up to print on A4. Its table is
 * made as it is written (a province's has a row for every few units): only the heading and title
 * above it and the notes below are held.
 */
export function appendixSheet(assessment: Assessment): SheetModel {
  const { scheme } = assessment;
  const blocks = layoutAppendix(appendixSections(assessment), scheme.appendix.maxColumns);
  const width = Math.max(1, ...blocks.map(blockColumns));
  const merges: Merge[] = [];
  const full = (at: number, v: string, s: CellModel['s']): Row => {
    if (width > 1) merges.push({ top: at, left: 1, bottom: at, right: width });
    return [{ v, s }, ...Array<CellModel | null>(width - 1).fill(null)];
  };
  const rows = [full(1, '附件：', 'note'), full(2, appendixTitle(scheme), 'title')];
  let count = 0;
  for (const block of blocks) {
    blockMerges(block, rows.length + count + 1, merges);
    count += 2 + block.rows;
  }
  const notes = [ruleText(scheme), excludedText(assessment)].filter((n): n is string => n !== undefined);
  const texts = notes.map((n, i) => `${i === 0 ? '注：' : '    '}${i + 1}、${n}`);
  if (scheme.notice.docNumber) texts.push(`（${scheme.notice.docNumber}）`);
  const after = texts.map((t, i) => full(rows.length + count + i + 1, t, 'note'));
  const widths = Array.from({ length: width }, () => 10);
  for (const block of blocks) entryWidths(block, widths);
  // A note spanning the table gets a line of height for every line it wraps to.
  const across = widths.reduce((a, b) => a + b, 0);
  const noteHeight = (row: Row): number => 18 * Math.max(1, Math.ceil(displayWidth(String(row[0]!.v)) / Math.max(1, across - 2)));
  const heights: number[] = [noteHeight(rows[0]!), 32];
  after.forEach((row, i) => (heights[rows.length + count + i] = noteHeight(row)));
  return {
    name: '附件', rows, merges, widths, heights, after,
    body: { count, height: TABLE_ROW, *rows() { for (const block of blocks) yield* blockRows(block, width); } },
  };
}

/** Each category's columns in the block: the band it is under, where they start, how many (a long list continues beside itself). */
function* columnsOf(block: AppendixBlock): Generator<{ section: AppendixSection; start: number; category: string; units: string[]; span: number }> {
  let col = 0;
  for (const section of block.sections) {
    for (const { category, units } of section.categories) {
      const span = Math.max(1, Math.ceil(units.length / block.rows));
      yield { section, start: col, category, units, span };
      col += span;
    }
  }
}

/** A long list's category spans its columns, then the band's heading spans all of its own. */
function blockMerges(block: AppendixBlock, top: number, merges: Merge[]): void {
  let left = 0;
  let right = 0;
  let current: AppendixSection | undefined;
  const heading = (): void => {
    if (current && right - left > 1) merges.push({ top, left: left + 1, bottom: top, right });
  };
  for (const { section, start, span } of columnsOf(block)) {
    if (section !== current) {
      heading();
      current = section;
      left = start;
    }
    if (span > 1) merges.push({ top: top + 1, left: start + 1, bottom: top + 1, right: start + span });
    right = start + span;
  }
  heading();
}

/** Columns wide enough for their longest 「12、单位名」. */
function entryWidths(block: AppendixBlock, widths: number[]): void {
  for (const { start, units } of columnsOf(block)) {
    units.forEach((u, i) => {
      const c = start + Math.floor(i / block.rows);
      widths[c] = Math.max(widths[c]!, displayWidth(`${i + 1}、${u}`) + 2);
    });
  }
}

/** The block's rows: the bands' headings, the categories, then the numbered units, a list continuing in the next column. */
function* blockRows(block: AppendixBlock, width: number): Generator<Row> {
  const headingRow: Row = Array(width).fill(null);
  const categoryRow: Row = Array(width).fill(null);
  const columns = [...columnsOf(block)];
  for (const { section, start, category } of columns) {
    categoryRow[start] = { v: category, s: 'header' };
    if (columns.find((c) => c.section === section)!.start === start) headingRow[start] = { v: section.heading, s: 'section' };
  }
  yield headingRow;
  yield categoryRow;
  const used = columns.reduce((n, c) => Math.max(n, c.start + c.span), 0);
  for (let r = 0; r < block.rows; r++) {
    const row: Row = Array(width).fill(null);
    for (let c = 0; c < used; c++) row[c] = EMPTY_ENTRY;
    for (const { start, units } of columns) {
      for (let k = r; k < units.length; k += block.rows) row[start + Math.floor(k / block.rows)] = { v: `${k + 1}、${units[k]}`, s: 'entry' };
    }
    yield row;
  }
}
