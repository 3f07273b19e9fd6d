import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { dumpSheet, writeBook, type Rows } from '../support/workbook.js';

// 002 奇台: 得分 = 集中考核（半年 30% + 年终 60%）+ 公众评议 × 10%; bands at 90% / 80% / 70% of full marks.
const scheme = `name: 奇台式加权考核
fullMarks: 100
categories: [部门]
periods: [半年, 年终]
components:
  - part: 集中考核
    periods: {半年: 30, 年终: 60}
  - part: 公众评议
    weight: 10
bandBasis: percent
bands:
  - name: 优秀
    atLeast: 90
  - name: 良好
    atLeast: 80
  - name: 合格
    atLeast: 70
  - name: 不合格
`;

const indicators: Rows = [
  ['编码', '一级指标', '二级指标', '分值', '评分方法', '参数'],
  ['J', '集中考核', null, 100, null, null],
  ['J1', '集中考核', '重点工作', 60, 'direct', null],
  ['J2', '集中考核', '常规工作', 40, 'ratio', '目标值=100'],
  ['P', '公众评议', null, 100, null, null],
  ['P1', '公众评议', '满意率', 100, 'rate', null],
];

const roster: Rows = [['单位名称', '类别'], ['甲局', '部门'], ['乙局', '部门'], ['丙局', '部门']];

async function book(edit: (sheets: Record<string, Rows | string>) => void = () => undefined): Promise<string> {
  const sheets: Record<string, Rows | string> = {
    方案: scheme,
    指标体系: indicators,
    单位名单: roster,
    '得分表（半年）': [['单位名称', 'J1', 'J2'], ['甲局', 58, 100], ['乙局', 50, 90], ['丙局', 40, 80]],
    '得分表（年终）': [['单位名称', 'J1', 'J2'], ['甲局', 57, 95], ['乙局', 52, 88], ['丙局', 45, 70]],
    得分表: [['单位名称', 'P1'], ['甲局', 96], ['乙局', 85], ['丙局', '72%']],
  };
  edit(sheets);
  return writeBook(path.join(tempDir(), 'qitai.xlsx'), sheets);
}

describe('weights and periods (002 奇台)', () => {
  it('adds 30% of 半年, 60% of 年终 and 10% of 公众评议, and bands by percentage', async () => {
    const file = await book();
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    const rows = new Map((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名')).map((r) => [r[2], r]));
    // 甲: 半年 58 + 40 = 98 → 29.4; 年终 57 + 38 = 95 → 57; 公众 96 → 9.6; total 96
    expect(rows.get('甲局')?.slice(3, 7)).toEqual([86.4, 9.6, 96, '优秀']);
    // 乙: 半年 50 + 36 = 86 → 25.8; 年终 52 + 35.2 = 87.2 → 52.32; 公众 8.5; total 86.62
    expect(rows.get('乙局')?.slice(3, 7)).toEqual([78.12, 8.5, 86.62, '良好']);
    // 丙: 半年 40 + 32 = 72 → 21.6; 年终 45 + 28 = 73 → 43.8; 公众 7.2; total 72.6
    expect(rows.get('丙局')?.slice(3, 7)).toEqual([65.4, 7.2, 72.6, '合格']);
    expect((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名'))[0]?.slice(3, 5)).toEqual(['集中考核（半年30%+年终60%）', '公众评议（×10%）']);
  });

  it('checks the weighted points against the full marks', async () => {
    const file = await book((s) => {
      s['方案'] = scheme.replace('weight: 10', 'weight: 20');
    });
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('类别「部门」适用的一级指标计入总分的分值合计为 110，与方案满分 100 不符');
  });

  it('names a missing period sheet and a unit missing from one', async () => {
    const file = await book((s) => {
      delete s['得分表（年终）'];
      (s['得分表（半年）'] as Rows).pop();
    });
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('缺少工作表「得分表（年终）」');
    expect(run.stderr).toContain('单位「丙局」在「得分表（半年）」中没有得分行');
  });
});
