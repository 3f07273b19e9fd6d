import ExcelJS from 'exceljs';
import type { CellStyle, SheetModel } from '../report/sheet-model.js';
import type { PendingFile } from './atomic-write.js';

/** A fixed timestamp for the workbook's properties: the same inputs give the same file contents. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const FONT = '宋体';
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  section: { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'left', vertical: 'middle' }, border },
  header: { font: { name: FONT, size: 11, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border },
  body: { font: { name: FONT, size: 11 }, alignment: { vertical: 'middle' }, border },
  score: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'right', vertical: 'middle' }, border },
  entry: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle' }, border },
  note: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
};

function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: SheetModel): void {
  const frozen = model.headerRows ?? 0;
  const ws = wb.addWorksheet(model.name, {
    views: frozen > 0 ? [{ state: 'frozen', ySplit: frozen }] : [],
    pageSetup: {
      paperSize: 9, // A4
      orientation: model.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
      ...(frozen > 0 ? { printTitlesRow: `1:${frozen}` } : {}),
    },
  });
  ws.columns = model.widths.map((width) => ({ width }));
  // One style object per kind, shared by every cell: exceljs caches a style by identity, and
  // hashing a fresh object for each of millions of cells was most of the writing time.
  const scoreStyle = model.scoreFormat ? { ...STYLES.score, numFmt: model.scoreFormat } : STYLES.score;
  // Merges are applied as their first row is written: merging earlier makes the streaming writer
  // hold every row down to the merge, and it commits rows with Array.shift (quadratic).
  const mergesAt = new Map<number, SheetModel['merges']>();
  for (const m of model.merges) mergesAt.set(m.top, [...(mergesAt.get(m.top) ?? []), m]);
  model.rows.forEach((cells, r) => {
    for (const m of mergesAt.get(r + 1) ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = row.getCell(c + 1);
      // Strings are written as strings, never as formulas, whatever they begin with.
      target.value = cell.v;
      if (cell.s) target.style = cell.s === 'score' ? scoreStyle : STYLES[cell.s];
    });
    const height = model.heights?.[r];
    if (height !== undefined) row.height = height;
    row.commit();
  });
  ws.commit();
}

/** The workbook as a file to write with exceljs's streaming writer (see writeAllAtomically). */
export function workbookFile(target: string, sheets: readonly SheetModel[]): PendingFile {
  return { target, write: async (temp) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: true });
    wb.creator = 'score';
    wb.created = FIXED_DATE;
    wb.modified = FIXED_DATE;
    for (const sheet of sheets) addSheet(wb, sheet);
    await wb.commit();
  } };
}
