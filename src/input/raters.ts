import type { Rational } from '../core/rational.js';
import { error, type Diagnostic, type Where } from '../core/diagnostic.js';
import { didYouMean } from '../core/suggest.js';
import type { RawSheet } from '../core/raw-sheet.js';
import { methodOf } from '../engine/methods/index.js';
import { appliesTo, type Indicator, type IndicatorTree, type Unit } from '../engine/model.js';
import { notApplicable } from './collect-entries.js';
import { normalizeName, numberProblem, readNumber } from './cells.js';
import { isBlankRow, readTable, reportUnusedColumns, text, value, whereOf, type ColumnSpec } from './table.js';
import { unitOfRow, type Roster } from './roster.js';
import { UNIT_HEADERS } from './sheet-names.js';

export type Col = 'unit' | 'code' | 'rater' | 'score' | 'group';

export const COLUMNS: ColumnSpec<Col>[] = [
  { key: 'unit', names: [...UNIT_HEADERS, '被评单位'], required: true },
  { key: 'code', names: ['指标编码', '编码', '指标'], required: true },
  { key: 'rater', names: ['评分人', '评议人', '评委'], required: true },
  { key: 'score', names: ['分数', '得分', '评分'], required: true },
  { key: 'group', names: ['评分组', '评议组', '组别'], required: false },
];

/** Every rater's score by unit and leaf; for leaves with rater groups (分组), each score's group, in the same order. */
export interface RaterData {
  scores: Map<Unit, Map<string, Rational[]>>;
  groups: Map<Unit, Map<string, string[]>>;
}

export const noRaters = (): RaterData => ({ scores: new Map(), groups: new Map() });

/**
 * The 评议 sheet: one row per rater's score of a unit on a `raters` leaf. A rater scoring the
 * same unit and leaf twice is an error: which score counts is not ours to guess.
 */
/** `scope`: the leaves this sheet is for (a period's 评议 holds the leaves of the parts scored per period). */
export function readRaters(sheet: RawSheet, tree: IndicatorTree, roster: Roster, diagnostics: Diagnostic[], scope?: ReadonlySet<string>): RaterData {
  const data = noRaters();
  const table = readTable(sheet, COLUMNS, diagnostics);
  if (!table) return data;
  reportUnusedColumns(table, COLUMNS, diagnostics);
  const seen = new Map<string, number>();
  const raterLeaves = tree.leaves.filter((l) => methodOf(l).sheet === 'raters').map((l) => l.code);
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const written = text(table, row, 'unit');
    const code = normalizeName(text(table, row, 'code'));
    const rater = normalizeName(text(table, row, 'rater'));
    const unit = unitOfRow(roster, written, whereOf(table, row, 'unit'), sheet.name, '该评分', diagnostics);
    if (!unit) continue;
    const leaf = tree.byCode.get(code);
    if (!leaf || methodOf(leaf).sheet !== 'raters') {
      diagnostics.push(error('E_RATER_CODE', whereOf(table, row, 'code'), `指标编码「${code}」不是评议（raters）指标。`,
        didYouMean(code, raterLeaves) ?? `评议指标：${raterLeaves.join('、') || '无'}`));
      continue;
    }
    if (scope && !scope.has(code)) {
      diagnostics.push(error('E_RATER_ELSEWHERE', whereOf(table, row, 'code'), `指标「${code}」不在「${sheet.name}」对应的期次计分，这条评分无法计入。`,
        '分期计分的指标，评分填在对应期次的「评议（期次）」中；不分期的填在「评议」中。'));
      continue;
    }
    if (!appliesTo(leaf, unit.category)) {
      diagnostics.push(notApplicable(leaf, unit, whereOf(table, row, 'code'), '（评议）未计入'));
      continue;
    }
    if (rater === '') {
      diagnostics.push(error('E_EMPTY_CELL', whereOf(table, row, 'rater'), '评议表缺少评分人。', '请填写评分人（可用编号代替姓名）。'));
      continue;
    }
    const key = `${unit.name}\u0000${code}\u0000${rater}`;
    if (seen.has(key)) {
      diagnostics.push(error('E_RATER_TWICE', whereOf(table, row, 'rater'), `评分人「${rater}」对单位「${unit.name}」指标「${code}」评了两次（另见第 ${seen.get(key)} 行）。`));
      continue;
    }
    seen.set(key, row.number);
    const n = readNumber(value(table, row, 'score'));
    if (!n.ok || n.value.isNegative() || n.value.gt(leaf.points)) {
      const message = n.ok ? `分数 ${n.value.toString()} 不在 0 到 ${leaf.points.toString()} 之间` : numberProblem(n).message;
      diagnostics.push(error(n.ok ? 'E_ABOVE_MAX' : 'E_NOT_A_NUMBER', whereOf(table, row, 'score'), `评分人「${rater}」对单位「${unit.name}」指标「${code}」的评分有误：${message}。`));
      continue;
    }
    const group = groupOf(normalizeName(text(table, row, 'group')), leaf, whereOf(table, row, 'group'), diagnostics);
    if (group === null) continue;
    const push = <T>(map: Map<Unit, Map<string, T[]>>, item: T): void => {
      const byCode = map.get(unit) ?? new Map<string, T[]>();
      map.set(unit, byCode);
      byCode.set(code, [...(byCode.get(code) ?? []), item]);
    };
    push(data.scores, n.value);
    if (group !== undefined) push(data.groups, group);
  }
  tooFew(tree, data, { file: sheet.file, sheet: sheet.name }, diagnostics);
  return data;
}

/**
 * The group of a score where the leaf weighs rater groups (分组=领导:30、…): one of its groups, or
 * null after an error. Undefined where the leaf has none (and the cell is blank).
 */
function groupOf(written: string, leaf: Indicator, where: Where, diagnostics: Diagnostic[]): string | undefined | null {
  const groups = leaf.params.groups?.map((g) => g.name);
  if (!groups) {
    if (written === '') return undefined;
    diagnostics.push(error('E_RATER_GROUP', where, `指标「${leaf.code}」的评议不分组，「评分组」应空着，现为「${written}」。`, '分组计分的指标在参数中写「分组=领导:30、服务对象:30、公众:40」。'));
    return null;
  }
  if (groups.includes(written)) return written;
  diagnostics.push(error('E_RATER_GROUP', where, written === '' ? `指标「${leaf.code}」按评分组计分，这条评分没有填写评分组。` : `评分组「${written}」不是指标「${leaf.code}」的评分组。`,
    didYouMean(written, groups) ?? `评分组：${groups.join('、')}`));
  return null;
}

/** 去掉最高最低分 needs three scores: of the leaf, or of each group where it has groups. */
function tooFew(tree: IndicatorTree, data: RaterData, where: Where, diagnostics: Diagnostic[]): void {
  for (const leaf of tree.leaves.filter((l) => methodOf(l).sheet === 'raters' && l.params.trim)) {
    for (const [unit, byCode] of data.scores) {
      const scores = byCode.get(leaf.code) ?? [];
      const groups = data.groups.get(unit)?.get(leaf.code);
      for (const g of leaf.params.groups ?? [{ name: '' }]) {
        const n = groups ? groups.filter((x) => x === g.name).length : scores.length;
        const whose = g.name === '' ? '' : `评分组「${g.name}」`;
        if (n > 0 && n < 3) diagnostics.push(error('E_TOO_FEW_RATERS', where, `单位「${unit.name}」指标「${leaf.code}」${whose}只有 ${n} 个评分，去掉最高最低分至少需要 3 个。`));
      }
    }
  }
}
