/** The sheet names of a score workbook (README, "工作簿的结构"). The first name is the one we write. */
export const SHEETS = {
  scheme: ['方案'],
  indicators: ['指标体系', '指标'],
  roster: ['单位名单', '单位', '考核对象'],
  scores: ['得分表', '得分', '评分表'],
  targets: ['目标值', '目标'],
  deductions: ['扣分明细', '扣分'],
  vetoes: ['一票否决', '否决事项', '否决'],
  raters: ['评议', '评议打分', '测评'],
  adjustments: ['加减分', '加减分明细', '加分减分'],
  decisions: ['决定', '人工决定', '研究决定'],
} as const;

export type SheetRole = keyof typeof SHEETS;

/** Sheets our own 通报 workbook writes; reading one back is not an unknown sheet. */
export const OUTPUT_SHEETS = ['排名', '附件', '指标得分', '扣分明细', '加减分核算', '问题', '说明', '变更', '记录'];

/** Sheets that a period (期次) may have of its own: 得分表（中期）, 目标值（中期）… */
export const PERIOD_ROLES: readonly SheetRole[] = ['scores', 'targets', 'deductions', 'raters'];
