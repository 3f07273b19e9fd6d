import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { allMethodsBook, ENTRIES, SCHEME } from '../support/all-methods.js';
import { filesIn, runCli, tempDir } from '../support/cli.js';

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

type Rule = { type: string; operator?: string; formulae: unknown[] };
const protectionOf = (ws: ExcelJS.Worksheet): Record<string, unknown> => (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
const ruleOf = (ws: ExcelJS.Worksheet, ref: string): Rule => ws.getCell(ref).dataValidation as unknown as Rule;

describe('score template', () => {
  it('the all-methods workbook scores when entered directly (the data the forms below ask for)', async () => {
    const file = await allMethodsBook(tempDir(), ENTRIES);
    const run = await runCli([file]);
    expect(run.stderr).not.toMatch(/错误 [1-9]/);
    expect(run.code).toBe(0);
  });

  it('writes one form with a guide, an entry sheet per kind, the roster, and the scheme and indicators hidden', async () => {
    const dir = tempDir();
    const book = await allMethodsBook(dir);
    const run = await runCli(['template', book]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(filesIn(dir)).toEqual(['annual.xlsx', '得分填报表.xlsx']);
    const wb = await open(path.join(dir, '得分填报表.xlsx'));
    expect(wb.worksheets.map((w) => `${w.name}:${w.state}`)).toEqual([
      '说明:visible', '得分表:visible', '目标值:visible', '扣分明细:visible', '评议:visible', '加减分:visible', '一票否决:visible',
      '单位名单:visible', '方案:hidden', '指标体系:hidden',
    ]);
    const scores = wb.getWorksheet('得分表')!;
    // One column per leaf entered in the score sheet: code, name and what to enter in the header.
    const headers = (scores.getRow(2).values as string[]).slice(1);
    expect(headers).toEqual(['单位名称', '类别', 'A1\n乡镇重点工作\n（0—20 分）', 'A10\n部门重点工作\n（0—20 分）', 'A3\n任务完成\n（完成值）', 'A4\n能耗\n（实际值）',
      'A5\n廉政建设\n（达标/未达标）', 'A6\n专项工作\n（优秀/良好/一般）', 'A7\n满意率\n（百分数）', 'A8\n行业位次\n（位次）']);
    // One row per unit of the roster, in its order.
    expect([3, 4, 5, 6].map((r) => scores.getCell(r, 1).text)).toEqual(['甲镇', '乙镇', '丙局', '丁局']);
    // Entry cells unlocked, names and headers locked, the sheet protected without a password.
    expect(scores.getCell('C3').protection?.locked).toBe(false);
    expect(scores.getCell('A3').protection?.locked).not.toBe(false);
    expect(scores.getCell('C2').protection?.locked).not.toBe(false);
    // A leaf another category is scored on: grey and locked.
    expect(scores.getCell('C5').protection?.locked).not.toBe(false);
    expect((scores.getCell('C5').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9D9D9');
    expect(protectionOf(scores)).toMatchObject({ sheet: true });
    expect(protectionOf(scores)).not.toHaveProperty('hashValue');
    // Each column checked as typed: within [0, max]; dropdowns for pass and grade.
    expect(ruleOf(scores, 'C3')).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 20] });
    expect(ruleOf(scores, 'E4')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(ruleOf(scores, 'G6')).toMatchObject({ type: 'list', formulae: ['"达标,未达标"'] });
    expect(ruleOf(scores, 'H3')).toMatchObject({ type: 'list', formulae: ['"优秀,良好,一般"'] });
    expect(ruleOf(scores, 'I3')).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(ruleOf(scores, 'J3')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [1] });
    // Frozen names and header; printed landscape on A4 with the header on every page.
    expect(scores.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
    expect(scores.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:2' });
    // List sheets: dropdowns of the roster's names and the sheet's codes; rows may be inserted.
    const deductions = wb.getWorksheet('扣分明细')!;
    expect(ruleOf(deductions, 'A3')).toMatchObject({ type: 'list', formulae: ["'单位名单'!$A$2:$A$5"] });
    expect(ruleOf(deductions, 'B10')).toMatchObject({ type: 'list', formulae: ['"A2"'] });
    expect(protectionOf(deductions)).toMatchObject({ insertRows: true, deleteRows: true });
    expect(ruleOf(wb.getWorksheet('一票否决')!, 'B3')).toMatchObject({ type: 'list', formulae: ['"安全生产"'] });
    // The guide names every entry sheet and every leaf with what to enter.
    const guide: string[] = [];
    wb.getWorksheet('说明')!.eachRow((row) => row.eachCell((c) => void guide.push(c.text)));
    expect(guide.join('\n')).toMatch(/「得分表」、「目标值」、「扣分明细」、「评议」、「加减分」、「一票否决」/);
    for (const code of ['A1', 'A10', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9']) expect(guide).toContain(code);
    expect(guide.join('\n')).toContain('选「达标」或「未达标」');
    // The scheme travels line by line, indentation kept.
    const carried: string[] = [];
    wb.getWorksheet('方案')!.eachRow({ includeEmpty: true }, (row) => void carried.push(row.getCell(1).text));
    expect(`${carried.join('\n')}\n`).toBe(SCHEME);
  });

  it('--by-department writes one form per lead department holding only its indicators, and one for adjustments and vetoes', async () => {
    const dir = tempDir();
    const book = await allMethodsBook(dir);
    const out = path.join(dir, '各部门');
    const run = await runCli(['template', book, '--by-department', '-o', out]);
    expect(run.code).toBe(0);
    expect(filesIn(out)).toEqual(['得分填报表-加减分和一票否决.xlsx', '得分填报表-纪委.xlsx', '得分填报表-组织部.xlsx', '得分填报表-统计局_调查队.xlsx']);
    expect(run.stdout).toContain('得分填报表-组织部.xlsx（4 个指标，4 个单位）');
    const sheetsOf = async (f: string): Promise<string[]> => (await open(path.join(out, f))).worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(await sheetsOf('得分填报表-组织部.xlsx')).toEqual(['说明', '得分表', '单位名单']);
    expect(await sheetsOf('得分填报表-纪委.xlsx')).toEqual(['说明', '扣分明细', '评议', '单位名单']);
    expect(await sheetsOf('得分填报表-统计局_调查队.xlsx')).toEqual(['说明', '得分表', '目标值', '单位名单']);
    expect(await sheetsOf('得分填报表-加减分和一票否决.xlsx')).toEqual(['说明', '加减分', '一票否决', '单位名单']);
    const own = (await open(path.join(out, '得分填报表-组织部.xlsx'))).getWorksheet('得分表')!;
    expect((own.getRow(2).values as string[]).slice(3).map((h) => h.split('\n')[0])).toEqual(['A1', 'A10', 'A5', 'A6']);
    expect(own.getCell('A1').text).toBe('全方法考核 得分表（组织部）');
    // Every form carries the same scheme and indicators, hidden.
    for (const f of filesIn(out)) expect((await open(path.join(out, f))).getWorksheet('方案')?.state).toBe('hidden');
  });

  it('only units that have any of a form\'s indicators get a row', async () => {
    const dir = tempDir();
    const book = await allMethodsBook(dir, {});
    const indicatorsOnlyTowns = path.join(dir, 'towns.xlsx');
    const ExcelBook = new ExcelJS.Workbook();
    ExcelBook.addWorksheet('指标体系').addRows([
      ['编码', '一级指标', '二级指标', '分值', '评分方法', '牵头部门', '适用类别'],
      ['T', '乡镇工作', null, 100, null, '农业局', '乡镇'],
      ['T1', '乡镇工作', '农业生产', 100, 'direct', '农业局', '乡镇'],
      ['D', '部门工作', null, 100, null, '编办', '部门'],
      ['D1', '部门工作', '机构编制', 100, 'direct', '编办', '部门'],
    ]);
    await ExcelBook.xlsx.writeFile(indicatorsOnlyTowns);
    const out = path.join(dir, 'out');
    const run = await runCli(['template', book, '--indicators', indicatorsOnlyTowns, '--by-department', '-o', out]);
    expect(run.code).toBe(0);
    const towns = (await open(path.join(out, '得分填报表-农业局.xlsx'))).getWorksheet('得分表')!;
    expect([3, 4, 5].map((r) => towns.getCell(r, 1).text)).toEqual(['甲镇', '乙镇', '']);
  });

  it('never overwrites an earlier form unless told to, and writes nothing when it refuses', async () => {
    const dir = tempDir();
    const book = await allMethodsBook(dir);
    const form = path.join(dir, '得分填报表.xlsx');
    writeFileSync(form, 'filled in by a department');
    const run = await runCli(['template', book]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E_WOULD_OVERWRITE');
    expect(run.stderr).toContain('--force');
    expect(readFileSync(form, 'utf8')).toBe('filled in by a department');
    const forced = await runCli(['template', book, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(form).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses to write a form over one of its inputs', async () => {
    const dir = tempDir();
    const book = await allMethodsBook(dir);
    const input = path.join(dir, '得分填报表.xlsx');
    writeFileSync(input, readFileSync(book));
    const before = readFileSync(input);
    const run = await runCli(['template', input, '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E_OUTPUT_IS_INPUT');
    expect(readFileSync(input)).toEqual(before);
  });

  it('a broken scheme or roster: every problem listed, no form written', async () => {
    const dir = tempDir();
    const book = await allMethodsBook(dir, { 方案: SCHEME.replace('fullMarks: 100', 'fullMark: 100'), 单位名单: [['单位名称', '类别'], ['甲镇', '乡村']] });
    const run = await runCli(['template', book]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fullMarks');
    expect(run.stderr).toContain('未生成填报表');
    expect(filesIn(dir)).toEqual(['annual.xlsx']);
    const roster = await allMethodsBook(tempDir(), { 单位名单: [['单位名称', '类别'], ['甲镇', '乡村']] });
    const rosterRun = await runCli(['template', roster]);
    expect(rosterRun.code).toBe(1);
    expect(rosterRun.stderr).toMatch(/.*单位名单!B2[^\n]*（代码 E_ROSTER_CATEGORY）/);
    expect(existsSync(path.join(path.dirname(roster), '得分填报表.xlsx'))).toBe(false);
  });

  it('writes names a spreadsheet would take for formulas as text, and __proto__ as an ordinary unit', async () => {
    const dir = tempDir();
    const names = ['=HYPERLINK("http://x","点我")', '+1', '@SUM(A1)', '__proto__'];
    const book = await allMethodsBook(dir, { 单位名单: [['单位名称', '类别'], ...names.map((n) => [n, '乡镇'])] });
    const run = await runCli(['template', book]);
    expect(run.code).toBe(0);
    const scores = (await open(path.join(dir, '得分填报表.xlsx'))).getWorksheet('得分表')!;
    expect([3, 4, 5, 6].map((r) => scores.getCell(r, 1).value)).toEqual(names);
    expect([3, 4, 5, 6].map((r) => scores.getCell(r, 1).type)).toEqual(Array(4).fill(ExcelJS.ValueType.String));
  });
});
