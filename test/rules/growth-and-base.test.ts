import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { deductedOn, sumOf, tiered } from '../support/rules-reckoning.mjs';
import { writeBook, type Rows } from '../support/workbook.js';

// docs/scheme.md「增长率（growth）与百分制扣分（扣分基数=100）」.
const SCHEME = `name: 增长与扣分
categories: [部门]
bands:
  - name: 好
    atLeast: 90
  - name: 一般
`;
const TIERS = [[20, 10], [10, 8], [0, 5], [-10, 2]] as const;
const GROWTH: Record<string, number | string> = { 一局: 125, 二局: -3, 三局: '-12%', 四局: 10 };
const DEDUCTIONS: Record<string, number[]> = { 一局: [5, 3], 二局: [], 三局: [60, 50], 四局: [0.5] };
const UNITS = Object.keys(GROWTH);

function book(): Record<string, Rows | string> {
  return {
    方案: SCHEME,
    指标体系: [['编码', '一级指标', '分值', '评分方法', '参数'],
      ['G', '经济增长', 10, '增长率', '档次=20:10、10:8、0:5、-10:2'], ['M', '管理', 10, 'deduct', '扣分基数=100'], ['D', '日常', 80, 'direct', null]],
    单位名单: [['单位名称', '类别'], ...UNITS.map((u) => [u, '部门'])],
    得分表: [['单位名称', 'G', 'D'], ...UNITS.map((u) => [u, GROWTH[u]!, 75])],
    扣分明细: [['单位名称', '指标编码', '扣分', '扣分原因'], ...UNITS.flatMap((u) => DEDUCTIONS[u]!.map((d) => [u, 'M', d, '审核扣分']))],
  };
}

describe('增长率 and 百分制扣分', () => {
  it('scores growth by tiers beyond 100 and below 0, and deductions on 100 rescaled to the leaf', async () => {
    const file = await writeBook(path.join(tempDir(), 'annual.xlsx'), book());
    for (const unit of UNITS) {
      const run = await runCli(['explain', file, unit, '--json']);
      expect(run.stderr).toBe('');
      const rate = String(GROWTH[unit]).replace('%', '');
      expect(String(JSON.parse(run.stdout).exact)).toBe(sumOf([tiered(rate, TIERS), deductedOn(10, 100, DEDUCTIONS[unit]!), 75]).toString());
    }
    const text = await runCli(['explain', file, '一局']);
    expect(text.stdout).toContain('增长率 125%，达到「20% 以上」一档，10 分');
    expect(text.stdout).toContain('100 分制：100 − 5 − 3 = 92；折算 10 × 92 ÷ 100 = 9.2');
  });

  it('still refuses a negative entry for a method that takes none', async () => {
    const b = book();
    b['得分表'] = (b['得分表'] as Rows).map((r) => (r[0] === '一局' ? ['一局', 125, -1] : r));
    const run = await runCli(['check', await writeBook(path.join(tempDir(), 'annual.xlsx'), b)]);
    expect(run.stderr).toMatch(/单位「一局」指标「D」：为负数 -1.*（代码 E_NEGATIVE）/);
    expect(run.stderr).not.toMatch(/指标「G」/);
  });
});
