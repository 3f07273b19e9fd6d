import { excelSheetName, SHEET_NAME_MAX } from '../core/excel-text.js';

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
  selfAssessed: ['自评', '自评表', '自评分'],
} as const;

export type SheetRole = keyof typeof SHEETS;

/**
 * Headers of the column naming the assessed, in every sheet that has one: 单位名称 as written, and
 * 项目名称 where the scheme's unitNoun is 项目 (002 预算绩效; the forms are written so).
 */
export const UNIT_HEADERS = ['单位名称', '单位', '考核对象', '项目名称'] as const;

/** The name column's header a form is written with: the scheme's noun where the readers know it (项目名称), else 单位名称. */
export function unitHeader(noun: string): string {
  const header = `${noun}名称`;
  return (UNIT_HEADERS as readonly string[]).includes(header) ? header : UNIT_HEADERS[0];
}

/** Sheets our own 通报 workbook writes; reading one back is not an unknown sheet. */
export const OUTPUT_SHEETS = ['排名', '附件', '指标得分', '扣分明细', '加减分核算', '问题', '说明', '变更', '记录', '自评对照'];

/** Sheets that a period (期次) may have of its own: 得分表（中期）, 目标值（中期）… */
export const PERIOD_ROLES: readonly SheetRole[] = ['scores', 'targets', 'deductions', 'raters'];

/** The longest base a period sheet has (扣分明细), with its brackets （）. */
const LONGEST_PERIOD_BASE = Math.max(...PERIOD_ROLES.map((r) => SHEETS[r][0].length)) + 2;

/**
 * Each period's text in sheet names (得分表（上半年／中期）): made acceptable to Excel, short
 * enough for the longest base, and distinct from every earlier period's (a number added), so
 * two periods never share a sheet. Depends only on the scheme's periods, in their order.
 */
export function periodSuffixes(periods: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const room = SHEET_NAME_MAX - LONGEST_PERIOD_BASE;
  for (const period of periods) {
    let suffix = excelSheetName(period, room);
    for (let n = 2; taken.has(suffix.toLowerCase()); n++) suffix = `${excelSheetName(period, room - String(n).length)}${n}`;
    taken.add(suffix.toLowerCase());
    out.set(period, suffix);
  }
  return out;
}

/** The name of a period's sheet of `role` ('' is the whole year's): 得分表, 得分表（中期）. */
export function periodSheetName(role: SheetRole, period: string, periods: readonly string[]): string {
  return period === '' ? SHEETS[role][0] : `${SHEETS[role][0]}（${periodSuffixes(periods).get(period) ?? excelSheetName(period)}）`;
}
