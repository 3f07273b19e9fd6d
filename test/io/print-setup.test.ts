import path from 'node:path';
import ExcelJS from 'exceljs';
import { copySample, runCli } from '../support/cli.js';
import { MIN_TYPE, printPlan } from '../../src/report/print-plan.js';

async function book(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('print plan (issue 13)', () => {
  it('chooses portrait for a narrow table, landscape when only that keeps type readable, and splits past that', () => {
    expect(printPlan([10, 10, 10, 10])).toMatchObject({ landscape: false, fitToWidth: true, typeSize: 11 });
    const wide = printPlan(Array(12).fill(12));
    expect(wide).toMatchObject({ landscape: true, fitToWidth: true });
    expect(wide.typeSize).toBeGreaterThanOrEqual(MIN_TYPE);
    expect(printPlan(Array(30).fill(12))).toMatchObject({ landscape: true, fitToWidth: false, scale: 90 });
  });
});

describe('通报 workbook prints on A4 (issue 13)', () => {
  let zhengding: ExcelJS.Workbook;
  let guannan: ExcelJS.Workbook;

  beforeAll(async () => {
    const z = copySample('zhengding');
    const g = copySample('guannan-2009');
    await runCli([path.join(z, 'annual.xlsx')]);
    await runCli([path.join(g, 'annual.xlsx')]);
    zhengding = await book(path.join(z, 'annual.通报.xlsx'));
    guannan = await book(path.join(g, 'annual.通报.xlsx'));
  });

  it('numbers every page of every visible sheet and heads it with the assessment and the sheet purpose', () => {
    for (const wb of [zhengding, guannan]) {
      for (const ws of wb.worksheets.filter((w) => w.state !== 'hidden')) {
        expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
        expect(ws.pageSetup.paperSize).toBe(9);
      }
    }
    expect(zhengding.getWorksheet('排名')!.headerFooter.oddHeader).toBe('&C&14&B正定县政府绩效管理年度评估 得分和排名');
  });

  // Two pages down as the print plan chooses (a page spared while type stays ≥ 9 pt, print-plan.ts).
  it('fits 排名 to one landscape page width and two pages down, with the header repeated', () => {
    const ws = zhengding.getWorksheet('排名')!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 2, printTitlesRow: '1:1' });
  });

  it('splits a wide 指标得分 over pages at a readable scale, the unit columns repeated', () => {
    const ws = zhengding.getWorksheet('指标得分')!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: false, scale: 90, printTitlesRow: '1:1', printTitlesColumn: 'A:B' });
  });

  it('borders every cell of every unit row of 排名, 不参与评比 rows included', () => {
    const ws = guannan.getWorksheet('排名')!;
    const width = ws.getRow(1).cellCount;
    let excluded = 0;
    ws.eachRow((row, r) => {
      if (r === 1 || row.getCell(3).text === '') return;
      if (row.getCell(9).text === '不参与评比' || row.getCell(10).text === '不参与评比') excluded++;
      for (let c = 1; c <= width; c++) expect([r, c, row.getCell(c).border?.right?.style]).toEqual([r, c, 'thin']);
    });
    expect(excluded).toBe(7);
  });

  it('centres 名次 and 等次 and sets text a character in, so a number and the text beside it never run together (「1新安镇」, 「91.75先进」)', () => {
    const ws = guannan.getWorksheet('排名')!;
    const row = ws.getRow(2);
    expect(row.getCell(2).alignment?.horizontal).toBe('center');
    expect(row.getCell(3).alignment).toMatchObject({ horizontal: 'left', indent: 1 });
    const band = (ws.getRow(1).values as unknown[]).indexOf('等次');
    expect(row.getCell(band).alignment?.horizontal).toBe('center');
  });

  it('wraps 说明 in a bounded column and makes a long remark\'s row tall enough', () => {
    const ws = zhengding.getWorksheet('排名')!;
    const last = ws.getRow(1).cellCount;
    expect(ws.getColumn(last).width).toBeLessThanOrEqual(36);
    ws.eachRow((row, r) => {
      if (r > 1 && row.getCell(last).text.length > 40) expect(row.height).toBeGreaterThanOrEqual(34);
    });
  });
});
