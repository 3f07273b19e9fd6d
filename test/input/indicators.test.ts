import { D } from '../../src/core/decimal.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { CellValue, RawSheet } from '../../src/io/raw-sheet.js';
import { checkPoints } from '../../src/input/check-points.js';
import { parseIndicators } from '../../src/input/parse-indicators.js';

function sheet(rows: CellValue[][]): RawSheet {
  return { file: 'x.xlsx', name: '指标体系', rows: rows.map((values, i) => ({ number: i + 1, values })) };
}

const HEAD: CellValue[] = ['编码', '一级指标', '二级指标', '三级指标', '分值', '评分方法', '参数', '牵头部门', '适用类别'];

describe('parseIndicators', () => {
  it('builds the tree, taking blank higher-level names from the row above', () => {
    const d: Diagnostic[] = [];
    const tree = parseIndicators(sheet([
      ['指标体系（标题行）'], HEAD,
      ['A', '健全组织', null, null, 10], ['A1', null, '领导小组', null, 6, 'direct'], ['A2', null, '制度', null, 4, '扣分制'],
      ['B', '网上绩效', null, null, 90], ['B1', null, '覆盖', null, 90, 'ratio', '目标值=40'],
    ]), ['乡镇'], d)!;
    expect(d).toEqual([]);
    expect(tree.roots.map((r) => r.children.map((c) => [c.code, c.path.join('/'), c.method]))).toEqual([
      [['A1', '健全组织/领导小组', 'direct'], ['A2', '健全组织/制度', 'deduct']],
      [['B1', '网上绩效/覆盖', 'ratio']],
    ]);
    expect(tree.byCode.get('B1')?.target?.toString()).toBe('40');
    expect(checkPoints(tree, ['乡镇'], new D(100))).toEqual([]);
  });

  it('names the rows whose points do not add up', () => {
    const d: Diagnostic[] = [];
    const tree = parseIndicators(sheet([HEAD, ['A', '甲', null, null, 10], ['A1', '甲', '子一', null, 6], ['A2', '甲', '子二', null, 5]]), ['乡镇'], d)!;
    const problems = checkPoints(tree, ['乡镇'], new D(100));
    expect(problems.map((p) => [p.code, p.where.cell])).toEqual([['E_POINTS_TOTAL', 'A2'], ['E_POINTS_CHILDREN', 'A2']]);
    expect(problems[1]?.message).toContain('合计 11');
    expect(problems[1]?.hint).toContain('A1 6（指标体系!A3）');
  });

  it('checks the points per category when indicators apply to some categories only', () => {
    const d: Diagnostic[] = [];
    const tree = parseIndicators(sheet([
      HEAD, ['A', '甲', null, null, 100], ['A1', '甲', '乡镇项', null, 100, null, null, null, '乡镇'], ['A2', '甲', '部门项', null, 100, null, null, null, '部门'],
    ]), ['乡镇', '部门'], d)!;
    expect(d).toEqual([]);
    expect(checkPoints(tree, ['乡镇', '部门'], new D(100))).toEqual([]);
  });

  it('reports unknown methods, duplicate codes, missing parents and bad points together', () => {
    const d: Diagnostic[] = [];
    parseIndicators(sheet([
      HEAD, ['B1', null, null, '孤儿', 5], ['A', '甲', null, null, 10], ['A1', '甲', '子一', null, 5], ['A1', '甲', '子二', null, 5],
      ['A2', '甲', '子三', null, 5, '打星'], ['C', '丙', null, null, '十'],
    ]), ['乡镇'], d);
    expect(d.map((x) => [x.code, x.where.cell])).toEqual([
      ['E_INDICATOR_NO_PARENT', 'B2'], ['E_INDICATOR_METHOD', 'F6'], ['E_INDICATOR_POINTS', 'E7'], ['E_INDICATOR_DUP_CODE', 'A5'],
    ]);
  });
});
