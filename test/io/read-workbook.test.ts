import path from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/io/read-workbook.js';
import { tempDir } from '../support/cli.js';

describe('readXlsx', () => {
  // exceljs's streaming reader decodes each 16 KB chunk on its own, so a Chinese character split
  // across two chunks came back as "��" (exceljs issues 2063, 2084). Thousands of inline Chinese
  // strings make sure many characters straddle a boundary.
  it.each([['inline strings', false], ['shared strings, sheets buffered to temporary files', true]])('keeps every Chinese character intact in a large sheet (%s)', async (_, useSharedStrings) => {
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
