import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tempDir } from '../support/cli.js';
import { dumpSheet, writeBook } from '../support/workbook.js';

// docs/scheme.md「比率（rate）怎样填写」: 92% typed in Excel is stored as 0.92 with a % format.
const scheme = `name: 百分比格式
categories: [部门]
bands:
  - name: 合格
    atLeast: 60
  - name: 不合格
`;

/** A book whose 得分表 cells B2:B5 hold these values; `formats` gives a cell's number format. */
async function book(values: (number | string)[], formats: (string | undefined)[] = []): Promise<string> {
  const file = path.join(tempDir(), 'rate.xlsx');
  const units = values.map((_, i) => `${i + 1}局`);
  await writeBook(file, {
    方案: scheme,
    指标体系: [['编码', '一级指标', '分值', '评分方法'], ['S', '满意度', 40, 'rate'], ['D', '工作', 60, 'direct']],
    单位名单: [['单位名称', '类别'], ...units.map((u) => [u, '部门'])],
    得分表: [['单位名称', 'S', 'D'], ...units.map((u, i) => [u, values[i]!, 50])],
  });
  // writeBook writes values only: set the formats as Excel does when a clerk types 92%.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  formats.forEach((f, i) => {
    if (f !== undefined) wb.getWorksheet('得分表')!.getCell(`B${i + 2}`).numFmt = f;
  });
  await wb.xlsx.writeFile(file);
  return file;
}

async function totals(file: string): Promise<Map<unknown, unknown>> {
  return new Map((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名')).map((r) => [r[2], r[5]]));
}

describe('a rate typed as a percentage in Excel', () => {
  it('reads 0.92 formatted 0% as 92, and 0.925 formatted 0.00% as 92.5, saying so at the cell', async () => {
    const file = await book([0.92, 0.925, 1, 0.005], ['0%', '0.00%', '0%', '0.0%']);
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${file} 得分表!B2：单位「1局」指标「S」：单元格为百分比格式，按百分比格式读作 92。（代码 I_RATE_PERCENT）`);
    expect(run.stderr).toContain(`${file} 得分表!B3：单位「2局」指标「S」：单元格为百分比格式，按百分比格式读作 92.5。（代码 I_RATE_PERCENT）`);
    // 40 × 92% + 50 = 86.8; 40 × 92.5% + 50 = 87; 100% → 90; 0.5% shown as 0.5% is 0.5%: 40 × 0.5% + 50 = 50.2
    const t = await totals(file);
    expect(['1局', '2局', '3局', '4局'].map((u) => t.get(u))).toEqual([86.8, 87, 90, 50.2]);
  });

  it('still refuses 0.92 in a General cell, where it means 0.92%', async () => {
    const run = await runCli(['check', await book([0.92])]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\S+ 得分表!B2：单位「1局」指标「S」：比率 0\.92 按百分数理解只有 0\.92%[^\n]*（代码 E_RATE_RANGE）/);
  });

  it('refuses 105% as above 100', async () => {
    const run = await runCli(['check', await book([1.05], ['0%'])]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\S+ 得分表!B2：单位「1局」指标「S」：比率 105 超过 100%[^\n]*（代码 E_RATE_RANGE）/);
  });

  it('takes the documented text "92%" without a number-as-text warning, and warns for a plain "92" stored as text', async () => {
    const file = await book(['92%', '92']);
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/\S+ 得分表!B2[^\n]*（代码 W_NUMBER_AS_TEXT）/);
    expect(run.stderr).toMatch(/\S+ 得分表!B3：「92」是文本[^\n]*（代码 W_NUMBER_AS_TEXT）/);
    expect((await totals(file)).get('1局')).toBe(86.8);
  });
});

describe('merge keeps the reading of a percentage cell', () => {
  it('writes 0.92 shown as 92% into the merged workbook as 92, which scores as before', async () => {
    const form = await book([0.92, 0.925], ['0%', '0.00%']);
    const merged = path.join(path.dirname(form), 'merged.xlsx');
    const run = await runCli(['merge', form, '-o', merged]);
    expect(run.code).toBe(0);
    const rows = await dumpSheet(merged, '得分表');
    const column = rows.find((r) => r.includes('单位名称'))!.findIndex((v) => /^S/.test(String(v)));
    expect(rows.filter((r) => /局$/.test(String(r[0]))).map((r) => [r[0], r[column]])).toEqual([['1局', 92], ['2局', 92.5]]);
    expect((await runCli([merged])).code).toBe(0);
    const t = await totals(merged);
    expect([t.get('1局'), t.get('2局')]).toEqual([86.8, 87]);
  });
});
