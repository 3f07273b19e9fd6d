import path from 'node:path';
import { filesIn, runCli, tempDir } from '../support/cli.js';
import { formLayout } from '../support/fill-form.js';
import { groupedRaters, sumOf } from '../support/rules-reckoning.mjs';
import { writeBook, type Rows } from '../support/workbook.js';

// docs/scheme.md「评议分组」: 004 江苏 满意度 领导 30% 服务对象 30% 公众 40% from raw ratings; 000 述绩 by groups, trimmed per group.
const SCHEME = `name: 满意度
categories: [部门]
bands:
  - name: 好
    atLeast: 90
  - name: 一般
`;
const INDICATORS = (params: string): Rows => [
  ['编码', '一级指标', '分值', '评分方法', '参数'],
  ['W', '工作目标', 80, 'direct', null],
  ['S', '满意度', 20, 'raters', params],
];
const ROSTER: Rows = [['单位名称', '类别'], ['一局', '部门'], ['二局', '部门']];
const GROUPS = { 领导: 30, 服务对象: 30, 公众: 40 } as const;
// Raw ratings of each unit by group.
const RATINGS: Record<string, Record<keyof typeof GROUPS, number[]>> = {
  一局: { 领导: [18, 19, 20, 15], 服务对象: [16, 18, 17.5], 公众: [16, 17, 12, 19.5] },
  二局: { 领导: [20, 20, 19], 服务对象: [14, 15, 16, 13], 公众: [18, 18.5, 17] },
};
const raterRows = (ratings = RATINGS): Rows => [['单位名称', '指标编码', '评分人', '分数', '评分组'],
  ...Object.entries(ratings).flatMap(([unit, byGroup]) => Object.entries(byGroup).flatMap(([group, scores]) => scores.map((s, i) => [unit, 'S', `${group}${i + 1}`, s, group])))];
const sheets = (params: string, raters: Rows = raterRows()): Record<string, Rows | string> => ({
  方案: SCHEME, 指标体系: INDICATORS(params), 单位名单: ROSTER, 得分表: [['单位名称', 'W'], ['一局', 70], ['二局', 72.5]], 评议: raters,
});
const W: Record<string, number> = { 一局: 70, 二局: 72.5 };
const expected = (unit: string, trim: boolean): string =>
  sumOf([W[unit]!, groupedRaters(Object.entries(GROUPS).map(([g, w]) => [w, RATINGS[unit]![g as keyof typeof GROUPS]] as const), trim)]).toString();

async function exact(book: Record<string, Rows | string>, unit: string): Promise<{ exact: string; stderr: string; file: string }> {
  const file = await writeBook(path.join(tempDir(), 'annual.xlsx'), book);
  const run = await runCli(['explain', file, unit, '--json']);
  return { exact: run.stdout ? String(JSON.parse(run.stdout).exact) : '', stderr: run.stderr, file };
}

describe('rater groups with weights', () => {
  it.each([false, true])('weighs each group\'s mean by its percentage (trimmed per group: %s)', async (trim) => {
    const params = `分组=领导:30、服务对象:30、公众:40${trim ? '；去掉最高最低分=是' : ''}`;
    for (const unit of ['一局', '二局']) {
      const run = await exact(sheets(params), unit);
      expect(run.stderr).toBe('');
      expect(run.exact).toBe(expected(unit, trim));
    }
  });

  it('explains each group', async () => {
    const { file } = await exact(sheets('分组=领导:30、服务对象:30、公众:40'), '二局');
    const run = await runCli(['explain', file, '二局']);
    expect(run.stdout).toContain('领导（30%）3 人评分 20、20、19：(20 + 20 + 19) ÷ 3 = 19.67');
    expect(run.stdout).toContain('19.67（精确值 59/3） × 30% + 14.5 × 30% + 17.83（精确值 107/6） × 40% = 17.38（精确值 1043/60）');
  });

  it('refuses a rating without a group, a group the leaf lacks, and a group left without ratings', async () => {
    const rows = raterRows({ 一局: { ...RATINGS['一局']!, 公众: [] }, 二局: RATINGS['二局']! });
    rows.push(['二局', 'S', '新人', 15, null], ['二局', 'S', '专家1', 15, '专家']);
    const run = await runCli(['check', (await exact(sheets('分组=领导:30、服务对象:30、公众:40', rows), '一局')).file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/评议!E\d+：指标「S」按评分组计分，这条评分没有填写评分组。.*（代码 E_RATER_GROUP）/);
    expect(run.stderr).toMatch(/评议!E\d+：评分组「专家」不是指标「S」的评分组。.*（代码 E_RATER_GROUP）/);
    expect(run.stderr).toMatch(/单位「一局」指标「S」的评分组「公众」没有评分。.*（代码 E_NO_RATERS）/);
  });

  it('refuses groups whose percentages do not add to 100, and a group given for a leaf without groups', async () => {
    const bad = await runCli(['check', (await exact(sheets('分组=领导:30、公众:40'), '一局')).file]);
    expect(bad.stderr).toMatch(/「分组」各组百分比合计为 70，应为 100。.*（代码 E_INDICATOR_PARAM）/);
    const none = await runCli(['check', (await exact(sheets(''), '一局')).file]);
    expect(none.stderr).toMatch(/指标「S」的评议不分组，「评分组」应空着，现为「领导」。.*（代码 E_RATER_GROUP）/);
  });

  it('gives the form\'s 评议 sheet a 评分组 column', async () => {
    const dir = tempDir();
    const file = await writeBook(path.join(dir, 'annual.xlsx'), { 方案: SCHEME, 指标体系: INDICATORS('分组=领导:30、服务对象:30、公众:40'), 单位名单: ROSTER });
    expect((await runCli(['template', file, '-o', path.join(dir, 'forms')])).code).toBe(0);
    const layout = await formLayout(path.join(dir, 'forms', filesIn(path.join(dir, 'forms'))[0]!));
    expect(layout.get('评议')!.headers).toEqual(['单位名称', '指标编码', '评分人', '分数', '评分组']);
  });
});
