import { readFileSync } from 'node:fs';
import path from 'node:path';
import { METHOD_NAMES, registerMethod, methodsTable } from '../../src/engine/methods/index.js';
import { threshold } from '../fixtures/methods/threshold.js';
import { filesIn, runCli, tempDir } from '../support/cli.js';
import { fillForm, formLayout, sampleData } from '../support/fill-form.js';
import { dumpSheet, writeBook, type Rows } from '../support/workbook.js';

// Issue 14: a method is one module. The fixture's 门槛制 is registered here and nowhere else, and
// goes through the indicator workbook, the forms, merge, scoring and explain like a built-in one.
registerMethod(threshold);

const SCHEME = `name: 门槛考核
fullMarks: 100
categories: [部门]
bands:
  - name: 优秀
    atLeast: 80
  - name: 合格
`;
const INDICATORS: Rows = [
  ['编码', '一级指标', '分值', '评分方法', '参数', '牵头部门'],
  ['M', '门槛任务', 40, '门槛', '目标值=100', '发改委'],
  ['D', '日常工作', 60, 'direct', null, '办公室'],
];
const ROSTER: Rows = [['单位名称', '类别'], ['一局', '部门'], ['二局', '部门'], ['三局', '部门']];
// 一局 reaches the default target 100, 二局 falls short of its own 120, 三局 reaches its own 80.
const ENTRIES: Record<string, Rows> = {
  得分表: [['单位名称', 'M', 'D'], ['一局', 100, 50], ['二局', 110, 55.5], ['三局', 80, 41]],
  目标值: [['单位名称', 'M'], ['一局', null], ['二局', 120], ['三局', 80]],
};

/** Each unit's row of an output sheet by its header texts. */
function byUnit(rows: (string | number | boolean | null)[][]): Map<string, Record<string, unknown>> {
  const header = rows.find((r) => r.includes('单位名称'))!;
  const at = header.indexOf('单位名称');
  return new Map(rows.filter((r) => r !== header && typeof r[at] === 'string').map((r) => [String(r[at]), Object.fromEntries(header.map((h, i) => [String(h), r[i]]))]));
}

async function book(dir: string, extra: Record<string, Rows> = {}): Promise<string> {
  return writeBook(path.join(dir, 'annual.xlsx'), { 方案: SCHEME, 指标体系: INDICATORS, 单位名单: ROSTER, ...extra });
}

describe('a method added in one module (test-only registration)', () => {
  it('is read from the indicator workbook by its alias and scored, ranked and explained', async () => {
    const dir = tempDir();
    const file = await book(dir, ENTRIES);
    const run = await runCli([file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = path.join(dir, 'annual.通报.xlsx');
    // 40 + 50, 0 + 55.5, 40 + 41: by hand.
    const leaves = byUnit(await dumpSheet(out, '指标得分'));
    expect(['一局', '二局', '三局'].map((u) => [leaves.get(u)!['M 门槛任务\n（40）'], leaves.get(u)!['总分']])).toEqual([[40, 90], [0, 55.5], [40, 81]]);
    const ranking = byUnit(await dumpSheet(out, '排名'));
    expect(['一局', '三局', '二局'].map((u) => [ranking.get(u)!['名次'], ranking.get(u)!['总分']])).toEqual([[1, 90], [2, 81], [3, 55.5]]);
    const explain = await runCli(['explain', file, '二局']);
    expect(explain.stdout).toContain('完成值 110，门槛 120：未达到，0 分');
  });

  it('gets its form columns, a 目标值 sheet, and merges back to the same scores', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'forms');
    expect((await runCli(['template', await book(dir), '-o', out])).code).toBe(0);
    const [form] = filesIn(out);
    const layout = await formLayout(path.join(out, form!));
    expect(layout.get('得分表')!.headers[2]).toBe('M\n门槛任务\n（完成值（门槛））');
    expect(layout.get('目标值')!.headers.slice(2)).toEqual(['M\n门槛任务\n（目标值，空则按 100）']);
    const direct = await book(tempDir(), ENTRIES);
    await fillForm(path.join(out, form!), await sampleData(direct));
    const merged = path.join(dir, 'merged.xlsx');
    const merge = await runCli(['merge', path.join(out, form!), '-o', merged]);
    expect(merge.code).toBe(0);
    expect((await runCli([merged])).code).toBe(0);
    expect((await runCli([direct])).code).toBe(0);
    const base = (f: string): string => f.replace(/\.xlsx$/, '.通报.xlsx');
    for (const sheet of ['排名', '指标得分']) expect(await dumpSheet(base(merged), sheet)).toEqual(await dumpSheet(base(direct), sheet));
  });

  it('appears in the methods table the docs are checked against, and refuses a name already taken', () => {
    expect(methodsTable()).toContain('| `threshold` | 门槛、门槛制 | 达到目标值得满分，否则 0 分 |');
    expect(() => registerMethod({ ...threshold, name: 'threshold2', aliases: ['达标'] })).toThrow(/「达标」已被使用/);
  });
});

describe('docs/scheme.md', () => {
  it('holds the built-in methods table as the registry writes it', () => {
    const doc = readFileSync(path.resolve('docs/scheme.md'), 'utf8');
    const builtIn = methodsTable().split('\n').filter((l) => !l.includes('`threshold`')).join('\n');
    expect(doc).toContain(builtIn);
  });

  it('README names every built-in method', () => {
    const readme = readFileSync(path.resolve('README.md'), 'utf8');
    expect(METHOD_NAMES.filter((m) => !readme.includes(`\`${m}\``))).toEqual([]);
  });
});
