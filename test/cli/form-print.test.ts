import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { runCli, SAMPLES } from '../support/cli.js';

describe('entry forms print on A4 (issue 13)', () => {
  let office: ExcelJS.Workbook;

  beforeAll(async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'score-forms-'));
    const run = await runCli(['template', path.join(SAMPLES, 'zhengding', 'annual.xlsx'), '--by-department', '-o', out]);
    expect(run.code).toBe(0);
    office = new ExcelJS.Workbook();
    await office.xlsx.readFile(path.join(out, '得分填报表-加减分和一票否决.xlsx'));
  });

  it('prints 20 ruled blank rows under the header of the 加减分 form, with the sign-off lines in the footer', () => {
    const ws = office.getWorksheet('加减分')!;
    expect(ws.pageSetup.printArea).toBe('A1:G22');
    expect(ws.getRow(22).getCell(1).border?.bottom?.style).toBe('thin');
    for (const words of ['填报单位', '填报人', '审核人', '联系电话', '填报日期', '第 &P 页 共 &N 页']) expect(ws.headerFooter.oddFooter).toContain(words);
  });

  it('fits a narrow form upright and the 说明 on one page', () => {
    expect(office.getWorksheet('一票否决')!.pageSetup).toMatchObject({ orientation: 'portrait', fitToPage: true, fitToWidth: 1 });
    expect(office.getWorksheet('说明')!.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
  });
});
