import type { Assessment } from '../engine/assess.js';
import { layoutAppendix, appendixSections, blockColumns, type AppendixBlock } from './appendix.js';
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

interface Placed {
  heading: string;
  /** The band's columns, 0-based: from `left` up to (not including) `right`. */
  left: number;
  right: number;
  /** Each category's columns: where they start and how many (a long list continues beside itself). */
  categories: { category: string; units: string[]; start: number; span: number }[];
}

/** Where the block's bands and categories stand, column by column. */
function placed(block: AppendixBlock): Placed[] {
  let col = 0;
  return block.sections.map((section) => {
    const left = col;
    const categories = section.categories.map(({ category, units }) => {
      const span = Math.max(1, Math.ceil(units.length / block.rows));
      col += span;
      return { category, units, start: col - span, span };
    });
    return { heading: section.heading, left, right: col, categories };
  });
}

/** A long list's category spans its columns, then the band's heading spans all of its own. */
function blockMerges(block: AppendixBlock, top: number, merges: Merge[]): void {
  for (const { left, right, categories } of placed(block)) {
    for (const { start, span } of categories) if (span > 1) merges.push({ top: top + 1, left: start + 1, bottom: top + 1, right: start + span });
    if (right - left > 1) merges.push({ top, left: left + 1, bottom: top, right });
  }
}

/** Columns wide enough for their longest 「12、单位名」. */
function entryWidths(block: AppendixBlock, widths: number[]): void {
  for (const { categories } of placed(block)) {
    for (const { start, units } of categories) {
      units.forEach((u, i) => {
        const c = start + Math.floor(i / block.rows);
        widths[c] = Math.max(widths[c]!, displayWidth(`${i + 1}、${u}`) + 2);
      });
    }
  }
}

/** The block's rows: the bands' headings, the categories, then the numbered units, a list continuing in the next column. */
function* blockRows(block: AppendixBlock, width: number): Generator<Row> {
  const bands = placed(block);
  const headingRow: Row = Array(width).fill(null);
  const categoryRow: Row = Array(width).fill(null);
  for (const { heading, left, categories } of bands) {
    headingRow[left] = { v: heading, s: 'section' };
    for (const { category, start } of categories) categoryRow[start] = { v: category, s: 'header' };
  }
  yield headingRow;
  yield categoryRow;
  const used = blockColumns(block);
  for (let r = 0; r < block.rows; r++) {
    const row: Row = Array(width).fill(null);
    for (let c = 0; c < used; c++) row[c] = EMPTY_ENTRY;
    for (const { categories } of bands) {
      for (const { start, units } of categories) {
        for (let k = r; k < units.length; k += block.rows) row[start + Math.floor(k / block.rows)] = { v: `${k + 1}、${units[k]}`, s: 'entry' };
      }
    }
    yield row;
  }
}
