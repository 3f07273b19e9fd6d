// Builds samples/hang-1000/annual.xlsx (seed 002 千分制) and reckons every unit's published numbers
// from the same data in exact fractions, independently of the engine.
// Run: node test/support/make-hang.mjs              rebuild annual.xlsx
//      node test/support/make-hang.mjs --expected   write expected/numbers.json (--check: only compare)
import { frac, min, sum } from './fraction.mjs';
import { sampleBook } from './sample-book.mjs';
import { bandByFloor, bestFirst, bestOf, numbersText, rankWithin, readScheme, runGenerator, totalOf } from './standings.mjs';

const dir = new URL('../../samples/hang-1000/', import.meta.url);
// unit, [A1 经济指标完成 % (ratio of 200), A2 社会事业 (≤120), A3 机关效能 (≤80), M1 重点工作 (≤300), M2 常规工作 (≤150), 满意率 %], 察访核验 [source, points, reason]
const units = [
  ['党政办', [100, 115, 78, 290, 145, 96], []],
  ['经济发展办', [104, 110, 75, 288, 140, 92], [['县委督查室', 5, '督办件逾期']]],
  ['社会事务办', [97, 112, 76, 280, 142, 94], []],
  ['财政所', [95, 108, 74, 285, 138, 90], [['效能明察暗访', 10, '上班时间脱岗']]],
  ['农业服务中心', [92, 105, 70, 270, 135, 88], []],
  ['村建站', [90, 100, 72, 265, 130, 85], [['效能明察暗访', 30, '违规收费'], ['效能明察暗访', 25, '服务态度差被曝光'], ['县行政服务中心', 8, '窗口办件超时']]],
  ['计生办', [88, 102, 70, 260, 128, 86], []],
  ['综治办', [85, 98, 68, 255, 125, 84], [['县政府督查室', 12, '重点工作推进滞后']]],
  ['司法所', [80, 90, 60, 230, 110, 80], [['县监效办', 20, '项目资料不全']]],
  ['国土所', [60, 70, 50, 180, 90, 70], [['县人大相关委室', 15, '代表建议办理不力'], ['县政协相关委室', 10, '提案答复超期']]],
];
const CAPS = { 效能明察暗访: 50, 县委督查室: 20, 县政府督查室: 20, 县人大相关委室: 20, 县政协相关委室: 20, 县监效办: 50, 县行政服务中心: 20 };

/** 千分制 (002): 绩效评估 400 + 目标管理 450 + 公众评议 150 − 察访核验, every unit's numbers exact. */
export function numbers() {
  const scheme = readScheme(dir);
  const scored = units.map(([name, [a1, a2, a3, m1, m2, rate], checks], order) => {
    // A1 完成比例折算 on a target of 100, capped at its 200 points; P1 满意率 × 150.
    const assessed = min(200, frac(200).times(frac(a1)).div(100)).plus(frac(a2)).plus(frac(a3));
    const parts = [assessed, frac(m1).plus(frac(m2)), frac(150).times(frac(rate)).div(100)];
    // 察访核验: each source capped (效能明察暗访 ≤ 50 …), then ≤ 200 in all. One item kind only,
    // so the proportional share of a capped source (docs/scheme.md) changes nothing here.
    const bySource = new Map();
    for (const [source, points] of checks) bySource.set(source, (bySource.get(source) ?? frac(0)).plus(frac(points)));
    const deduction = min(200, sum([...bySource].map(([source, points]) => min(points, CAPS[source]))));
    return { category: '责任部门', name, order, ...totalOf(parts, scheme, { deduction }), tieKeys: [] };
  });
  rankWithin(scored, scheme);
  for (const u of scored) u.band = bandByFloor(u, scheme.bandsOf.get(u.category), scheme);
  // 一等奖 1、二等奖 2、三等奖 3 over all units in turn, best first (scope: all; no from, no vetoes).
  let pool = [...scored].sort(bestFirst);
  for (const h of scheme.honours) {
    if (h.scope !== 'all' || h.from !== undefined) throw new Error(`honour ${h.name}: only scope all without from is reckoned here`);
    const taken = bestOf(pool, h.count, h.name);
    for (const u of taken) u.honour = h.name;
    pool = pool.filter((u) => !taken.includes(u));
  }
  return numbersText('test/support/make-hang.mjs', scheme, scored);
}

async function build() {
  const { sheet, save } = sampleBook(dir, new Date(Date.UTC(2013, 1, 6)));
  sheet('指标体系', [
    ['编码', '一级指标', '二级指标', '分值', '评分方法', '参数', '牵头部门'],
    ['A', '绩效评估指标', null, 400, null, null, '乡经委'],
    ['A1', '绩效评估指标', '经济指标', 200, 'ratio', '目标值=100', '乡统计站'],
    ['A2', '绩效评估指标', '社会事业', 120, 'direct', null, '乡经委'],
    ['A3', '绩效评估指标', '机关效能', 80, 'direct', null, '乡效能办'],
    ['M', '目标管理指标', null, 450, null, null, '乡党政办'],
    ['M1', '目标管理指标', '重点工作目标', 300, 'direct', null, '乡党政办'],
    ['M2', '目标管理指标', '常规工作目标', 150, 'direct', null, '乡党政办'],
    ['P', '公众评议', null, 150, null, null, '上杭调查队'],
    ['P1', '公众评议', '满意率', 150, 'rate', null, '上杭调查队'],
  ]);
  sheet('单位名单', [['单位名称', '类别'], ...units.map((u) => [u[0], '责任部门'])]);
  sheet('得分表', [['单位名称', 'A1', 'A2', 'A3', 'M1', 'M2', 'P1'], ...units.map((u) => [u[0], ...u[1]])]);
  sheet('加减分', [['单位名称', '类型', '项目', '分值', '事由', '来源'], ...units.flatMap((u) => u[2].map(([source, points, reason]) => [u[0], '减分', '察访核验', points, reason, source]))]);
  await save();
}

await runGenerator(import.meta.url, dir, { build, numbers });
