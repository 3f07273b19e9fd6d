import path from 'node:path';
import { filesIn, runCli, tempDir } from '../support/cli.js';
import { formLayout } from '../support/fill-form.js';
import { deducted, entered, periodMean, ratioed, rated, sumOf } from '../support/rules-reckoning.mjs';
import { writeBook, type Rows } from '../support/workbook.js';

// docs/scheme.md「任意一级指标的期次（nodes）」: 000 灌南 勤政 by quarter with 社会满意程度 inside it
// by the year; a 二级 node of 廉政 weighted 10/20/30/40 over the quarters.
const QUARTERS = ['一季度', '二季度', '三季度', '四季度'];
const SCHEME = `name: 三政考核
categories: [乡镇]
periods: [${QUARTERS.join(', ')}]
nodes:
  - node: 勤政
    periods: [${QUARTERS.join(', ')}]
  - node: 勤政/社会满意程度
    periods: []
  - node: L2
    periods: {一季度: 10, 二季度: 20, 三季度: 30, 四季度: 40}
bands:
  - name: 好
    atLeast: 90
  - name: 一般
`;
const INDICATORS: Rows = [
  ['编码', '一级指标', '二级指标', '分值', '评分方法', '参数'],
  ['Q', '勤政', null, 40, null, null],
  ['Q1', '勤政', '政务服务', 15, 'direct', null],
  ['Q2', '勤政', '工作效能', 15, 'deduct', null],
  ['Q3', '勤政', '社会满意程度', 10, 'rate', null],
  ['L', '廉政', null, 60, null, null],
  ['L1', '廉政', '廉洁自律', 30, 'pass', null],
  ['L2', '廉政', '制度建设', 30, 'ratio', '目标值=100'],
];
const UNITS = ['甲镇', '乙镇', '丙镇'];
const ROSTER: Rows = [['单位名称', '类别'], ...UNITS.map((u) => [u, '乡镇'])];
// Per unit: Q1 by quarter, Q2's deductions by quarter, Q3 for the year, L1 for the year, L2's actual by quarter.
const DATA: Record<string, { q1: number[]; q2: number[][]; q3: number; l1: '达标' | '未达标'; l2: number[] }> = {
  甲镇: { q1: [12, 13, 14, 15], q2: [[], [1], [], [0.5, 0.25]], q3: 92.5, l1: '达标', l2: [80, 90, 100, 110] },
  乙镇: { q1: [15, 15, 14.5, 13], q2: [[2], [], [], []], q3: 88, l1: '未达标', l2: [100, 95, 97, 99] },
  丙镇: { q1: [10, 11, 12, 9.5], q2: [[], [], [16], []], q3: 100, l1: '达标', l2: [60, 70, 65, 100] },
};

function sheets(): Record<string, Rows | string> {
  const out: Record<string, Rows | string> = {
    方案: SCHEME, 指标体系: INDICATORS, 单位名单: ROSTER,
    得分表: [['单位名称', 'Q3', 'L1'], ...UNITS.map((u) => [u, DATA[u]!.q3, DATA[u]!.l1])],
  };
  QUARTERS.forEach((q, i) => {
    out[`得分表（${q}）`] = [['单位名称', 'Q1', 'L2'], ...UNITS.map((u) => [u, DATA[u]!.q1[i]!, DATA[u]!.l2[i]!])];
    const rows = UNITS.flatMap((u) => DATA[u]!.q2[i]!.map((d) => [u, 'Q2', d, `第${i + 1}季度督查扣分`]));
    if (rows.length > 0) out[`扣分明细（${q}）`] = [['单位名称', '指标编码', '扣分', '扣分原因'], ...rows];
  });
  return out;
}

/** The exact total, independently: each quarterly leaf the mean of its quarters, the rest once. */
function expected(unit: string): string {
  const d = DATA[unit]!;
  const q1 = periodMean(d.q1.map(entered));
  const q2 = periodMean(d.q2.map((list) => deducted(15, list)));
  const l2 = periodMean(d.l2.map((v) => ratioed(30, v, 100)), [10, 20, 30, 40]);
  return sumOf([q1, q2, rated(10, d.q3), d.l1 === '达标' ? 30 : 0, l2]).toString();
}

describe('periods on any node (scheme nodes)', () => {
  it('scores each quarterly leaf as the mean of its quarters, the annual one inside once, a weighted one by its shares', async () => {
    const file = await writeBook(path.join(tempDir(), 'annual.xlsx'), sheets());
    for (const unit of UNITS) {
      const run = await runCli(['explain', file, unit, '--json']);
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout).exact).toBe(expected(unit));
    }
    const text = await runCli(['explain', file, '甲镇']);
    expect(text.stdout).toContain('一季度（25%）评分 12；二季度（25%）评分 13；三季度（25%）评分 14；四季度（25%）评分 15；各期加权 = 13.5');
    expect(text.stdout).toContain('四季度（40%）完成值 110，目标值 100：30 × 110 ÷ 100 = 33，达到目标计满分 30');
  });

  it('a unit missing from a quarter\'s sheet is an error there, not a silent 0', async () => {
    const book = sheets();
    book['得分表（三季度）'] = (book['得分表（三季度）'] as Rows).filter((r) => r[0] !== '乙镇');
    const run = await runCli(['check', await writeBook(path.join(tempDir(), 'annual.xlsx'), book)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/单位「乙镇」在「得分表（三季度）」中没有得分行.*（代码 E_MISSING_UNIT_ROW）/);
  });

  it('gives the forms a sheet per quarter holding the quarterly leaves only', async () => {
    const dir = tempDir();
    const book = sheets();
    const file = await writeBook(path.join(dir, 'annual.xlsx'), { 方案: book['方案']!, 指标体系: INDICATORS, 单位名单: ROSTER });
    expect((await runCli(['template', file, '-o', path.join(dir, 'forms')])).code).toBe(0);
    const layout = await formLayout(path.join(dir, 'forms', filesIn(path.join(dir, 'forms'))[0]!));
    const codes = (sheet: string): string[] => layout.get(sheet)!.headers.slice(2).map((h) => h.split('\n')[0]!);
    expect(codes('得分表')).toEqual(['Q3', 'L1']);
    expect(codes('得分表（二季度）')).toEqual(['Q1', 'L2']);
    expect(layout.has('扣分明细（四季度）')).toBe(true);
    expect(layout.has('扣分明细')).toBe(false);
  });

  it.each([
    ['a node not in the indicators', '  - node: 勤政/群众评议\n    periods: [一季度]', /「勤政\/群众评议」不是指标体系中的指标.*（代码 E_SCHEME_NODE）/],
    ['shares not adding to 100', '  - node: L1\n    periods: {一季度: 50, 二季度: 40}', /「L1」各期的百分比合计为 90，应为 100.*（代码 E_SCHEME_VALUE）/],
    ['a period the scheme does not have', '  - node: L1\n    periods: [五季度]', /「L1」的期次「五季度」不在方案的 periods 中.*（代码 E_SCHEME_UNKNOWN_PERIOD）/],
  ])('refuses %s', async (_what, rule, message) => {
    const book = sheets();
    book['方案'] = SCHEME.replace('nodes:\n', `nodes:\n${rule}\n`);
    const run = await runCli(['check', await writeBook(path.join(tempDir(), 'annual.xlsx'), book)]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
  });

  it('refuses a node inside a part already scored per period by components', async () => {
    const book = sheets();
    book['方案'] = SCHEME.replace('nodes:\n', 'components:\n  - part: 廉政\n    periods: {一季度: 30, 四季度: 30}\nnodes:\n');
    const run = await runCli(['check', await writeBook(path.join(tempDir(), 'annual.xlsx'), book)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/「L2」所在的一级指标「廉政」已在 components 中分期计分.*（代码 E_SCHEME_NODE）/);
  });
});
