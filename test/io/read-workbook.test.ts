import path from 'node:path';
import ExcelJS from 'exceljs';
import { isPercentFormat } from '../../src/core/raw-sheet.js';
import { readXlsx } from '../../src/io/read-workbook.js';
import { tempDir } from '../support/cli.js';

describe('readXlsx', () => {
  // exceljs's streaming reader decodes each 16 KB chunk on its own, so a Chinese character split
  // across two chunks came back as "��" (exceljs issues 2063, 2084). Thousands of inline Chinese
  // strings make sure many characters straddle a boundary.
  it.each([['inline strings', false], ['shared strings, stored after the sheets', true]])('keeps every Chinese character intact in a large sheet (%s)', async (_, useSharedStrings) => {
    const file = path.join(tempDir(), 'big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings, useStyles: false });
    const ws = wb.addWorksheet('单位名单');
    const names: string[] = [];
    const categories = ['乡镇', '园区', '部门'];
    for (let i = 0; i < 20000; i++) {
      names.push(`单位${i}`);
      ws.addRow([`单位${i}`, categories[i % 3], `县绩效办${i}`]).commit();
    }
    ws.commit();
    await wb.commit();
    const [sheet] = await readXlsx(file);
    const read = sheet!.rows.map((r) => r.values[0]);
    expect(read.filter((v) => typeof v === 'string' && v.includes('\uFFFD'))).toEqual([]);
    expect(read).toEqual(names);
    expect(sheet!.rows.every((r, i) => r.values[1] === categories[i % 3] && r.values[2] === `县绩效办${i}`)).toBe(true);
  });

  // exceljs's own streaming reader walks the zip in file order and, on Node ≥ 18, races and skips
  // entries (exceljs issue 3064): a workbook exceljs wrote, with xl/workbook.xml last, failed
  // most reads with "Cannot read properties of undefined (reading 'sheets')".
  it('reads every sheet of a workbook whose xl/workbook.xml comes last, every time', async () => {
    const file = path.join(tempDir(), 'order.xlsx');
    const wb = new ExcelJS.Workbook();
    const names = ['方案', '指标体系', '单位名单', '得分表（半年）', '得分表（年终）', '得分表'];
    names.forEach((n, i) => wb.addWorksheet(n).addRow([n, i]));
    await wb.xlsx.writeFile(file);
    for (let i = 0; i < 10; i++) {
      const sheets = await readXlsx(file);
      expect(sheets.map((s) => [s.name, s.rows[0]?.values])).toEqual(names.map((n, k) => [n, [n, k]]));
    }
  });

  it('reads shared strings, formulas with cached results, errors and merged titles', async () => {
    const file = path.join(tempDir(), 'cells.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('得分表');
    ws.mergeCells('A1:C1');
    ws.getCell('A1').value = '标题';
    ws.addRow(['单位名称', 'A1', 'A2']);
    ws.addRow(['新安镇', { formula: '2+3', result: 5 } as ExcelJS.CellFormulaValue, { error: '#DIV/0!' } as ExcelJS.CellErrorValue]);
    ws.addRow(['田楼乡', { formula: 'B3' } as ExcelJS.CellFormulaValue, { richText: [{ text: '8' }, { text: '5' }] }]);
    await wb.xlsx.writeFile(file);
    const [sheet] = await readXlsx(file);
    expect(sheet!.rows.map((r) => [r.number, r.values])).toEqual([
      [1, ['标题']],
      [2, ['单位名称', 'A1', 'A2']],
      [3, ['新安镇', 5, { error: '#DIV/0!' }]],
      [4, ['田楼乡', { formula: 'B3' }, '85']],
    ]);
  });
});

describe('percentage formats', () => {
  it.each([['0%', true], ['0.00%', true], ['#,##0.0%;[Red]-0.0%', true], ['0"%"', false], ['0\\%', false], ['[<0.5]0%;0', true], ['0.00', false], ['General', false]])('%s is a percentage: %s', (format, want) => {
    expect(isPercentFormat(format)).toBe(want);
  });

  it('lists only the numeric cells shown as percentages, and nothing for a sheet without any', async () => {
    const file = path.join(tempDir(), 'pct.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('得分表');
    ws.addRow(['单位名称', 'S', 'D']);
    ws.addRow(['一局', 0.92, 0.5]);
    ws.addRow(['二局', { formula: 'B2', result: 0.9 }, '92%']);
    ws.getCell('B2').numFmt = '0%';
    ws.getCell('B3').numFmt = '0.00%';
    ws.getCell('C3').numFmt = '0%';
    wb.addWorksheet('单位名单').addRow(['单位名称', '类别']);
    await wb.xlsx.writeFile(file);
    const [scores, roster] = await readXlsx(file);
    expect([...(scores!.percent ?? [])]).toEqual(['B2', 'B3']);
    expect(roster!.percent).toBeUndefined();
  });
});
