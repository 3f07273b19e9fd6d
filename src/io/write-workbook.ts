import ExcelJS from 'exceljs';
import type { CellStyle, SheetModel, Validation } from '../report/sheet-model.js';
import { distinctSheetNames, excelCellText } from '../core/excel-text.js';
import { fittedHeights, pageSetup } from '../report/print-plan.js';
import { cellRef } from './raw-sheet.js';
import type { PendingFile } from './atomic-write.js';
import { fixZipTimes } from './zip-times.js';

/** A fixed timestamp for the workbook's properties: the same inputs give the same file contents. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const FONT = '宋体';
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  section: { font: { name: FONT, size: 12, bold: true }, alignment: { horizontal: 'left', vertical: 'middle' }, border },
  header: { font: { name: FONT, size: 11, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border },
  // Text a character in from the left rule, so a right-aligned number before it never reads as one with it (「2.25评分」).
  body: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle', indent: 1 }, border },
  score: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'right', vertical: 'middle' }, border },
  entry: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle', indent: 1 }, border },
  note: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
  input: { font: { name: FONT, size: 11 }, alignment: { vertical: 'middle' }, border, protection: { locked: false },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } },
  na: { font: { name: FONT, size: 11 }, alignment: { vertical: 'middle' }, border,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } } },
  wrap: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1 }, border },
  sign: { font: { name: FONT, size: 12 }, alignment: { horizontal: 'right', vertical: 'middle' } },
  center: { font: { name: FONT, size: 11 }, alignment: { horizontal: 'center', vertical: 'middle' }, border },
};

/** Excel's limits: a prompt of 255 characters, a title of 32. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function excelValidation(rule: Validation): ExcelJS.DataValidation {
  const shared = {
    allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: '填写有误', error: clip(rule.prompt, 225),
    showInputMessage: true, promptTitle: '填写说明', prompt: clip(rule.prompt, 255),
  } as const;
  if (rule.type === 'list') {
    return { ...shared, type: 'list', formulae: [rule.source ?? `"${(rule.items ?? []).join(',')}"`] };
  }
  if (rule.min !== undefined && rule.max !== undefined) return { ...shared, type: rule.type, operator: 'between', formulae: [rule.min, rule.max] };
  if (rule.max !== undefined) return { ...shared, type: rule.type, operator: 'lessThanOrEqual', formulae: [rule.max] };
  return { ...shared, type: rule.type, operator: 'greaterThanOrEqual', formulae: [rule.min ?? '0'] };
}

/** Page numbers as a clerk files them. */
export const PAGE_FOOTER = '&C第 &P 页 共 &N 页';

/** The sheet's title as the printed page's header, in Excel's codes: bold 14-point, centred ("&" doubled to print as itself). */
export function pageHeader(title: string): string {
  return `&C&B&14${title.replace(/&/g, '&&')}`;
}

function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: SheetModel, name: string): void {
  const frozen = model.headerRows ?? 0;
  const frozenColumns = model.frozenColumns ?? 0;
  const footer = model.footer ?? PAGE_FOOTER;
  const ws = wb.addWorksheet(name, {
    ...(model.hidden ? { state: 'hidden' as const } : {}),
    views: frozen > 0 || frozenColumns > 0 ? [{ state: 'frozen', ySplit: frozen, xSplit: frozenColumns }] : [],
    pageSetup: pageSetup(model),
    headerFooter: {
      oddFooter: footer, evenFooter: footer,
      ...(model.title ? { oddHeader: pageHeader(model.title), evenHeader: pageHeader(model.title) } : {}),
    },
  });
  ws.columns = model.widths.map((width) => ({ width }));
  // The type definitions leave out the collection the streaming writer keeps (exceljs 4.4.0).
  const validations = (ws as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of model.validations ?? []) {
    validations.add(`${cellRef(v.top, v.left - 1)}:${cellRef(v.bottom, v.right - 1)}`, excelValidation(v.rule));
  }
  if (model.protect) {
    // No password, so nothing random in the file; the protection guards against slips.
    void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true,
      insertRows: model.protect.insertRows ?? false, deleteRows: model.protect.insertRows ?? false, sort: false, autoFilter: false });
  }
  // One style object per kind, shared by every cell: exceljs caches a style by identity, and
  // hashing a fresh object for each of millions of cells was most of the writing time.
  const scoreStyle = model.scoreFormat ? { ...STYLES.score, numFmt: model.scoreFormat } : STYLES.score;
  // Merges are applied as their first row is written: merging earlier makes the streaming writer
  // hold every row down to the merge, and it commits rows with Array.shift (quadratic).
  const mergesAt = new Map<number, SheetModel['merges']>();
  for (const m of model.merges) mergesAt.set(m.top, [...(mergesAt.get(m.top) ?? []), m]);
  // A value given to a cell inside a merge lands in the merge's first cell (exceljs), so the other
  // cells of a merge take only their style: their borders close the merged box.
  const covered = new Set<string>();
  for (const m of model.merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const heights = fittedHeights(model);
  model.rows.forEach((cells, r) => {
    for (const m of mergesAt.get(r + 1) ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    const row = ws.getRow(r + 1);
    // The streaming writer leaves out a row of no values, borders and shading too; a form's ruled
    // blank rows are kept by giving their cells an empty text, which reads back as blank.
    const ruledBlank = cells.length > 0 && cells.every((cell) => cell !== null && cell.v === null && cell.s !== undefined);
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = row.getCell(c + 1);
      // Strings are written as strings, never as formulas, whatever they begin with; as Excel
      // opens them (no control characters, at most 32,767 characters). Cells inside a merge get only their style.
      if (!covered.has(`${r + 1}:${c + 1}`)) target.value = ruledBlank ? '' : typeof cell.v === 'string' ? excelCellText(cell.v) : cell.v;
      if (cell.s) target.style = cell.s === 'score' ? scoreStyle : STYLES[cell.s];
    });
    const height = heights[r];
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
    // The models name their sheets acceptably already (and say where a name changed); this is
    // the guard that no name reaches the file that Excel refuses.
    const names = distinctSheetNames(sheets.map((s) => s.name));
    sheets.forEach((sheet, i) => addSheet(wb, sheet, names[i]!));
    await wb.commit();
    await fixZipTimes(temp);
  } };
}
