import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { dumpSheet, writeBook, type Rows } from '../support/workbook.js';

// Issue 9: quotients must not drift. Every expected figure below is worked out by hand in fractions.

const raterRows = (unit: string, codes: string[], scores: number[]): Rows =>
  codes.flatMap((code) => scores.map((s, i) => [unit, code, `评委${i + 1}`, s]));

async function ranking(file: string): Promise<Map<unknown, unknown[]>> {
  return new Map((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名')).map((r) => [r[2], r]));
}

describe('rater means of thirds add up exactly', () => {
  // 一局: 39 + 3 × (15 + 15 + 16)/3 = 39 + 3 × 46/3 = 85 exactly; 二局: 40 + 3 × 15 = 85;
  // 三局: 34 + 3 × 46/3 = 80 exactly. With 40 significant digits 46/3 is 15.33…3 and 一局 lands at 84.99…9.
  let file: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    const codes = ['R1', 'R2', 'R3'];
    file = await writeBook(path.join(tempDir(), 'thirds.xlsx'), {
      方案: 'name: 精确\ncategories: [部门]\nrounding:\n  decimals: 2\n  rankOn: exact\nbands:\n  - name: 先进\n    atLeast: 85\n  - name: 良好\n    atLeast: 80\n  - name: 一般\n',
      指标体系: [['编码', '一级指标', '分值', '评分方法'], ['A', '甲', 40, 'direct'], ['R1', '乙', 20, 'raters'], ['R2', '丙', 20, 'raters'], ['R3', '丁', 20, 'raters']],
      单位名单: [['单位名称', '类别'], ['一局', '部门'], ['二局', '部门'], ['三局', '部门']],
      得分表: [['单位名称', 'A'], ['一局', 39], ['二局', 40], ['三局', 34]],
      评议: [['单位名称', '指标编码', '评分人', '分数'], ...raterRows('一局', codes, [15, 15, 16]), ...raterRows('二局', codes, [15, 15, 15]), ...raterRows('三局', codes, [15, 15, 16])],
    });
    run = await runCli([file]);
  });

  it('ranks and bands on the exact total: 85 ties 85, 80 is 良好', async () => {
    expect(run.code).toBe(0);
    const rows = await ranking(file);
    expect(rows.get('一局')?.slice(0, 3)).toEqual(['部门', 1, '一局']);
    expect(rows.get('二局')?.slice(0, 3)).toEqual(['部门', 1, '二局']);
    expect(rows.get('一局')?.slice(7, 9)).toEqual([85, '先进']);
    expect(rows.get('三局')?.slice(7, 9)).toEqual([80, '良好']);
  });

  it('tells the clerk about the boundary and writes the notice from the exact bands', () => {
    expect(run.stderr).toContain('单位「一局」总分 85.00 恰好等于「先进」的分界 85');
    expect(run.stderr).toContain('单位「三局」总分 80.00 恰好等于「良好」的分界 80');
    expect(readFileSync(file.replace('.xlsx', '.通报.txt'), 'utf8')).toContain('先进单位2个：一局、二局；良好单位1个：三局。');
  });
});

describe('ratio quotients and rater thirds reach x.xx5 exactly', () => {
  // 10 × 62/96 + 10 × 66/108 + 10 × 65/90 + (7 + 7 + 8)/3 + 30
  //   = 155/24 + 55/9 + 65/9 + 22/3 + 30 = 1371/24 = 57.125 exactly → published 57.13.
  it('publishes 57.13, not 57.12', async () => {
    const file = await writeBook(path.join(tempDir(), 'x5.xlsx'), {
      方案: 'name: 精确\ncategories: [部门]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n',
      指标体系: [['编码', '一级指标', '分值', '评分方法', '参数'], ['A', '甲', 10, 'ratio', '目标值=96'], ['B', '乙', 10, 'ratio', '目标值=108'],
        ['C', '丙', 10, 'ratio', '目标值=90'], ['R', '丁', 10, 'raters', null], ['D', '戊', 60, 'direct', null]],
      单位名单: [['单位名称', '类别'], ['一局', '部门']],
      得分表: [['单位名称', 'A', 'B', 'C', 'D'], ['一局', 62, 66, 65, 30]],
      评议: [['单位名称', '指标编码', '评分人', '分数'], ...raterRows('一局', ['R'], [7, 7, 8])],
    });
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    const row = (await ranking(file)).get('一局')!;
    expect(row.slice(3, 10)).toEqual([6.46, 6.11, 7.22, 7.33, 30, 57.13, '不合格']);
    const detail = await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '指标得分');
    expect(detail[1]).toEqual(['部门', '一局', 6.46, 6.11, 7.22, 7.33, 30, 57.13]);
  });
});
