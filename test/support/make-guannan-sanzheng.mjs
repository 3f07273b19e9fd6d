// Builds samples/guannan-sanzheng/annual.xlsx (seed 000 灌南「三政」: 勤政、优政、廉政 and 述绩) and
// reckons every unit's published numbers from the same data in exact fractions, independently of the engine.
// Run: node test/support/make-guannan-sanzheng.mjs              rebuild annual.xlsx
//      node test/support/make-guannan-sanzheng.mjs --expected   write expected/numbers.json (--check: only compare)
import { frac, max, sum } from './fraction.mjs';
import { sampleBook } from './sample-book.mjs';
import { bandByFloor, numbersText, rankWithin, readScheme, runGenerator, totalOf } from './standings.mjs';

const dir = new URL('../../samples/guannan-sanzheng/', import.meta.url);
const QUARTERS = ['一季度', '二季度', '三季度', '四季度'];
const HALVES = ['上半年', '下半年'];

// 000 勤政五维: the first four are assessed quarterly by 县绩效办, with contents that differ by category.
const DIMENSIONS = ['经济发展程度', '社会进步程度', '民生改善程度', '环境建设程度'];
const CONTENTS = {
  乡镇: ['工业经济、农业经济、开放型经济、财政收入、服务业发展', '党的建设、精神文明、科技创新、计划生育、文体广电、卫生事业发展和小城镇建设',
    '农民收入增长、民生投入及安全生产、食品安全、质量管理、交通设施、社会保障', '环境整治等硬环境建设和依法行政、政务公开、社会治安、信访稳定、人武等软环境建设'],
  园区: ['工业经济、开放型经济、财政收入、服务业发展', '党的建设、精神文明、科技创新、计划生育和基础条件改善',
    '兴办民生实事的资金投入及安全生产、质量管理、社会保障', '依法行政、政务公开、集约用地、环境保护、环境整治、社会治安、信访稳定'],
  部门: ['承担上级下达目标、职能工作、项目引进、资金争取及服务全县中心工作', '党的建设、精神文明、科技创新、计划生育和相关公共服务向基层的延伸',
    '兴办民生实事的资金投入及安全生产、质量管理、社会保障', '服务全县环境建设及依法行政、政务公开、社会治安、信访稳定、人武'],
};
const PREFIX = { 乡镇: 'QZ', 园区: 'QY', 部门: 'QB' };
const quarterly = (category) => DIMENSIONS.map((_, i) => `${PREFIX[category]}${i + 1}`);
// 社会满意程度, the fifth 勤政 dimension, is in each category's 勤政 and assessed once a year.
const satisfactionCode = (category) => `${PREFIX[category]}5`;
// 行政管理能力: place within the 分管条线 (steps); 业务拓展能力: place among the 8 units of the trade (共=8), by 百分位.
const RANK = '步长=0.5；最低=3';
const TRADE = 8;
const PERCENTILES = [[25, 6], [50, 5], [75, 4], [100, 3]];
const TRADE_RANK = `共=${TRADE}；百分位=${PERCENTILES.map(([upTo, points]) => `${upTo}:${points}`).join('、')}`;
const HALF_YEARLY = ['合作共事能力', '组织创新能力', '超常发展能力'];
const INTEGRITY = ['日常教育达标', '责任落实达标', '制度建设达标', '工作推进达标', '廉洁自律达标'];
// 述绩: 县四套班子领导、人大代表、政协委员、各单位主要负责人现场评议, four rater groups weighed equally
// whatever their size: three 县领导 and two of each other group, so a plain mean of the nine would not do.
const GROUPS = ['县领导', '人大代表', '政协委员', '单位负责人'];
const RATERS = ['县领导一', '县领导二', '县领导三', '人大代表一', '人大代表二', '政协委员一', '政协委员二', '单位负责人一', '单位负责人二'];
const groupOf = (r) => GROUPS.find((g) => RATERS[r].startsWith(g));
const GROUPING = `分组=${GROUPS.map((g) => `${g}:25`).join('、')}`;

// [unit, category, 勤政 quarter base (of 8), 满意率 %, 行政管理 位次, 业务拓展 位次, 半年 base (of 6), 廉政 未达标 items, 述绩 base (of 15)]
const units = [
  ['新安镇', '乡镇', 7.5, 95, 1, 1, 5.5, [], 14],
  ['田楼乡', '乡镇', 7, 92, 2, 3, 5, [], 13.5],
  ['三口镇', '乡镇', 6.5, 88, 3, 2, 5, [], 12.5],
  ['北陈集镇', '乡镇', 6.5, 85, 4, 4, 4.5, ['制度建设达标'], 12],
  ['汤沟镇', '乡镇', 5.5, 80, 5, 6, 4, [], 11],
  ['堆沟港镇', '乡镇', 4.5, 72, 6, 8, 3.5, ['责任落实达标', '工作推进达标'], 9.5],
  ['经济开发区', '园区', 7.5, 93, 1, 2, 5.5, [], 14],
  ['临港产业区', '园区', 6, 86, 2, 4, 4.5, [], 12],
  ['农业示范区', '园区', 5, 78, 3, 5, 4, ['日常教育达标'], 10.5],
  ['教育局', '部门', 7.5, 94, 1, 1, 5.5, [], 14.5],
  ['财政局', '部门', 7, 91, 2, 2, 5.5, [], 13.5],
  ['交通局', '部门', 6.5, 89, 1, 3, 5, [], 13],
  ['司法局', '部门', 6, 87, 3, 2, 4.5, [], 12],
  ['卫生局', '部门', 5.5, 83, 2, 5, 4.5, ['廉洁自律达标'], 11.5],
  ['环保局', '部门', 4.5, 74, 4, 7, 3.5, ['制度建设达标'], 9],
];

// Quarter k of dimension d: the base with a swing of half a point, so the quarters differ and average to the base.
const SWING = [0.5, -0.5, 0, 0];
const quarterValue = (base, d, k) => Math.min(8, base + SWING[(d + k) % 4]);
// The halves of a 优政 ability: half a point apart, averaging to the base.
const halfValue = (base, a, h) => Math.min(6, base + (h === 0 ? 0.5 : -0.5) * (a % 2 === 0 ? 1 : -1));
// A rater's score: the base spread by up to a point either way; each group's mean is the base but the
// 县领导's, half a point over three raters above it in the first half and below it in the second.
const SPREAD = [1, -1, 0.5, 0.5, -0.5, 0.5, -0.5, 0, 0];
const raterScore = (base, r, h) => Math.min(15, base + SPREAD[r] * (h === 0 ? 1 : -1));

const mean = (xs) => sum(xs).div(xs.length);

/**
 * One unit's points by part, exact (docs/scheme.md): 勤政 = each dimension's quarterly mean + 8 × 满意率;
 * 优政 = 行政管理 by steps + 业务拓展 by 百分位 of 共 8 + each half-yearly ability's mean of the halves;
 * 廉政 = 3 per item passed; 述绩 = each half's Σ group mean × 25%, the halves 50% each.
 */
function partsOf([, category, base, rate, place1, place2, half, failed, talk]) {
  const dimensions = sum(quarterly(category).map((_, d) => mean(QUARTERS.map((_, k) => frac(quarterValue(base, d, k))))));
  const diligence = dimensions.plus(frac(8).times(frac(rate)).div(100));
  const byStep = (place) => max(frac(3), frac(6).minus(frac(place - 1).times(frac('0.5'))));
  const byShare = (place) => frac(PERCENTILES.find(([upTo]) => !frac(place).times(100).div(TRADE).gt(upTo))[1]);
  const halfYearly = sum(HALF_YEARLY.map((_, a) => mean(HALVES.map((_, h) => frac(halfValue(half, a, h))))));
  const governance = sum([byStep(place1), byShare(place2), halfYearly]);
  const integrity = frac(3 * INTEGRITY.filter((i) => !failed.includes(i)).length);
  const groupMean = (h, g) => mean(RATERS.flatMap((_, r) => (groupOf(r) === g ? [frac(raterScore(talk, r, h))] : [])));
  const review = sum(HALVES.map((_, h) => sum(GROUPS.map((g) => groupMean(h, g).times(25).div(100))).times(50).div(100)));
  return [diligence, governance, integrity, review];
}

/** Every unit's numbers: four parts summed, ranked within 乡镇/园区/部门, 先进/达标/未达标 by floors. */
export function numbers() {
  const scheme = readScheme(dir);
  const scored = units.map((u, order) => ({ category: u[1], name: u[0], order, ...totalOf(partsOf(u), scheme), tieKeys: [] }));
  rankWithin(scored, scheme);
  for (const u of scored) u.band = bandByFloor(u, scheme.bandsOf.get(u.category), scheme);
  return numbersText('test/support/make-guannan-sanzheng.mjs', scheme, scored);
}

async function build() {
  const { sheet, save } = sampleBook(dir, new Date(Date.UTC(2011, 1, 18)));
  sheet('指标体系', [
    ['编码', '一级指标', '二级指标', '分值', '评分方法', '参数', '牵头部门', '适用类别', '评分标准'],
    ...['乡镇', '园区', '部门'].flatMap((category) => [
      [`${PREFIX[category]}`, '勤政', null, 40, null, null, '县绩效办', category],
      ...DIMENSIONS.map((name, d) => [quarterly(category)[d], '勤政', name, 8, 'direct', null, '县绩效办', null, CONTENTS[category][d]]),
      [satisfactionCode(category), '勤政', '社会满意程度', 8, 'rate', null, '县绩效办', null, '内部和外部评议，按年度评估'],
    ]),
    ['Y', '优政', null, 30, null, null, '县绩效办'],
    ['Y1', '优政', '行政管理能力', 6, 'rank', RANK, '县分管领导', null, '在分管部门和条线中按实绩排序'],
    ['Y2', '优政', '业务拓展能力', 6, 'rank', TRADE_RANK, '上一级主管部门', null, `按同行业所处位次排序（同行业共 ${TRADE} 个单位）`],
    ['H1', '优政', '合作共事能力', 6, 'direct', null, '本单位或平级部门', null, '平级评估'],
    ['H2', '优政', '组织创新能力', 6, 'direct', null, '县绩效办', null, '通过成果展示评定'],
    ['H3', '优政', '超常发展能力', 6, 'direct', null, '县绩效办', null, '通过纵横比较评定'],
    ['L', '廉政', null, 15, null, null, '县纪委、监察局'],
    ...INTEGRITY.map((name, i) => [`L${i + 1}`, '廉政', name, 3, 'pass', null, '县纪委、监察局']),
    ['T', '述绩', null, 15, null, null, '县三政绩效管理委员会'],
    ['T1', '述绩', '公开述绩现场评议', 15, 'raters', GROUPING, '县三政绩效管理委员会', null, '县四套班子领导、人大代表、政协委员、各单位主要负责人现场评议'],
  ]);
  sheet('单位名单', [['单位名称', '类别'], ...units.map(([name, category]) => [name, category])]);
  const allQuarterly = ['乡镇', '园区', '部门'].flatMap(quarterly);
  QUARTERS.forEach((quarter, k) => sheet(`得分表（${quarter}）`, [['单位名称', ...allQuarterly], ...units.map(([name, category, base]) =>
    [name, ...allQuarterly.map((code) => { const d = quarterly(category).indexOf(code); return d < 0 ? null : quarterValue(base, d, k); })])]));
  HALVES.forEach((period, h) => {
    sheet(`得分表（${period}）`, [['单位名称', 'H1', 'H2', 'H3'], ...units.map(([name, , , , , , half]) => [name, ...[0, 1, 2].map((a) => halfValue(half, a, h))])]);
    sheet(`评议（${period}）`, [['单位名称', '指标编码', '评分人', '分数', '评分组'], ...units.flatMap(([name, , , , , , , , talk]) => RATERS.map((rater, r) => [name, 'T1', rater, raterScore(talk, r, h), groupOf(r)]))]);
  });
  const satisfaction = ['乡镇', '园区', '部门'].map(satisfactionCode);
  sheet('得分表', [['单位名称', ...satisfaction, 'Y1', 'Y2', ...INTEGRITY.map((_, i) => `L${i + 1}`)], ...units.map(([name, category, , rate, place1, place2, , failed]) =>
    [name, ...satisfaction.map((code) => (code === satisfactionCode(category) ? rate : null)), place1, place2, ...INTEGRITY.map((i) => (failed.includes(i) ? '未达标' : '达标'))])]);
  await save();
}

await runGenerator(import.meta.url, dir, { build, numbers });
