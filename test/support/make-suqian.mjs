// Builds samples/suqian/annual.xlsx (seed 003 宿迁) and reckons every unit's published numbers from
// the same data in exact fractions, independently of the engine.
// Run: node test/support/make-suqian.mjs              rebuild annual.xlsx
//      node test/support/make-suqian.mjs --expected   write expected/numbers.json (--check: only compare)
import { frac, min } from './fraction.mjs';
import { sampleBook } from './sample-book.mjs';
import { bestFirst, bestOf, meetsFloor, numbersText, rankWithin, readScheme, runGenerator, totalOf, worstOf } from './standings.mjs';

const dir = new URL('../../samples/suqian/', import.meta.url);
// 003: 「86家市级机关」 in 4 categories; 后三位 of each category → 诫勉 (12 of 86).
const groups = {
  经济管理: ['发改委', '经信委', '财政局', '商务局', '农委', '住建局', '国土局', '交通局', '水利局', '审计局', '统计局', '物价局',
    '粮食局', '林业局', '旅游局', '国资委', '金融办', '规划局', '城管局', '供销总社', '农机局', '科技局', '房管局', '开发区管委会'],
  执法监督和公共服务: ['公安局', '司法局', '环保局', '卫生局', '教育局', '人社局', '民政局', '市场监管局', '安监局', '文广新局', '体育局', '计生委',
    '食药监局', '法制办', '信访局', '档案局', '地方志办', '公积金中心', '行政服务中心', '残联', '红十字会', '广播电视台', '民宗局', '外侨办'],
  党群机关: ['市委办', '组织部', '宣传部', '统战部', '政法委', '团市委', '妇联', '总工会', '纪委', '编办', '机关工委', '党校',
    '老干部局', '党史办', '市委研究室', '台办', '科协', '文联'],
  中央和省属驻宿单位: ['国税局', '地税局', '供电公司', '人民银行', '气象局', '海关', '邮政公司', '烟草局', '电信公司', '移动公司',
    '联通公司', '工商银行', '农业银行', '中国银行', '建设银行', '农发行', '银监分局', '水文局', '调查队', '检验检疫局'],
};
const vetoes = [['经信委', '安全生产', '所属单位发生较大安全生产事故（市安委会通报〔2015〕6号）']];
// Per unit: 职能目标 two ratio leaves (30 each, actual vs. the unit's target; reaching it earns the
// base score, exceeding earns nothing more), 共性目标 (direct, ≤ 20), 满意度 (rate × 20).
const units = [];
Object.entries(groups).forEach(([category, names], g) => {
  names.forEach((name, i) => {
    const target1 = 100 + 10 * ((i + g) % 3);
    const target2 = 50 + 5 * ((i + 2 * g) % 4);
    const short = i * 2 + g; // a weaker unit falls short of its targets by more
    const actual1 = i < 2 ? target1 + 6 : target1 - short;
    const actual2 = i === 0 ? target2 : target2 - Math.floor(short / 2);
    const common = 20 - Math.floor(i / 2) * 0.5 - (g % 2) * 0.5;
    const rate = 98 - i - g;
    units.push({ category, name, target1, target2, actual1, actual2, common, rate });
  });
});

/**
 * Every unit's numbers (003 宿迁), exact: each category's bottom 3 are 诫勉 whatever their scores;
 * of the rest, those at 90 or more and not vetoed are 先进 up to 30% of the category (去尾), the
 * quota's last place tie settled by 职能目标; everyone else 达标. Rules read from scheme.yaml.
 */
export function numbers() {
  const scheme = readScheme(dir);
  const [top, middle, last] = scheme.bands;
  if (scheme.bands.length !== 3 || top.quota?.rounding !== 'down' || middle.atLeast !== undefined || last.bottom === undefined) throw new Error('suqian: the bands are no longer 先进 (quota, 去尾) / 达标 / 诫勉 (bottom)');
  const scored = units.map((u, order) => {
    // 达到目标得基本分，超额不加分: 30 × actual / target, at most 30.
    const ratio = (a, t) => min(30, frac(30).times(frac(a)).div(frac(t)));
    const functional = ratio(u.actual1, u.target1).plus(ratio(u.actual2, u.target2));
    const parts = [functional, frac(u.common), frac(20).times(frac(u.rate)).div(100)];
    // 一票否决 (003): the scheme says what each item takes away.
    const effects = vetoes.filter((v) => v[0] === u.name).map((v) => scheme.vetoes.find((x) => x.name === v[1]).effect);
    return { category: u.category, name: u.name, order, ...totalOf(parts, scheme), tieKeys: [functional], effects };
  });
  rankWithin(scored, scheme);
  for (const category of scheme.categories) {
    const members = scored.filter((u) => u.category === category).sort(bestFirst);
    const bottom = worstOf(members, last.bottom, last.name);
    const places = Number((BigInt(members.length) * BigInt(top.quota.percent)) / 100n);
    const eligible = members.filter((u) => !bottom.includes(u) && u.effects.length === 0 && meetsFloor(u, top, scheme));
    const best = bestOf(eligible, places, top.name);
    const failed = (u) => u.effects.includes('fail');
    for (const u of members) u.band = bottom.includes(u) || failed(u) ? last.name : best.includes(u) ? top.name : middle.name;
  }
  return numbersText('test/support/make-suqian.mjs', scheme, scored);
}

async function build() {
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
}

await runGenerator(import.meta.url, dir, { build, numbers });
