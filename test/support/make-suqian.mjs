// Builds samples/suqian/annual.xlsx (seed 003 宿迁) and prints every unit's total, band and figure,
// computed here in integer hundredths, independently of the engine, for the expected files.
// Run: node test/support/make-suqian.mjs
import { sampleBook } from './sample-book.mjs';

const dir = new URL('../../samples/suqian/', import.meta.url);
const groups = {
  经济管理: ['发改委', '经信委', '财政局', '商务局', '农委', '住建局', '国土局', '交通局'],
  执法监督和公共服务: ['公安局', '司法局', '环保局', '卫生局', '教育局', '人社局', '民政局', '市场监管局'],
  党群机关: ['市委办', '组织部', '宣传部', '统战部', '政法委', '团市委', '妇联', '总工会'],
  中央和省属驻宿单位: ['国税局', '地税局', '供电公司', '人民银行', '气象局', '海关', '邮政公司', '烟草局'],
};
const vetoes = [['经信委', '安全生产', '所属单位发生较大安全生产事故（市安委会通报〔2015〕6号）']];
// Per unit: 职能目标 two ratio leaves (30 each, actual vs. the unit's target; reaching it earns the
// base score, exceeding earns nothing more), 共性目标 (direct, ≤ 20), 满意度 (rate × 20).
const units = [];
Object.entries(groups).forEach(([category, names], g) => {
  names.forEach((name, i) => {
    const target1 = 100 + 10 * ((i + g) % 3);
    const target2 = 50 + 5 * ((i + 2 * g) % 4);
    const short = i * 4 + g; // a weaker unit falls short of its targets by more
    const actual1 = i < 2 ? target1 + 6 : target1 - short;
    const actual2 = i === 0 ? target2 : target2 - Math.floor(short / 2);
    const common = 20 - i * 0.5 - (g % 2) * 0.5;
    const rate = 98 - i * 2 - g;
    units.push({ category, name, target1, target2, actual1, actual2, common, rate });
  });
});

const c100 = (x) => Math.round(x * 100);
// In 1/10000 points: 30 × min(1, a/t) for each ratio leaf, exact as a fraction, then rounded half-up once.
for (const u of units) {
  const ratio = (a, t) => (a >= t ? 30 : (30 * a) / t);
  u.exact = ratio(u.actual1, u.target1) + ratio(u.actual2, u.target2) + u.common + (u.rate * 20) / 100;
  u.functional = ratio(u.actual1, u.target1) + ratio(u.actual2, u.target2);
  u.total = Math.floor(u.exact * 100 + 0.5 + 1e-9) / 100; // half-up to hundredths (checked below for ties)
}
for (const [category] of Object.entries(groups)) {
  const members = units.filter((u) => u.category === category).sort((a, b) => b.total - a.total || b.functional - a.functional);
  const bottom = members.slice(-3);
  const places = Math.floor((members.length * 30) / 100);
  let taken = 0;
  for (const u of members) {
    const vetoed = vetoes.some((v) => v[0] === u.name);
    if (bottom.includes(u)) u.band = '诫勉';
    else if (!vetoed && u.total >= 90 && taken < places) { u.band = '先进'; taken++; }
    else u.band = '达标';
    console.log(`${category}\t${u.name}\t${u.exact.toFixed(6)}\t${u.total.toFixed(2)}\t${u.band}\t${{ 先进: '18%', 达标: '15%', 诫勉: '12%' }[u.band]}`);
  }
}

const { sheet, save } = sampleBook(dir, new Date(Date.UTC(2016, 1, 16)));
sheet('指标体系', [
  ['编码', '一级指标', '二级指标', '分值', '评分方法', '参数', '牵头部门'],
  ['F', '职能目标', null, 60, null, null, '市绩效办'],
  ['F1', '职能目标', '重点工作目标一', 30, 'ratio', null, '市督查室'],
  ['F2', '职能目标', '重点工作目标二', 30, 'ratio', null, '市督查室'],
  ['C', '共性目标', null, 20, null, null, '市绩效办'],
  ['C1', '共性目标', '机关建设', 20, 'direct', null, '市绩效办'],
  ['S', '服务对象满意度', null, 20, null, null, '市统计局'],
  ['S1', '服务对象满意度', '满意率', 20, 'rate', null, '市统计局'],
]);
sheet('单位名单', [['单位名称', '类别'], ...units.map((u) => [u.name, u.category])]);
sheet('得分表', [['单位名称', 'F1', 'F2', 'C1', 'S1'], ...units.map((u) => [u.name, u.actual1, u.actual2, u.common, u.rate])]);
sheet('目标值', [['单位名称', 'F1', 'F2'], ...units.map((u) => [u.name, u.target1, u.target2])]);
sheet('一票否决', [['单位名称', '否决事项', '说明'], ...vetoes]);
await save();
