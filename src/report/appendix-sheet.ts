import type { Assessment } from '../engine/assess.js';
import { layoutAppendix, appendixSections, blockColumns, type AppendixBlock } from './appendix.js';
import { displayWidth, type CellModel, type Merge, type SheetModel } from './sheet-model.js';
import { appendixTitle, excludedText, ruleText } from './wording.js';

/** The 附件 sheet, laid out like the appendix of seed 001 and set up to print on A4. */
export function appendixSheet(assessment: Assessment): SheetModel {
  const { scheme } = assessment;
  const blocks = layoutAppendix(appendixSections(assessment), scheme.appendix.maxColumns);
  const width = Math.max(1, ...blocks.map(blockColumns));
  const rows: (CellModel | null)[][] = [];
  const merges: Merge[] = [];
  const fullRow = (v: string, s: CellModel['s']): void => {
    rows.push([{ v, s }, ...Array<CellModel | null>(width - 1).fill(null)]);
    if (width > 1) merges.push({ top: rows.length, left: 1, bottom: rows.length, right: width });
  };
  fullRow('附件：', 'note');
  fullRow(appendixTitle(scheme), 'title');
  for (const block of blocks) writeBlock(block, width, rows, merges);
  const notes = [ruleText(scheme), excludedText(assessment)].filter((n): n is string => n !== undefined);
  notes.forEach((n, i) => fullRow(`${i === 0 ? '注：' : '    '}${i + 1}、${n}`, 'note'));
  if (scheme.notice.docNumber) fullRow(`（${scheme.notice.docNumber}）`, 'note');
  const widths = Array.from({ length: width }, (_, c) =>
    Math.max(10, ...rows.map((r) => (r[c]?.s === 'entry' ? displayWidth(String(r[c]!.v)) + 2 : 0))));
  return { name: '附件', rows, merges, widths, heights: rowHeights(rows, widths) };
}

/** Taller rows for print; a note spanning the table gets a line of height for every line it wraps to. */
function rowHeights(rows: (CellModel | null)[][], widths: number[]): number[] {
  const across = widths.reduce((a, b) => a + b, 0);
  return rows.map((row) => {
    const first = row[0];
    if (first?.s === 'title') return 32;
    if (first?.s === 'note') return 18 * Math.max(1, Math.ceil(displayWidth(String(first.v)) / Math.max(1, across - 2)));
    return 20;
  });
}

function writeBlock(block: AppendixBlock, width: number, rows: (CellModel | null)[][], merges: Merge[]): void {
  const headingRow: (CellModel | null)[] = Array(width).fill(null);
  const categoryRow: (CellModel | null)[] = Array(width).fill(null);
  const body: (CellModel | null)[][] = Array.from({ length: block.rows }, () => Array(width).fill(null));
  const top = rows.length + 1;
  let col = 0;
  for (const section of block.sections) {
    const start = col;
    for (const { category, units } of section.categories) {
      const span = Math.max(1, Math.ceil(units.length / block.rows));
      categoryRow[col] = { v: category, s: 'header' };
      if (span > 1) merges.push({ top: top + 1, left: col + 1, bottom: top + 1, right: col + span });
      units.forEach((u, i) => {
        body[i % block.rows]![col + Math.floor(i / block.rows)] = { v: `${i + 1}、${u}`, s: 'entry' };
      });
      col += span;
    }
    headingRow[start] = { v: section.heading, s: 'section' };
    if (col - start > 1) merges.push({ top, left: start + 1, bottom: top, right: col });
  }
  rows.push(headingRow, categoryRow, ...body.map((r) => r.map((c, i) => c ?? (i < col ? { v: '', s: 'entry' as const } : null))));
}
