import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { dumpSheet, writeBook, type Rows } from '../support/workbook.js';

// 002 正定: 综合得分 = 指标评估 + 领导评估 + 加分 − 减分; 加分 ≤ 4, 减分 ≤ 4; 古城 units have no adjustments.
const scheme = `name: 正定式加减分
categories: [乡镇, 古城]
bands:
  - name: 先进
    atLeast: 90
  - name: 合格
    atLeast: 60
  - name: 不合格
adjustments:
  categories: [乡镇]
  bonus:
    cap: 4
    items:
      - {name: 市委市政府表彰, points: 2}
      - {name: 省委省政府表彰, points: 3}
  deduction:
    cap: 4
    items:
      - {name: 县通报批评, points: 0.5}
      - {name: 查实投诉, points: 0.5}
      - {name: 党政纪处分, points: 1}
`;

const sheets = (adjustments: Rows): Record<string, Rows | string> => ({
  方案: scheme,
  指标体系: [['编码', '一级指标', '分值', '评分方法'], ['Z', '指标评估', 90, 'direct'], ['L', '领导评估', 10, 'direct']],
  单位名单: [['单位名称', '类别'], ['甲镇', '乡镇'], ['乙镇', '乡镇'], ['文管局', '古城']],
  得分表: [['单位名称', 'Z', 'L'], ['甲镇', 82, 9], ['乙镇', 80, 8.5], ['文管局', 85, 9]],
  加减分: adjustments,
});

describe('score: 加分 and 减分 with caps', () => {
  it('adds capped bonuses, subtracts deductions and shows what the caps cut', async () => {
    const file = await writeBook(path.join(tempDir(), 'zd.xlsx'), sheets([
      ['单位名称', '类型', '项目', '分值', '事由', '依据'],
      ['甲镇', '加分', '省委省政府表彰', null, '省级文明乡镇', '冀文明〔2012〕3号'],
      ['甲镇', '加分', '市委市政府表彰', 2, '市级先进集体', '石委〔2012〕8号'],
      ['甲镇', null, '查实投诉', null, '损害发展环境投诉查实', '县纪委通报'],
      ['乙镇', '减分', '党政纪处分', null, '班子成员受党纪处分', '处分决定'],
    ]));
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    const out = file.replace('.xlsx', '.通报.xlsx');
    const rows = new Map((await dumpSheet(out, '排名')).map((r) => [r[2], r]));
    // 甲镇: 82 + 9 + min(3 + 2, 4) − 0.5 = 94.5
    expect(rows.get('甲镇')?.slice(3, 9)).toEqual([82, 9, 4, 0.5, 94.5, '先进']);
    expect(rows.get('甲镇')?.[9]).toBe('加分合计 5 分，超过上限 4 分，按 4 分计');
    // 乙镇: 80 + 8.5 − 1 = 87.5
    expect(rows.get('乙镇')?.slice(3, 9)).toEqual([80, 8.5, 0, 1, 87.5, '合格']);
    // 古城: no adjustments apply
    expect(rows.get('文管局')?.slice(3, 9)).toEqual([85, 9, '—', '—', 94, '先进']);
    const detail = await dumpSheet(out, '加减分核算');
    expect(detail).toContainEqual(['乡镇', '甲镇', '加分小计', '', 4, '合计 5，封顶后 4', '', '']);
  });

  it('refuses an item without evidence, points that differ from the scheme, and an unknown item', async () => {
    const file = await writeBook(path.join(tempDir(), 'zd.xlsx'), sheets([
      ['单位名称', '类型', '项目', '分值', '事由', '依据'],
      ['甲镇', '加分', '省委省政府表彰', null, '省级文明乡镇', null],
      ['甲镇', '减分', '查实投诉', 1, '投诉', '通报'],
      ['乙镇', '加分', '省政府表扬', 3, '表扬', '文件'],
    ]));
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\S+ 加减分!F2：单位「甲镇」加分「省委省政府表彰」没有填写依据[^\n]*（代码 E_ADJUSTMENT_EVIDENCE）/);
    expect(run.stderr).toMatch(/\S+ 加减分!D3：.*分值 1 与方案规定的 0\.5 分不符[^\n]*（代码 E_ADJUSTMENT_POINTS）/);
    expect(run.stderr).toMatch(/\S+ 加减分!C4：「省政府表扬」不是方案中的加分项目。[^\n]*（代码 E_ADJUSTMENT_ITEM）\n\s+→ 方案中的项目：市委市政府表彰、省委省政府表彰/);
  });
});

describe('score: an item above its max is an error; a kind or total above its cap is capped', () => {
  // docs/scheme.md「每项上限 max 与合计上限 cap 不同」.
  const capped = scheme.replace('      - {name: 省委省政府表彰, points: 3}\n', '      - {name: 省委省政府表彰, points: 3}\n      - {name: 县委县政府研究决定加分, max: 4}\n')
    .replace('      - {name: 党政纪处分, points: 1}\n', '      - {name: 党政纪处分, points: 1}\n      - {name: 查访核验, max: 1, cap: 2}\n');
  const book = (adjustments: Rows): Promise<string> => writeBook(path.join(tempDir(), 'zd.xlsx'), { ...sheets(adjustments), 方案: capped });

  it('refuses 5 points for an item whose max is 4, at the cell, and writes nothing', async () => {
    const file = await book([
      ['单位名称', '类型', '项目', '分值', '事由', '依据'],
      ['甲镇', '加分', '县委县政府研究决定加分', 5, '重点项目攻坚', '县委常委会纪要'],
      ['乙镇', '加分', '县委县政府研究决定加分', 4, '招商引资', '县委常委会纪要'],
    ]);
    const run = await runCli([file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file} 加减分!D2：单位「甲镇」加分「县委县政府研究决定加分」：分值 5 超过该项目的上限 4 分。（代码 E_ADJUSTMENT_POINTS）`);
    expect(run.stderr).not.toContain('加减分!D3');
    expect(run.stderr).toContain('未生成通报');
  });

  it('caps the items of a kind at its cap and says what was cut', async () => {
    const file = await book([
      ['单位名称', '类型', '项目', '分值', '事由', '依据'],
      ['乙镇', '减分', '查访核验', 1, '暗访脱岗', '督查通报1期'],
      ['乙镇', '减分', '查访核验', 1, '暗访脱岗', '督查通报2期'],
      ['乙镇', '减分', '查访核验', 0.5, '材料迟报', '督查通报3期'],
    ]);
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    const rows = new Map((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名')).map((r) => [r[2], r]));
    // 乙镇: 80 + 8.5 − min(2.5, 2) = 86.5
    expect(rows.get('乙镇')?.slice(5, 8)).toEqual([0, 2, 86.5]);
    expect(rows.get('乙镇')?.[9]).toBe('减分项目「查访核验」 2.5 分，超过上限 2 分，按 2 分计');
  });
});
