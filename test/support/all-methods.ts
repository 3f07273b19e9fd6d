import path from 'node:path';
import { tempDir } from './cli.js';
import { writeBook, type Rows } from './workbook.js';

/**
 * A small workbook with every scoring method, two categories, a leaf for each category only,
 * three lead departments (one with a slash in its name), adjustments and vetoes: what template
 * and merge must handle beyond the samples.
 */
export const SCHEME = `name: 全方法考核
year: 2026
fullMarks: 100
categories: [乡镇, 部门]
adjustments:
  bonus:
    items:
      - name: 表彰
        points: 2
vetoes:
  - name: 安全生产
    effect: fail
bands:
  - name: 优秀
    atLeast: 80
  - name: 合格
`;

export const INDICATORS: Rows = [
  ['编码', '一级指标', '二级指标', '分值', '评分方法', '参数', '牵头部门', '适用类别'],
  ['A', '工作实绩', null, 100, null, null, '考评办', null],
  ['A1', '工作实绩', '乡镇重点工作', 20, 'direct', null, '组织部', '乡镇'],
  ['A10', '工作实绩', '部门重点工作', 20, 'direct', null, '组织部', '部门'],
  ['A2', '工作实绩', '作风纪律', 10, 'deduct', null, '纪委', null],
  ['A3', '工作实绩', '任务完成', 10, 'ratio', '目标值=100', '统计局/调查队', null],
  ['A4', '工作实绩', '能耗', 10, 'inverse', null, '统计局/调查队', null],
  ['A5', '工作实绩', '廉政建设', 10, 'pass', null, '组织部', null],
  ['A6', '工作实绩', '专项工作', 10, 'grade', '等级=优秀:10、良好:8、一般:6', '组织部', null],
  ['A7', '工作实绩', '满意率', 10, 'rate', null, '统计局/调查队', null],
  ['A8', '工作实绩', '行业位次', 10, 'rank', '步长=1', '统计局/调查队', null],
  ['A9', '工作实绩', '民主测评', 10, 'raters', null, '纪委', null],
];

export const ROSTER: Rows = [['单位名称', '类别', '简称'], ['甲镇', '乡镇', null], ['乙镇', '乡镇', null], ['丙局', '部门', null], ['丁局', '部门', null]];

/** A workbook with the scheme, indicators and roster only: what `template` starts from. */
export async function allMethodsBook(dir = tempDir(), extra: Record<string, Rows | string> = {}): Promise<string> {
  return writeBook(path.join(dir, 'annual.xlsx'), { 方案: SCHEME, 指标体系: INDICATORS, 单位名单: ROSTER, ...extra });
}

/** The same data entered directly, for comparing merged results with. */
export const ENTRIES: Record<string, Rows> = {
  得分表: [
    ['单位名称', '类别', 'A1', 'A10', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'],
    ['甲镇', '乡镇', 18, null, 90, 12, '达标', '优秀', 95, 1],
    ['乙镇', '乡镇', 15, null, 110, 10, '未达标', '良好', 80, 2],
    ['丙局', '部门', null, 19, 100, 8, '达标', '一般', 88, 1],
    ['丁局', '部门', null, 12.5, 60, 20, '达标', '良好', 70, 2],
  ],
  目标值: [['单位名称', '类别', 'A3', 'A4'], ['甲镇', '乡镇', null, 10], ['乙镇', '乡镇', null, 10], ['丙局', '部门', null, 10], ['丁局', '部门', 80, 10]],
  扣分明细: [['单位名称', '指标编码', '扣分', '扣分原因', '依据'], ['乙镇', 'A2', 2, '会议迟到', null], ['丁局', 'A2', 1.5, '材料迟报', null]],
  评议: [['单位名称', '指标编码', '评分人', '分数'], ['甲镇', 'A9', '评委1', 9], ['甲镇', 'A9', '评委2', 8], ['乙镇', 'A9', '评委1', 7], ['丙局', 'A9', '评委1', 10], ['丁局', 'A9', '评委1', 6]],
  加减分: [['单位名称', '类型', '项目', '分值', '事由', '依据'], ['甲镇', '加分', '表彰', null, '省级表彰', '省委〔2026〕1号']],
  一票否决: [['单位名称', '否决事项', '说明'], ['丁局', '安全生产', '发生较大事故']],
};
