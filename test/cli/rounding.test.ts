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

describe('roundParts with weights and periods: each part is rounded once, after its weight and periods', () => {
  // docs/scheme.md「roundParts 取舍的是什么」. 集中考核: 半年 50.05 × 30% = 15.015, 年终 50.0325 × 60% = 30.0195,
  // together 45.0345 → 45.03 (rounding each period first would give 15.02 + 30.02 = 45.04);
  // 公众评议: 50.045 × 10% = 5.0045 → 5.00 (rounding the score first would give 50.05 × 10% = 5.01).
  async function total(roundParts: boolean): Promise<unknown[]> {
    const file = await writeBook(path.join(tempDir(), 'w.xlsx'), {
      方案: `${scheme(roundParts)}periods: [半年, 年终]
components:
  - part: 集中考核
    periods: {半年: 30, 年终: 60}
  - part: 公众评议
    weight: 10
`,
      指标体系: [['编码', '一级指标', '分值'], ['A', '集中考核', 100], ['P', '公众评议', 100]],
      单位名单: [['单位名称', '类别'], ['一局', '部门']],
      '得分表（半年）': [['单位名称', 'A'], ['一局', 50.05]],
      '得分表（年终）': [['单位名称', 'A'], ['一局', 50.0325]],
      得分表: [['单位名称', 'P'], ['一局', 50.045]],
    });
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    return (await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名'))[1]!.slice(3, 6);
  }

  it('publishes 45.03 + 5.00 = 50.03 with roundParts, and the exact 50.0390 → 50.04 without', async () => {
    expect(await total(true)).toEqual([45.03, 5, 50.03]);
    expect(await total(false)).toEqual([45.03, 5, 50.04]);
  });
});

describe('rankOn: exact together with roundParts', () => {
  // Under roundParts the total is made of the rounded parts; rankOn: exact only skips the last rounding,
  // which matters where 加减分 carry more decimals: 89.99 + 0.005 = 89.995, published 90.00.
  async function band(rankOn: string): Promise<unknown[]> {
    const file = await writeBook(path.join(tempDir(), 'x.xlsx'), {
      方案: `${scheme(true, rankOn).replace('  - name: 合格\n', '  - name: 先进\n    atLeast: 90\n  - name: 合格\n')}adjustments:
  bonus:
    items:
      - {name: 表彰, max: 1}
`,
      指标体系: [['编码', '一级指标', '分值'], ['A', '甲部分', 50], ['B', '乙部分', 50]],
      单位名单: [['单位名称', '类别'], ['一局', '部门']],
      // 44.994 → 44.99 and 45.004 → 45.00: the rounded parts add to 89.99 (the exact parts to 89.998)
      得分表: [['单位名称', 'A', 'B'], ['一局', 44.994, 45.004]],
      加减分: [['单位名称', '类型', '项目', '分值', '事由', '依据'], ['一局', '加分', '表彰', 0.005, '表彰', '文件']],
    });
    expect((await runCli([file])).code).toBe(0);
    return (await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名'))[1]!.slice(3, 8);
  }

  it('bands 89.99 + 0.005 as 先进 on the published 90.00, and as 合格 on the exact 89.995', async () => {
    expect(await band('published')).toEqual([44.99, 45, 0.01, 90, '先进']);
    expect(await band('exact')).toEqual([44.99, 45, 0.01, 90, '合格']);
  });
});

describe('tieBreak compares the parts as the totals are compared', () => {
  // 一局 45.333 + 45 and 二局 45.334 + 44.999: both 90.333 exactly, both published 90.33; one 先进 place, tieBreak [甲部分].
  async function tie(rankOn: string): Promise<{ code: number; stderr: string; bands: unknown[] }> {
    const file = await writeBook(path.join(tempDir(), 't.xlsx'), {
      方案: `${scheme(false, rankOn).replace('  - name: 合格\n', '  - name: 先进\n    atLeast: 90\n    quota: {count: 1}\n  - name: 合格\n')}tieBreak: [甲部分]\n`,
      指标体系: [['编码', '一级指标', '分值'], ['A', '甲部分', 50], ['B', '乙部分', 50]],
      单位名单: [['单位名称', '类别'], ['一局', '部门'], ['二局', '部门']],
      得分表: [['单位名称', 'A', 'B'], ['一局', 45.333, 45], ['二局', 45.334, 44.999]],
    });
    const run = await runCli([file]);
    const rows = new Map((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名')).map((r) => [r[2], r[6]]));
    return { code: run.code, stderr: run.stderr, bands: [rows.get('一局'), rows.get('二局')] };
  }

  it('under rankOn: published, the published parts (45.33 and 45.33) do not settle it: both 待定', async () => {
    const run = await tie('published');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/.*一局、二局 总分同为 90\.33，依次比较甲部分后仍相同[^\n]*（代码 E_TIE_UNDECIDED）/);
    expect(run.bands).toEqual(['待定（先进或合格）', '待定（先进或合格）']);
  });

  it('under rankOn: exact, the exact parts do: 45.334 beats 45.333', async () => {
    const run = await tie('exact');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/.*二局、一局 总分同为 90\.33（精确值 90\.333），按方案依次比较甲部分，二局 入选[^\n]*（代码 I_TIE_DECIDED）/);
    expect(run.bands).toEqual(['合格', '先进']);
  });
});
