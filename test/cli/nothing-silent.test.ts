import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { writeBook, type Rows } from '../support/workbook.js';

// Issue 9: every input row or cell the calculation does not use is an error or a warning naming
// file, sheet and cell. Each case below was passed over without a word before.

const SCHEME = `name: 静默
categories: [乡镇, 部门, 古城]
periods: [中期]
bands:
  - name: 合格
    atLeast: 60
  - name: 不合格
vetoes:
  - {name: 安全事故, effect: ineligible}
adjustments:
  categories: [乡镇, 部门]
  deduction:
    items:
      - {name: 通报批评, points: 1}
`;

const BASE: Record<string, Rows | string> = {
  方案: SCHEME,
  指标体系: [['编码', '一级指标', '二级指标', '分值', '评分方法', '参数', '适用类别'],
    ['J', '甲', null, 100, null, null, null],
    ['A', '甲', '直接', 40, 'direct', null, null],
    ['C', '甲', '比例', 30, 'ratio', '目标值=100', null],
    ['D', '甲', '扣分', 30, 'deduct', null, '乡镇'],
    ['R', '甲', '评议', 30, 'raters', null, '部门'],
    ['G', '甲', '古城', 30, 'direct', null, '古城']],
  单位名单: [['单位名称', '类别'], ['一镇', '乡镇'], ['二局', '部门'], ['三城', '古城']],
  得分表: [['单位名称', 'A', 'C', 'G'], ['一镇', 40, 90, null], ['二局', 35, 100, null], ['三城', 30, 80, 25]],
  扣分明细: [['单位名称', '指标编码', '扣分', '扣分原因'], ['一镇', 'D', 2, '迟报']],
  评议: [['单位名称', '指标编码', '评分人', '分数'], ['二局', 'R', '甲', 28], ['二局', 'R', '乙', 26]],
};

interface Found { code: string; severity: string; sheet: string | null; cell: string | null; file: string | null }

async function check(changes: Record<string, Rows | string>): Promise<Found[]> {
  const file = await writeBook(path.join(tempDir(), 'silent.xlsx'), { ...BASE, ...changes });
  const run = await runCli(['check', '--json', file]);
  return (JSON.parse(run.stdout) as { diagnostics: Found[] }).diagnostics.filter((d) => d.severity !== 'info');
}

const at = (code: string, sheet: string, cell: string) => expect.objectContaining({ code, sheet, cell, file: expect.stringMatching(/silent\.xlsx$/) });

describe('nothing is passed over silently', () => {
  it('the base workbook is clean', async () => {
    expect(await check({})).toEqual([]);
  });

  it('扣分明细: a deduction on an indicator the unit\'s category is not scored on', async () => {
    expect(await check({ 扣分明细: [['单位名称', '指标编码', '扣分', '扣分原因'], ['一镇', 'D', 2, '迟报'], ['二局', 'D', 5, '安全事故被通报']] }))
      .toEqual([at('W_NOT_APPLICABLE', '扣分明细', 'B3')]);
  });

  it('扣分明细: a row holding only a reason', async () => {
    expect(await check({ 扣分明细: [['单位名称', '指标编码', '扣分', '扣分原因'], ['一镇', 'D', 2, '迟报'], [null, null, null, '漏填的扣分']] }))
      .toEqual([at('E_EMPTY_CELL', '扣分明细', 'A3')]);
  });

  it('扣分明细: a column the sheet does not read (a 备注 column is fine)', async () => {
    expect(await check({ 扣分明细: [['单位名称', '指标编码', '扣分', '扣分原因', '扣分人', '备注'], ['一镇', 'D', 2, '迟报', '张三', '已核实']] }))
      .toEqual([at('W_UNKNOWN_COLUMN', '扣分明细', 'E1')]);
  });

  it('评议: a rating on an indicator the unit\'s category is not scored on, and a row with only a score', async () => {
    const rows: Rows = [['单位名称', '指标编码', '评分人', '分数'], ['二局', 'R', '甲', 28], ['二局', 'R', '乙', 26], ['一镇', 'R', '甲', 20], [null, null, null, 25]];
    expect(await check({ 评议: rows })).toEqual([at('W_NOT_APPLICABLE', '评议', 'B4'), at('E_EMPTY_CELL', '评议', 'A5')]);
  });

  it('目标值: a target for a leaf that takes none, and for a leaf of another category', async () => {
    expect(await check({ 目标值: [['单位名称', 'A', 'C', 'G'], ['一镇', 50, 100, 60]] }))
      .toEqual([at('W_TARGET_UNUSED', '目标值', 'B2'), at('W_NOT_APPLICABLE', '目标值', 'D2')]);
  });

  it('加减分: an item for a unit whose category takes no 加减分', async () => {
    expect(await check({ 加减分: [['单位名称', '类型', '项目', '分值', '事由'], ['一镇', '减分', '通报批评', null, '迟报'], ['三城', '减分', '通报批评', null, '迟报']] }))
      .toEqual([at('W_ADJUSTMENT_NOT_APPLICABLE', '加减分', 'A3')]);
  });

  it('一票否决: a row with only a note', async () => {
    expect(await check({ 一票否决: [['单位名称', '否决事项', '说明'], [null, null, '发生事故']] })).toEqual([at('E_EMPTY_CELL', '一票否决', 'A2')]);
  });

  it('单位名单: a row with a category but no name', async () => {
    expect(await check({ 单位名单: [['单位名称', '类别'], ['一镇', '乡镇'], ['二局', '部门'], ['三城', '古城'], [null, '部门']] }))
      .toEqual([at('E_EMPTY_CELL', '单位名单', 'A5')]);
  });

  it('a period sheet for a period no part is scored in', async () => {
    expect(await check({ '得分表（中期）': [['单位名称', 'A'], ['一镇', 20]] }))
      .toEqual([expect.objectContaining({ code: 'W_PERIOD_UNUSED', sheet: '得分表（中期）' })]);
  });
});

describe('nothing is passed over silently: parts scored per period', () => {
  // 乡镇 are scored on 甲 in 中期 and 年终; 部门 on 乙 once a year. A 乡镇 has no yearly leaf at all.
  const book = (scores: Rows, raters: Rows): Record<string, Rows | string> => ({
    方案: 'name: 分期\ncategories: [乡镇, 部门]\nperiods: [中期, 年终]\ncomponents:\n  - part: 甲\n    periods: {中期: 50, 年终: 50}\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n',
    指标体系: [['编码', '一级指标', '分值', '评分方法', '适用类别'], ['A', '甲', 100, 'raters', '乡镇'], ['B', '乙', 100, 'direct', '部门']],
    单位名单: [['单位名称', '类别'], ['一镇', '乡镇'], ['二局', '部门']],
    '评议（中期）': [['单位名称', '指标编码', '评分人', '分数'], ['一镇', 'A', '甲', 80]],
    '评议（年终）': [['单位名称', '指标编码', '评分人', '分数'], ['一镇', 'A', '甲', 90]],
    '得分表（中期）': [['单位名称'], ['一镇']],
    '得分表（年终）': [['单位名称'], ['一镇']],
    得分表: scores,
    评议: raters,
  });
  async function checkBook(sheets: Record<string, Rows | string>): Promise<Found[]> {
    const file = await writeBook(path.join(tempDir(), 'silent.xlsx'), sheets);
    const run = await runCli(['check', '--json', file]);
    return (JSON.parse(run.stdout) as { diagnostics: Found[] }).diagnostics.filter((d) => d.severity !== 'info');
  }

  it('is clean as built', async () => {
    expect(await checkBook(book([['单位名称', 'B'], ['二局', 90]], [['单位名称', '指标编码', '评分人', '分数']]))).toEqual([]);
  });

  it('a score typed for a unit with nothing scored in that sheet', async () => {
    expect(await checkBook(book([['单位名称', 'B'], ['二局', 90], ['一镇', 85]], [['单位名称', '指标编码', '评分人', '分数']])))
      .toEqual([at('W_NOT_APPLICABLE', '得分表', 'B3')]);
  });

  it('a rating of a per-period leaf in the yearly 评议 sheet', async () => {
    expect(await checkBook(book([['单位名称', 'B'], ['二局', 90]], [['单位名称', '指标编码', '评分人', '分数'], ['一镇', 'A', '乙', 70]])))
      .toEqual([at('E_RATER_ELSEWHERE', '评议', 'B2')]);
  });
});

describe('nothing is passed over silently: merge', () => {
  it('says that a filled 备注 column of a form is not carried into the merged workbook', async () => {
    const dir = tempDir();
    const a = await writeBook(path.join(dir, 'a.xlsx'), { ...BASE, 扣分明细: [['单位名称', '指标编码', '扣分', '扣分原因', '备注'], ['一镇', 'D', 2, '迟报', '已电话核实']] });
    const b = await writeBook(path.join(dir, 'b.xlsx'), { ...BASE });
    const run = await runCli(['merge', a, b, '-o', path.join(dir, 'merged.xlsx')]);
    expect(run.stderr).toMatch(/.*a\.xlsx 扣分明细!E1[^\n]*（代码 W_MERGE_NOTE_DROPPED）/);
  });
});
