import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { frac, sumOf, type Fraction } from '../support/rules-reckoning.mjs';
import { writeBook, type Rows } from '../support/workbook.js';

// docs/scheme.md「以最高值为满分（relative）」: the best of the category earns full marks, the others in
// proportion, or less a step per unit of distance; compared within the category only.
const SCHEME = `name: 相对评分
categories: [乡镇, 部门]
bands:
  - name: 好
    atLeast: 90
  - name: 一般
`;
const UNITS: [string, string, number][] = [['甲镇', '乡镇', 12.5], ['乙镇', '乡镇', 10], ['丙镇', '乡镇', 3], ['一局', '部门', 4], ['二局', '部门', 6]];
const book = (params: string | null): Record<string, Rows | string> => ({
  方案: SCHEME,
  指标体系: [['编码', '一级指标', '分值', '评分方法', '参数'], ['R', '招商引资', 20, '以最高分为满分', params], ['D', '日常', 80, 'direct', null]],
  单位名单: [['单位名称', '类别'], ...UNITS.map(([u, c]) => [u, c])],
  得分表: [['单位名称', 'R', 'D'], ...UNITS.map(([u, , v]) => [u, v, 70])],
});

/** Independently: the category's best, then the unit's points. */
function expected(unit: string, score: (value: Fraction, best: Fraction) => Fraction): string {
  const [, category, value] = UNITS.find(([u]) => u === unit)!;
  const best = UNITS.filter(([, c]) => c === category).map(([, , v]) => frac(v)).reduce((a, b) => (b.gt(a) ? b : a));
  return sumOf([score(frac(value), best), 70]).toString();
}

async function exacts(params: string | null): Promise<Record<string, string>> {
  const file = await writeBook(path.join(tempDir(), 'annual.xlsx'), book(params));
  const out: Record<string, string> = {};
  for (const [unit] of UNITS) {
    const run = await runCli(['explain', file, unit, '--json']);
    expect(run.stderr).toBe('');
    out[unit] = String(JSON.parse(run.stdout).exact);
  }
  return out;
}

describe('以最高值为满分 (relative)', () => {
  it('gives the best of each category full marks and the others in proportion', async () => {
    const got = await exacts(null);
    for (const [unit] of UNITS) expect(got[unit]).toBe(expected(unit, (v, best) => frac(20).times(v).div(best)));
  });

  it('with 步长, takes a step per unit below the best, down to 最低', async () => {
    const got = await exacts('步长=2；最低=5');
    const stepped = (v: Fraction, best: Fraction): Fraction => {
      const x = frac(20).minus(best.minus(v).times(2));
      return x.lt(5) ? frac(5) : x;
    };
    for (const [unit] of UNITS) expect(got[unit]).toBe(expected(unit, stepped));
  });

  it('explains the comparison', async () => {
    const file = await writeBook(path.join(tempDir(), 'annual.xlsx'), book(null));
    const run = await runCli(['explain', file, '乙镇']);
    expect(run.stdout).toContain('完成值 10，同类最高 12.5：20 × 10 ÷ 12.5 = 16');
  });
});
