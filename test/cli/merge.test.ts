import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allMethodsBook, ENTRIES } from '../support/all-methods.js';
import { filesIn, runCli, tempDir } from '../support/cli.js';
import { fillForm, fillXlsx, sampleData, type Fill, type SampleData } from '../support/fill-form.js';
import { dumpSheet, writeBook } from '../support/workbook.js';

const LIBREOFFICE_FORM = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'libreoffice', '得分填报表-组织部.xlsx');

const hash = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');

interface Setup {
  dir: string;
  forms: Record<string, string>;
  data: SampleData;
}

/** The all-methods workbook's forms by department, and the data to fill them from. */
async function setup(): Promise<Setup> {
  const dir = tempDir();
  const book = await allMethodsBook(dir);
  const out = path.join(dir, 'forms');
  const run = await runCli(['template', book, '--by-department', '-o', out]);
  expect(run.code).toBe(0);
  const forms: Record<string, string> = {};
  for (const f of filesIn(out)) forms[/得分填报表-(.+)\.xlsx/.exec(f)![1]!] = path.join(out, f);
  const direct = await allMethodsBook(tempDir(), ENTRIES);
  return { dir, forms, data: await sampleData(direct) };
}

/** A copy of a department's form under another name, with some cells changed: the form sent twice. */
async function copyOf(s: Setup, department: string, name: string, change?: Fill): Promise<string> {
  const copy = path.join(s.dir, name);
  copyFileSync(s.forms[department]!, copy);
  if (change) await fillXlsx(copy, change);
  return copy;
}

async function fillAll(s: Setup): Promise<string[]> {
  for (const f of Object.values(s.forms)) await fillForm(f, s.data);
  return Object.values(s.forms);
}

describe('score merge', () => {
  it('merges every method, adjustments and vetoes into a workbook that scores like the data entered directly', async () => {
    const s = await setup();
    const files = await fillAll(s);
    const hashes = files.map(hash);
    const merged = path.join(s.dir, 'merged.xlsx');
    const run = await runCli(['merge', ...files, '-o', merged]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/组织部\s*│ 4\s*│ 12\s*│ 12\s*│ 0\s*│ 0\s*│ 得分填报表-组织部\.xlsx/);
    expect(run.stdout).toMatch(/纪委\s*│ 2\s*│ 4\s*│ 4\s*│ 0\s*│ 7\s*│ 得分填报表-纪委\.xlsx/);
    // The office's own form has rows, not cells: its line counts them and names where they came from.
    expect(run.stdout).toMatch(/加减分和一票否决\s*│ —\s*│ —\s*│ —\s*│ —\s*│ [1-9]\d*\s*│ 得分填报表-加减分和一票否决\.xlsx/);
    expect(files.map(hash)).toEqual(hashes);
    const fromForms = await runCli([merged]);
    expect(fromForms.code).toBe(0);
    const direct = await allMethodsBook(tempDir(), ENTRIES);
    expect((await runCli([direct])).code).toBe(0);
    const base = (f: string): string => f.replace(/\.xlsx$/, '.通报');
    for (const sheet of ['排名', '指标得分', '加减分核算']) expect(await dumpSheet(`${base(merged)}.xlsx`, sheet)).toEqual(await dumpSheet(`${base(direct)}.xlsx`, sheet));
    expect(readFileSync(`${base(merged)}.txt`, 'utf8')).toBe(readFileSync(`${base(direct)}.txt`, 'utf8'));
    // The same forms merge to the same workbook.
    const again = path.join(s.dir, 'again.xlsx');
    expect((await runCli(['merge', ...files, '-o', again])).code).toBe(0);
    for (const sheet of ['方案', '指标体系', '单位名单', '得分表', '目标值', '扣分明细', '评议', '加减分', '一票否决']) expect(await dumpSheet(again, sheet)).toEqual(await dumpSheet(merged, sheet));
    // The merged list sheets say which form each row came from.
    const deductions = await dumpSheet(merged, '扣分明细');
    expect(deductions[1]).toEqual(['单位名称', '指标编码', '扣分', '扣分原因', '依据', '填报文件']);
    expect(String(deductions[2]![5])).toMatch(/得分填报表-纪委\.xlsx 扣分明细!A3$/);
  });

  it('merges a form LibreOffice saved (rich-text headers, its own styles and validations) with forms made here', async () => {
    const s = await setup();
    const others = Object.entries(s.forms).filter(([d]) => d !== '组织部').map(([, f]) => f);
    for (const f of others) await fillForm(f, s.data);
    const merged = path.join(s.dir, 'merged.xlsx');
    const run = await runCli(['merge', LIBREOFFICE_FORM, ...others, '-o', merged]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const direct = await allMethodsBook(tempDir(), ENTRIES);
    await runCli([direct]);
    expect((await runCli([merged])).code).toBe(0);
    expect(await dumpSheet(merged.replace('.xlsx', '.通报.xlsx'), '排名')).toEqual(await dumpSheet(direct.replace('.xlsx', '.通报.xlsx'), '排名'));
  });

  it('two different values for one unit and indicator: both cells named, nothing written', async () => {
    const s = await setup();
    const files = await fillAll(s);
    // The 组织部 form sent twice, the second copy with 乙镇's A1 changed.
    const copy = await copyOf(s, '组织部', '组织部-第二次.xlsx', new Map([['得分表', new Map([['C4', 16]])]]));
    const merged = path.join(s.dir, 'merged.xlsx');
    const run = await runCli(['merge', ...files, copy, '-o', merged]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('E_MERGE_CONFLICT');
    expect(run.stderr).toMatch(/单位「乙镇」指标「A1」的得分在两份表中不同：「.*得分填报表-组织部\.xlsx」得分表!C4 为「15」，「.*组织部-第二次\.xlsx」得分表!C4 为「16」/);
    expect(run.stderr).toContain('未生成合并结果');
    expect(existsSync(merged)).toBe(false);
    expect(filesIn(s.dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('the same value twice is one value, whether typed as 85, "85" or "８５"; identical rows count once', async () => {
    const s = await setup();
    const files = await fillAll(s);
    const copy = await copyOf(s, '组织部', '组织部-副本.xlsx', new Map([['得分表', new Map<string, string | number>([['C3', '１８'], ['C4', '15分']])]]));
    const again = await copyOf(s, '纪委', '纪委-副本.xlsx');
    const merged = path.join(s.dir, 'merged.xlsx');
    const run = await runCli(['merge', ...files, copy, again, '-o', merged]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('W_NUMBER_AS_TEXT');
    expect(run.stderr).toMatch(/.*纪委-副本\.xlsx 扣分明细!A3：「扣分明细」第 3、4 行与「.*得分填报表-纪委\.xlsx」扣分明细 中的行完全相同，合并后只计一次[^\n]*（代码 W_MERGE_SAME_ROW）/);
    expect(run.stderr.match(/W_MERGE_SAME_ROW/g)).toHaveLength(2);
    expect((await dumpSheet(merged, '扣分明细')).length).toBe(2 + 2);
    expect((await runCli([merged])).code).toBe(0);
  });

  it('a rater scoring one unit differently in two forms is a conflict', async () => {
    const s = await setup();
    const files = await fillAll(s);
    const copy = await copyOf(s, '纪委', '纪委-改.xlsx', new Map([['评议', new Map([['D3', 7]])]]));
    const run = await runCli(['merge', ...files, copy, '-o', path.join(s.dir, 'm.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/.*评分人「评委1」对单位「甲镇」指标「A9」的分数在两份表中不同[^\n]*（代码 E_MERGE_CONFLICT）/);
  });

  it('lists the cells nobody filled, by department, and still merges what came in', async () => {
    const s = await setup();
    await fillForm(s.forms['组织部']!, s.data);
    const merged = path.join(s.dir, '合并.xlsx');
    const run = await runCli(['merge', s.forms['组织部']!, s.forms['统计局_调查队']!, s.forms['纪委']!, '-o', merged]);
    expect(run.code).toBe(0);
    // Named at the merged workbook, where these cells are empty.
    expect(run.stderr).toContain(`${merged}：统计局/调查队：20 处未填——得分表 A3（甲镇、乙镇、丙局 等 4 个单位）；得分表 A4`);
    expect(run.stderr).toContain(`${merged}：纪委：4 处未填——评议 A9`);
    expect(run.stderr).toContain('（代码 W_UNFILLED）');
    expect(run.stderr).not.toContain(`${merged}：组织部`);
    // Departments whose forms came back empty are named as such, the one that filled its form is not.
    for (const d of ['统计局/调查队', '纪委']) expect(run.stderr).toMatch(new RegExp(`「${d}」的 \\d+ 个指标在交回的表中一处也没有填.*（代码 W_NOT_RETURNED）`));
    expect(run.stderr).not.toContain('「组织部」的');
    expect(run.stdout).toMatch(/统计局\/调查队\s*│ 4\s*│ 20\s*│ 0\s*│ 20\s*│ 0\s*│ —/);
    expect(existsSync(merged)).toBe(true);
  });

  it('refuses forms made from another roster, naming both files and the first cell that differs', async () => {
    const s = await setup();
    const files = await fillAll(s);
    await fillXlsx(s.forms['纪委']!, new Map([['单位名单', new Map([['A5', '丁局（新）']])]]));
    const merged = path.join(s.dir, 'merged.xlsx');
    const run = await runCli(['merge', ...files, '-o', merged]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/.*得分填报表-纪委\.xlsx 单位名单!A5：.*中的「单位名单」与.*中的不同（A5：「丁局（新）」与「丁局」）[^\n]*（代码 E_MERGE_DIFFERENT_FORMS）/);
    expect(existsSync(merged)).toBe(false);
  });

  it('names a wrong value by the form\'s own cell, and writes nothing', async () => {
    const s = await setup();
    const files = await fillAll(s);
    await fillXlsx(s.forms['组织部']!, new Map([['得分表', new Map<string, string | number>([['C3', 25], ['E4', '基本达标']])]]));
    const merged = path.join(s.dir, 'merged.xlsx');
    const run = await runCli(['merge', ...files, '-o', merged]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/.*得分填报表-组织部\.xlsx 得分表!C3[^\n]*（代码 E_ABOVE_MAX）/);
    expect(run.stderr).toMatch(/.*得分填报表-组织部\.xlsx 得分表!E4[^\n]*（代码 E_BAD_LABEL）/);
    expect(existsSync(merged)).toBe(false);
  });

  it('takes a department\'s CSV as a form; an unknown unit in it is an error with the nearest name', async () => {
    const s = await setup();
    const files = await fillAll(s);
    const csv = path.join(s.dir, '得分表.csv');
    writeFileSync(csv, '单位名称,A1\n甲镇,18\n乙  镇,15\n');
    const ok = await runCli(['merge', ...files, csv, '-o', path.join(s.dir, 'a.xlsx')]);
    expect(ok.code).toBe(0);
    writeFileSync(csv, '单位名称,A1\n甲真,18\n');
    const bad = await runCli(['merge', ...files, csv, '-o', path.join(s.dir, 'b.xlsx')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/.*得分表\.csv 得分表!A2：单位「甲真」不在单位名单中。[^\n]*（代码 E_UNKNOWN_UNIT）\n.*甲镇/);
  });

  it('refuses to write over one of the forms, and reads a form given twice once', async () => {
    const s = await setup();
    const files = await fillAll(s);
    const before = hash(files[0]!);
    const clash = await runCli(['merge', ...files, '-o', files[0]!]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('E_OUTPUT_IS_INPUT');
    expect(hash(files[0]!)).toBe(before);
    const twice = await runCli(['merge', ...files, files[1]!, '-o', path.join(s.dir, 'm.xlsx')]);
    expect(twice.code).toBe(0);
    expect(twice.stderr).toContain('W_SAME_FILE_TWICE');
  });

  it('a merged workbook merges again with a late form', async () => {
    const s = await setup();
    const files = await fillAll(s);
    const first = path.join(s.dir, 'first.xlsx');
    expect((await runCli(['merge', ...files.filter((f) => !f.includes('纪委')), '-o', first])).code).toBe(0);
    const second = path.join(s.dir, 'second.xlsx');
    const run = await runCli(['merge', first, s.forms['纪委']!, '-o', second]);
    expect(run.stderr).not.toContain('W_UNFILLED');
    expect(run.code).toBe(0);
    expect((await runCli([second])).code).toBe(0);
  });

  it('with nothing to merge under (no scheme anywhere) says what is missing', async () => {
    const dir = tempDir();
    const lone = await writeBook(path.join(dir, 'lone.xlsx'), { 得分表: [['单位名称', 'A1'], ['甲镇', 1]] });
    const run = await runCli(['merge', lone, '-o', path.join(dir, 'm.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/.*缺少工作表「方案」[^\n]*（代码 E_MISSING_SHEET）/);
    expect(filesIn(dir)).toEqual(['lone.xlsx']);
  });
});
