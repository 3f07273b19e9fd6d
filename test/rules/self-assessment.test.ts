import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { deducted, entered, frac, periodMean, ratioed, sumOf, type Fraction } from '../support/rules-reckoning.mjs';
import { fillXlsx, type FillValue } from '../support/fill-form.js';
import { dumpSheet, writeBook, type Rows } from '../support/workbook.js';

// docs/scheme.md「自评与审核（selfAssessment、「自评」表）」: 004 先自评、牵头部门审核.
const SCHEME = `name: 自评对照
categories: [部门]
periods: [上半年, 下半年]
nodes:
  - node: B2
    periods: [上半年, 下半年]
selfAssessment:
  on: [职能工作, B2]
bands:
  - name: 好
    atLeast: 90
  - name: 一般
`;
const UNITS = ['一局', '二局', '三局'];
const A1: Record<string, number> = { 一局: 28, 二局: 25, 三局: 27.5 };
const A2: Record<string, number> = { 一局: 95, 二局: 100, 三局: 80 };
const A3: Record<string, number[]> = { 一局: [1.5], 二局: [], 三局: [2, 1] };
const B1: Record<string, number> = { 一局: 18, 二局: 17, 三局: 19 };
const B2: Record<string, [number, number]> = { 一局: [17, 18.5], 二局: [19, 19], 三局: [15, 16] };
// 二局 self-assesses A1 as audited and leaves A2 out; 三局 has no row at all.
const SELF: Rows = [['单位名称', 'A1', 'A2', 'A3', 'B2'], ['一局', 30, 20, 10, 19], ['二局', 25, null, 10, 19]];

function book(self: Rows | null = SELF): Record<string, Rows | string> {
  return {
    方案: SCHEME,
    指标体系: [['编码', '一级指标', '二级指标', '分值', '评分方法', '参数'],
      [null, '职能工作', null, 60, null, null],
      ['A1', null, '重点工作', 30, 'direct', null], ['A2', null, '常规工作', 20, 'ratio', '目标值=100'], ['A3', null, '其他工作', 10, 'deduct', null],
      [null, '管理工作', null, 40, null, null],
      ['B1', null, '依法履职', 20, 'direct', null], ['B2', null, '作风建设', 20, 'direct', null]],
    单位名单: [['单位名称', '类别'], ...UNITS.map((u) => [u, '部门'])],
    得分表: [['单位名称', 'A1', 'A2', 'B1'], ...UNITS.map((u) => [u, A1[u]!, A2[u]!, B1[u]!])],
    '得分表（上半年）': [['单位名称', 'B2'], ...UNITS.map((u) => [u, B2[u]![0]])],
    '得分表（下半年）': [['单位名称', 'B2'], ...UNITS.map((u) => [u, B2[u]![1]])],
    扣分明细: [['单位名称', '指标编码', '扣分', '扣分原因'], ...UNITS.flatMap((u) => A3[u]!.map((d) => [u, 'A3', d, '审核扣分']))],
    ...(self ? { 自评: self } : {}),
  };
}

/** The audited points of each leaf, worked out on fractions from the entries above. */
function audited(unit: string): Record<'A1' | 'A2' | 'A3' | 'B1' | 'B2', Fraction> {
  return { A1: entered(A1[unit]!), A2: ratioed(20, A2[unit]!, 100), A3: deducted(10, A3[unit]!), B1: entered(B1[unit]!), B2: periodMean(B2[unit]!) };
}

describe('自评 beside the audited score', () => {
  it('counts the audited points, shows the self-assessment beside them, and lists the differences', async () => {
    const dir = tempDir();
    const file = await writeBook(path.join(dir, 'annual.xlsx'), book());
    const plain = await writeBook(path.join(tempDir(), 'annual.xlsx'), book(null));
    for (const unit of UNITS) {
      const run = await runCli(['explain', file, unit, '--json']);
      const json = JSON.parse(run.stdout);
      // No effect on totals: the total is the audited points', with or without the 自评 sheet.
      expect(String(json.exact)).toBe(sumOf(Object.values(audited(unit))).toString());
      expect(JSON.parse((await runCli(['explain', plain, unit, '--json'])).stdout).exact).toBe(json.exact);
    }
    const one = JSON.parse((await runCli(['explain', file, '一局', '--json'])).stdout);
    const a = audited('一局');
    expect(one.selfAssessment).toEqual([
      { code: 'A1', self: '30', audited: a.A1.toString(), difference: frac(30).minus(a.A1).toString() },
      { code: 'A2', self: '20', audited: a.A2.toString(), difference: frac(20).minus(a.A2).toString() },
      { code: 'A3', self: '10', audited: a.A3.toString(), difference: frac(10).minus(a.A3).toString() },
      { code: 'B2', self: '19', audited: a.B2.toString(), difference: frac(19).minus(a.B2).toString() },
    ]);
    const text = (await runCli(['explain', file, '一局'])).stdout;
    expect(text).toContain(`自评 30 分，审核 28 分，差额 +2 分（计入审核分）`);
    expect(text).toContain(`自评 19 分，审核 ${a.B2.halfUp(2).replace(/0+$/, '').replace(/\.$/, '')} 分，差额 +${frac(19).minus(a.B2).halfUp(2).replace(/0+$/, '').replace(/\.$/, '')} 分`);

    const run = await runCli([file, '--feedback', path.join(dir, '反馈单')]);
    expect(run.code).toBe(0);
    const feedback = (await dumpSheet(path.join(dir, '反馈单', '一局.反馈单.xlsx'), '反馈单')).flat();
    expect(feedback).toContain('自评 30 分，审核 28 分，差额 +2 分（计入审核分）');
    expect(feedback).toContain(`自评 19 分，审核 ${a.B2.halfUp(2)} 分，差额 +${frac(19).minus(a.B2).halfUp(2)} 分（计入审核分）`);
    // 二局's A1 equals the audit and is not listed; 三局 did not self-assess and is reported.
    expect(run.stderr).toMatch(/单位「二局」没有填写指标 A2 的自评分。.*（代码 W_SELF_MISSING）/);
    expect(run.stderr).toMatch(/单位「三局」没有填写指标 A1、A2、A3、B2 的自评分。.*（代码 W_SELF_MISSING）/);
    const sheet = await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '自评对照');
    expect(sheet[0]).toEqual(['类别', '单位名称', '指标编码', '指标名称', '分值', '自评', '审核', '差额']);
    const shown = (x: Fraction): number => Number(x.halfUp(2));
    const rows = sheet.slice(1, -1).map((r) => [r[1], r[2], r[5], r[6], r[7]]);
    // Only 一局's differ: 二局's A1, A3 and B2 are as audited.
    expect(rows).toEqual((['A1', 'A2', 'A3', 'B2'] as const).map((code, i) => {
      const self = [30, 20, 10, 19][i]!;
      return ['一局', code, self, shown(a[code]), shown(frac(self).minus(a[code]))];
    }));
    expect(sheet.at(-1)![0]).toBe('2 个单位共 7 项自评，与审核不同的 4 项列于上表（差额 = 自评 − 审核）；计入总分的是审核分。');
  });

  it('names a corrected self-assessment when the result is scored again, the totals unchanged', async () => {
    const dir = tempDir();
    const file = await writeBook(path.join(dir, 'annual.xlsx'), book());
    expect((await runCli([file])).code).toBe(0);
    await writeBook(file, book([['单位名称', 'A1', 'A2', 'A3', 'B2'], ['一局', 29, 20, 10, 19], ['二局', 25, null, 10, 19]]));
    const again = await runCli([file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('总分变化 0 个');
    const changes = (await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '变更')).flat().filter((v): v is string => typeof v === 'string');
    expect(changes.some((t) => t.includes('自评 A1：30 → 29'))).toBe(true);
    expect(changes.some((t) => t.includes('二局'))).toBe(false);
  });

  it('reports a self-assessment out of range at its cell, and a missing 自评 sheet the scheme asks for', async () => {
    const bad = await writeBook(path.join(tempDir(), 'annual.xlsx'), book([['单位名称', 'A1'], ['一局', 31], ['二局', '好']]));
    const run = await runCli(['check', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/自评!B2.*单位「一局」指标「A1」的自评分应为 0 到 30 之间的数，现为 31。.*（代码 E_SELF_VALUE）/s);
    expect(run.stderr).toMatch(/自评!B3.*单位「二局」指标「A1」的自评分应为 0 到 30 之间的数，现为「好」。/s);
    const none = await runCli(['check', await writeBook(path.join(tempDir(), 'annual.xlsx'), book(null))]);
    expect(none.code).toBe(0);
    expect(none.stderr).toMatch(/方案要求各单位自评（selfAssessment），但没有「自评」工作表。.*（代码 W_SELF_MISSING）/);
  });

  it('names a wrong selfAssessment.on', async () => {
    const b = book();
    b['方案'] = SCHEME.replace('on: [职能工作, B2]', 'on: [职能工做]');
    const run = await runCli(['check', await writeBook(path.join(tempDir(), 'annual.xlsx'), b)]);
    expect(run.stderr).toMatch(/selfAssessment 的 on 中「职能工做」不是一级指标.*（代码 E_SCHEME_TARGET）\n.*是否应为：「职能工作」/);
  });

  it('asks for the self-assessment in the form of every indicator', async () => {
    const dir = tempDir();
    const file = await writeBook(path.join(dir, 'annual.xlsx'), book(null));
    const run = await runCli(['template', file, '-o', dir]);
    expect(run.code).toBe(0);
    const sheet = await dumpSheet(path.join(dir, '得分填报表.xlsx'), '自评');
    expect(sheet[1]).toEqual(['单位名称', '类别', 'A1\n重点工作\n（自评分，0—30）', 'A2\n常规工作\n（自评分，0—20）', 'A3\n其他工作\n（自评分，0—10）', 'B2\n作风建设\n（自评分，0—20）']);
    expect(sheet.slice(2).map((r) => r[0])).toEqual(UNITS);
  });

  it('merges the 自评 of returned forms, and refuses two different self-assessments of one cell', async () => {
    const dir = tempDir();
    const run = await runCli(['template', await writeBook(path.join(dir, 'annual.xlsx'), book(null)), '-o', path.join(dir, 'forms')]);
    expect(run.code).toBe(0);
    const form = path.join(dir, 'forms', '得分填报表.xlsx');
    const copy = path.join(dir, '得分填报表-副本.xlsx');
    copyFileSync(form, copy);
    // 一局 is row 3; A1 and A2 are columns C and D.
    await fillXlsx(form, new Map([['自评', new Map<string, FillValue>([['C3', 30], ['D3', '20分']])]]));
    const merged = path.join(dir, 'merged.xlsx');
    expect((await runCli(['merge', form, '-o', merged])).code).toBe(0);
    expect((await dumpSheet(merged, '自评')).find((r) => r[0] === '一局')?.slice(2, 4)).toEqual([30, '20分']);
    await fillXlsx(copy, new Map([['自评', new Map<string, FillValue>([['C3', 29]])]]));
    const conflict = await runCli(['merge', form, copy, '-o', path.join(dir, 'two.xlsx')]);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toMatch(/单位「一局」指标「A1」的自评分在两份表中不同.*为「30」.*为「29」.*（代码 E_MERGE_CONFLICT）/);
  });
});
