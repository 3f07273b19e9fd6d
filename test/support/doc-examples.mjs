// The worked examples of docs/scheme.md as small assessments, for the differential test: each is
// scored by the engine and by test/support/reckoning.mjs, and each also states what the docs say
// of it in so many words (`says`), which holds the reckoning itself to the text.

/** An assessment of one-leaf parts: parts [[code, name, points]], units [[name, category, ...values]]. */
function book(name, yaml, parts, units, extra = {}) {
  return {
    seed: 0,
    name,
    yaml,
    notes: [`docs/scheme.md example: ${name}`],
    sheets: {
      方案: yaml,
      指标体系: [['编码', '一级指标', '二级指标', '三级指标', '分值', '评分方法', '参数', '适用类别'], ...parts.map(([code, part, points, method = null, params = null]) => [code, part, null, null, points, method, params, null])],
      单位名单: [['单位名称', '类别'], ...units.map(([n, c]) => [n, c])],
      得分表: [['单位名称', ...parts.filter((p) => !['deduct', 'raters'].includes(p[3])).map((p) => p[0])], ...units.map(([n, , ...v]) => [n, ...v])],
      ...extra,
    },
  };
}

const one = (name, bands, totals, more = '') => book(name, `name: ${name}\ncategories: [部门]\n${bands}${more}`, [['A', '工作', 100]], totals.map(([n, t]) => [n, '部门', t]));

export const DOC_EXAMPLES = [
  {
    quote: '名额…例：优秀 1 名、良好 2 名，两个 90 分并列争优秀，落选的一个是良好，良好只剩 1 个名额给其余单位',
    g: one('名额线上的并列', 'bands:\n  - {name: 优秀, atLeast: 60, quota: {count: 1}}\n  - {name: 良好, atLeast: 50, quota: {count: 2}}\n  - {name: 一般}\n', [['甲局', 90], ['乙局', 90], ['丙局', 85], ['丁局', 80], ['戊局', 70]]),
    says: { exit: 1, 甲局: { band: '待定（优秀或良好）' }, 乙局: { band: '待定（优秀或良好）' }, 丙局: { band: '良好' }, 丁局: { band: '一般' } },
  },
  {
    quote: '荣誉和标记的并列：一等奖 1 名、二等奖 2 名，甲局、乙局同为 95 分，丙局 90 分、丁局 85 分：甲局、乙局都是「待定（一等奖或二等奖）」，丙局二等奖，丁局没有荣誉',
    g: one('荣誉的并列', 'bands:\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\n', [['甲局', 95], ['乙局', 95], ['丙局', 90], ['丁局', 85]], 'honours:\n  - {name: 一等奖, count: 1}\n  - {name: 二等奖, count: 2}\n'),
    says: { exit: 1, 甲局: { honour: '待定（一等奖或二等奖）' }, 乙局: { honour: '待定（一等奖或二等奖）' }, 丙局: { honour: '二等奖' }, 丁局: { honour: '' } },
  },
  {
    quote: 'fail 与后几名（bottom）同时出现…例：bottom: 2，五个部门 95、92、85、80、70 分，95 分的甲局被「失职渎职」否决：诫勉为甲局和 70 分的戊局，80 分的丁局为达标',
    g: (() => {
      const g = one('fail 与 bottom', 'bands:\n  - {name: 先进, atLeast: 90}\n  - {name: 达标}\n  - {name: 诫勉, bottom: 2}\n', [['甲局', 95], ['乙局', 92], ['丙局', 85], ['丁局', 80], ['戊局', 70]], 'vetoes:\n  - {name: 失职渎职, effect: fail}\n');
      g.sheets.一票否决 = [['单位名称', '否决事项', '说明'], ['甲局', '失职渎职', '造成重大损失']];
      return g;
    })(),
    says: { 甲局: { band: '诫勉', rank: 1 }, 戊局: { band: '诫勉' }, 丁局: { band: '达标' }, 乙局: { band: '先进' } },
  },
  {
    quote: 'roundParts 取舍的是什么…集中考核 半年 50.05 × 30% + 年终 50.0325 × 60% = 45.0345；公众评议 50.045 × 10% = 5.0045；roundParts: true 45.03 + 5.00 = 50.03，false 50.0390 → 50.04',
    g: ((roundParts) => book('roundParts（奇台式）', `name: 奇台式\ncategories: [部门]\nrounding: {decimals: 2, roundParts: ${roundParts}}\nbands:\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\nperiods: [半年, 年终]\ncomponents:\n  - {part: 集中考核, periods: {半年: 30, 年终: 60}}\n  - {part: 公众评议, weight: 10}\n`,
      [['J', '集中考核', 100], ['G', '公众评议', 100]], [['一局', '部门', 50.045]],
      { 得分表: [['单位名称', 'G'], ['一局', 50.045]], '得分表（半年）': [['单位名称', 'J'], ['一局', 50.05]], '得分表（年终）': [['单位名称', 'J'], ['一局', 50.0325]] }))(true),
    says: { 一局: { total: '50.03' } },
  },
  {
    quote: '（同上）roundParts: false：50.0390 → 50.04',
    g: book('roundParts: false（奇台式）', 'name: 奇台式\ncategories: [部门]\nrounding: {decimals: 2, roundParts: false}\nbands:\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\nperiods: [半年, 年终]\ncomponents:\n  - {part: 集中考核, periods: {半年: 30, 年终: 60}}\n  - {part: 公众评议, weight: 10}\n',
      [['J', '集中考核', 100], ['G', '公众评议', 100]], [['一局', '部门', 50.045]],
      { 得分表: [['单位名称', 'G'], ['一局', 50.045]], '得分表（半年）': [['单位名称', 'J'], ['一局', 50.05]], '得分表（年终）': [['单位名称', 'J'], ['一局', 50.0325]] }),
    says: { 一局: { total: '50.04' } },
  },
  ...['published', 'exact'].map((rankOn) => ({
    quote: `rankOn: exact 与 roundParts: true 同时写…各部分 44.99 + 45.00、加分 0.005，公布总分 90.00；published 时评为先进（90 分以上），exact 时按 89.995 评为合格（rankOn: ${rankOn}）`,
    g: book(`rankOn ${rankOn} + roundParts`, `name: 加分的小数\ncategories: [部门]\nrounding: {decimals: 2, roundParts: true, rankOn: ${rankOn}}\nbands:\n  - {name: 先进, atLeast: 90}\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\nadjustments:\n  bonus:\n    items:\n      - {name: 表彰}\n`,
      [['A', '甲部分', 50], ['B', '乙部分', 50]], [['一局', '部门', 44.99, 45]],
      { 加减分: [['单位名称', '类型', '项目', '分值', '事由', '依据'], ['一局', '加分', '表彰', 0.005, '获表彰', '文件']] }),
    says: { 一局: { total: '90.00', band: rankOn === 'published' ? '先进' : '合格' } },
  })),
  ...['published', 'exact'].map((rankOn) => ({
    quote: `tieBreak 比较的分数…先进名额 1 个，tieBreak: [甲部分]，一局 45.333 + 45、二局 45.334 + 44.999，总分都是 90.333、公布为 90.33：published 两个单位都「待定（先进或合格）」，退出码 1；exact 二局为先进（rankOn: ${rankOn}）`,
    g: book(`tieBreak 与 rankOn ${rankOn}`, `name: 并列\ncategories: [部门]\nrounding: {decimals: 2, rankOn: ${rankOn}}\nbands:\n  - {name: 先进, atLeast: 90, quota: {count: 1}}\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\ntieBreak: [甲部分]\n`,
      [['A', '甲部分', 50], ['B', '乙部分', 50]], [['一局', '部门', 45.333, 45], ['二局', '部门', 45.334, 44.999]]),
    says: rankOn === 'published' ? { exit: 1, 一局: { band: '待定（先进或合格）' }, 二局: { band: '待定（先进或合格）' } } : { exit: 0, 一局: { band: '合格' }, 二局: { band: '先进' } },
  })),
  {
    quote: '千分制、bandBasis: percent 下 {name: 通报批评, bottom: 3, under: 60} 指得分低于满分的 60%（600 分）且在后三名：590 分（59%）的单位标记',
    g: book('千分制的标记', 'name: 千分制\nfullMarks: 1000\ncategories: [部门]\nbandBasis: percent\nbands:\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\nflags:\n  - {name: 通报批评, bottom: 3, under: 60}\n',
      [['A', '工作', 1000]], [['一局', '部门', 950], ['二局', '部门', 900], ['三局', '部门', 700], ['四局', '部门', 600], ['五局', '部门', 590]]),
    says: { 五局: { flags: ['通报批评'], band: '不合格' }, 四局: { flags: [], band: '合格' }, 三局: { flags: [] } },
  },
  {
    quote: '末位标记…上例中 60.00 分、排在后三名的部门不标记（不含60分）；59.50 分但不在后三名的也不标记',
    g: book('60 分以下且后三名', 'name: 正定式\ncategories: [部门, 乡镇]\nbands:\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\nflags:\n  - {name: 抄送干部管理部门, bottom: 3, under: 60}\n', [['A', '工作', 100]],
      [['甲局', '部门', 90], ['乙局', '部门', 80], ['丙局', '部门', 61], ['丁局', '部门', 60], ['一镇', '乡镇', 59.5], ['二镇', '乡镇', 50], ['三镇', '乡镇', 40], ['四镇', '乡镇', 30]]),
    says: { 丁局: { flags: [] }, 丙局: { flags: [] }, 一镇: { flags: [] }, 二镇: { flags: ['抄送干部管理部门'] }, 四镇: { flags: ['抄送干部管理部门'] } },
  },
  {
    quote: '计算示例：汤沟镇 … C1 ratio：10 × 28 ÷ 30 = 9.3333… 总分 68.3333…，四舍五入 68.33',
    g: book('灌南 汤沟镇', 'name: 灌南\ncategories: [乡镇]\nbands:\n  - {name: 先进, atLeast: 80}\n  - {name: 达标, atLeast: 60}\n  - {name: 未达标}\n',
      [['A', '健全组织', 20], ['B', '内部绩效', 30], ['C1', '网上绩效', 10, 'ratio'], ['D', '材料报送', 40]], [['汤沟镇', '乡镇', 7, 17.5, 28, 6 + 14 + 14.5]],
      { 目标值: [['单位名称', 'C1'], ['汤沟镇', 30]] }),
    says: { 汤沟镇: { total: '68.33', band: '达标' } },
  },
  ...[['1.005', '1.01'], ['2.135', '2.14'], ['85.955', '85.96']].map(([exact, shown]) => ({
    quote: `rounding.mode half-up：1.005 → 1.01，2.135 → 2.14，85.955 → 85.96（${exact}）`,
    g: one(`四舍五入 ${exact}`, 'bands:\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\n', [['一局', Number(exact)]]),
    says: { 一局: { total: shown } },
  })),
  {
    quote: '加分后可以超过满分…98 分加 3 分公布为 101.00；bandBasis: percent 时即 101%',
    g: book('超过满分', 'name: 加分\ncategories: [部门]\nbandBasis: percent\nbands:\n  - {name: 先进, atLeast: 95}\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\nadjustments:\n  bonus:\n    cap: 4\n    items:\n      - {name: 省委省政府表彰, points: 3}\n',
      [['A', '工作', 100]], [['一局', '部门', 98]], { 加减分: [['单位名称', '类型', '项目', '分值', '事由', '依据'], ['一局', '加分', '省委省政府表彰', null, '省级表彰', '冀文明委〔2013〕5号']] }),
    says: { 一局: { total: '101.00', band: '先进' } },
  },
  {
    quote: '乙镇「查访核验」三条 1 + 1 + 0.5 = 2.5 分：减分按 2 分计；计算顺序：各项相加 → 按来源封顶（被封顶的来源，其各项按比例计入）→ 按项目封顶 → 按合计封顶',
    g: book('减分的上限', 'name: 减分\ncategories: [乡镇]\nbands:\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\nadjustments:\n  deduction:\n    cap: 4\n    items:\n      - {name: 查访核验, max: 1, cap: 2}\n      - {name: 投诉查处}\n    sources:\n      - {name: 效能办, cap: 1.5}\n      - {name: 督查室, cap: 3}\n',
      [['A', '工作', 100]], [['乙镇', '乡镇', 90], ['丙镇', '乡镇', 90]],
      { 加减分: [['单位名称', '类型', '项目', '分值', '事由', '依据', '来源'], ['乙镇', '减分', '查访核验', 1, '脱岗', null, '督查室'], ['乙镇', '减分', '查访核验', 1, '迟到', null, '督查室'], ['乙镇', '减分', '查访核验', 0.5, '台账', null, '督查室'],
        ['丙镇', '减分', '投诉查处', 1, '投诉一', null, '效能办'], ['丙镇', '减分', '投诉查处', 2, '投诉二', null, '效能办'], ['丙镇', '减分', '查访核验', 1, '脱岗', null, '效能办']] }),
    // 乙镇: 督查室 2.5 ≤ 3, 查访核验 2.5 → 2: 88.00. 丙镇: 效能办 4 → 1.5 (each × 3/8): 投诉 1.125, 查访 0.375: 88.50.
    says: { 乙镇: { total: '88.00' }, 丙镇: { total: '88.50' } },
  },
  {
    quote: '名额…落选的单位多于下一等次的名额时，多出的继续落入再下一个等次…例：优秀、良好、合格各 1 名，甲局、乙局、丙局同为 95 分，丁局 90 分：三个局都是「待定（优秀、良好或合格）」，丁局不合格',
    g: one('并列的落选者占用以下等次的名额', 'bands:\n  - {name: 优秀, atLeast: 80, quota: {count: 1}}\n  - {name: 良好, atLeast: 70, quota: {count: 1}}\n  - {name: 合格, atLeast: 60, quota: {count: 1}}\n  - {name: 不合格}\n', [['甲局', 95], ['乙局', 95], ['丙局', 95], ['丁局', 90]]),
    says: { exit: 1, 甲局: { band: '待定（优秀、良好或合格）' }, 乙局: { band: '待定（优秀、良好或合格）' }, 丙局: { band: '待定（优秀、良好或合格）' }, 丁局: { band: '不合格' } },
  },
  {
    quote: 'bottom…例：优秀 90 分以上、良好 80 分以上、其余达标、后 1 名诫勉，甲局 95 分，乙局、丙局同为 85 分：乙局、丙局都是「待定（良好或诫勉）」',
    g: one('后几名的并列', 'bands:\n  - {name: 优秀, atLeast: 90}\n  - {name: 良好, atLeast: 80}\n  - {name: 达标}\n  - {name: 诫勉, bottom: 1}\n', [['甲局', 95], ['乙局', 85], ['丙局', 85]]),
    says: { exit: 1, 甲局: { band: '优秀' }, 乙局: { band: '待定（良好或诫勉）' }, 丙局: { band: '待定（良好或诫勉）' } },
  },
  {
    quote: 'bottom…并列的单位按分数本来就归入最后一个等次（低于它前面等次的下限）时，不是需要决定的并列，直接归入',
    g: one('后几名的并列（本来就在最后一个等次）', 'bands:\n  - {name: 先进, atLeast: 90}\n  - {name: 达标, atLeast: 60}\n  - {name: 诫勉, bottom: 2}\n', [['甲局', 95], ['乙局', 50], ['丙局', 50], ['丁局', 40]]),
    says: { exit: 0, 乙局: { band: '诫勉' }, 丙局: { band: '诫勉' }, 丁局: { band: '诫勉' } },
  },
  ...[true, false].map((allFirst) => ({
    quote: `依次授予，一个单位最多一项…例：全县十佳 1 名写在前、类别先进 1 名写在后，乡镇一镇 98 分、二镇 90 分，部门一局 95 分、二局 91 分：一镇为全县十佳；类别先进乡镇为二镇，部门为一局。两项的顺序反过来写，则一镇、一局先得类别先进，全县十佳给二局（${allFirst ? '全县十佳在前' : '类别先进在前'}）`,
    g: book(`两种范围的荣誉（${allFirst ? '全县十佳在前' : '类别先进在前'}）`, `name: 荣誉\ncategories: [乡镇, 部门]\nbands:\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\nhonours:\n${allFirst ? '  - {name: 全县十佳, count: 1, scope: all}\n  - {name: 类别先进, count: 1}\n' : '  - {name: 类别先进, count: 1}\n  - {name: 全县十佳, count: 1, scope: all}\n'}`, [['A', '工作', 100]],
      [['一镇', '乡镇', 98], ['二镇', '乡镇', 90], ['一局', '部门', 95], ['二局', '部门', 91]]),
    says: allFirst ? { 一镇: { honour: '全县十佳' }, 二镇: { honour: '类别先进' }, 一局: { honour: '类别先进' }, 二局: { honour: '' } } : { 一镇: { honour: '类别先进' }, 二镇: { honour: '' }, 一局: { honour: '类别先进' }, 二局: { honour: '全县十佳' } },
  })),
  {
    quote: '等次待定的单位：没有 from 的荣誉只看名次…例：先进 1 名，甲局、乙局同为 95 分并列「待定（先进或合格）」，一等奖 1 名、二等奖 2 名：甲局、乙局都是「待定（一等奖或二等奖）」，90 分的丙局二等奖',
    g: one('等次待定的单位与荣誉', 'bands:\n  - {name: 先进, atLeast: 90, quota: {count: 1}}\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\n', [['甲局', 95], ['乙局', 95], ['丙局', 90], ['丁局', 85]], 'honours:\n  - {name: 一等奖, count: 1}\n  - {name: 二等奖, count: 2}\n'),
    says: { exit: 1, 甲局: { band: '待定（先进或合格）', honour: '待定（一等奖或二等奖）' }, 乙局: { honour: '待定（一等奖或二等奖）' }, 丙局: { honour: '二等奖' }, 丁局: { honour: '' } },
  },
  {
    quote: '是否参加评选尚未确定的单位…例：优秀 90 分以上、名额 2 个，先进单位 2 名 from: 优秀；甲局 98 分，乙局、丙局同为 92 分，丁局 80 分：乙局、丙局「待定（优秀或合格）」；甲局是先进单位；乙局、丙局荣誉「待定（先进单位）」',
    g: one('from 的荣誉与等次待定', 'bands:\n  - {name: 优秀, atLeast: 90, quota: {count: 2}}\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\n', [['甲局', 98], ['乙局', 92], ['丙局', 92], ['丁局', 80]], 'honours:\n  - {name: 先进单位, count: 2, from: 优秀}\n'),
    says: { exit: 1, 甲局: { band: '优秀', honour: '先进单位' }, 乙局: { band: '待定（优秀或合格）', honour: '待定（先进单位）' }, 丙局: { honour: '待定（先进单位）' }, 丁局: { honour: '' } },
  },
  {
    quote: '标记…按方案中 flags 的顺序列出…例：flags 先写报组织部（后 1 名）、再写约谈（后 2 名），甲局 90、乙局 80，丙局、丁局同为 70 分：丙局、丁局的「标记」都是「待定（报组织部）、约谈」',
    g: one('标记的顺序', 'bands:\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\n', [['甲局', 90], ['乙局', 80], ['丙局', 70], ['丁局', 70]], 'flags:\n  - {name: 报组织部, bottom: 1}\n  - {name: 约谈, bottom: 2}\n'),
    says: { exit: 1, 丙局: { flags: ['待定（报组织部）', '约谈'] }, 丁局: { flags: ['待定（报组织部）', '约谈'] }, 乙局: { flags: [] } },
  },
  {
    quote: '名额 quota: {min: 3}：至少 3 个：不限最多，达到分数线的都评上；不足 3 个时提示',
    g: one('至少几个', 'bands:\n  - {name: 先进, atLeast: 95, quota: {min: 3}}\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\n', [['甲局', 99], ['乙局', 98], ['丙局', 97], ['丁局', 96], ['戊局', 94]]),
    says: { exit: 0, 甲局: { band: '先进' }, 丁局: { band: '先进' }, 戊局: { band: '合格' } },
  },
  {
    quote: '单项奖…例：{name: 招商引资单项奖, on: 招商引资, count: 1}，部门中一局、二局的招商引资都是 18.50 分（最高），三局 17 分：一局、二局都得到招商引资单项奖',
    g: book('单项奖的并列', 'name: 单项奖\ncategories: [部门]\nbands:\n  - {name: 合格, atLeast: 60}\n  - {name: 不合格}\nawards:\n  - {name: 招商引资单项奖, on: 招商引资, count: 1}\n', [['A', '招商引资', 20], ['B', '其他', 80]],
      [['一局', '部门', 18.5, 70], ['二局', '部门', 18.5, 60], ['三局', '部门', 17, 75]]),
    says: { 一局: { awards: ['招商引资单项奖'] }, 二局: { awards: ['招商引资单项奖'] }, 三局: { awards: [] } },
  },
  {
    quote: '指标得分的条件…例：优秀 90 分以上，一局总分 95、满意率 55%：不能评为优秀，按分数为良好，标记「满意率低于60%」',
    g: book('满意率低于60%', 'name: 奇台式\ncategories: [部门]\nbands:\n  - {name: 优秀, atLeast: 90}\n  - {name: 良好, atLeast: 80}\n  - {name: 合格}\nconditions:\n  - {name: 满意率低于60%, on: G1, under: 60, percent: true, effects: [ineligible, flag]}\n', [['A', '工作', 90], ['G1', '群众满意率', 10, 'rate']],
      [['一局', '部门', 89.5, 55], ['二局', '部门', 85, 80], ['三局', '部门', 80, 60]]),
    says: { 一局: { total: '95.00', band: '良好', flags: ['满意率低于60%'] }, 二局: { total: '93.00', band: '优秀', flags: [] }, 三局: { total: '86.00', band: '良好', flags: [] } },
  },
];
