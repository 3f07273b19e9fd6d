import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Code } from '../../src/core/codes.js';
import { runCli, SAMPLES } from '../support/cli.js';
import { fillXlsx, type Fill, type FillValue } from '../support/fill-form.js';
import { inlineCell, minimalBook, row, valueCell, writeHandBook } from '../support/hand-xlsx.js';
import { columnOf, editWorkbook, rowOf, writeBook, type Rows } from '../support/workbook.js';
import { partsOf, writeZip } from '../support/xlsx-parts.js';

/** One bad input: how to make it in a folder, the command to run, and what must come out. */
export interface BadCase {
  name: string;
  make: (dir: string) => Promise<string[]>;
  code: Code;
  exit: number;
  /** The message must name this (a cell, a sheet, a line). */
  names?: string;
  env?: Record<string, string>;
}

const SAMPLE = path.join(SAMPLES, 'guannan-2009', 'annual.xlsx');

/** The 灌南 sample with one change. */
function sample(edit: (wb: ExcelJS.Workbook) => void, command: string[] = []): (dir: string) => Promise<string[]> {
  return async (dir) => {
    const file = path.join(dir, 'bad.xlsx');
    await editWorkbook(SAMPLE, file, edit);
    return [...command, file];
  };
}

function scoreCell(unit: string, column: RegExp, value: ExcelJS.CellValue) {
  return (wb: ExcelJS.Workbook): void => {
    const ws = wb.getWorksheet('得分表')!;
    rowOf(ws, unit).getCell(columnOf(ws, column)).value = value;
  };
}

function schemeLine(from: string, to: string) {
  return (wb: ExcelJS.Workbook): void => {
    wb.getWorksheet('方案')!.eachRow((row) => {
      const cell = row.getCell(1);
      if (cell.text.includes(from)) cell.value = cell.text.replace(from, to);
    });
  };
}

function file(name: string, content: string | Buffer): (dir: string) => Promise<string[]> {
  return async (dir) => {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return [target];
  };
}

async function zip(dir: string, name: string, entries: Record<string, string>): Promise<string[]> {
  const z = new JSZip();
  for (const [p, text] of Object.entries(entries)) z.file(p, text);
  const target = path.join(dir, name);
  writeFileSync(target, await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return [target];
}

/** Replaces one part of a built workbook's zip (to make sheets no spreadsheet program would write). */
async function patchZip(target: string, part: string, content: string | Buffer): Promise<void> {
  const fs = await import('node:fs');
  const z = await JSZip.loadAsync(fs.readFileSync(target));
  z.file(part, content);
  fs.writeFileSync(target, await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Takes a part out of a built workbook's zip (a sheet listed in workbook.xml whose XML is gone). */
async function dropFromZip(target: string, part: string): Promise<void> {
  const fs = await import('node:fs');
  const z = await JSZip.loadAsync(fs.readFileSync(target));
  z.remove(part);
  fs.writeFileSync(target, await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The minimal book with its 得分表 part replaced by `xml`. */
function scoresPart(xml: string | Buffer): (dir: string) => Promise<string[]> {
  return async (dir) => {
    const [f] = await book(() => undefined)(dir);
    await patchZip(f!, SCORES_PART, xml);
    return [f!];
  };
}

/** The 得分表 part of a `book()` workbook (sheets in order: 方案, 指标体系, 单位名单, 得分表). */
const SCORES_PART = 'xl/worksheets/sheet4.xml';
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);

/** A minimal valid book: scheme, indicators, roster, scores; `edit` changes the rows. */
function book(edit: (s: Record<string, Rows | string>) => void): (dir: string) => Promise<string[]> {
  return async (dir) => {
    const sheets: Record<string, Rows | string> = {
      方案: 'name: 测试\ncategories: [乡镇]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n',
      指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 60], ['B', '乙', 40]],
      单位名单: [['单位名称', '类别'], ['一镇', '乡镇'], ['二镇', '乡镇']],
      得分表: [['单位名称', 'A', 'B'], ['一镇', 50, 30], ['二镇', 40, 20]],
    };
    edit(sheets);
    return [await writeBook(path.join(dir, 'book.xlsx'), sheets)];
  };
}

export const CASES: BadCase[] = [
  // Files that are not workbooks
  { name: 'a missing file', make: async (d) => [path.join(d, 'nope.xlsx')], code: 'E_FILE_NOT_FOUND', exit: 3 },
  { name: 'a directory', make: async (d) => { mkdirSync(path.join(d, 'folder.xlsx')); return [path.join(d, 'folder.xlsx')]; }, code: 'E_IS_DIRECTORY', exit: 3 },
  { name: 'an empty file', make: file('empty.xlsx', ''), code: 'E_EMPTY_FILE', exit: 3 },
  { name: 'an old .xls', make: file('old.xls', OLE), code: 'E_OLD_XLS', exit: 3 },
  { name: 'a WPS .et', make: file('table.et', OLE), code: 'E_OLD_XLS', exit: 3 },
  { name: 'an encrypted workbook (OLE container)', make: file('secret.xlsx', OLE), code: 'E_OLD_XLS', exit: 3 },
  { name: 'a CSV renamed .xlsx', make: file('scores.xlsx', '单位名称,A\n一镇,50\n'), code: 'E_NOT_XLSX', exit: 3 },
  { name: 'a PDF renamed .xlsx', make: file('report.xlsx', '%PDF-1.4\n'), code: 'E_NOT_XLSX', exit: 3 },
  { name: 'a truncated zip', make: async (d) => { const [f] = await zip(d, 'cut.xlsx', { 'xl/workbook.xml': 'x'.repeat(5000) }); const b = (await import('node:fs')).readFileSync(f!); writeFileSync(f!, b.subarray(0, 60)); return [f!]; }, code: 'E_CORRUPT_XLSX', exit: 3 },
  { name: 'a corrupt zip', make: file('broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)])), code: 'E_CORRUPT_XLSX', exit: 3 },
  { name: 'a zip that is not a workbook', make: (d) => zip(d, 'photos.xlsx', { 'a.txt': 'hello', 'b/c.txt': 'world' }), code: 'E_NOT_WORKBOOK', exit: 3 },
  { name: 'a sheet whose recorded size does not match its data (bad zip entry)', make: async (d) => {
    const [f] = await book(() => undefined)(d);
    const fs = await import('node:fs');
    const bytes = fs.readFileSync(f!);
    // Central directory entries (PK\x01\x02): name at +46, uncompressed size at +24.
    for (let i = bytes.indexOf('PK\x01\x02'); i >= 0; i = bytes.indexOf('PK\x01\x02', i + 4)) {
      const name = bytes.subarray(i + 46, i + 46 + bytes.readUInt16LE(i + 28)).toString();
      if (name === SCORES_PART) bytes.writeUInt32LE(bytes.readUInt32LE(i + 24) + 1, i + 24);
    }
    fs.writeFileSync(f!, bytes);
    return [f!];
  }, code: 'E_CORRUPT_XLSX', exit: 3 },
  { name: 'a sheet whose data does not match its recorded CRC-32 (damaged but still inflates)', make: async (d) => {
    const [f] = await book(() => undefined)(d);
    const fs = await import('node:fs');
    const bytes = fs.readFileSync(f!);
    // Central directory entries (PK\x01\x02): name at +46, CRC-32 at +16.
    for (let i = bytes.indexOf('PK\x01\x02'); i >= 0; i = bytes.indexOf('PK\x01\x02', i + 4)) {
      const name = bytes.subarray(i + 46, i + 46 + bytes.readUInt16LE(i + 28)).toString();
      if (name === SCORES_PART) bytes.writeUInt32LE((bytes.readUInt32LE(i + 16) ^ 1) >>> 0, i + 16);
    }
    fs.writeFileSync(f!, bytes);
    return [f!];
  }, code: 'E_CORRUPT_XLSX', exit: 3, names: '「xl/worksheets/sheet4.xml」无法解压' },
  { name: 'a workbook with zero sheets', make: (d) => zip(d, 'none.xlsx', {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    'xl/workbook.xml': '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
  }), code: 'E_NO_SHEETS', exit: 3 },

  // Sheets and columns
  { name: 'no 方案 sheet', make: sample((wb) => wb.removeWorksheet(wb.getWorksheet('方案')!.id)), code: 'E_MISSING_SHEET', exit: 1, names: '方案' },
  { name: 'no 单位名单 sheet', make: sample((wb) => wb.removeWorksheet(wb.getWorksheet('单位名单')!.id)), code: 'E_MISSING_SHEET', exit: 1, names: '单位名单' },
  { name: 'no 得分表 sheet', make: sample((wb) => wb.removeWorksheet(wb.getWorksheet('得分表')!.id)), code: 'E_MISSING_SHEET', exit: 1, names: '得分表' },
  { name: 'no 指标体系 sheet', make: sample((wb) => wb.removeWorksheet(wb.getWorksheet('指标体系')!.id)), code: 'E_MISSING_SHEET', exit: 1, names: '指标体系' },
  { name: 'no 单位名称 column in 得分表', make: sample((wb) => { wb.getWorksheet('得分表')!.getCell('A2').value = '名字'; }), code: 'E_HEADER_NOT_FOUND', exit: 1, names: '得分表' },
  { name: 'no 分值 column in 指标体系', make: sample((wb) => { wb.getWorksheet('指标体系')!.getCell('E1').value = '权'; }), code: 'E_HEADER_NOT_FOUND', exit: 1, names: '指标体系' },
  { name: 'a missing leaf column', make: sample((wb) => wb.getWorksheet('得分表')!.spliceColumns(3, 1)), code: 'E_MISSING_COLUMN', exit: 1, names: 'A1' },
  { name: 'a leaf column twice', make: sample((wb) => { wb.getWorksheet('得分表')!.getCell('D2').value = 'A1'; }), code: 'E_DUPLICATE_COLUMN', exit: 1, names: '得分表!D2' },
  { name: 'a unit twice in the roster', make: sample((wb) => wb.getWorksheet('单位名单')!.addRow(['新安镇', '乡镇'])), code: 'E_ROSTER_DUPLICATE', exit: 1, names: '单位名单!A45' },
  { name: 'a unit in two categories', make: sample((wb) => wb.getWorksheet('单位名单')!.addRow(['新安镇', '部门'])), code: 'E_ROSTER_TWO_CATEGORIES', exit: 1, names: '单位名单!A45' },
  { name: 'a unit with two score rows', make: sample((wb) => wb.getWorksheet('得分表')!.addRow(['新安镇', '乡镇', 1, 1, 1, 1, 1, 1, 1, 1, 40, 1])), code: 'E_DUPLICATE_UNIT_ROW', exit: 1, names: '得分表!A46' },
  { name: 'an unknown unit', make: sample(scoreCell('田楼乡', /^单位名称/, '天楼乡')), code: 'E_UNKNOWN_UNIT', exit: 1, names: '田楼乡' },
  { name: 'a unit of an unknown category', make: sample((wb) => { wb.getWorksheet('单位名单')!.getCell('B2').value = '街道'; }), code: 'E_ROSTER_CATEGORY', exit: 1, names: '单位名单!B2' },
  { name: 'a roster row without category', make: sample((wb) => { wb.getWorksheet('单位名单')!.getCell('B2').value = null; }), code: 'E_ROSTER_NO_CATEGORY', exit: 1, names: '单位名单!B2' },
  { name: 'a score row without unit', make: sample((wb) => { wb.getWorksheet('得分表')!.getCell('A3').value = null; }), code: 'E_ROW_NO_UNIT', exit: 1, names: '得分表!A3' },
  { name: 'a category that disagrees with the roster', make: sample((wb) => { wb.getWorksheet('得分表')!.getCell('B3').value = '部门'; }), code: 'E_CATEGORY_MISMATCH', exit: 1, names: '得分表!B3' },

  // Indicator system
  { name: 'duplicate indicator codes', make: sample((wb) => { wb.getWorksheet('指标体系')!.getCell('A4').value = 'A1'; }), code: 'E_INDICATOR_DUP_CODE', exit: 1, names: '指标体系!A4' },
  { name: 'points that do not add up', make: sample((wb) => { wb.getWorksheet('指标体系')!.getCell('E3').value = 6; }), code: 'E_POINTS_CHILDREN', exit: 1, names: '指标体系!A2' },
  { name: 'parts that do not add up to full marks', make: sample((wb) => { const ws = wb.getWorksheet('指标体系')!; ws.getCell('E2').value = 25; ws.getCell('E3').value = 10; }), code: 'E_POINTS_TOTAL', exit: 1 },
  { name: 'an unknown scoring method', make: sample((wb) => { wb.getWorksheet('指标体系')!.getCell('F3').value = '打星'; }), code: 'E_INDICATOR_METHOD', exit: 1, names: '指标体系!F3' },
  { name: 'a bad method parameter', make: sample((wb) => { wb.getWorksheet('指标体系')!.getCell('G3').value = '目标值=100'; }), code: 'E_INDICATOR_PARAM', exit: 1, names: '指标体系!G3' },
  { name: 'points that are text', make: sample((wb) => { wb.getWorksheet('指标体系')!.getCell('E3').value = '五分'; }), code: 'E_INDICATOR_POINTS', exit: 1, names: '指标体系!E3' },
  { name: 'a leaf without code', make: sample((wb) => { wb.getWorksheet('指标体系')!.getCell('A3').value = null; }), code: 'E_INDICATOR_NO_CODE', exit: 1 },
  { name: 'a category no indicator applies to', make: book((s) => {
    s['方案'] = (s['方案'] as string).replace('[乡镇]', '[乡镇, 部门]');
    s['指标体系'] = [['编码', '一级指标', '分值', '适用类别'], ['A', '甲', 60, '乡镇'], ['B', '乙', 40, '乡镇']];
  }), code: 'E_POINTS_TOTAL', exit: 1, names: '工作表「指标体系」' },

  // Scheme
  { name: 'a YAML syntax error', make: sample(schemeLine('categories: [乡镇, 园区, 部门]', 'categories: [乡镇, 园区, 部门')), code: 'E_SCHEME_YAML', exit: 2, names: '方案!A' },
  { name: 'a tab in the YAML indentation', make: sample(schemeLine('    atLeast: 80', '\tatLeast: 80')), code: 'E_SCHEME_YAML', exit: 2 },
  { name: 'an unknown scheme key', make: sample(schemeLine('fullMarks: 100', 'fullMark: 100')), code: 'E_SCHEME_UNKNOWN_KEY', exit: 2, names: 'fullMarks' },
  { name: 'a wrong type in the scheme', make: sample(schemeLine('fullMarks: 100', 'fullMarks: 一百')), code: 'E_SCHEME_VALUE', exit: 2, names: 'fullMarks' },
  { name: 'an empty scheme', make: sample((wb) => wb.getWorksheet('方案')!.eachRow((r) => (r.getCell(1).value = null))), code: 'E_SCHEME_EMPTY', exit: 2 },
  { name: 'bands out of order (overlapping)', make: sample(schemeLine('atLeast: 60', 'atLeast: 85')), code: 'E_SCHEME_BAND_ORDER', exit: 2 },
  { name: 'a band without a declared boundary', make: sample(schemeLine('    atLeast: 60', '    label: 达标单位')), code: 'E_SCHEME_BAND_BOUND', exit: 2 },
  { name: 'a boundary above full marks', make: sample(schemeLine('atLeast: 80', 'atLeast: 180')), code: 'E_SCHEME_BAND_RANGE', exit: 2 },
  { name: 'a quota over 100%', make: sample(schemeLine('    atLeast: 80', '    atLeast: 80\n    quota: {percent: 120, rounding: up}')), code: 'E_SCHEME_VALUE', exit: 2 },
  { name: 'a percentage quota without rounding', make: sample(schemeLine('    atLeast: 80', '    atLeast: 80\n    quota: {percent: 25}')), code: 'E_SCHEME_VALUE', exit: 2 },
  { name: 'duplicate categories', make: sample(schemeLine('[乡镇, 园区, 部门]', '[乡镇, 园区, 乡镇]')), code: 'E_SCHEME_DUP_CATEGORY', exit: 2 },
  { name: 'a --scheme file that does not exist', make: async (d) => [SAMPLE, '--scheme', path.join(d, 'none.yaml'), '-o', d], code: 'E_FILE_NOT_FOUND', exit: 3 },

  // Cells
  { name: 'a negative score', make: sample(scoreCell('新安镇', /^A1/, -1)), code: 'E_NEGATIVE', exit: 1, names: '得分表!C3' },
  { name: 'a score above its maximum', make: sample(scoreCell('新安镇', /^A1/, 6)), code: 'E_ABOVE_MAX', exit: 1, names: '得分表!C3' },
  { name: 'a huge number', make: sample(scoreCell('新安镇', /^A1/, 1e300)), code: 'E_ABOVE_MAX', exit: 1, names: '得分表!C3' },
  { name: 'NaN as text', make: sample(scoreCell('新安镇', /^A1/, 'NaN')), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!C3' },
  { name: 'Infinity as text', make: sample(scoreCell('新安镇', /^A1/, 'Infinity')), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!C3' },
  { name: 'a dash for no score', make: sample(scoreCell('新安镇', /^A1/, '—')), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!C3' },
  { name: 'an empty required cell', make: sample(scoreCell('新安镇', /^A1/, null)), code: 'E_EMPTY_CELL', exit: 1, names: '得分表!C3' },
  { name: 'a date where a number belongs', make: sample(scoreCell('新安镇', /^A1/, new Date(Date.UTC(2009, 4, 4)))), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!C3' },
  { name: 'a boolean where a number belongs', make: sample(scoreCell('新安镇', /^A1/, true)), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!C3' },
  { name: 'an error cell', make: sample(scoreCell('新安镇', /^A1/, { error: '#DIV/0!' } as ExcelJS.CellErrorValue)), code: 'E_ERROR_CELL', exit: 1, names: '得分表!C3' },
  { name: 'a formula without a cached result', make: sample(scoreCell('新安镇', /^A1/, { formula: 'D3/2' } as ExcelJS.CellFormulaValue)), code: 'E_FORMULA_NO_RESULT', exit: 1, names: '得分表!C3' },
  { name: 'a deduction without reason', make: sample((wb) => { wb.getWorksheet('扣分明细')!.getCell('D2').value = null; }), code: 'E_DEDUCTION_REASON', exit: 1, names: '扣分明细!D2' },
  { name: 'a negative deduction', make: sample((wb) => { wb.getWorksheet('扣分明细')!.getCell('C2').value = -1; }), code: 'E_DEDUCTION_SIGN', exit: 1, names: '扣分明细!C2' },
  { name: 'a deduction on a direct indicator', make: sample((wb) => { wb.getWorksheet('扣分明细')!.getCell('B2').value = 'A1'; }), code: 'E_DEDUCTION_CODE', exit: 1, names: '扣分明细!B2' },
  { name: 'a zero target', make: sample((wb) => { wb.getWorksheet('目标值')!.getCell('B3').value = 0; }), code: 'E_BAD_TARGET', exit: 1, names: '目标值!B3' },
  // No 目标值 sheet and no 目标值=… parameter: the unit's score cell of that leaf is where to look.
  { name: 'a ratio indicator without any target', make: book((s) => { s['指标体系'] = [['编码', '一级指标', '分值', '评分方法'], ['A', '甲', 60, 'ratio'], ['B', '乙', 40]]; }), code: 'E_MISSING_TARGET', exit: 1, names: '得分表!B2' },
  { name: 'a score entered for a deduct indicator', make: sample((wb) => { const ws = wb.getWorksheet('得分表')!; ws.getCell('M2').value = 'D1'; ws.getCell('M3').value = 15; }), code: 'E_NOT_IN_SCORES', exit: 1, names: '得分表!M3' },
  { name: 'a minimal book with text in a score', make: book((s) => { (s['得分表'] as Rows)[1]![1] = '优'; }), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!B2' },
  { name: 'a scores sheet with only a header', make: book((s) => { s['得分表'] = [['单位名称', 'A', 'B']]; }), code: 'E_NO_SCORE_ROWS', exit: 1, names: '名单中有 2 个单位' },
  { name: 'a scores sheet missing one unit', make: book((s) => { (s['得分表'] as Rows).pop(); }), code: 'E_MISSING_UNIT_ROW', exit: 1, names: '二镇' },

  // Sizes no office produces
  { name: 'a 1 MB cell', make: book((s) => { (s['得分表'] as Rows)[1]![0] = '县'.repeat(1024 * 1024); }), code: 'E_UNKNOWN_UNIT', exit: 1, names: '共 1048576 字' },
  ...[20000, 16000].map((columns): BadCase => ({
    name: `a row of ${columns} columns${columns > 16384 ? ' (more than Excel allows)' : ''}`,
    make: async (d) => {
      const [f] = await book(() => undefined)(d);
      const letters = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : letters(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26)));
      const header = [inline('A1', '单位名称'), inline('B1', 'A'), inline('C1', 'B'), ...Array.from({ length: columns - 3 }, (_, i) => inline(`${letters(i + 3)}1`, `X${i}`))];
      const body = ['一镇', '二镇'].map((u, k) => `<row r="${k + 2}">${inline(`A${k + 2}`, u)}<c r="B${k + 2}"><v>40</v></c><c r="C${k + 2}"><v>20</v></c></row>`);
      await patchZip(f!, SCORES_PART, `${SHEET_HEAD}<row r="1">${header.join('')}</row>${body.join('')}</sheetData></worksheet>`);
      return ['check', f!];
    },
    ...(columns > 16384 ? { code: 'E_TOO_MANY_COLUMNS', exit: 3 } : { code: 'W_UNKNOWN_COLUMNS', exit: 0, names: `另有 ${columns - 13} 列` }),
  })),
  { name: 'a zip bomb (a small file whose sheet inflates past the limit)', env: { SCORE_MAX_SHEET_MB: '4' }, make: async (d) => {
    const [f] = await book(() => undefined)(d);
    await patchZip(f!, SCORES_PART, `${SHEET_HEAD}<row r="1">${inline('A1', ' '.repeat(16 * 1024 * 1024))}</row></sheetData></worksheet>`);
    return [f!];
  }, code: 'E_SHEET_TOO_LARGE', exit: 3, names: 'xl/worksheets/sheet4.xml' },
  { name: 'a sheet of a million empty styled rows', make: async (d) => {
    const [f] = await book(() => undefined)(d);
    const rows = [`<row r="1">${inline('A1', '单位名称')}${inline('B1', 'A')}${inline('C1', 'B')}</row>`,
      `<row r="2">${inline('A2', '一镇')}<c r="B2"><v>50</v></c><c r="C2"><v>30</v></c></row>`];
    for (let r = 3; r <= 1_000_002; r++) rows.push(`<row r="${r}" s="0" customFormat="1"/>`);
    // Node's deflate: JSZip's took ten seconds over these 40 MB.
    await writeZip(f!, { ...(await partsOf(f!)), [SCORES_PART]: Buffer.from(`${SHEET_HEAD}${rows.join('')}</sheetData></worksheet>`) });
    return ['check', f!];
  }, code: 'E_MISSING_UNIT_ROW', exit: 1, names: '二镇' },

  // Broken files: what is wrong and what to do, in Chinese; the unzip and XML libraries' words only under SCORE_DEBUG.
  { name: 'a zip whose list of sheets (xl/workbook.xml) is missing', make: (d) => zip(d, 'nolist.xlsx', {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `${SHEET_HEAD}</sheetData></worksheet>`,
  }), code: 'E_CORRUPT_XLSX', exit: 3, names: '缺少工作表清单「xl/workbook.xml」' },
  { name: 'a sheet listed in the workbook whose part is missing', make: async (d) => {
    const [f] = await book(() => undefined)(d);
    await dropFromZip(f!, SCORES_PART);
    return [f!];
  }, code: 'E_CORRUPT_XLSX', exit: 3, names: '工作表「得分表」的内容「xl/worksheets/sheet4.xml」不在文件中' },
  { name: 'a sheet with text outside its root element', make: scoresPart(`${SHEET_HEAD}</sheetData></worksheet>多余`), code: 'E_CORRUPT_XLSX', exit: 3, names: '（根元素之外有多余的文字）' },
  { name: 'a sheet whose tags do not close', make: scoresPart(`${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>`), code: 'E_CORRUPT_XLSX', exit: 3, names: '（结束标签与开始标签不配对）' },
  { name: 'a sheet cut off inside its rows', make: scoresPart(`${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row>`), code: 'E_CORRUPT_XLSX', exit: 3, names: '（有未结束的标签）' },
  { name: 'a number stored as 5O (letter O)', make: scoresPart(`${SHEET_HEAD}<row r="1">${inline('A1', '单位名称')}${inline('B1', 'A')}${inline('C1', 'B')}</row><row r="2">${inline('A2', '一镇')}<c r="B2"><v>5O</v></c></row></sheetData></worksheet>`), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!B2' },
  { name: 'a sheet whose bytes are not the UTF-8 it declares', make: scoresPart(Buffer.concat([Buffer.from(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`), Buffer.from([0xd2, 0xbb, 0xd5, 0xf2]), Buffer.from('</t></is></c></row></sheetData></worksheet>')])), code: 'E_CORRUPT_XLSX', exit: 3, names: '中有不是 UTF-8 的字节' },
  // 300 MB of empty rows in a few hundred KB: stopped at 200 MB by its ratio, under the default 512 MB limit.
  { name: 'a zip bomb stopped by its ratio (no SCORE_MAX_SHEET_MB)', make: async (d) => {
    const [f] = await book(() => undefined)(d);
    await writeZip(f!, { ...(await partsOf(f!)), [SCORES_PART]: { head: SHEET_HEAD, body: '<row/>', times: 50_000_000, tail: '</sheetData></worksheet>' } });
    return [f!];
  }, code: 'E_SHEET_TOO_LARGE', exit: 3, names: '压缩炸弹' },
  { name: 'a cell longer than 16 million characters', make: scoresPart(`${SHEET_HEAD}<row r="1">${inline('A1', ' '.repeat(17 * 1024 * 1024))}</row></sheetData></worksheet>`), code: 'E_SHEET_TOO_LARGE', exit: 3, names: '连续文字' },

  // Usage
  { name: 'an unknown option', make: async () => ['--bogus'], code: 'E_USAGE', exit: 2, names: '不认识的选项：--bogus' },
  { name: 'check without a workbook', make: async () => ['check'], code: 'E_USAGE', exit: 2, names: '缺少参数' },
];

// Found by the fuzz test: a clerk's text that names a member of Object.prototype.
CASES.push(
  { name: 'a scoring method named __proto__', make: sample((wb) => { wb.getWorksheet('指标体系')!.getCell('F3').value = '__proto__'; }), code: 'E_INDICATOR_METHOD', exit: 1, names: '指标体系!F3' },
  { name: 'a scoring method named constructor', make: sample((wb) => { wb.getWorksheet('指标体系')!.getCell('F3').value = 'constructor'; }), code: 'E_INDICATOR_METHOD', exit: 1, names: '指标体系!F3' },
  { name: 'a parameter named toString', make: sample((wb) => { wb.getWorksheet('指标体系')!.getCell('G3').value = 'toString=1'; }), code: 'E_INDICATOR_PARAM', exit: 1, names: '指标体系!G3' },
);

// CSV inputs
CASES.push(
  { name: 'a CSV with unbalanced quotes', make: async (d) => { const [f] = await book((s) => { delete s['得分表']; })(d); writeFileSync(path.join(d, '得分表.csv'), '单位名称,A,B\n"一镇,50,30\n'); return [f!, path.join(d, '得分表.csv')]; }, code: 'E_BAD_CSV', exit: 3, names: '得分表.csv' },
  { name: 'an empty CSV', make: async (d) => { const [f] = await book((s) => { delete s['得分表']; })(d); writeFileSync(path.join(d, '得分表.csv'), ''); return [f!, path.join(d, '得分表.csv')]; }, code: 'E_EMPTY_FILE', exit: 3 },
);

// template: forms are written only from a sound scheme, indicator system and roster, and never over anything.
/** The minimal book's blank form, made in `dir` by `score template`. */
async function blankForm(dir: string): Promise<{ book: string; form: string }> {
  const [book] = await bookOf(dir);
  const run = await runCli(['template', book!, '-o', dir]);
  if (run.code !== 0) throw new Error(`template failed: ${run.stderr}`);
  return { book: book!, form: path.join(dir, '得分填报表.xlsx') };
}
const bookOf = book(() => undefined);

/** The minimal book's form filled (一镇 50/30, 二镇 40/20), a copy with `change`, and the merge command. */
function mergeOf(change: Fill, extra: { copy?: boolean; out?: string } = {}): (dir: string) => Promise<string[]> {
  return async (dir) => {
    const { form } = await blankForm(dir);
    await fillXlsx(form, new Map([['得分表', new Map<string, FillValue>([['C3', 50], ['D3', 30], ['C4', 40], ['D4', 20]])]]));
    const files = [form];
    if (extra.copy !== false) {
      const copy = path.join(dir, '第二份.xlsx');
      copyFileSync(form, copy);
      await fillXlsx(copy, change);
      files.push(copy);
    } else await fillXlsx(form, change);
    return ['merge', ...files, '-o', extra.out ?? path.join(dir, '合并.xlsx')];
  };
}
const scoresCell = (ref: string, value: FillValue): Fill => new Map([['得分表', new Map([[ref, value]])]]);

CASES.push(
  { name: 'template: a missing workbook', make: async (d) => ['template', path.join(d, 'nope.xlsx')], code: 'E_FILE_NOT_FOUND', exit: 3 },
  { name: 'template: an old .xls', make: async (d) => ['template', ...(await file('old.xls', OLE)(d))], code: 'E_OLD_XLS', exit: 3 },
  { name: 'template: no 单位名单 sheet', make: async (d) => ['template', ...(await book((s) => { delete s['单位名单']; })(d))], code: 'E_MISSING_SHEET', exit: 1, names: '单位名单' },
  { name: 'template: an unknown scheme key', make: async (d) => ['template', ...(await book((s) => { s['方案'] = `${s['方案'] as string}fullMark: 100\n`; })(d))], code: 'E_SCHEME_UNKNOWN_KEY', exit: 2, names: 'fullMarks' },
  { name: 'template: a duplicate indicator code', make: async (d) => ['template', ...(await book((s) => { s['指标体系'] = [['编码', '一级指标', '分值'], ['A', '甲', 60], ['A', '乙', 40]]; })(d))], code: 'E_INDICATOR_DUP_CODE', exit: 1, names: '指标体系!A3' },
  { name: 'template: a unit in two categories', make: async (d) => ['template', ...(await book((s) => { s['方案'] = (s['方案'] as string).replace('[乡镇]', '[乡镇, 部门]'); s['单位名单'] = [['单位名称', '类别'], ['一镇', '乡镇'], ['一镇', '部门']]; })(d))], code: 'E_ROSTER_TWO_CATEGORIES', exit: 1, names: '单位名单!A3' },
  { name: 'template: an earlier form in the way', make: async (d) => { const [b] = await bookOf(d); writeFileSync(path.join(d, '得分填报表.xlsx'), 'filled'); return ['template', b!]; }, code: 'E_WOULD_OVERWRITE', exit: 2, names: '得分填报表.xlsx' },
  { name: 'template: the form would replace the input', make: async (d) => { const [b] = await bookOf(d); const input = path.join(d, '得分填报表.xlsx'); copyFileSync(b!, input); return ['template', input, '--force']; }, code: 'E_OUTPUT_IS_INPUT', exit: 2 },
  { name: 'template: --out names a file', make: async (d) => { const [b] = await bookOf(d); writeFileSync(path.join(d, 'afile'), 'x'); return ['template', b!, '-o', path.join(d, 'afile')]; }, code: 'E_OUT_NOT_FOLDER', exit: 2, names: 'afile' },
  { name: 'template: a zip bomb', env: { SCORE_MAX_SHEET_MB: '4' }, make: async (d) => {
    const [f] = await bookOf(d);
    await patchZip(f!, SCORES_PART, `${SHEET_HEAD}<row r="1">${inline('A1', ' '.repeat(16 * 1024 * 1024))}</row></sheetData></worksheet>`);
    return ['template', f!];
  }, code: 'E_SHEET_TOO_LARGE', exit: 3 },

  // merge: nothing is written unless every form is read and agrees.
  { name: 'merge: a missing form', make: async (d) => { const { form } = await blankForm(d); return ['merge', form, path.join(d, 'nope.xlsx'), '-o', path.join(d, 'm.xlsx')]; }, code: 'E_FILE_NOT_FOUND', exit: 3 },
  { name: 'merge: a truncated form', make: async (d) => { const { form } = await blankForm(d); const cut = path.join(d, 'cut.xlsx'); writeFileSync(cut, readFileSync(form).subarray(0, 2000)); return ['merge', form, cut, '-o', path.join(d, 'm.xlsx')]; }, code: 'E_CORRUPT_XLSX', exit: 3, names: 'cut.xlsx' },
  { name: 'merge: two values for one cell', make: mergeOf(scoresCell('C3', 45)), code: 'E_MERGE_CONFLICT', exit: 1, names: '第二份.xlsx」得分表!C3' },
  { name: 'merge: a form from another roster', make: mergeOf(new Map([['单位名单', new Map([['A3', '三镇']])]])), code: 'E_MERGE_DIFFERENT_FORMS', exit: 1, names: '单位名单!A3' },
  { name: 'merge: a form from another scheme', make: mergeOf(new Map([['方案', new Map([['A1', 'name: 别的方案']])]])), code: 'E_MERGE_DIFFERENT_FORMS', exit: 1, names: '方案!A1' },
  { name: 'merge: a score above the maximum', make: mergeOf(scoresCell('C3', 70), { copy: false }), code: 'E_ABOVE_MAX', exit: 1, names: '得分表!C3' },
  { name: 'merge: a negative score', make: mergeOf(scoresCell('D4', -1), { copy: false }), code: 'E_NEGATIVE', exit: 1, names: '得分表!D4' },
  { name: 'merge: an error cell', make: mergeOf(scoresCell('C4', { error: '#DIV/0!' }), { copy: false }), code: 'E_ERROR_CELL', exit: 1, names: '得分表!C4' },
  { name: 'merge: a formula without a cached result', make: mergeOf(scoresCell('C4', { formula: 'B4*2' }), { copy: false }), code: 'E_FORMULA_NO_RESULT', exit: 1, names: '得分表!C4' },
  { name: 'merge: text where a score belongs', make: mergeOf(scoresCell('D3', '—'), { copy: false }), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!D3' },
  { name: 'merge: an unknown unit', make: mergeOf(new Map([['得分表', new Map<string, FillValue>([['A5', '三镇'], ['C5', 10]])]]), { copy: false }), code: 'E_UNKNOWN_UNIT', exit: 1, names: '得分表!A5' },
  { name: 'merge: a unit named __proto__', make: mergeOf(new Map([['得分表', new Map<string, FillValue>([['A5', '__proto__'], ['C5', 10]])]]), { copy: false }), code: 'E_UNKNOWN_UNIT', exit: 1, names: '__proto__' },
  { name: 'merge: the header row gone', make: mergeOf(new Map([['得分表', new Map<string, FillValue>([['A2', '名字']])]]), { copy: false }), code: 'E_HEADER_NOT_FOUND', exit: 1, names: '得分表' },
  { name: 'merge: forms that carry no scheme, indicators or roster', make: async (d) => { const [f] = await book((s) => { delete s['方案']; delete s['指标体系']; delete s['单位名单']; })(d); return ['merge', f!, '-o', path.join(d, 'm.xlsx')]; }, code: 'E_MISSING_SHEET', exit: 1, names: 'book.xlsx：缺少工作表「方案」' },
  { name: 'merge: no scheme in any form', make: async (d) => { const [f] = await book((s) => { delete s['方案']; })(d); return ['merge', f!, '-o', path.join(d, 'm.xlsx')]; }, code: 'E_MISSING_SHEET', exit: 1, names: '方案' },
  { name: 'merge: the output would replace a form', make: async (d) => { const { form } = await blankForm(d); return ['merge', form, '-o', form]; }, code: 'E_OUTPUT_IS_INPUT', exit: 2 },
  { name: 'merge: the output folder does not exist', make: mergeOf(scoresCell('C3', 50), { out: '/nonexistent-score-dir/m.xlsx' }), code: 'E_WRITE_FAILED', exit: 3, names: '/nonexistent-score-dir/m.xlsx' },
  { name: 'merge: a 1 MB unit name', make: mergeOf(new Map([['得分表', new Map<string, FillValue>([['A5', '县'.repeat(350_000)], ['C5', 10]])]]), { copy: false }), code: 'E_UNKNOWN_UNIT', exit: 1, names: '得分表!A5' },
  { name: 'merge: a zip bomb form', env: { SCORE_MAX_SHEET_MB: '4' }, make: async (d) => {
    const { form } = await blankForm(d);
    const bomb = path.join(d, 'bomb.xlsx');
    copyFileSync(form, bomb);
    await patchZip(bomb, 'xl/worksheets/sheet2.xml', `${SHEET_HEAD}<row r="1">${inline('A1', ' '.repeat(16 * 1024 * 1024))}</row></sheetData></worksheet>`);
    return ['merge', form, bomb, '-o', path.join(d, 'm.xlsx')];
  }, code: 'E_SHEET_TOO_LARGE', exit: 3, names: 'bomb.xlsx' },
);

// Files and folders: what a workbook may name, and what stands where an output goes (issue 12).
const withTemplate = (name: string) => book((s) => { s['方案'] = `${s['方案'] as string}notice:\n  template: ${name}\n`; });
CASES.push(
  { name: 'notice.template climbing out of the scheme\'s folder', make: withTemplate('../../../../../../etc/hostname'), code: 'E_TEMPLATE_PATH', exit: 2, names: '方案!A8' },
  { name: 'notice.template as an absolute path', make: withTemplate('/etc/hostname'), code: 'E_TEMPLATE_PATH', exit: 2, names: 'notice.template' },
  { name: 'notice.template naming a folder', make: async (d) => { mkdirSync(path.join(d, '模板')); return withTemplate('模板')(d); }, code: 'E_TEMPLATE_PATH', exit: 2, names: '方案!A8' },
  { name: 'notice.template missing', make: withTemplate('没有这个模板.txt'), code: 'E_FILE_NOT_FOUND', exit: 3, names: '方案!A8' },
  { name: 'a folder where the notice should go', make: async (d) => { mkdirSync(path.join(d, 'book.通报.xlsx')); return bookOf(d); }, code: 'E_OUTPUT_NOT_FILE', exit: 2, names: 'book.通报.xlsx' },
  { name: '-o naming a file', make: async (d) => { writeFileSync(path.join(d, 'out.txt'), 'x'); return [...(await bookOf(d)), '-o', path.join(d, 'out.txt')]; }, code: 'E_OUT_NOT_FOLDER', exit: 2, names: 'out.txt' },
  { name: '-o /dev/null', make: async (d) => [...(await bookOf(d)), '-o', '/dev/null'], code: 'E_OUT_NOT_FOLDER', exit: 2, names: '/dev/null' },
  { name: 'a workbook name too long for its outputs', make: async (d) => { const [b] = await bookOf(d); const long = path.join(d, `${'评'.repeat(82)}.xlsx`); copyFileSync(b!, long); return [long]; }, code: 'E_NAME_TOO_LONG', exit: 2 },
  { name: '--scheme naming a folder', make: async (d) => [...(await bookOf(d)), '--scheme', d], code: 'E_IS_DIRECTORY', exit: 3 },
  { name: 'the output folder reached through a link to the inputs', make: async (d) => {
    const inputs = path.join(d, 'in');
    mkdirSync(inputs);
    const [b] = await bookOf(inputs);
    copyFileSync(b!, path.join(inputs, 'book.通报.xlsx'));
    symlinkSync(inputs, path.join(d, 'alias'));
    return [b!, path.join(inputs, 'book.通报.xlsx'), '-o', path.join(d, 'alias')];
  }, code: 'E_OUTPUT_IS_INPUT', exit: 2 },
  { name: 'template: two departments, one file name', make: async (d) => ['template', '--by-department', ...(await book((s) => { s['指标体系'] = [['编码', '一级指标', '分值', '牵头部门'], ['A', '甲', 60, '县/委'], ['B', '乙', 40, '县:委']]; })(d))], code: 'E_FORM_NAME_CLASH', exit: 1, names: '县:委' },
  { name: 'template: a department named like the office form', make: async (d) => ['template', '--by-department', ...(await book((s) => {
    s['方案'] = `${s['方案'] as string}vetoes:\n  - name: 安全生产\n    effect: fail\n`;
    s['指标体系'] = [['编码', '一级指标', '分值', '牵头部门'], ['A', '甲', 60, '县委'], ['B', '乙', 40, '加减分和一票否决']];
  })(d))], code: 'E_FORM_NAME_CLASH', exit: 1, names: '加减分和一票否决' },
  { name: 'template: a folder where a form should go', make: async (d) => { mkdirSync(path.join(d, '得分填报表.xlsx')); return ['template', ...(await bookOf(d))]; }, code: 'E_OUTPUT_NOT_FILE', exit: 2, names: '得分填报表.xlsx' },
  { name: 'merge: the output reached through a link to the forms\' folder', make: async (d) => {
    const forms = path.join(d, 'forms');
    mkdirSync(forms);
    const { form } = await blankForm(forms);
    symlinkSync(forms, path.join(d, 'alias'));
    return ['merge', form, '-o', path.join(d, 'alias', '得分填报表.xlsx')];
  }, code: 'E_OUTPUT_IS_INPUT', exit: 2 },
  { name: 'init onto a file', make: async (d) => { writeFileSync(path.join(d, 'afile'), 'x'); return ['init', path.join(d, 'afile')]; }, code: 'E_OUT_NOT_FOLDER', exit: 2, names: 'afile' },
  { name: 'init: a folder where the scheme should go', make: async (d) => { mkdirSync(path.join(d, '方案.yaml')); return ['init', d]; }, code: 'E_OUTPUT_NOT_FILE', exit: 2, names: '方案.yaml' },
  { name: 'init into a folder whose name is too long', make: async (d) => ['init', path.join(d, '很'.repeat(90))], code: 'E_WRITE_FAILED', exit: 3, names: '太长' },
);

// Issue 12: what is inside the inputs. Workbooks written by hand hold what no office writes.
const header = row(1, [inlineCell('A1', '单位名称'), inlineCell('B1', 'A'), inlineCell('C1', 'B')]);
/** The minimal book written by hand, 一镇's A cell (得分表!B2) as given. */
function handScores(cellB2: string, extra: Parameters<typeof minimalBook>[1] = {}): (dir: string) => Promise<string[]> {
  return async (dir) => [await writeHandBook(path.join(dir, 'hand.xlsx'), minimalBook(
    `${header}${row(2, [inlineCell('A2', '一镇'), cellB2, valueCell('C2', '30')])}${row(3, [inlineCell('A3', '二镇'), valueCell('B3', '40'), valueCell('C3', '20')])}`, extra))];
}
const schemeWith = (extra: string): string => `name: 测试\ncategories: [乡镇]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n${extra}`;

CASES.push(
  { name: 'a stored number <v>5O</v> (not parseFloat()ed to 5)', make: handScores(valueCell('B2', '5O')), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!B2' },
  { name: 'a stored number <v>0x32</v>', make: handScores(valueCell('B2', '0x32')), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!B2' },
  { name: 'a stored number <v>INF</v>', make: handScores(valueCell('B2', 'INF')), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!B2' },
  { name: 'an ISO date cell (t="d") in a score column', make: handScores(valueCell('B2', '2024-05-04T00:00:00', 'd')), code: 'E_NOT_A_NUMBER', exit: 1, names: '日期（2024-05-04），不是分数' },
  { name: 'a date-formatted number in a score column', make: handScores(valueCell('B2', '45000', undefined, 1), { cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="14"/>'] }), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!B2' },
  { name: 'a shared string that does not exist', make: handScores(valueCell('B2', '99', 's'), { sharedStrings: ['<t>甲</t>'] }), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!B2' },
  { name: 'a boolean stored as 2', make: handScores(valueCell('B2', '2', 'b')), code: 'E_NOT_A_NUMBER', exit: 1, names: '得分表!B2' },
  { name: 'a sheet whose XML is broken', make: handScores('<c r="B2"><v>5</c>'), code: 'E_CORRUPT_XLSX', exit: 3, names: '不是有效的 XML' },
  { name: 'an encrypted zip', make: async (d) => {
    const [f] = await book(() => undefined)(d);
    const bytes = readFileSync(f!);
    // The "encrypted" bit of every entry's flags, local (PK\x03\x04 +6) and central (PK\x01\x02 +8).
    for (const [sig, at] of [['PK\x03\x04', 6], ['PK\x01\x02', 8]] as const) {
      for (let i = bytes.indexOf(sig); i >= 0; i = bytes.indexOf(sig, i + 4)) bytes.writeUInt16LE(bytes.readUInt16LE(i + at) | 1, i + at);
    }
    writeFileSync(f!, bytes);
    return [f!];
  }, code: 'E_OLD_XLS', exit: 3, names: '加了密码' },

  { name: 'a YAML alias without its anchor (label: *先进单位)', make: handScores(valueCell('B2', '50'), { scheme: schemeWith('notice:\n  title: *先进单位') }), code: 'E_SCHEME_YAML', exit: 2, names: '「*先进单位」' },
  { name: 'YAML "billion laughs"', make: handScores(valueCell('B2', '50'), { scheme: schemeWith(['x1: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]', ...'bcdefg'.split('').map((n, i) => `x${i + 2}: &${n} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n')) }), code: 'E_SCHEME_YAML', exit: 2, names: '展开后过大' },
  { name: 'fullMarks: 1e400', make: handScores(valueCell('B2', '50'), { scheme: schemeWith('fullMarks: 1e400') }), code: 'E_SCHEME_VALUE', exit: 2, names: '「fullMarks」的值「1e400」太大' },
  { name: 'fullMarks: .nan', make: handScores(valueCell('B2', '50'), { scheme: schemeWith('fullMarks: .nan') }), code: 'E_SCHEME_VALUE', exit: 2, names: '「fullMarks」' },
  { name: 'a !!binary title', make: handScores(valueCell('B2', '50'), { scheme: schemeWith('notice:\n  title: !!binary aGVsbG8=') }), code: 'E_SCHEME_VALUE', exit: 2, names: '「notice.title」用了 YAML 标签「!!binary」' },
  { name: 'a scheme of 120,000 unknown keys', make: async (d) => {
    const [f] = await handScores(valueCell('B2', '50'))(d);
    writeFileSync(path.join(d, '方案.yaml'), schemeWith(Array.from({ length: 120_000 }, (_, i) => `unknownKey${i}: ${i}`).join('\n')));
    return ['check', f!, '--scheme', path.join(d, '方案.yaml')];
  }, code: 'E_SCHEME_UNKNOWN_KEY', exit: 2, names: '另有 119980 个未知的键' },
  { name: '50,000 rows of unknown units', make: async (d) => {
    const rows = [header];
    for (let r = 2; r < 50_002; r++) rows.push(row(r, [inlineCell(`A${r}`, `未知单位${r}`), valueCell(`B${r}`, '10')]));
    return ['check', await writeHandBook(path.join(d, 'rows.xlsx'), minimalBook(rows.join('')))];
  }, code: 'E_UNKNOWN_UNIT', exit: 1, names: '另有 49980 处未逐条列出' },
  { name: 'a --scheme file in no encoding we read', make: async (d) => {
    const [f] = await handScores(valueCell('B2', '50'))(d);
    writeFileSync(path.join(d, '方案.yaml'), Buffer.concat([Buffer.from(schemeWith('')), Buffer.from([0xff, 0xfe, 0xff])]));
    return [f!, '--scheme', path.join(d, '方案.yaml')];
  }, code: 'E_TEXT_ENCODING', exit: 3, names: '方案.yaml' },
);

// Control characters and help: said, never passed through.
CASES.push(
  { name: 'a unit name with a terminal colour code (ESC) in a CSV', make: async (d) => {
    const [f] = await book((s) => { delete s['单位名单']; delete s['得分表']; })(d);
    writeFileSync(path.join(d, '单位名单.csv'), '单位名称,类别\n\x1b[31m一镇\x1b[0m,乡镇\n二镇,乡镇\n');
    writeFileSync(path.join(d, '得分表.csv'), '单位名称,A,B\n\x1b[31m一镇\x1b[0m,50,30\n二镇,40,20\n');
    return ['check', f!, path.join(d, '单位名单.csv'), path.join(d, '得分表.csv')];
  }, code: 'W_CONTROL_CHARS', exit: 0, names: '单位名单!A2' },
  { name: 'a unit name with Excel-escaped control characters (_x001B_)', make: async (d) => [await writeHandBook(path.join(d, 'esc.xlsx'), minimalBook(
    `${header}${row(2, [inlineCell('A2', '一镇'), valueCell('B2', '50'), valueCell('C2', '30')])}${row(3, [inlineCell('A3', '_x001B_[2J二镇'), valueCell('B3', '40'), valueCell('C3', '20')])}`))],
  code: 'E_UNKNOWN_UNIT', exit: 1, names: '␛[2J二镇' },
  { name: 'help for a command that does not exist', make: async () => ['help', 'nonexist'], code: 'E_USAGE', exit: 2, names: '没有命令「nonexist」' },
);
