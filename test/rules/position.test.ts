import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { entered, linearPlace, percentilePlace, placesOf, sumOf } from '../support/rules-reckoning.mjs';
import { writeBook, type Rows } from '../support/workbook.js';

// docs/scheme.md「位次按总数或百分位计分（rank 的 共、末位、百分位；position）」.
const SCHEME = `name: 位次计分
categories: [部门, 乡镇]
bands:
  - name: 好
    atLeast: 90
  - name: 一般
`;
const PERCENTILES = [[20, 10], [50, 8], [100, 5]] as const;
// R1: 同行业 12 个单位中的位次, linear to 4; R2: out of 10 by 百分位.
const R1: Record<string, number> = { 一局: 1, 二局: 3, 三局: 12, 四局: 7, 甲镇: 2, 乙镇: 12 };
const R2: Record<string, number> = { 一局: 2, 二局: 3, 三局: 10, 四局: 5, 甲镇: 6, 乙镇: 1 };
// P1, P2 ranked by the tool within each category: 二局 and 三局 tie on P1; 四局 has P1 as 缺项.
const P1: Record<string, number | string> = { 一局: 50, 二局: 40, 三局: 40, 四局: '缺项', 甲镇: 7, 乙镇: 9 };
const P2: Record<string, number> = { 一局: 3, 二局: 1, 三局: 2, 四局: 4, 甲镇: 5, 乙镇: 5 };
const UNITS = Object.keys(R1);
const CATEGORY = (u: string): string => (u.endsWith('镇') ? '乡镇' : '部门');

function book(params: Partial<Record<'R1' | 'R2' | 'P1' | 'P2', string>> = {}): Record<string, Rows | string> {
  return {
    方案: SCHEME,
    指标体系: [['编码', '一级指标', '二级指标', '分值', '评分方法', '参数'],
      [null, '优政', null, 40, null, null],
      ['R1', null, '业务拓展能力', 10, '位次', params.R1 ?? '共=12；末位=4'],
      ['R2', null, '行政管理能力', 10, '位次', params.R2 ?? '共=10；百分位=20:10、50:8、100:5'],
      ['P1', null, '招商引资', 10, '按位次计分', params.P1 ?? '末位=2；缺项=折算'],
      ['P2', null, '项目建设', 10, '百分位', params.P2 ?? '百分位=前20%:10、50:8、100:5'],
      [null, '其他', null, 60, null, null], ['D', null, '日常', 60, 'direct', null]],
    单位名单: [['单位名称', '类别'], ...UNITS.map((u) => [u, CATEGORY(u)])],
    得分表: [['单位名称', 'R1', 'R2', 'P1', 'P2', 'D'], ...UNITS.map((u) => [u, R1[u]!, R2[u]!, P1[u]!, P2[u]!, 50])],
  };
}

/** Each unit's points, worked out on fractions: places within the category from the values entered. */
function expected(unit: string, lowerFirst = false): string {
  const peers = UNITS.filter((u) => CATEGORY(u) === CATEGORY(unit));
  const p1 = peers.filter((u) => typeof P1[u] === 'number');
  // 越小越好: the lowest value placed first, as the highest of the values negated.
  const p1Place = placesOf(p1.map((u) => (lowerFirst ? -(P1[u] as number) : P1[u]!)))[p1.indexOf(unit)];
  const p2Place = placesOf(peers.map((u) => P2[u]!))[peers.indexOf(unit)]!;
  const parts = [linearPlace(10, R1[unit]!, 12, 4), percentilePlace(R2[unit]!, 10, PERCENTILES), percentilePlace(p2Place, peers.length, PERCENTILES)];
  // 缺项折算: 优政 without P1 is rescaled from 30 to 40 points.
  const youzheng = p1Place === undefined ? sumOf(parts).times(40).div(30) : sumOf([...parts, linearPlace(10, p1Place, p1.length, 2)]);
  return sumOf([youzheng, entered(50)]).toString();
}

describe('位次 out of the group size and by percentile', () => {
  it('scores entered places out of 共, and values placed among the peers (ties share a place)', async () => {
    const file = await writeBook(path.join(tempDir(), 'annual.xlsx'), book());
    for (const unit of UNITS) {
      const run = await runCli(['explain', file, unit, '--json']);
      expect(run.stderr).toBe('');
      expect(String(JSON.parse(run.stdout).exact)).toBe(expected(unit));
    }
    const two = (await runCli(['explain', file, '二局'])).stdout;
    expect(two).toContain('位次 3 / 共 12：10 − (3 − 1) × (10 − 4) ÷ (12 − 1) = 8.91');
    expect(two).toContain('位次 3 / 共 10：3 ÷ 10 = 30%，在前 50% 一档，8 分');
    // 二局 and 三局 both 40 on P1: both second of three (四局 is 缺项), 10 − 1 × 8 ÷ 2 = 6.
    expect(two).toContain('完成值 40，同类 3 个单位中第 2 位：10 − (2 − 1) × (10 − 2) ÷ (3 − 1) = 6');
    expect((await runCli(['explain', file, '三局'])).stdout).toContain('同类 3 个单位中第 2 位');
    // 甲镇 and 乙镇 tie on P2: both first of two, 1 ÷ 2 = 50%.
    expect((await runCli(['explain', file, '乙镇'])).stdout).toContain('完成值 5，同类 2 个单位中第 1 位：1 ÷ 2 = 50%，在前 50% 一档，8 分');
  });

  it('places the lowest value first where 越小越好 (发案率, 投诉量), ties still sharing a place', async () => {
    const file = await writeBook(path.join(tempDir(), 'annual.xlsx'), book({ P1: '末位=2；缺项=折算；越小越好=是' }));
    for (const unit of UNITS) {
      const run = await runCli(['explain', file, unit, '--json']);
      expect(run.stderr).toBe('');
      expect(String(JSON.parse(run.stdout).exact)).toBe(expected(unit, true));
    }
    // 二局 and 三局 both 40: first of three now, 一局's 50 third: 10 − 2 × 8 ÷ 2 = 2.
    expect((await runCli(['explain', file, '二局'])).stdout).toContain('完成值 40，同类 3 个单位中第 1 位');
    expect((await runCli(['explain', file, '一局'])).stdout).toContain('完成值 50，同类 3 个单位中第 3 位：10 − (3 − 1) × (10 − 2) ÷ (3 − 1) = 2');
    const bad = await writeBook(path.join(tempDir(), 'annual.xlsx'), book({ P1: '末位=2；越小越好=也许' }));
    expect((await runCli(['check', bad])).stderr).toContain('「越小越好」应为「是」或「否」，现为「也许」。');
  });

  it('refuses a place beyond 共, and 参数 that name no way or two ways of scoring', async () => {
    const b = book({ R2: '百分位=20:10、50:8、100:5', P1: '末位=2；百分位=20:10、100:5', P2: '百分位=50:8、20:10' });
    b['得分表'] = (b['得分表'] as Rows).map((r) => (r[0] === '一局' ? ['一局', 13, 2, 50, 3, 50] : r));
    const run = await runCli(['check', await writeBook(path.join(tempDir(), 'annual.xlsx'), b)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/单位「一局」指标「R1」：位次 13 超过了总数 12（参数「共」）。.*（代码 E_BAD_PLACE）/);
    expect(run.stderr).toMatch(/指标「R2」的参数有误：写了「百分位」，还需要参数「共」。.*（代码 E_INDICATOR_PARAM）/);
    expect(run.stderr).toMatch(/指标「P1」的参数有误：评分方法 position 的参数「末位」「百分位」须写其中一个，也只能写一个。/);
    expect(run.stderr).toMatch(/指标「P2」的参数有误：「百分位」应写作「20:10、50:8、100:5」/);
  });
});
