import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { writeBook, type Rows } from '../support/workbook.js';

// docs/scheme.md「目标值（ratio、inverse）」: a ratio to 0, or to nothing, is no score; each is an error at a cell.
const scheme = `name: 目标值
categories: [部门]
bands:
  - name: 合格
    atLeast: 60
  - name: 不合格
`;

async function check(method: string, params: string | null, targets?: Rows): Promise<{ code: number; stderr: string; file: string }> {
  const file = path.join(tempDir(), 't.xlsx');
  await writeBook(file, {
    方案: scheme,
    指标体系: [['编码', '一级指标', '分值', '评分方法', '参数'], ['C', '任务', 40, method, params], ['D', '工作', 60, 'direct', null]],
    单位名单: [['单位名称', '类别'], ['一局', '部门'], ['二局', '部门']],
    得分表: [['单位名称', 'C', 'D'], ['一局', 30, 50], ['二局', 45, 50]],
    ...(targets ? { 目标值: targets } : {}),
  });
  return { ...(await runCli(['check', file])), file };
}

describe('a ratio or inverse leaf without a usable target', () => {
  it('refuses a target of 0 in 目标值 at its cell: a ratio to 0 does not exist', async () => {
    const run = await check('ratio', '目标值=40', [['单位名称', 'C'], ['一局', 0], ['二局', null]]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${run.file} 目标值!B2：单位「一局」指标「C」的目标值应为大于 0 的数，现为 0，与 0 之比无从计算。（代码 E_BAD_TARGET）`);
    // 二局's blank target cell takes the indicator's 目标值=40: no message for it.
    expect(run.stderr).not.toContain('二局');
  });

  it('refuses 目标值=0 as a parameter at the indicator\'s cell', async () => {
    const run = await check('ratio', '目标值=0');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\S+ 指标体系!E2：指标「C」的参数有误：「目标值」应为大于 0 的数，现为「0」[^\n]*（代码 E_INDICATOR_PARAM）/);
  });

  it('with no target anywhere, names the unit\'s score cell and the indicator', async () => {
    const run = await check('ratio', null);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${run.file} 得分表!B2：单位「一局」指标「C」按完成比例折算计分，但没有目标值。（代码 E_MISSING_TARGET）`);
    expect(run.stderr).toContain(`${run.file} 得分表!B3：单位「二局」指标「C」按完成比例折算计分，但没有目标值。（代码 E_MISSING_TARGET）`);
  });

  it('an inverse leaf whose unit has no row in 目标值: the score cell, and the method by name', async () => {
    const run = await check('inverse', null, [['单位名称', 'C'], ['一局', 20]]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${run.file} 得分表!B3：单位「二局」指标「C」按反向比例计分，但没有目标值。（代码 E_MISSING_TARGET）`);
    expect(run.stderr).not.toContain('单位「一局」');
  });

  it('a blank target cell with no default is named at that cell', async () => {
    const run = await check('ratio', null, [['单位名称', 'C'], ['一局', 40], ['二局', null]]);
    expect(run.stderr).toContain(`${run.file} 目标值!B3：单位「二局」指标「C」按完成比例折算计分，但没有目标值。（代码 E_MISSING_TARGET）`);
  });
});
