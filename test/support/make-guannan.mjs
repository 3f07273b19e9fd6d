// Builds samples/guannan-2009/annual.xlsx from the seed 001 unit list and planned totals, and
// reckons every unit's published numbers from the data it writes, in exact fractions.
// Run: node test/support/make-guannan.mjs              rebuild annual.xlsx (committed; the golden tests read it)
//      node test/support/make-guannan.mjs --expected   write expected/numbers.json (--check: only compare)
// Scores are invented but plausible; each unit's losses are spread over its indicators in
// quarter points, so every total is checkable by hand (see the sample's README).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { frac, max, min, sum } from './fraction.mjs';
import { bandByFloor, numbersText, rankWithin, readScheme, runGenerator, totalOf } from './standings.mjs';

const dir = new URL('../../samples/guannan-2009/', import.meta.url);

// code, 一级, 二级, 三级, 分值, 方法, 参数, 牵头部门, 评分标准
const indicators = [
  ['A', '健全组织', '', '', 20, '', '', '县绩效办', ''],
  ['A1', '健全组织', '领导小组', '', 5, 'direct', '', '县绩效办', '成立绩效管理工作领导小组，主要负责人任组长'],
  ['A2', '健全组织', '工作机构', '', 5, 'direct', '', '县绩效办', '设立绩效办，挂牌办公'],
  ['A3', '健全组织', '人员配备', '', 5, 'direct', '', '县绩效办', '明确分管人和联络员，人员到位'],
  ['A4', '健全组织', '制度建设', '', 5, 'direct', '', '县绩效办', '出台年度绩效管理办法，制度上墙'],
  ['B', '内部绩效', '', '', 30, '', '', '县绩效办', ''],
  ['B1', '内部绩效', '班子成员考评', '', 10, 'direct', '', '县绩效办', '对班子成员实施月（季）度考评'],
  ['B2', '内部绩效', '职能科室考评', '', 10, 'direct', '', '县绩效办', '对职能科室实施月（季）度考评'],
  ['B3', '内部绩效', '下属单位考评', '', 10, '', '', '县绩效办', ''],
  ['B31', '内部绩效', '下属单位考评', '月度考评', 5, 'direct', '', '县绩效办', '村级（下属单位）月度考评体系完整'],
  ['B32', '内部绩效', '下属单位考评', '季度评估', 5, 'direct', '', '县绩效办', '重点工作专项评估、季度评估'],
  ['C', '网上绩效', '', '', 20, '', '', '县绩效办', ''],
  ['C1', '网上绩效', '干部网上绩效覆盖', '', 10, 'ratio', '', '县绩效办', '副科级以上干部纳入网上绩效管理的比例，按完成比例折算'],
  ['C2', '网上绩效', '月度实绩公示', '', 10, 'direct', '', '县绩效办', '按月填报实绩并公示'],
  ['D', '材料报送', '', '', 15, '', '', '县绩效办', ''],
  ['D1', '材料报送', '按时准确报送', '', 15, 'deduct', '', '县绩效办', '迟报、漏报、错报一次扣0.5～1分'],
  ['E', '档案管理', '', '', 15, '', '', '县档案局', ''],
  ['E1', '档案管理', '档案资料规范', '', 15, 'deduct', '', '县档案局', '资料缺失、归档不规范一处扣0.5～1分'],
];

// [name as written in the score sheet, category, planned total, roster name, 简称, 别名]
const units = [
  ['新安镇', '乡镇', 93.5], ['田楼乡', '乡镇', 91.25], ['新集乡', '乡镇', 88], ['五队乡', '乡镇', 86.75],
  ['长茂镇', '乡镇', 84], ['百禄镇', '乡镇', 80], ['三口镇', '乡镇', 79.5], ['北陈集镇', '乡镇', 78.25],
  ['张店镇', '乡镇', 76], ['孟兴庄镇', '乡镇', 74.5], ['李集乡', '乡镇', 72.75], ['花园乡', '乡镇', 70],
  ['汤沟镇', '乡镇', 68.5], ['堆沟港镇', '乡镇', 65.25],
  ['经济开发区', '园区', 87.5], ['临港产业区', '园区', 78], ['农业示范区', '园区', 73.25], ['农业产业区', '园区', 69.5],
  ['人事局', '部门', 95], ['教育局', '部门', 94.25], ['财政局', '部门', 92.5], ['地税局', '部门', 90.75],
  ['质监局', '部门', 90.75], ['国税局', '部门', 88.25], ['交通局', '部门', 86], ['事务局', '部门', 83.5],
  ['司法局', '部门', 81.25], ['劳保局', '部门', 79.75], ['建设局', '部门', 79], ['农业局', '部门', 77.5],
  ['供电公司', '部门', 76.25], ['中  行', '部门', 75, '中行', '', '中国银行灌南支行'], ['信用社', '部门', 74.25, '信用联社', '信用社', ''],
  ['信访局', '部门', 73.5], ['公安局', '部门', 72], ['统计局', '部门', 71.25], ['卫生局', '部门', 70.5],
  ['城管局', '部门', 69], ['畜渔局', '部门', 67.75], ['招商局', '部门', 66.5], ['外经局', '部门', 64.25],
  ['广电局', '部门', 63], ['环保局', '部门', 61.5],
];

const directs = indicators.filter((r) => r[5] === 'direct').map((r) => ({ code: r[0], max: r[4] }));
const reasonsD = ['半年绩效材料迟报', '月度实绩报表漏报一次', '统计数据报送有误'];
const reasonsE = ['季度考评记录缺失', '档案分类不规范'];

const rows = [];
const targets = [];
const deductions = [];
units.forEach(([written, category, total], i) => {
  let q = Math.round((100 - total) * 4); // losses in quarter points
  const unitName = units[i][3] ?? written;
  // Deductions, each with a reason: about one per 4 points lost, at most 3.
  const items = Math.min(2, Math.floor(q / 30));
  for (let k = 0; k < items; k++) {
    const [code, reason, points] = k % 2 === 0 ? ['D1', reasonsD[k % 3], k === 0 ? 1 : 0.5] : ['E1', reasonsE[k % 2], 0.5];
    deductions.push([unitName, code, points, reason]);
    q -= points * 4;
  }
  // C1 ratio: cadres covered / cadres to cover. 汤沟镇 covers 28 of 30 (10 × 28/30 = 9.3333…).
  const target = 30 + (i % 4) * 5;
  let actual = target;
  if (written === '汤沟镇') { actual = 28; q -= 2; }
  else if (i % 3 === 1 && q >= 2) { actual = target - (target / 20); q -= 2; } // 95% → 9.5
  else if (i % 5 === 0) actual = target + 2; // over target: capped at 10
  targets.push(target);
  // The rest is lost on direct indicators, a half or quarter point at a time, the indicator
  // chosen by a fixed pseudo-random sequence (so the file is the same on every run).
  const scores = new Map(directs.map((d) => [d.code, d.max * 4]));
  let seed = 7 + i * 131;
  while (q > 0) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const d = directs[seed % directs.length];
    const step = Math.min(q, (seed >> 8) % 3 === 0 ? 1 : 2);
    if (scores.get(d.code) - step >= d.max) { scores.set(d.code, scores.get(d.code) - step); q -= step; }
  }
  rows.push({ written, name: unitName, category, actual, scores });
});

const PARTS = [...new Set(indicators.map((x) => x[1]))];
const LEAVES = indicators.filter((x) => x[5] !== '');

/** Every unit's numbers from the rows above, as docs/scheme.md scores them: 百分制, five parts summed. */
export function numbers() {
  const scheme = readScheme(dir);
  const leaf = (code) => indicators.find((r) => r[0] === code);
  const scored = rows.map((r, i) => {
    const name = r.name;
    const deducted = (code) => sum(deductions.filter((d) => d[0] === name && d[1] === code).map((d) => frac(d[2])));
    const points = (code) => {
      const [, , , , full, method] = leaf(code);
      if (method === 'direct') return frac(BigInt(r.scores.get(code))).div(4);
      // 扣分制 (001): full marks less the listed deductions, never below 0.
      if (method === 'deduct') return max(0n, frac(full).minus(deducted(code)));
      // 完成比例折算, capped at full marks (002 正定: 达到及超过标准值的计满分).
      if (method === 'ratio') return min(full, frac(full).times(frac(r.actual)).div(frac(targets[i])));
      throw new Error(`no rule for ${code} ${method}`);
    };
    const parts = PARTS.map((p) => sum(LEAVES.filter((x) => x[1] === p).map((x) => points(x[0]))));
    return { category: r.category, name, order: i, ...totalOf(parts, scheme), tieKeys: [] };
  });
  rankWithin(scored, scheme);
  for (const u of scored) u.band = bandByFloor(u, scheme.bandsOf.get(u.category), scheme);
  return numbersText('test/support/make-guannan.mjs', scheme, scored, scheme.excluded?.units ?? []);
}

async function build() {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2010, 1, 20));
  const scheme = wb.addWorksheet('方案');
  readFileSync(new URL('scheme.yaml', dir), 'utf8').replace(/\n$/, '').split('\n').forEach((line, i) => { scheme.getCell(i + 1, 1).value = line; });
  scheme.getColumn(1).width = 100;

  const ind = wb.addWorksheet('指标体系');
  ind.addRow(['编码', '一级指标', '二级指标', '三级指标', '分值', '评分方法', '参数', '牵头部门', '评分标准']);
  indicators.forEach((r) => ind.addRow(r.map((v) => (v === '' ? null : v))));

  const roster = wb.addWorksheet('单位名单');
  roster.addRow(['单位名称', '类别', '简称', '别名']);
  units.forEach((u) => roster.addRow([u[3] ?? u[0], u[1], u[4] || null, u[5] || null]));

  const leafCodes = indicators.filter((r) => r[5] !== '' && r[5] !== 'deduct').map((r) => r[0]);
  const sheet = wb.addWorksheet('得分表');
  sheet.mergeCells(1, 1, 1, leafCodes.length + 2);
  sheet.getCell(1, 1).value = '全县乡科级单位2009年绩效管理组织工作评估得分表';
  const leafName = (c) => { const r = indicators.find((x) => x[0] === c); return r[3] || r[2]; };
  sheet.addRow(['单位名称', '类别', ...leafCodes.map((c) => `${c} ${leafName(c)}`)]);
  rows.forEach((r) => sheet.addRow([r.written, r.category, ...leafCodes.map((c) => (c === 'C1' ? r.actual : r.scores.get(c) / 4))]));

  const tg = wb.addWorksheet('目标值');
  tg.addRow(['单位名称', 'C1 应纳入网上绩效的干部人数']);
  rows.forEach((r, i) => tg.addRow([units[i][3] ?? r.written, targets[i]]));

  const dd = wb.addWorksheet('扣分明细');
  dd.addRow(['单位名称', '指标编码', '扣分', '扣分原因']);
  deductions.forEach((d) => dd.addRow(d));

  await wb.xlsx.writeFile(new URL('annual.xlsx', dir).pathname);
  console.log(`wrote ${units.length} units, ${deductions.length} deductions`);
}

await runGenerator(import.meta.url, dir, { build, numbers });
