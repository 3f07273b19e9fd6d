// Builds samples/qitai/annual.xlsx (seed 002 奇台) and reckons every unit's published numbers from
// the same data in exact fractions, independently of the engine.
// Run: node test/support/make-qitai.mjs              rebuild annual.xlsx
//      node test/support/make-qitai.mjs --expected   write expected/numbers.json (--check: only compare)
import { frac, min, sum } from './fraction.mjs';
import { sampleBook } from './sample-book.mjs';
import { bandByFloor, numbersText, rankWithin, readScheme, runGenerator, totalOf } from './standings.mjs';

const dir = new URL('../../samples/qitai/', import.meta.url);
// 二级 indicators of 集中考核 (100 points) by unit kind; the 专项 leaf is a grade. 乡镇: the six of
// 002's 乡镇 list at its weights, 机关作风效能建设 20 where 002 says 10 (its other 10 is 公众评议,
// scored here as its own part); 部门: 002's 三级 weights 35/35/20 and 专项 10 (README).
const TREE = {
  乡镇: [['X1', '年度全局性重点工作', 15], ['X2', '经济发展', 20], ['X3', '社会发展', 15], ['X4', '公共管理服务', 20], ['X5', '机关作风效能建设', 20], ['X6', '专项绩效考核', 10]],
  部门: [['B1', '年度全局性重点工作', 35], ['B2', '年度目标任务', 35], ['B3', '机关作风效能建设', 20], ['B4', '专项绩效考核', 10]],
};
const GRADES = { 优秀: 10, 差: 0 }; // 良好 8–9 and 一般 5–6 are ranges: entered as points

// unit, kind, 半年 [points of each 二级 but the last, 专项 grade or points], 年终 [...], 公众评议 satisfaction %, deductions
const units = [
  ['奇台镇', '乡镇', [14, 19, 14, 19, 20, '优秀'], [15, 19.5, 14.5, 19, 20, '优秀'], 94, []],
  ['老奇台镇', '乡镇', [13, 18, 13.5, 18, 18, 9], [14, 18.5, 14, 18.5, 18.5, '优秀'], 90, [['查访核验', 0.5, '明察暗访发现脱岗']]],
  ['半截沟镇', '乡镇', [12, 17, 12, 17, 17, 8], [13, 17, 13, 17.5, 18, 8.5], 86, []],
  ['吉布库镇', '乡镇', [11, 15, 11, 15, 16, 6], [12, 16, 12, 16, 16, 5.5], 80, [['投诉查处', 1.5, '群众投诉办事推诿属实'], ['投诉查处', 1, '企业投诉审批超时属实']]],
  ['东湾镇', '乡镇', [10, 14, 10, 14, 14, 5], [10, 14, 10.5, 14, 14.5, 5], 75, []],
  ['西地镇', '乡镇', [9, 12, 9, 12, 12, '差'], [9, 12.5, 9, 12, 12, '差'], 70, [['查访核验', 2, '重点工作推进不力'], ['查访核验', 1, '资料弄虚作假']]],
  ['教育局', '部门', [33, 33, 19, '优秀'], [34, 34, 19.5, '优秀'], 95, []],
  ['财政局', '部门', [32, 33, 18, 9], [33, 33.5, 19, '优秀'], 92, []],
  ['发改委', '部门', [31, 31, 18, 9], [32, 32, 18, 9], 88, []],
  ['统计局', '部门', [30, 31, 17, 8], [31, 31, 17.5, 8.5], 90, []],
  ['交通局', '部门', [28, 29, 16, 8], [29, 30, 16, 8], 84, [['查访核验', 1, '工程督查整改滞后']]],
  ['卫生局', '部门', [27, 28, 16, 6], [28, 28, 16, 5.5], 82, []],
  ['环保局', '部门', [26, 26, 15, 5], [26, 27, 15, 6], 78, []],
  ['安监局', '部门', [24, 24, 14, '差'], [24, 25, 14, 5], 72, []],
];

/**
 * Every unit's numbers (002 奇台): 得分 = 集中考核 × (半年 30% + 年终 60%) + 公众评议 × 10% − 查访核验 (≤ 2)
 * − 投诉查处 (≤ 2); bands by the share of full marks. Weights and caps are read from scheme.yaml.
 */
export function numbers() {
  const scheme = readScheme(dir);
  const central = scheme.components.find((c) => c.part === '集中考核');
  const publicPart = scheme.components.find((c) => c.part === '公众评议');
  const itemCaps = new Map(scheme.adjustments.deduction.items.map((i) => [i.name, frac(i.cap)]));
  const scored = units.map(([name, kind, half, end, rate, deductions], order) => {
    // The 专项 grade 优秀/差 has fixed points; 良好 and 一般 are ranges, so their points are entered.
    const points = (list) => sum(list.map((v) => frac(typeof v === 'string' ? GRADES[v] : v)));
    const byPeriod = { 半年: points(half), 年终: points(end) };
    const centralPart = sum(Object.entries(central.periods).map(([period, weight]) => byPeriod[period].times(weight).div(100)));
    // 公众评议 G1 (100 points): the satisfaction rate × 100 / 100, then × 10%.
    const parts = [centralPart, frac(rate).times(publicPart.weight).div(100)];
    const byItem = new Map();
    for (const [item, p] of deductions) byItem.set(item, (byItem.get(item) ?? frac(0)).plus(frac(p)));
    const deduction = sum([...byItem].map(([item, p]) => min(p, itemCaps.get(item))));
    return { category: kind, name, order, ...totalOf(parts, scheme, { deduction }), tieKeys: [] };
  });
  rankWithin(scored, scheme);
  for (const u of scored) u.band = bandByFloor(u, scheme.bandsOf.get(u.category), scheme);
  return numbersText('test/support/make-qitai.mjs', scheme, scored);
}

async function build() {
  const { sheet, save } = sampleBook(dir, new Date(Date.UTC(2013, 0, 25)));
  const grade = '等级=优秀:10、良好:8-9、一般:5-6、差:0';
  sheet('指标体系', [
    ['编码', '一级指标', '二级指标', '分值', '评分方法', '参数', '牵头部门', '适用类别'],
    ['X', '集中考核', null, 100, null, null, '县绩效办', '乡镇'],
    ...TREE.乡镇.map(([c, n, p], i) => [c, '集中考核', n, p, i === 5 ? 'grade' : 'direct', i === 5 ? grade : null, i === 5 ? '县发改委' : '县绩效办']),
    ['B', '集中考核', null, 100, null, null, '县绩效办', '部门'],
    ...TREE.部门.map(([c, n, p], i) => [c, '集中考核', n, p, i === 3 ? 'grade' : 'direct', i === 3 ? grade : null, i === 3 ? '县发改委' : '县绩效办']),
    ['G', '公众评议', null, 100, null, null, '县统计局'],
    ['G1', '公众评议', '满意率', 100, 'rate', null, '县统计局'],
  ]);
  sheet('单位名单', [['单位名称', '类别'], ...units.map((u) => [u[0], u[1]])]);
  const codes = [...TREE.乡镇, ...TREE.部门].map((t) => t[0]);
  for (const [period, index] of [['半年', 2], ['年终', 3]]) {
    sheet(`得分表（${period}）`, [['单位名称', ...codes], ...units.map((u) => {
      const own = TREE[u[1]].map((t) => t[0]);
      return [u[0], ...codes.map((c) => (own.includes(c) ? u[index][own.indexOf(c)] : null))];
    })]);
  }
  sheet('得分表', [['单位名称', 'G1'], ...units.map((u) => [u[0], u[4]])]);
  sheet('加减分', [['单位名称', '类型', '项目', '分值', '事由'], ...units.flatMap((u) => u[5].map(([item, points, reason]) => [u[0], '减分', item, points, reason]))]);
  await save();
}

await runGenerator(import.meta.url, dir, { build, numbers });
