// Builds samples/jiangsu-2013/annual.xlsx (seed 004) and prints every unit's total, band and honour,
// computed here in integer ten-thousandths, independently of the engine, for the expected files.
// Run: node test/support/make-jiangsu.mjs
import { sampleBook } from './sample-book.mjs';

const dir = new URL('../../samples/jiangsu-2013/', import.meta.url);
const party = ['省委办公厅', '省纪委', '省委组织部', '省委宣传部', '省委统战部', '省委政法委', '省委政研室', '省委农工办'];
const government = ['省政府办公厅', '省发展改革委', '省教育厅', '省科技厅', '省经济和信息化委', '省公安厅', '省民政厅', '省司法厅',
  '省财政厅', '省人力资源社会保障厅', '省国土资源厅', '省环保厅', '省住房城乡建设厅', '省交通运输厅', '省水利厅', '省农委',
  '省商务厅', '省文化厅', '省卫生厅', '省审计厅', '省统计局', '省旅游局'];
// Leaves: [code, points, method]. direct: points entered; rate: a 0–100 score or rate, × points / 100.
const LEAVES = [['F1', 25, 'direct'], ['F2', 15, 'direct'], ['F3', 10, 'direct'], ['M1', 4, 'rate'], ['M2', 4, 'rate'], ['M3', 4, 'rate'],
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
for (const u of units) {
  // ten-thousandths: direct points × 10000; rate: points × (score × 10) × 10 / 100... = points × score × 100
  u.exact = LEAVES.reduce((s, [, points, method], j) => s + (method === 'direct' ? Math.round(u.entries[j] * 10000) : Math.round(points * u.entries[j] * 100)), 0);
  u.total = Math.floor((u.exact + 50) / 100);
  u.functional = LEAVES.slice(0, 3).reduce((s, _, j) => s + u.entries[j], 0);
  u.band = u.total >= 9000 ? '优秀' : u.total >= 8000 ? '良好' : u.total >= 7000 ? '达标' : '诫勉';
}
const excellent = units.filter((u) => u.band === '优秀').sort((a, b) => b.total - a.total || b.functional - a.functional);
if (excellent.length > 10 && excellent[9].total === excellent[10].total) throw new Error('tie at the 10th place: change the data');
excellent.slice(0, 10).forEach((u) => (u.honour = '先进单位'));
for (const u of units) console.log(`${u.category}\t${u.name}\t${(u.exact / 10000).toFixed(4)}\t${(u.total / 100).toFixed(2)}\t${u.band}\t${u.honour ?? ''}`);

const { sheet, save } = sampleBook(dir, new Date(Date.UTC(2014, 3, 10)));
sheet('指标体系', [
  ['编码', '一级指标', '二级指标', '分值', '评分方法', '牵头部门', '评分标准'],
  ['F', '职能工作目标', null, 50, null, '省绩效办', '机关自评，牵头考核部门审核'],
  ['F1', '职能工作目标', '重点工作', 25, 'direct', '省绩效办'],
  ['F2', '职能工作目标', '常规工作', 15, 'direct', '省绩效办'],
  ['F3', '职能工作目标', '其他工作', 10, 'direct', '省绩效办'],
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
