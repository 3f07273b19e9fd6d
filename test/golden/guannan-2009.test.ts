import path from 'node:path';
import ExcelJS from 'exceljs';
import { copySample, runCli } from '../support/cli.js';
import { dumpSheet } from '../support/workbook.js';


describe('灌南 2009 (seed 001): workbook to 通报', () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    dir = copySample('guannan-2009');
    run = await runCli([path.join(dir, 'annual.xlsx')]);
  });

  it('scores the sample and prints the band counts', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/先进\s*│ 6\s*│ 1\s*│ 9\s*│ 16/);
    expect(run.stdout).toMatch(/达标\s*│ 8\s*│ 3\s*│ 16\s*│ 27/);
    expect(run.stderr).not.toMatch(/at .*\.js/);
  });

  it('prints the appendix on A4 with every note line visible', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'annual.通报.xlsx'));
    const ws = wb.getWorksheet('附件')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
    const rule = ws.getRow(14);
    expect(String(rule.getCell(1).value)).toMatch(/^注：1、/);
    expect(rule.height).toBeGreaterThanOrEqual(36); // two printed lines
  });

  it('ranks equal totals together and skips the next rank', async () => {
    const ranking = await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '排名');
    const byUnit = new Map(ranking.map((r) => [r[2], r]));
    expect(byUnit.get('地税局')?.[1]).toBe(4);
    expect(byUnit.get('质监局')?.[1]).toBe(4);
    expect(byUnit.get('国税局')?.[1]).toBe(6);
    expect(byUnit.get('汤沟镇')?.[8]).toBe(68.33); // 10 × 28/30 in 网上绩效, rounded half-up once
    expect(ranking.filter((r) => r[9] === '不参与评比').map((r) => r[2])).toEqual(['纪委', '组织部', '宣传部', '县委办', '人大办', '政府办', '政协办']);
  });

});
