import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { dumpSheet, writeBook } from '../support/workbook.js';

const scheme = (roundParts: boolean, rankOn = 'published'): string => `name: 四舍五入
categories: [部门]
rounding:
  decimals: 2
  roundParts: ${roundParts}
  rankOn: ${rankOn}
bands:
  - name: 合格
    atLeast: 60
  - name: 不合格
`;

async function score(roundParts: boolean): Promise<Map<unknown, unknown[]>> {
  const file = await writeBook(path.join(tempDir(), 'r.xlsx'), {
    方案: scheme(roundParts),
    指标体系: [['编码', '一级指标', '分值'], ['A', '甲部分', 5], ['B', '乙部分', 5], ['C', '丙部分', 90]],
    单位名单: [['单位名称', '类别'], ['一局', '部门'], ['二局', '部门']],
    // 一局: 1.005 + 2.135 + 82.815 = 85.955; 二局: 0.005 + 0.005 + 60 = 60.01
    得分表: [['单位名称', 'A', 'B', 'C'], ['一局', 1.005, 2.135, 82.815], ['二局', 0.005, 0.005, 60]],
  });
  const run = await runCli([file]);
  expect(run.code).toBe(0);
  return new Map((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名')).map((r) => [r[2], r]));
}

describe('published scores round half-up, exactly', () => {
  it('publishes 1.005 → 1.01, 2.135 → 2.14 and a total of 85.955 → 85.96', async () => {
    const rows = await score(false);
    expect(rows.get('一局')?.slice(3, 7)).toEqual([1.01, 2.14, 82.82, 85.96]);
  });

  it('adds exact parts by default, and rounded parts when the scheme says so', async () => {
    expect((await score(false)).get('二局')?.[6]).toBe(60.01);
    expect((await score(true)).get('二局')?.[6]).toBe(60.02);
  });
});

describe('rankOn: what bands compare', () => {
  async function band(rankOn: string): Promise<unknown[]> {
    const file = await writeBook(path.join(tempDir(), 'r.xlsx'), {
      方案: scheme(false, rankOn),
      指标体系: [['编码', '一级指标', '分值'], ['A', '甲部分', 100]],
      单位名单: [['单位名称', '类别'], ['一局', '部门']],
      得分表: [['单位名称', 'A'], ['一局', 59.996]],
    });
    expect((await runCli([file])).code).toBe(0);
    return (await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名'))[1]!.slice(4, 6);
  }

  it('bands 59.996 by its published 60.00 by default, and by the exact total when the scheme says so', async () => {
    expect(await band('published')).toEqual([60, '合格']);
    expect(await band('exact')).toEqual([60, '不合格']);
  });
});
