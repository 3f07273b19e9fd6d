import { error, type Diagnostic } from '../core/diagnostic.js';
import { didYouMean } from '../core/suggest.js';
import type { RawSheet } from '../core/raw-sheet.js';
import type { Indicator, IndicatorTree } from '../engine/model.js';
import { allMethods, methodByWord, methodWords } from '../engine/methods/index.js';
import { readParams } from './leaf-params.js';
import { normalizeLabel, normalizeName, numberProblem, readNumber } from './cells.js';
import { readTable, splitList, text, value, whereOf, type ColumnSpec, type Table } from './table.js';

type Col = 'code' | 'l1' | 'l2' | 'l3' | 'points' | 'method' | 'params' | 'department' | 'categories' | 'standard';

const COLUMNS: ColumnSpec<Col>[] = [
  { key: 'code', names: ['编码', '指标编码', '代码', '指标代码'], required: true },
  { key: 'l1', names: ['一级指标', '一级'], required: true },
  { key: 'l2', names: ['二级指标', '二级'], required: false },
  { key: 'l3', names: ['三级指标', '三级'], required: false },
  { key: 'points', names: ['分值', '分数', '满分'], required: true },
  { key: 'method', names: ['评分方法', '计分方法', '方法'], required: false },
  { key: 'params', names: ['参数', '方法参数', '评分参数'], required: false },
  { key: 'department', names: ['牵头部门', '考核部门', '牵头考核部门'], required: false },
  { key: 'categories', names: ['适用类别', '适用对象', '类别'], required: false },
  { key: 'standard', names: ['评分标准', '考核内容', '说明', '备注'], required: false },
];

const LEVELS: Col[] = ['l1', 'l2', 'l3'];

interface Row {
  indicator: Indicator;
  depth: number;
}

/**
 * Reads the 指标体系 sheet into a tree. A row is a node at the deepest level whose name it gives;
 * a blank higher-level name is taken from the row above (the cell a merged range would cover).
 */
export function parseIndicators(sheet: RawSheet, categories: readonly string[], diagnostics: Diagnostic[]): IndicatorTree | undefined {
  const table = readTable(sheet, COLUMNS, diagnostics);
  if (!table) return undefined;
  const rows: Row[] = [];
  let above: string[] = [];
  for (const raw of table.rows) {
    const names = LEVELS.map((l) => normalizeName(text(table, raw, l)));
    const depth = names.reduce((d, n, i) => (n !== '' ? i + 1 : d), 0);
    const code = normalizeName(text(table, raw, 'code'));
    if (depth === 0) {
      if (code !== '' || text(table, raw, 'points') !== '') {
        diagnostics.push(error('E_INDICATOR_NO_NAME', whereOf(table, raw, 'l1'), `指标「${code}」没有填写指标名称。`, '请填写一级（及二级、三级）指标名称。'));
      }
      continue;
    }
    const path = names.slice(0, depth).map((n, i) => (n !== '' ? n : (above[i] ?? '')));
    const missing = path.findIndex((n) => n === '');
    if (missing >= 0) {
      diagnostics.push(error('E_INDICATOR_NO_PARENT', whereOf(table, raw, LEVELS[missing]!), `指标「${path.join('/')}」缺少${['一', '二', '三'][missing]}级指标名称，上方也没有可沿用的。`));
      continue;
    }
    above = path;
    const indicator = readRow(table, raw, code, path, categories, diagnostics);
    if (indicator) rows.push({ indicator, depth });
  }
  return buildTree(rows, diagnostics);
}

function readRow(table: Table<Col>, raw: Table<Col>['rows'][number], code: string, path: string[], categories: readonly string[], diagnostics: Diagnostic[]): Indicator | undefined {
  const source = whereOf(table, raw, 'code');
  const pointsCell = readNumber(value(table, raw, 'points'));
  if (!pointsCell.ok) {
    const p = numberProblem(pointsCell);
    diagnostics.push(error('E_INDICATOR_POINTS', whereOf(table, raw, 'points'), `指标「${path.join('/')}」的分值有误：${p.message}。`, p.hint));
    return undefined;
  }
  if (pointsCell.value.lte(0)) {
    diagnostics.push(error('E_INDICATOR_POINTS', whereOf(table, raw, 'points'), `指标「${path.join('/')}」的分值应大于 0，现为 ${pointsCell.value.toString()}。`));
    return undefined;
  }
  const methodText = normalizeLabel(text(table, raw, 'method'));
  const method = methodText === '' ? 'direct' : methodByWord(methodText);
  if (method === undefined) {
    diagnostics.push(error('E_INDICATOR_METHOD', whereOf(table, raw, 'method'), `指标「${code || path.join('/')}」的评分方法「${methodText}」无法识别。`,
      `可用的评分方法：${allMethods().map((m) => `${m.name}（${m.title}）`).join('、')}。${didYouMean(methodText, methodWords()) ?? ''}`));
    return undefined;
  }
  const indicator: Indicator = {
    code, path, level: path.length, points: pointsCell.value, method, params: {},
    department: text(table, raw, 'department'), children: [], source,
  };
  const cats = splitList(text(table, raw, 'categories')).map(normalizeName);
  if (cats.length > 0 && !(cats.length === 1 && (cats[0] === '全部' || cats[0] === '所有'))) {
    for (const c of cats.filter((c) => !categories.includes(c))) {
      diagnostics.push(error('E_INDICATOR_CATEGORY', whereOf(table, raw, 'categories'), `指标「${code}」的适用类别「${c}」不在方案的类别中。`,
        didYouMean(c, categories) ?? `方案的类别：${categories.join('、')}`));
    }
    indicator.categories = cats;
  }
  indicator.params = readParams(text(table, raw, 'params'), indicator, whereOf(table, raw, 'params'), diagnostics);
  return indicator;
}

function overlaps(a: Indicator, b: Indicator): boolean {
  return a.categories === undefined || b.categories === undefined || a.categories.some((c) => b.categories!.includes(c));
}

function buildTree(rows: Row[], diagnostics: Diagnostic[]): IndicatorTree {
  const roots: Indicator[] = [];
  const byPath = new Map<string, Indicator>();
  const seen = new Map<string, Indicator[]>();
  for (const { indicator, depth } of rows) {
    const key = indicator.path.join('\u0000');
    const parent = depth === 1 ? undefined : byPath.get(indicator.path.slice(0, -1).join('\u0000'));
    if (depth > 1 && !parent) {
      diagnostics.push(error('E_INDICATOR_NO_PARENT', indicator.source, `指标「${indicator.path.join('/')}」的上级指标「${indicator.path.slice(0, -1).join('/')}」没有单独的一行。`,
        '请在它上方加一行上级指标，填写上级指标的分值。'));
      continue;
    }
    if (indicator.categories === undefined && parent?.categories !== undefined) indicator.categories = parent.categories;
    // The same name may stand for each category group with its own points (002 正定: 指标评估
    // 乡镇 90, 部门 60, 古城 70), but not twice for one category.
    const dup = (seen.get(key) ?? []).find((other) => overlaps(other, indicator));
    if (dup) {
      diagnostics.push(error('E_INDICATOR_DUPLICATE', indicator.source, `指标「${indicator.path.join('/')}」出现了两次（另见 ${dup.source.sheet}!${dup.source.cell}）。`,
        '同名指标只能分别适用于不同的类别（在「适用类别」中注明）。'));
      continue;
    }
    seen.set(key, [...(seen.get(key) ?? []), indicator]);
    byPath.set(key, indicator);
    if (parent) parent.children.push(indicator);
    else roots.push(indicator);
  }
  const leaves: Indicator[] = [];
  const byCode = new Map<string, Indicator>();
  const visit = (node: Indicator): void => {
    if (node.code !== '') {
      const other = byCode.get(node.code);
      if (other) diagnostics.push(error('E_INDICATOR_DUP_CODE', node.source, `指标编码「${node.code}」重复（另见 ${other.source.sheet}!${other.source.cell}）。`));
      else byCode.set(node.code, node);
    }
    if (node.children.length === 0) {
      if (node.code === '') diagnostics.push(error('E_INDICATOR_NO_CODE', node.source, `末级指标「${node.path.join('/')}」没有编码，得分表无法对应到它。`));
      leaves.push(node);
    }
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return { roots, parts: [...new Set(roots.map((r) => r.path[0]!))], leaves, byCode };
}
