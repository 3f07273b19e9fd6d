import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { displayWidth } from '../../src/core/text.js';
import { copySample, runCli } from '../support/cli.js';
import { frac, ratioed } from '../support/rules-reckoning.mjs';
import { columnOf, dumpSheet, editWorkbook, rowOf, type DumpValue } from '../support/workbook.js';

// What the samples guannan-sanzheng and budget-performance looked like on paper (rendered with
// test/support/render-pages.sh), pinned so that what a clerk would object to does not come back.

interface Sample {
  dir: string;
  numbers: { units: { name: string; exact: string; total: string }[] };
}

const samples: Record<string, Sample> = {};

beforeAll(async () => {
  for (const name of ['budget-performance', 'guannan-sanzheng']) {
    const dir = copySample(name);
    const run = await runCli([path.join(dir, 'annual.xlsx'), '--feedback', path.join(dir, '反馈单')]);
    if (run.code !== 0) throw new Error(run.stderr);
    samples[name] = { dir, numbers: JSON.parse(readFileSync(path.join(dir, 'expected', 'numbers.json'), 'utf8')) };
  }
}, 120_000);

const feedback = (sample: string, unit: string): Promise<DumpValue[][]> => dumpSheet(path.join(samples[sample]!.dir, '反馈单', `${unit}.反馈单.xlsx`), '反馈单');
const texts = (rows: DumpValue[][]): string[] => rows.flat().filter((v): v is string => typeof v === 'string');

/** A page header's printed text, its codes read as LibreOffice reads them: a font size takes every digit after the &. */
function printedHeader(codes: string): string {
  return codes.replace(/&&/g, '\u0000').replace(/&"[^"]*"/g, '').replace(/&\d+/g, '').replace(/&[A-Za-z]/g, '').replace(/\u0000/g, '&');
}

describe('the 通报 on paper', () => {
  it('heads every page with the whole name of the assessment, a year in front included (「2020年度…」, not 「年度…」)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(samples['budget-performance']!.dir, 'annual.通报.xlsx'));
    const visible = wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.headerFooter.oddHeader);
    expect(visible.map((ws) => ws.name)).toContain('自评对照');
    for (const ws of visible) expect(printedHeader(ws.headerFooter.oddHeader!)).toMatch(/^2020年度项目支出绩效评价 /);
  });

  it('gives 自评对照\'s score columns room for the numbers as printed (「10.00」, not 10)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(samples['budget-performance']!.dir, 'annual.通报.xlsx'));
    const ws = wb.getWorksheet('自评对照')!;
    expect(ws.getRow(1).values).toEqual([undefined, '类别', '项目名称', '指标编码', '指标名称', '分值', '自评', '审核', '差额']);
    for (let c = 5; c <= 8; c++) {
      let widest = 0;
      ws.getColumn(c).eachCell((cell, r) => {
        if (r > 1 && typeof cell.value === 'number') widest = Math.max(widest, frac(cell.value).halfUp(2).length);
      });
      expect(widest).toBeGreaterThan(0);
      // A character of padding on each side, as widthsFor gives text.
      expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(widest + 2);
    }
  });
});

describe('the 反馈单 on paper', () => {
  it('calls the assessed by the scheme\'s noun: 项目, never 单位', async () => {
    const rows = await feedback('budget-performance', '中小学校舍维修改造');
    expect(rows[1]![0]).toBe('项目：中小学校舍维修改造　　类别：部门预算项目');
    expect(texts(rows)).toContain('第 3 名（类别「部门预算项目」共 7 个项目）');
    for (const file of readdirSync(path.join(samples['budget-performance']!.dir, '反馈单'))) {
      expect(texts(await feedback('budget-performance', file.replace(/\.反馈单\.xlsx$/, ''))).filter((t) => t.includes('单位'))).toEqual([]);
    }
    // A sample without a noun keeps 单位.
    expect((await feedback('guannan-sanzheng', '堆沟港镇'))[1]![0]).toBe('单位：堆沟港镇　　类别：乡镇');
  });

  it('prints in 得分 and 失分 numbers a column holds, the exact value left to the rule beside them', async () => {
    for (const sample of ['budget-performance', 'guannan-sanzheng']) {
      for (const file of readdirSync(path.join(samples[sample]!.dir, '反馈单'))) {
        const rows = await feedback(sample, file.replace(/\.反馈单\.xlsx$/, ''));
        const table = rows.slice(rows.findIndex((r) => r[0] === '编码') + 1);
        for (const r of table) for (const v of [r[3], r[4]]) if (v !== null && v !== '') expect(String(v)).toMatch(/^[+−]?\d+(\.\d{1,2})?$/);
      }
    }
    const c11 = ratioed(10, 14, 15);
    const row = (await feedback('budget-performance', '中小学校舍维修改造')).find((r) => r[0] === 'C11')!;
    expect(row.slice(2, 5)).toEqual(['10', c11.halfUp(2), frac(10).minus(c11).halfUp(2)]);
    expect(row[5]).toContain(`= ${c11.halfUp(2)}（精确值 ${c11}）`);
  });

  it('writes 分 after the number and before its exact value, and the rounded total once', async () => {
    const unit = samples['budget-performance']!.numbers.units.find((u) => u.name === '中小学校舍维修改造')!;
    const exact = frac(unit.exact);
    expect(exact.halfUp(2)).toBe(unit.total);
    const decision = frac(18);
    const management = frac('23.6');
    const performance = exact.minus(decision).minus(management);
    const all = texts(await feedback('budget-performance', '中小学校舍维修改造'));
    expect(all).toContain(`三、项目绩效（55 分）　计入 ${performance.halfUp(2)} 分（精确值 ${performance}）`);
    expect(all).toContain(`总分：18 + 23.6 + ${performance.halfUp(2)}（精确值 ${performance}） = ${exact}，四舍五入为 ${unit.total}`);
    const c11 = ratioed(10, 14, 15);
    expect(all).toContain(`自评 9.5 分，审核 ${c11.halfUp(2)} 分，差额 +${frac('9.5').minus(c11).halfUp(2)} 分（计入审核分）`);
  });

  it('gives the summary\'s labels a column they fit on one line', async () => {
    const file = path.join(samples['budget-performance']!.dir, '反馈单', '中小学校舍维修改造.反馈单.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const labels = ['总分', '等次', '评定理由', '差距', '荣誉、标记'];
    const firstColumn = (await feedback('budget-performance', '中小学校舍维修改造')).map((r) => r[0]);
    for (const l of labels) expect(firstColumn).toContain(l);
    // A character of padding on each side, as widthsFor gives text.
    for (const l of labels) expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(displayWidth(l) + 2);
  });
});

describe('the 通报.docx on paper', () => {
  it('keeps a long 发文机关标志 on one line: 「灌南县三政绩效管理委员会办公室」 broke before 「公室」 in 32-point type', async () => {
    const dir = samples['guannan-sanzheng']!.dir;
    const xml = await (await JSZip.loadAsync(readFileSync(path.join(dir, 'annual.通报.docx')))).file('word/document.xml')!.async('string');
    const issuer = '灌南县三政绩效管理委员会办公室';
    const run = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].find((m) => m[1]!.includes(`>${issuer}<`))![1]!;
    const points = Number(/<w:sz w:val="(\d+)"\/>/.exec(run)![1]) / 2;
    // GB/T 9704's margins leave 210 − 28 − 26 = 156 mm for the text.
    const line = (156 / 25.4) * 72;
    expect([...issuer].length * points).toBeLessThanOrEqual(line);
    expect(points).toBeGreaterThanOrEqual(26);
    expect(run).toContain('<w:color w:val="FF0000"/>');
  });
});

describe('the 变更 sheet of a re-run', () => {
  it('calls the assessed by the scheme\'s noun, on paper and on screen', async () => {
    const dir = copySample('budget-performance');
    const file = path.join(dir, 'annual.xlsx');
    expect((await runCli([file])).code).toBe(0);
    // 中小学校舍维修改造 (90.03, 优, 3rd) loses its 绩效目标 points: 83.03, 良, and 城区背街小巷改造 (86.75) passes it.
    await editWorkbook(file, file, (wb) => {
      const ws = wb.getWorksheet('得分表')!;
      for (const code of [/^A21/, /^A22/]) rowOf(ws, '中小学校舍维修改造').getCell(columnOf(ws, code)).value = 0;
    });
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    const summary = '1 个项目等次变化，2 个项目名次变化，总分变化 1 个';
    expect(run.stdout).toContain(summary);
    const sheet = await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '变更');
    expect(sheet[0]).toEqual(['类别', '项目名称', '变化', '原因']);
    expect(sheet.find((r) => r[1] === '城区背街小巷改造')?.[3]).toBe('本项目数据未变，因其他项目得分变化');
    expect(texts(sheet).join('\n')).toContain(summary);
    expect(texts(sheet).filter((t) => t.includes('单位'))).toEqual([]);
  });
});

describe('the entry forms of a scheme whose noun is 项目', () => {
  it('head the name column 项目名称 and say 项目 in their 说明, and merge reads the filled forms back', async () => {
    const dir = copySample('budget-performance');
    const forms = path.join(dir, 'forms');
    const template = await runCli(['template', path.join(dir, 'annual.xlsx'), '-o', forms]);
    expect(template.code).toBe(0);
    expect(template.stdout).toMatch(/（\d+ 个指标，12 个项目）/);
    const form = path.join(forms, readdirSync(forms)[0]!);
    for (const sheet of ['得分表', '目标值', '扣分明细', '自评']) expect((await dumpSheet(form, sheet))[1]![0]).toBe('项目名称');
    const notes = (await dumpSheet(form, '说明')).flat().filter((v): v is string => typeof v === 'string').join('\n');
    expect(notes).toContain('不要改动表头、项目名称和工作表名称');
    expect(notes).not.toMatch(/该单位|单位名称|各单位/);
    // A form filled in as the sample's own workbook is, merged: the 项目名称 column is read as the names.
    const merged = path.join(dir, 'merged.xlsx');
    const merge = await runCli(['merge', form, '-o', merged]);
    expect(merge.stderr).not.toMatch(/错误 [1-9]|E_MISSING_COLUMN|找不到/);
    expect(merge.code).toBe(0);
  });
});
