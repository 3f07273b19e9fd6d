import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { entered, rated, ratioed, rescaled, sumOf } from '../support/rules-reckoning.mjs';
import { dumpSheet, writeBook, type Rows } from '../support/workbook.js';

// docs/scheme.md「缺项折算（missingItems、参数 缺项=折算）」: a leaf a unit does not have is left out,
// and the unit's other leaves of that part are rescaled to the part's points.
const SCHEME = (extra = ''): string => `name: 缺项考核
categories: [部门]
${extra}bands:
  - name: 好
    atLeast: 90
  - name: 一般
`;
const INDICATORS: Rows = [
  ['编码', '一级指标', '二级指标', '分值', '评分方法', '参数'],
  ['A', '经济发展', null, 40, null, null],
  ['A1', '经济发展', '重点工作', 20, 'direct', null],
  ['A2', '经济发展', '招商完成率', 10, 'rate', '缺项=折算'],
  ['A3', '经济发展', '安全生产', 10, 'pass', '缺项=折算'],
  ['B', '服务评价', null, 60, null, null],
  ['B1', '服务评价', '办件完成', 40, 'ratio', '目标值=100'],
  ['B2', '服务评价', '群众评议', 20, 'raters', null],
];
const ROSTER: Rows = [['单位名称', '类别'], ['一局', '部门'], ['二局', '部门'], ['三局', '部门']];
const SCORES: Rows = [['单位名称', 'A1', 'A2', 'A3', 'B1'], ['一局', 18, 95, '达标', 90], ['二局', 17.5, null, '达标', 100], ['三局', 19, '缺项', null, 80]];
const RATERS: Rows = [['单位名称', '指标编码', '评分人', '分数'], ...['一局', '二局', '三局'].flatMap((u, i) => [[u, 'B2', '甲', 18 - i], [u, 'B2', '乙', 17]])];

async function explainExact(sheets: Record<string, Rows | string>, unit: string): Promise<{ exact: string; text: string; stderr: string }> {
  const file = await writeBook(path.join(tempDir(), 'annual.xlsx'), sheets);
  const json = await runCli(['explain', file, unit, '--json']);
  const text = await runCli(['explain', file, unit]);
  return { exact: json.stdout ? String(JSON.parse(json.stdout).exact) : '', text: text.stdout, stderr: json.stderr };
}

const base = (scheme = SCHEME(), scores = SCORES, raters = RATERS): Record<string, Rows | string> => ({ 方案: scheme, 指标体系: INDICATORS, 单位名单: ROSTER, 得分表: scores, 评议: raters });
const b2 = (i: number): ReturnType<typeof sumOf> => sumOf([18 - i, 17]).div(2);

describe('缺项折算', () => {
  it('rescales the part of a unit with a blank or 「缺项」 where the indicator allows it', async () => {
    // 一局 has everything; 二局 no A2; 三局 neither A2 nor A3.
    const expected = {
      一局: sumOf([entered(18), rated(10, 95), 10, ratioed(40, 90, 100), b2(0)]),
      二局: sumOf([rescaled([entered(17.5), 10], 40, 30), ratioed(40, 100, 100), b2(1)]),
      三局: sumOf([rescaled([entered(19)], 40, 20), ratioed(40, 80, 100), b2(2)]),
    };
    for (const [unit, total] of Object.entries(expected)) {
      const run = await explainExact(base(), unit);
      expect(run.stderr).toBe('');
      expect(run.exact).toBe(total.toString());
    }
    const dir = tempDir();
    const file = await writeBook(path.join(dir, 'annual.xlsx'), base());
    expect((await runCli([file])).code).toBe(0);
    const sheet = await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '指标得分');
    const header = sheet[0]!;
    const row = sheet.find((r) => r[1] === '二局')!;
    const cell = (code: string): unknown => row[header.findIndex((h) => String(h).startsWith(`${code} `))];
    // 指标得分 shows the leaves rescaled (17.5 × 4/3, 10 × 4/3), the missing one a dash.
    expect([cell('A1'), cell('A2'), cell('A3')]).toEqual([Number(rescaled([17.5], 40, 30).halfUp(2)), '—', Number(rescaled([10], 40, 30).halfUp(2))]);
    const run = await explainExact(base(), '二局');
    expect(run.text).toContain('A2 招商完成率（10 分）：缺项，不计分，本部分按其余指标折算');
    expect(run.text).toContain('缺项 A2（10 分）：其余指标 27.5 分，折算 27.5 × 40 ÷ 30 = 36.67');
  });

  it('keeps a blank an error where the indicator does not allow it', async () => {
    const scores = SCORES.map((r) => (r[0] === '一局' ? ['一局', null, 95, '达标', 90] : r));
    const file = await writeBook(path.join(tempDir(), 'annual.xlsx'), base(SCHEME(), scores));
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/得分表!B2：单位「一局」指标「A1」.*（代码 E_EMPTY_CELL）/);
  });

  it('missingItems: rescale allows it for every leaf, a rater leaf without scores too; 缺项=否 still refuses', async () => {
    const raters = RATERS.filter((r) => r[0] !== '三局');
    const sheets = base(SCHEME('missingItems: rescale\n'), SCORES, raters);
    // 三局: no A2, no A3 (part A from A1), no B2 (part B from B1).
    const run = await explainExact(sheets, '三局');
    expect(run.stderr).toBe('');
    expect(run.exact).toBe(sumOf([rescaled([19], 40, 20), rescaled([ratioed(40, 80, 100)], 60, 40)]).toString());
    const refusing = INDICATORS.map((r) => (r[0] === 'B2' ? [...r.slice(0, 5), '缺项=否'] : r));
    const check = await runCli(['check', await writeBook(path.join(tempDir(), 'annual.xlsx'), { ...sheets, 指标体系: refusing })]);
    expect(check.stderr).toMatch(/单位「三局」指标「B2」没有任何评议分数.*（代码 E_NO_RATERS）/);
  });

  it('refuses a part whose every leaf is missing: there is nothing to rescale from', async () => {
    const scores = SCORES.map((r) => (r[0] === '三局' ? ['三局', null, null, null, 80] : r));
    const run = await runCli(['check', await writeBook(path.join(tempDir(), 'annual.xlsx'), base(SCHEME('missingItems: rescale\n'), scores))]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/单位「三局」在「经济发展」下的指标（A1、A2、A3）全部缺项，无从折算.*（代码 E_ALL_MISSING）/);
  });
});
