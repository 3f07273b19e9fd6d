import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { dumpSheet, writeBook, type Rows } from '../support/workbook.js';

// docs/scheme.md「fail 与后几名（bottom）同时出现」and「加分后可以超过满分」.
const units = ['甲局', '乙局', '丙局', '丁局', '戊局'];
const totals = [95, 92, 85, 80, 70];

async function ranking(schemeText: string, extra: Record<string, Rows>): Promise<{ code: number; rows: Map<unknown, unknown[]> }> {
  const file = await writeBook(path.join(tempDir(), 'v.xlsx'), {
    方案: schemeText,
    指标体系: [['编码', '一级指标', '分值'], ['A', '工作', 100]],
    单位名单: [['单位名称', '类别'], ...units.map((u) => [u, '部门'])],
    得分表: [['单位名称', 'A'], ...units.map((u, i) => [u, totals[i]!])],
    ...extra,
  });
  const run = await runCli([file]);
  return { code: run.code, rows: new Map((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名')).map((r) => [r[2], r])) };
}

describe('a fail veto and a last band of the bottom N', () => {
  const scheme = `name: 后两名
categories: [部门]
bands:
  - name: 先进
    atLeast: 90
    quota: {count: 1}
  - name: 达标
  - name: 诫勉
    bottom: 2
vetoes:
  - {name: 失职渎职, effect: fail}
`;
  const veto = (unit: string): Record<string, Rows> => ({ 一票否决: [['单位名称', '否决事项', '说明'], [unit, '失职渎职', '县纪委处理决定']] });

  it('a vetoed unit takes one of the N places: 甲局 (95, vetoed) and the lowest 戊局 are the 2 诫勉', async () => {
    const { code, rows } = await ranking(scheme, veto('甲局'));
    expect(code).toBe(0);
    // 类别, 名次, 单位名称, 工作, 总分, 等次
    expect(units.map((u) => rows.get(u)?.slice(1, 2).concat(rows.get(u)?.slice(5, 6)))).toEqual([[1, '诫勉'], [2, '先进'], [3, '达标'], [4, '达标'], [5, '诫勉']]);
  });

  it('a vetoed unit already among the lowest changes nothing', async () => {
    const { rows } = await ranking(scheme, veto('戊局'));
    expect(units.map((u) => rows.get(u)?.[5])).toEqual(['先进', '达标', '达标', '诫勉', '诫勉']);
  });
});

describe('a bonus above full marks', () => {
  it('counts in full, not capped at full marks: 98 + 3 is published as 101', async () => {
    const scheme = `name: 加分超过满分
categories: [部门]
bands:
  - name: 先进
    atLeast: 90
  - name: 合格
    atLeast: 60
  - name: 不合格
adjustments:
  bonus:
    cap: 4
    items:
      - {name: 省委省政府表彰, points: 3}
`;
    const { code, rows } = await ranking(scheme, {
      加减分: [['单位名称', '类型', '项目', '分值', '事由', '依据'], ['甲局', '加分', '省委省政府表彰', null, '省级文明单位', '冀文明〔2013〕3号']],
      得分表: [['单位名称', 'A'], ['甲局', 98], ['乙局', 92], ['丙局', 85], ['丁局', 80], ['戊局', 70]],
    });
    expect(code).toBe(0);
    // 类别, 名次, 单位名称, 工作, 加分, 总分, 等次
    expect(rows.get('甲局')?.slice(1, 7)).toEqual([1, '甲局', 98, 3, 101, '先进']);
  });
});
