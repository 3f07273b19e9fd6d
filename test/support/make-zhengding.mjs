// Builds samples/zhengding/annual.xlsx from the seed 002 正定 scheme and planned totals, and reckons
// every unit's published numbers from the data it writes, in exact fractions.
// Run: node test/support/make-zhengding.mjs              rebuild annual.xlsx (committed; the golden tests read it)
//      node test/support/make-zhengding.mjs --expected   write expected/numbers.json (--check: only compare)
// The data is planned in quarter points (integers), so every figure is checkable by hand.
import { frac, max, min, sum } from './fraction.mjs';
import { sampleBook } from './sample-book.mjs';
import { bandByFloor, bestFirst, bestOf, meetsFloor, numbersText, rankWithin, readScheme, runGenerator, totalOf, worstOf } from './standings.mjs';

const dir = new URL('../../samples/zhengding/', import.meta.url);
const Q = (points) => Math.round(points * 4);
const P = (q) => q / 4;

// [name, category, planned total]
const units = [
  ['南牛乡', '乡镇', 95.5], ['新城铺镇', '乡镇', 93.25], ['西平乐乡', '乡镇', 91], ['新安镇', '乡镇', 88.5],
  ['南楼乡', '乡镇', 84.25], ['曲阳桥乡', '乡镇', 76], ['北早现乡', '乡镇', 58.5],
  ['县政府办', '部门', 88.75], ['招商局', '部门', 91], ['工信局', '部门', 88], ['水务局', '部门', 87.25],
  ['农牧局', '部门', 85.75], ['畜牧水产中心', '部门', 76], ['农机管理中心', '部门', 72.5], ['林业局', '部门', 82.75],
  ['商务局(粮食局)', '部门', 93], ['农开办', '部门', 82], ['市场办', '部门', 81.25], ['供销总社', '部门', 80.5],
  ['教育局', '部门', 97.5], ['科技局', '部门', 92], ['民政局(宗教局)', '部门', 92], ['人社局', '部门', 95.25],
  ['财政局', '部门', 96.75], ['社保局', '部门', 85], ['医保中心', '部门', 84.25], ['就业局', '部门', 83.5],
  ['矿管办', '部门', 57.25], ['文广新局', '部门', 79.75], ['卫生局', '部门', 94.5], ['计生局', '部门', 79],
  ['统计局', '部门', 93.75], ['公安局', '部门', 96], ['司法局', '部门', 89.5], ['环保局', '部门', 86.5],
  ['审计局', '部门', 92.5], ['食药监局', '部门', 78.25], ['安监局', '部门', 77.5], ['县行政服务中心', '部门', 66],
  ['规划分局', '古城', 98], ['国土分局', '古城', 95.5], ['住建局', '古城', 97], ['发改局', '古城', 93],
  ['文管局', '古城', 97.5], ['城管局', '古城', 90.5], ['交通局', '古城', 88], ['正定镇', '古城', 96.5], ['城区街道办事处', '古城', 96],
];

// 加分 and 减分 as the 加减分 sheet holds them: [unit, type, item, points or null (the scheme's fixed points), reason, evidence]
const adjustments = [
  ['新城铺镇', '加分', '省委省政府表彰', null, '被评为省级文明乡镇', '冀文明委〔2013〕5号'],
  ['新城铺镇', '加分', '市委市政府表彰', 2, '市级农业产业化先进单位', '石委〔2013〕21号'],
  ['财政局', '加分', '省级部门表彰', null, '全省财政工作先进集体', '冀财〔2013〕44号'],
  ['统计局', '减分', '市通报批评', null, '统计数据迟报被市政府通报', '石政办通〔2013〕8号'],
  ['南楼乡', '减分', '查实投诉', null, '损害发展环境投诉经查属实', '县纪委〔2013〕17号'],
  ['县行政服务中心', '减分', '省通报批评', null, '窗口服务问题被省政府通报批评', '冀政办通〔2013〕31号'],
  ['县行政服务中心', '减分', '市通报批评', null, '审批超时被市政府通报批评', '石政办通〔2013〕15号'],
  ['县行政服务中心', '减分', '党政纪处分', null, '班子成员受到党纪警告处分', '县纪委〔2013〕22号'],
  ['县行政服务中心', '减分', '行政问责', null, '分管负责人被行政问责', '正政〔2013〕40号'],
];
// after the caps (新城铺镇: 3 + 2 → 4; 县行政服务中心: 2 + 1 + 1 + 0.5 → 4)
const adjusted = { 新城铺镇: 4, 财政局: 2, 统计局: -1, 南楼乡: -0.5, 县行政服务中心: -4 };

const vetoes = [
  ['南牛乡', '特大生产安全事故', '2013年5月辖区企业发生特大生产安全事故（县安委办通报〔2013〕12号）'],
  ['公安局', '班子成员腐败案件', '班子成员受到开除党籍处分（县纪委〔2013〕9号）'],
  ['农开办', '失职渎职造成重大损失', '经县绩效管理机构研究并报县委、县政府主要领导审定，认定为不合格'],
];

// 公众评估: each quarter's satisfaction rate falls in a tier (档次=95:30、90:27、85:24、80:21、70:18、0:12).
const RATE = { 30: 96.5, 27: 92.4, 24: 87.3, 21: 82.6, 18: 75.8, 12: 62.0 };
function quarters(name, total) {
  if (name === '民政局(宗教局)') return [30, 30, 30, 30];
  if (name === '科技局') return [27, 27, 27, 27];
  if (total >= 96) return [30, 30, 30, 30];
  if (total >= 92) return [30, 27, 30, 27];
  if (total >= 85) return [27, 27, 24, 27];
  if (total >= 75) return [24, 24, 21, 24];
  if (total >= 65) return [21, 21, 18, 21];
  return [18, 18, 18, 18];
}

const LEAVES = {
  乡镇: { direct: ['Z21', 20], ratio: ['Z11', 20], deduct: ['Z22', 20], leader: ['ZL', 10], full: 90, fixed: { Z12: 100, Z13: 100 } },
  部门: { direct: ['B21', 30], ratio: ['B11', 20], deduct: ['B31', 10], leader: ['BL', 10], full: 60, fixed: {} },
  古城: { direct: null, ratio: ['G11', 40], deduct: ['G12', 30], leader: ['GL', 30], full: 70, fixed: {} },
};

// 002 正定: 乡镇的领导评估「由县委、县政府主要领导和分包该乡镇四机关领导…进行打分评估」: six raters, the
// mean after dropping the highest and the lowest (去掉最高最低分).
const RATERS = ['县委书记', '县长', '分包县委领导', '分包人大领导', '分包政府领导', '分包政协领导'];
/**
 * Six scores whose trimmed mean is the planned `lead` (half points): the highest and lowest sit
 * off-centre, so the plain mean of all six is lower and a lost trim shows in the total.
 */
function raterScores(name, period, lead) {
  // 新安镇's 年终 trimmed mean is 9.25, not its planned 9, so its total is 88.625 exactly: published
  // 88.63 (四舍五入), where half-even, half-down or truncation would publish 88.62.
  if (name === '新安镇' && period === '年终') return [9.5, 9.5, 10, 9, 9, 7.5];
  const step = lead <= 9.5 ? 0.5 : 0;
  return [lead, lead + step, Math.min(10, lead + 1), lead, lead - step, lead - 1.5];
}

const periodRows = { 中期: [], 年终: [] };
const raterRows = { 中期: [], 年终: [] };
const yearRows = [];
const quarterRows = [[], [], [], []];
const deductions = { 中期: [], 年终: [], '': [] };
const REASONS = ['安全生产检查发现问题', '信访积案未按期化解', '重点工作督查通报', '环境整治不达标'];

for (const [name, category, total] of units) {
  const spec = LEAVES[category];
  const daily = category !== '古城';
  // 领导评估: about a tenth of the total (古城: 30%), in half points.
  const leader = daily ? Math.floor((total / 10) * 2) / 2 : Math.floor(total * 0.3 * 2) / 2;
  const publicScore = category === '部门' ? quarters(name, total).reduce((a, b) => a + b, 0) / 4 : 0;
  const indicator = total - leader - publicScore - (adjusted[name] ?? 0);
  let loss = Q(spec.full - indicator);
  if (loss < 0 || loss % 1 !== 0) throw new Error(`${name}: 指标评估 ${indicator} does not fit`);
  // The loss goes to the direct leaf (up to half its points), the ratio leaf (up to half), then deductions.
  const take = (cap) => { const t = Math.min(loss, cap); loss -= t; return t; };
  const directLoss = spec.direct ? take(Q(spec.direct[1] / 2)) : 0;
  const ratioLoss = take(Q(spec.ratio[1] / (daily ? 2 : 8)));
  const deductLoss = take(Q(spec.deduct[1]));
  if (loss !== 0) throw new Error(`${name}: loss left ${loss}`);
  const completion = 100 - (P(ratioLoss) * 100) / spec.ratio[1];
  const items = [];
  for (let rest = deductLoss, k = 0; rest > 0; k++) { const q = Math.min(rest, 16); items.push([REASONS[k % 4], P(q)]); rest -= q; }
  if (daily) {
    // 中期 and 年终 differ (a point of the direct leaf, half a point of 领导评估); their average is the plan.
    const swing = directLoss >= 4 && directLoss + 4 <= Q(spec.direct[1]) ? 4 : 0;
    const lead = leader <= 9.5 && leader >= 0.5 ? 0.5 : 0;
    for (const [period, sign] of [['中期', 1], ['年终', -1]]) {
      const row = { name, [spec.ratio[0]]: completion, [spec.direct[0]]: P(Q(spec.direct[1]) - directLoss - sign * swing), [spec.leader[0]]: leader - sign * lead, ...spec.fixed };
      if (category === '乡镇' && total >= 90) row.Z13 = 108; // over the target: capped at full marks
      periodRows[period].push(row);
      for (const [reason, points] of items) deductions[period].push([name, spec.deduct[0], points, reason]);
      if (category === '乡镇') raterScores(name, period, row.ZL).forEach((score, i) => raterRows[period].push([name, 'ZL', RATERS[i], score]));
    }
    if (category === '部门') quarters(name, total).forEach((points, i) => quarterRows[i].push([name, RATE[points]]));
  } else {
    yearRows.push({ name, G11: completion, GL: leader });
    for (const [reason, points] of items) deductions[''].push([name, 'G12', points, reason]);
  }
}

const INDICATORS = [
  ['编码', '一级指标', '二级指标', '三级指标', '分值', '评分方法', '参数', '牵头部门', '适用类别'],
  ['Z', '指标评估', null, null, 90, null, null, '县绩效办', '乡镇'],
  ['Z1', '指标评估', '经济发展', null, 50],
  ['Z11', '指标评估', '经济发展', '地区生产总值', 20, 'ratio', '目标值=100', '县统计局'],
  ['Z12', '指标评估', '经济发展', '全部财政收入', 15, 'ratio', '目标值=100', '县财政局'],
  ['Z13', '指标评估', '经济发展', '固定资产投资', 15, 'ratio', '目标值=100', '县发改局'],
  ['Z2', '指标评估', '社会民生', null, 40],
  ['Z21', '指标评估', '社会民生', '民生实事', 20, 'direct', null, '县民政局'],
  ['Z22', '指标评估', '社会民生', '安全稳定', 20, 'deduct', null, '县安监局'],
  ['ZL', '领导评估', null, null, 10, 'raters', '去掉最高最低分=是', '县委县政府', '乡镇'],
  ['B', '指标评估', null, null, 60, null, null, '县绩效办', '部门'],
  ['B1', '指标评估', '经济发展', null, 20],
  ['B11', '指标评估', '经济发展', '承担经济指标', 20, 'ratio', '目标值=100', '县统计局'],
  ['B2', '指标评估', '业务工作', null, 30],
  ['B21', '指标评估', '业务工作', '年度业务目标', 30, 'direct', null, '分管县领导'],
  ['B3', '指标评估', '优化发展环境工作', null, 10],
  ['B31', '指标评估', '优化发展环境工作', '发展环境', 10, 'deduct', null, '县监察局'],
  ['P', '公众评估', null, null, 30, null, null, '县绩效办', '部门'],
  ['P1', '公众评估', '满意度调查', null, 30, 'rate', '档次=95:30、90:27、85:24、80:21、70:18、0:12', '县统计局'],
  ['BL', '领导评估', null, null, 10, 'direct', null, '县委县政府', '部门'],
  ['G', '指标评估', null, null, 70, null, null, '县绩效办', '古城'],
  ['G1', '指标评估', '古城风貌恢复工作', null, 70],
  ['G11', '指标评估', '古城风貌恢复工作', '项目进度', 40, 'ratio', '目标值=100', '古城办'],
  ['G12', '指标评估', '古城风貌恢复工作', '工程质量安全', 30, 'deduct', null, '县住建局'],
  ['GL', '领导评估', null, null, 30, 'direct', null, '古城风貌恢复工作主管领导', '古城'],
];

/** Leaves of the indicator table: a root row names the categories, its leaves follow it. */
const SCORED_LEAVES = (() => {
  const out = [];
  let categories = [];
  for (const [code, part, , , points, method, params, , applies] of INDICATORS.slice(1)) {
    if (applies) categories = applies.split('、');
    if (method) out.push({ code, part, points: frac(points), method, params: params ?? '', categories });
  }
  return out;
})();

/** A leaf's parameter as written in the 参数 column: 目标值=100 → "100". */
const param = (leaf, name) => leaf.params.split('；').map((p) => p.split('=')).find(([k]) => k === name)?.[1];

/** One leaf's points from one period's entries (docs/scheme.md, 评分方法). */
function leafPoints(leaf, entry) {
  const value = entry.values[leaf.code];
  switch (leaf.method) {
    case 'direct':
      return frac(value);
    case 'ratio': // 002 正定: 达到及超过标准值的计满分，低于标准值的按实际完成比例折算
      return min(leaf.points, leaf.points.times(frac(value)).div(frac(param(leaf, '目标值'))));
    case 'deduct': // 扣分制: full marks less the deductions, never below 0
      return max(0n, leaf.points.minus(sum(entry.deductions.filter((d) => d[1] === leaf.code).map((d) => frac(d[2])))));
    case 'raters': { // the raters' mean, dropping one highest and one lowest where the leaf says 去掉最高最低分=是
      const scores = entry.raters.filter((r) => r[1] === leaf.code).map((r) => frac(r[3])).sort((a, b) => a.cmp(b));
      const kept = param(leaf, '去掉最高最低分') === '是' && scores.length >= 3 ? scores.slice(1, -1) : scores;
      return kept.length === 0 ? frac(0) : sum(kept).div(kept.length);
    }
    case 'rate': { // 公众评估 by tier: the points of the first tier the satisfaction rate reaches
      const tiers = param(leaf, '档次').split('、').map((t) => t.split(':').map(frac));
      return tiers.find(([from]) => frac(value).gte(from))[1];
    }
    default:
      throw new Error(`no rule for ${leaf.code} ${leaf.method}`);
  }
}

/** What a unit entered for a period ('' is the year, not split into periods). */
function entryOf(name, period) {
  const quarter = ['一季度', '二季度', '三季度', '四季度'].indexOf(period);
  const values = quarter >= 0 ? { P1: quarterRows[quarter].find((r) => r[0] === name)?.[1] } : ((period ? periodRows[period] : yearRows).find((r) => r.name === name) ?? {});
  const mine = (rows) => (rows ?? []).filter((r) => r[0] === name);
  return { values, deductions: mine(deductions[period]), raters: mine(raterRows[period]) };
}

/** The scheme's rule for a part in a category: components with categories first, then the general one. */
const componentOf = (scheme, part, category) => {
  const rules = scheme.components.filter((c) => c.part === part);
  return rules.find((c) => c.categories?.includes(category)) ?? rules.find((c) => c.categories === undefined);
};

/** A part's contribution: Σ over its periods of the period's points × weight, or the year's points × weight. */
function partOf(scheme, name, category, part) {
  const leaves = SCORED_LEAVES.filter((l) => l.part === part && l.categories.includes(category));
  const points = (period) => sum(leaves.map((l) => leafPoints(l, entryOf(name, period))));
  const rule = componentOf(scheme, part, category);
  if (rule?.periods) return sum(Object.entries(rule.periods).map(([period, weight]) => points(period).times(weight).div(100)));
  return points('').times(rule?.weight ?? 100).div(100);
}

/** 加分 or 减分 of a unit: fixed points where the item has them, each item's cap, then the side's cap (≤ 4). */
function adjustment(side, name, type) {
  const byItem = new Map();
  for (const [unit, t, item, points] of adjustments) {
    if (unit !== name || t !== type) continue;
    const rule = side.items.find((x) => x.name === item);
    byItem.set(item, (byItem.get(item) ?? frac(0)).plus(frac(points ?? rule.points)));
  }
  const capped = sum([...byItem].map(([item, p]) => { const cap = side.items.find((x) => x.name === item).cap; return cap === undefined ? p : min(p, cap); }));
  return side.cap === undefined ? capped : min(capped, side.cap);
}

/** The number of places a quota gives in a group (docs/scheme.md, 名额): percent rounded as declared, or a count, or max. */
function quotaPlaces(quota, size) {
  if (quota.count !== undefined) return quota.count;
  if (quota.percent === undefined) return quota.max ?? size;
  const exact = frac(quota.percent).times(size).div(100);
  const floor = exact.n / exact.d;
  const up = floor * exact.d === exact.n ? floor : floor + 1n;
  return Number({ up, down: floor, 'half-up': exact.minus(floor).gte(frac('0.5')) ? floor + 1n : floor }[quota.rounding]);
}

/**
 * Every unit's numbers (002 正定): parts per category with their periods, 加分/减分 with caps for
 * 乡镇 and 部门; 先进 by quota and floor, vetoes (取消评先资格 / 认定不合格), the quota's last place
 * settled by 指标评估; 抄送干部管理部门 for 60分以下（不含60分）且后三名.
 */
export function numbers() {
  const scheme = readScheme(dir);
  const adjusts = (category) => scheme.adjustments.categories === undefined || scheme.adjustments.categories.includes(category);
  const scored = units.map(([name, category], order) => {
    const partNames = [...new Set(SCORED_LEAVES.map((l) => l.part))];
    const parts = partNames.map((part) => partOf(scheme, name, category, part));
    const adjusted = adjusts(category) ? { bonus: adjustment(scheme.adjustments.bonus, name, '加分'), deduction: adjustment(scheme.adjustments.deduction, name, '减分') } : {};
    const tieKeys = scheme.tieBreak.map((p) => parts[partNames.indexOf(p)]);
    const effects = vetoes.filter((v) => v[0] === name).map((v) => scheme.vetoes.find((x) => x.name === v[1]).effect);
    return { category, name, order, ...totalOf(parts, scheme, adjusted), tieKeys, effects };
  });
  rankWithin(scored, scheme);
  for (const category of scheme.categories) {
    const members = scored.filter((u) => u.category === category).sort(bestFirst);
    const bands = scheme.bandsOf.get(category);
    const [top] = bands;
    if (bands.slice(1).some((b) => b.quota || b.bottom)) throw new Error('zhengding: only the top band has a quota here');
    // 取消评先资格 keeps a unit out of the top band; 认定不合格 puts it in the last whatever its score.
    const eligible = members.filter((u) => u.effects.length === 0 && meetsFloor(u, top, scheme));
    const best = bestOf(eligible, quotaPlaces(top.quota, members.length), `${category} ${top.name}`);
    for (const u of members) {
      if (best.includes(u)) u.band = top.name;
      else if (u.effects.includes('fail')) u.band = bands[bands.length - 1].name;
      else u.band = bandByFloor(u, bands.slice(1), scheme);
    }
  }
  for (const flag of scheme.flags) {
    for (const category of flag.categories ?? scheme.categories) {
      const members = scored.filter((u) => u.category === category).sort(bestFirst);
      const below = (u) => (flag.under !== undefined ? u.basis.lt(frac(flag.under)) : flag.atMost !== undefined ? u.basis.lte(frac(flag.atMost)) : true);
      for (const u of worstOf(members, flag.bottom, flag.name).filter(below)) u.flags = [...(u.flags ?? []), flag.name];
    }
  }
  return numbersText('test/support/make-zhengding.mjs', scheme, scored);
}

async function build() {
  const { sheet, save } = sampleBook(dir, new Date(Date.UTC(2014, 0, 28)));
  sheet('指标体系', INDICATORS);
  sheet('单位名单', [['单位名称', '类别'], ...units.map(([n, c]) => [n, c])]);
  const DAILY = ['Z11', 'Z12', 'Z13', 'Z21', 'B11', 'B21', 'BL'];
  for (const period of ['中期', '年终']) {
    sheet(`得分表（${period}）`, [['单位名称', ...DAILY], ...periodRows[period].map((r) => [r.name, ...DAILY.map((c) => r[c] ?? null)])]);
    sheet(`扣分明细（${period}）`, [['单位名称', '指标编码', '扣分', '扣分原因'], ...deductions[period]]);
    sheet(`评议（${period}）`, [['单位名称', '指标编码', '评分人', '分数'], ...raterRows[period]]);
  }
  ['一季度', '二季度', '三季度', '四季度'].forEach((q, i) => sheet(`得分表（${q}）`, [['单位名称', 'P1'], ...quarterRows[i]]));
  sheet('得分表', [['单位名称', 'G11', 'GL'], ...yearRows.map((r) => [r.name, r.G11, r.GL])]);
  sheet('扣分明细', [['单位名称', '指标编码', '扣分', '扣分原因'], ...deductions['']]);
  sheet('加减分', [['单位名称', '类型', '项目', '分值', '事由', '依据'], ...adjustments]);
  sheet('一票否决', [['单位名称', '否决事项', '说明'], ...vetoes]);
  await save();
  console.log(`wrote ${units.length} units`);
}

await runGenerator(import.meta.url, dir, { build, numbers });
