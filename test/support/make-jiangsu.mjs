// Builds samples/jiangsu-2013/annual.xlsx (seed 004) and reckons every unit's published numbers
// from the same data in exact fractions, independently of the engine.
// Run: node test/support/make-jiangsu.mjs              rebuild annual.xlsx
//      node test/support/make-jiangsu.mjs --expected   write expected/numbers.json (--check: only compare)
import { frac, sum } from './fraction.mjs';
import { sampleBook } from './sample-book.mjs';
import { bandByFloor, bestFirst, bestOf, numbersText, rankWithin, readScheme, runGenerator, totalOf } from './standings.mjs';

const dir = new URL('../../samples/jiangsu-2013/', import.meta.url);
const party = ['省委办公厅', '省纪委', '省委组织部', '省委宣传部', '省委统战部', '省委政法委', '省委政研室', '省委农工办'];
const government = ['省政府办公厅', '省发展改革委', '省教育厅', '省科技厅', '省经济和信息化委', '省公安厅', '省民政厅', '省司法厅',
  '省财政厅', '省人力资源社会保障厅', '省国土资源厅', '省环保厅', '省住房城乡建设厅', '省交通运输厅', '省水利厅', '省农委',
  '省商务厅', '省文化厅', '省卫生厅', '省审计厅', '省统计局', '省旅游局'];
// Leaves: [code, points, method]. direct: points entered; rate: a 0–100 score or rate, × points / 100.
const LEAVES = [['F1', 30, 'direct'], ['F2', 15, 'direct'], ['F3', 5, 'direct'], ['M1', 4, 'rate'], ['M2', 4, 'rate'], ['M3', 4, 'rate'],
  ['M4', 4, 'rate'], ['M5', 4, 'rate'], ['I1', 10, 'direct'], ['S1', 6, 'rate'], ['S2', 6, 'rate'], ['S3', 8, 'rate']];
const all = [...party.map((n) => [n, '党委机关']), ...government.map((n) => [n, '政府机关'])];
// A deterministic spread of quality; direct points in halves, 0–100 scores with one decimal.
const units = all.map(([name, category], k) => {
  const order = (k * 7) % all.length; // interleave the two categories in quality
  const q = 1.0 - order * 0.006 - (order > 24 ? (order - 24) * 0.05 : 0);
  const entries = LEAVES.map(([code, points, method], j) => {
    const wobble = ((k + j) % 3) * 0.01;
    return method === 'direct' ? Math.max(0, Math.round(points * (q - wobble) * 2) / 2) : Math.round(1000 * (q - wobble)) / 10;
  });
  return { name, category, entries };
});
const PARTS = [['职能工作目标', 'F'], ['管理工作目标', 'M'], ['创新创优目标', 'I'], ['满意度目标', 'S']];

/** Every unit's numbers (004): four parts summed; 先进单位 are the best 10 of 优秀, all units together. */
export function numbers() {
  const scheme = readScheme(dir);
  const scored = units.map((u, order) => {
    // direct: the points entered; rate: a 0–100 score × the leaf's points / 100.
    const leaf = ([, points, method], j) => (method === 'direct' ? frac(u.entries[j]) : frac(points).times(frac(u.entries[j])).div(100));
    const parts = PARTS.map(([, prefix]) => sum(LEAVES.map((l, j) => (l[0].startsWith(prefix) ? leaf(l, j) : frac(0)))));
    // tieBreak: [职能工作目标, 满意度目标] — the exact part scores, in that order.
    const tieKeys = scheme.tieBreak.map((name) => parts[PARTS.findIndex(([part]) => part === name)]);
    return { category: u.category, name: u.name, order, ...totalOf(parts, scheme), tieKeys };
  });
  rankWithin(scored, scheme);
  for (const u of scored) u.band = bandByFloor(u, scheme.bandsOf.get(u.category), scheme);
  for (const h of scheme.honours) {
    if (h.scope !== 'all') throw new Error(`honour ${h.name}: only scope all is reckoned here`);
    const pool = scored.filter((u) => h.from === undefined || u.band === h.from).sort(bestFirst);
    for (const u of bestOf(pool, h.count, h.name)) u.honour = h.name;
  }
  return numbersText('test/support/make-jiangsu.mjs', scheme, scored);
}

async function build() {
  const { sheet, save } = sampleBook(dir, new Date(Date.UTC(2014, 3, 10)));
  sheet('指标体系', [
    ['编码', '一级指标', '二级指标', '分值', '评分方法', '牵头部门', '评分标准'],
    ['F', '职能工作目标', null, 50, null, '省绩效办', '机关自评，牵头考核部门审核'],
    ['F1', '职能工作目标', '重点工作', 30, 'direct', '省绩效办'],
    ['F2', '职能工作目标', '常规工作', 15, 'direct', '省绩效办'],
    ['F3', '职能工作目标', '其他工作', 5, 'direct', '省绩效办'],
    ['M', '管理工作目标', null, 20, null, '各牵头考核部门', '各指标满分100分，按权重折算'],
    ['M1', '管理工作目标', '依法履职', 4, 'rate', '省法制办'],
    ['M2', '管理工作目标', '高效履职', 4, 'rate', '省政府办公厅'],
    ['M3', '管理工作目标', '廉洁履职', 4, 'rate', '省纪委'],
    ['M4', '管理工作目标', '组织建设', 4, 'rate', '省委组织部'],
    ['M5', '管理工作目标', '作风建设', 4, 'rate', '省委办公厅'],
    ['I', '创新创优目标', null, 10, null, '省绩效办'],
    ['I1', '创新创优目标', '创新创优', 10, 'direct', '省绩效办'],
    ['S', '满意度目标', null, 20, null, '省绩效办', '领导30%、服务对象30%、社会公众40%'],
    ['S1', '满意度目标', '领导评价', 6, 'rate', '省绩效办'],
    ['S2', '满意度目标', '服务对象评价', 6, 'rate', '省统计局'],
    ['S3', '满意度目标', '社会公众评价', 8, 'rate', '省统计局'],
  ]);
  sheet('单位名单', [['单位名称', '类别'], ...units.map((u) => [u.name, u.category])]);
  sheet('得分表', [['单位名称', ...LEAVES.map((l) => l[0])], ...units.map((u) => [u.name, ...u.entries])]);
  await save();
}

await runGenerator(import.meta.url, dir, { build, numbers });
