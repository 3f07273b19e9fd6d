import { Rational } from '../../src/core/rational.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { CellValue, RawSheet } from '../../src/core/raw-sheet.js';
import { checkPoints } from '../../src/input/check-points.js';
import { parseIndicators } from '../../src/input/parse-indicators.js';

function sheet(rows: CellValue[][]): RawSheet {
  return { file: 'x.xlsx', name: '指标体系', rows: rows.map((values, i) => ({ number: i + 1, values })) };
}

const AT = { file: 'x.xlsx', sheet: '指标体系' };
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
    expect(tree.byCode.get('B1')?.params.target?.toString()).toBe('40');
    expect(checkPoints(tree, { categories: ['乡镇'], components: [] }, Rational.of(100), AT)).toEqual([]);
  });

  it('reads each method\'s parameters, and reports a missing or misplaced one', () => {
    const d: Diagnostic[] = [];
    const tree = parseIndicators(sheet([
      HEAD, ['A', '甲', null, null, 100],
      ['A1', '甲', '专项', null, 10, '等级', '等级=优秀:10、良好:8-9、一般:5-6、差:0'],
      ['A2', '甲', '满意度', null, 30, 'rate', '档次=90:30、95:30、0:10'],
      ['A3', '甲', '位次', null, 10, '位次', '步长=0.5；最低=6'],
      ['A4', '甲', '评议', null, 10, '评议', '去掉最高最低分=是'],
      ['A5', '甲', '能耗', null, 10, 'inverse', '目标值=0.8'],
      ['A6', '甲', '任务', null, 10, 'ratio', '上限=12'],
      ['A7', '甲', '无参', null, 10, 'grade'],
      ['A8', '甲', '错放', null, 10, 'direct', '目标值=5'],
    ]), ['乡镇'], d)!;
    const p = (code: string) => tree.byCode.get(code)!.params;
    expect(p('A1').grades?.map((g) => [g.label, g.min.toString(), g.max.toString()])).toEqual([['优秀', '10', '10'], ['良好', '8', '9'], ['一般', '5', '6'], ['差', '0', '0']]);
    expect(p('A2').tiers?.map((t) => t.from.toString())).toEqual(['95', '90', '0']);
    expect([p('A3').step?.toString(), p('A3').floor?.toString()]).toEqual(['0.5', '6']);
    expect(p('A4').trim).toBe(true);
    expect(p('A5').target?.toString()).toBe('0.8');
    expect(p('A6').cap?.toString()).toBe('12');
    expect(d.map((x) => [x.code, x.where.cell, x.message])).toEqual([
      ['E_INDICATOR_PARAM', 'G9', '指标「A7」的参数有误：评分方法 grade 需要参数「等级」。'],
      ['E_INDICATOR_PARAM', 'G10', '指标「A8」的参数有误：评分方法 direct 不使用「目标值」。'],
    ]);
  });

  it('names the rows whose points do not add up', () => {
    const d: Diagnostic[] = [];
    const tree = parseIndicators(sheet([HEAD, ['A', '甲', null, null, 10], ['A1', '甲', '子一', null, 6], ['A2', '甲', '子二', null, 5]]), ['乡镇'], d)!;
    const problems = checkPoints(tree, { categories: ['乡镇'], components: [] }, Rational.of(100), AT);
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
    expect(checkPoints(tree, { categories: ['乡镇', '部门'], components: [] }, Rational.of(100), AT)).toEqual([]);
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
