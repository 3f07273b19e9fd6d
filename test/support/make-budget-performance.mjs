// Builds samples/budget-performance/annual.xlsx (seed 002 预算绩效: projects scored on 项目决策 /
// 项目管理 / 项目绩效, rated 优/良/中/差) and reckons every project's published numbers from the same
// data in exact fractions, independently of the engine.
// Run: node test/support/make-budget-performance.mjs              rebuild annual.xlsx
//      node test/support/make-budget-performance.mjs --expected   write expected/numbers.json (--check: only compare)
import { frac, max, min, sum } from './fraction.mjs';
import { sampleBook } from './sample-book.mjs';
import { bandByFloor, numbersText, rankWithin, readScheme, runGenerator, totalOf } from './standings.mjs';

const dir = new URL('../../samples/budget-performance/', import.meta.url);

// The three-level tree of 002 (项目决策、项目管理和项目绩效, 三级指标); leaves: [code, 一级, 二级, 三级, points, method, params].
const TIMELY = '等级=按期完成:5、延期三个月内:3、延期三个月以上:0';
const LASTING = '等级=好:5、较好:4、一般:3、差:0';
const TREE = [
  ['A', '项目决策', null, null, 20],
  ['A1', '项目决策', '项目立项', null, 8],
  ['A11', '项目决策', '项目立项', '立项依据充分性', 4, 'pass'],
  ['A12', '项目决策', '项目立项', '立项程序规范性', 4, 'pass'],
  ['A2', '项目决策', '绩效目标', null, 8],
  ['A21', '项目决策', '绩效目标', '绩效目标合理性', 4, 'direct'],
  ['A22', '项目决策', '绩效目标', '绩效指标明确性', 4, 'direct'],
  ['A3', '项目决策', '资金投入', null, 4],
  ['A31', '项目决策', '资金投入', '预算编制科学性', 2, 'direct'],
  ['A32', '项目决策', '资金投入', '资金分配合理性', 2, 'direct'],
  ['B', '项目管理', null, null, 25],
  ['B1', '项目管理', '资金管理', null, 15],
  ['B11', '项目管理', '资金管理', '资金到位率', 5, 'rate'],
  ['B12', '项目管理', '资金管理', '预算执行率', 5, 'ratio', '目标值=100'],
  ['B13', '项目管理', '资金管理', '资金使用合规性', 5, 'deduct'],
  ['B2', '项目管理', '组织实施', null, 10],
  ['B21', '项目管理', '组织实施', '管理制度健全性', 4, 'pass'],
  ['B22', '项目管理', '组织实施', '制度执行有效性', 6, 'deduct'],
  ['C', '项目绩效', null, null, 55],
  ['C1', '项目绩效', '项目产出', null, 30],
  ['C11', '项目绩效', '项目产出', '产出数量', 10, 'ratio'],
  ['C12', '项目绩效', '项目产出', '质量达标率', 10, 'rate'],
  ['C13', '项目绩效', '项目产出', '完成及时性', 5, 'grade', TIMELY],
  ['C14', '项目绩效', '项目产出', '成本节约', 5, 'inverse'],
  ['C2', '项目绩效', '项目效益', null, 25],
  ['C21', '项目绩效', '项目效益', '社会经济效益', 10, 'direct'],
  ['C22', '项目绩效', '项目效益', '可持续影响', 5, 'grade', LASTING],
  ['C23', '项目绩效', '项目效益', '服务对象满意度', 10, 'rate'],
];
const LEAVES = TREE.filter((row) => row[5]).map(([code, part, , , points, method, params]) => ({ code, part, points: frac(points), method, params: params ?? '' }));
const ENTERED = LEAVES.filter((l) => l.method !== 'deduct').map((l) => l.code);

// [project, 类别, 简称, entries in ENTERED order, targets {C11 planned output, C14 budgeted cost (万元)}, deductions [code, points, reason]]
// Entered: A11 A12 A21 A22 A31 A32 B11 B12 B21 C11 C12 C13 C14 C21 C22 C23
const projects = [
  ['城乡居民基本医疗保险财政补助', '部门预算项目', '医保补助', ['是', '是', 4, 4, 2, 2, 100, 100, '是', 52000, 100, '按期完成', 1180, 10, '好', 96], { C11: 50000, C14: 1200 }, []],
  ['农村饮水安全巩固提升工程', '部门预算项目', '饮水工程', ['是', '是', 4, 3.5, 2, 1.5, 100, 97, '是', 36, 98, '按期完成', 860, 9, '好', 92], { C11: 36, C14: 850 }, [['B22', 0.5, '工程变更未按规定报批']]],
  ['中小学校舍维修改造', '部门预算项目', '校舍维修', ['是', '是', 3.5, 3.5, 1.5, 1.5, 100, 92, '是', 14, 96, '延期三个月内', 600, 8.5, '较好', 90], { C11: 15, C14: 600 }, [['B13', 1, '列支与项目无关的会议费']]],
  ['城区背街小巷改造', '部门预算项目', '背街小巷', ['是', '是', 3, 3, 1.5, 1.5, 95, 90, '是', 40, 90, '延期三个月内', 1300, 8, '较好', 88], { C11: 45, C14: 1250 }, [['B22', 1, '施工日志缺失']]],
  ['农田水利设施维护', '部门预算项目', '农田水利', ['是', '否', 3, 3, 1.5, 1, 97, 85, '是', 120, 92, '按期完成', 300, 5.5, '一般', 82], { C11: 150, C14: 300 }, [['B22', 0.5, '验收资料不全']]],
  ['公共文化服务设施运行', '部门预算项目', '文化设施', ['是', '是', 2.5, 2.5, 1, 1, 90, 78, '是', 180, 85, '延期三个月内', 210, 6, '一般', 80], { C11: 240, C14: 200 }, [['B13', 1.5, '以拨代支'], ['B22', 1, '未按合同约定付款']]],
  ['智慧城管平台建设', '部门预算项目', '智慧城管', ['否', '是', 2, 1.5, 1, 0.5, 80, 60, '否', 3, 70, '延期三个月以上', 950, 4, '差', 68], { C11: 6, C14: 800 }, [['B13', 2, '超范围支出'], ['B13', 2, '无预算采购'], ['B22', 2.5, '未组织竣工验收']]],
  ['高标准农田建设', '上级专项资金项目', '高标准农田', ['是', '是', 4, 3.5, 2, 2, 100, 98, '是', 20000, 97, '按期完成', 3000, 9.5, '好', 94], { C11: 20000, C14: 3000 }, []],
  ['农村公路养护', '上级专项资金项目', '公路养护', ['是', '是', 3.5, 3.5, 2, 1.5, 100, 94, '是', 410, 93, '按期完成', 520, 8.5, '较好', 90], { C11: 420, C14: 500 }, [['B22', 0.5, '养护台账不全']]],
  ['困难群众救助补助', '上级专项资金项目', '困难群众救助', ['是', '是', 3.5, 3, 1.5, 1.5, 100, 88, '是', 2300, 94, '按期完成', 1000, 6.5, '一般', 86], { C11: 2500, C14: 1000 }, [['B13', 1, '个别对象资格审核不严']]],
  ['重点生态功能区转移支付', '上级专项资金项目', '生态转移支付', ['是', '是', 2.5, 2, 1, 1, 85, 70, '是', 7, 80, '延期三个月内', 1500, 6, '一般', 75], { C11: 10, C14: 1400 }, [['B13', 1.5, '资金拨付滞后'], ['B22', 1.5, '项目库管理不规范']]],
  ['就业创业补助', '上级专项资金项目', '就业补助', ['是', '否', 2, 2, 1, 1, 80, 55, '否', 1200, 72, '延期三个月以上', 0, 5, '差', 70], { C11: 2000, C14: 400 }, [['B13', 3, '虚报冒领补贴'], ['B22', 2, '台账与发放记录不符']]],
];

const param = (leaf, name) => leaf.params.split('；').map((p) => p.split('=')).find(([k]) => k === name)?.[1];
const grades = (leaf) => new Map(param(leaf, '等级').split('、').map((g) => g.split(':')).map(([label, points]) => [label, frac(points)]));

/** One leaf's points for one project (docs/scheme.md, 评分方法). */
function leafPoints(leaf, [, , , entries, targets, deductions]) {
  const value = entries[ENTERED.indexOf(leaf.code)];
  const target = () => frac(targets[leaf.code] ?? param(leaf, '目标值'));
  switch (leaf.method) {
    case 'direct':
      return frac(value);
    case 'pass': // 达标得满分，未达标得 0 分
      return value === '是' ? leaf.points : frac(0);
    case 'rate': // 分值 × 比率
      return leaf.points.times(frac(value)).div(100);
    case 'ratio': // 分值 × 完成值 ÷ 目标值，达到目标即满分
      return min(leaf.points, leaf.points.times(frac(value)).div(target()));
    case 'inverse': // 分值 × 目标值 ÷ 实际值，最高为分值；实际值为 0 得满分
      return frac(value).isZero() ? leaf.points : min(leaf.points, leaf.points.times(target()).div(frac(value)));
    case 'grade':
      return grades(leaf).get(value);
    case 'deduct': // 分值 − 扣分，最低 0 分
      return max(0n, leaf.points.minus(sum(deductions.filter((d) => d[0] === leaf.code).map((d) => frac(d[1])))));
    default:
      throw new Error(`no rule for ${leaf.code} ${leaf.method}`);
  }
}

// 002「自评和外部评价相结合」: the 项目绩效 leaves are self-assessed by the offices in charge (scheme selfAssessment),
// who round their own points up to the next half point; the 财政局's evaluation is what counts.
const SELF_ASSESSED = LEAVES.filter((l) => l.part === '项目绩效');
const selfPoints = (leaf, project) => {
  const audited = leafPoints(leaf, project);
  const halves = audited.times(2);
  return Number(min(leaf.points, frac((halves.n + halves.d - 1n) / halves.d).div(2)).toString());
};

/** The 自评对照 rows: [project, code, 自评, 审核, 差额] where the self-assessment differs, published to 2 places. */
export function selfDifferences() {
  return projects.flatMap((project) => SELF_ASSESSED.flatMap((leaf) => {
    const audited = leafPoints(leaf, project);
    const self = frac(selfPoints(leaf, project));
    return self.eq(audited) ? [] : [[project[0], leaf.code, self.halfUp(2), audited.halfUp(2), self.minus(audited).halfUp(2)]];
  }));
}

/** Every project's numbers: the three parts summed, ranked within its 类别, rated by floors. */
export function numbers() {
  const scheme = readScheme(dir);
  const parts = [...new Set(LEAVES.map((l) => l.part))];
  const scored = projects.map((project, order) => {
    const byPart = parts.map((part) => sum(LEAVES.filter((l) => l.part === part).map((l) => leafPoints(l, project))));
    return { category: project[1], name: project[0], order, ...totalOf(byPart, scheme), tieKeys: [] };
  });
  rankWithin(scored, scheme);
  for (const u of scored) u.band = bandByFloor(u, scheme.bandsOf.get(u.category), scheme);
  return numbersText('test/support/make-budget-performance.mjs', scheme, scored);
}

async function build() {
  const { sheet, save } = sampleBook(dir, new Date(Date.UTC(2021, 3, 30)));
  const lead = (code) => (code.startsWith('B1') ? '县财政局' : code.startsWith('C2') ? '项目主管股室' : '县财政局绩效评价组');
  sheet('指标体系', [
    ['编码', '一级指标', '二级指标', '三级指标', '分值', '评分方法', '参数', '牵头部门'],
    ...TREE.map(([code, part, second, third, points, method, params]) => [code, part, second, third, points, method ?? null, params ?? null, lead(code)]),
  ]);
  // The roster under the name a budget office gives it: 考核对象 (score reads it as 单位名单; init keeps it as it is).
  sheet('考核对象', [['考核对象', '类别', '简称'], ...projects.map(([name, category, short]) => [name, category, short])]);
  sheet('得分表', [['考核对象', ...ENTERED], ...projects.map(([name, , , entries]) => [name, ...entries])]);
  sheet('目标值', [['考核对象', 'C11', 'C14'], ...projects.map(([name, , , , targets]) => [name, targets.C11, targets.C14])]);
  sheet('扣分明细', [['考核对象', '指标编码', '扣分', '扣分原因'], ...projects.flatMap(([name, , , , , deductions]) => deductions.map(([code, points, reason]) => [name, code, points, reason]))]);
  sheet('自评', [['考核对象', ...SELF_ASSESSED.map((l) => l.code)], ...projects.map((project) => [project[0], ...SELF_ASSESSED.map((l) => selfPoints(l, project))])]);
  await save();
}

await runGenerator(import.meta.url, dir, { build, numbers });
