import type { Rational } from '../core/rational.js';
import { CodeMap, NO_CODES, type CodeIndex } from '../core/code-map.js';
import { NumberSlab } from '../core/number-slab.js';
import { error, warning, type Diagnostic, type Where } from '../core/diagnostic.js';
import { allMethods, methodOf } from '../engine/methods/index.js';
import { appliesTo, type Indicator, type Unit, type UnitEntries } from '../engine/model.js';
import { SHEETS } from './sheet-names.js';
import { cellText, isBlank, normalizeLabel, readNumber } from './cells.js';
import type { DeductionData } from './deductions.js';
import type { RaterData } from './raters.js';
import { readLeafEntry } from './read-entry.js';
import type { Roster } from './roster.js';
import type { Cell, WideData } from './wide-sheet.js';

/**
 * Checks every entry against its leaf: present where required, a number, within [0, max] for
 * direct leaves, not negative for ratio. Each problem names its cell; all are collected.
 */
export function collectEntries(leaves: readonly Indicator[], codes: CodeIndex, roster: Roster, scores: WideData | undefined, targets: WideData | undefined,
  deductions: DeductionData, raters: RaterData, diagnostics: Diagnostic[]): UnitEntries[] {
  const out: UnitEntries[] = [];
  const slab = new NumberSlab(codes);
  const missing = scores ? missingColumns(leaves, roster, scores, diagnostics) : new Set<string>();
  // A sheet with no unit rows at all is one problem, not one per unit of the roster.
  const expected = roster.units.filter((u) => leaves.some((l) => appliesTo(l, u.category)));
  if (scores && scores.rows.size === 0 && expected.length > 0) {
    diagnostics.push(error('E_NO_SCORE_ROWS', scores.sheet, `「${scores.sheet.sheet}」中没有任何单位的得分行（名单中有 ${expected.length} 个单位）。`,
      '请在表头下方逐行填写各单位的名称和分数。'));
    return [];
  }
  // Each leaf's method, and which leaves apply to each category, found once rather than for each of a province's units.
  const methods = leaves.map(methodOf);
  const applying = new Map<string, boolean[]>();
  const appliesIn = (category: string): boolean[] => {
    let list = applying.get(category);
    if (!list) applying.set(category, (list = leaves.map((l) => appliesTo(l, category))));
    return list;
  };
  for (const unit of roster.units) {
    const applies = appliesIn(unit.category);
    // A unit with nothing to score here (部门 only in a quarter's 公众评估) needs no row; what it has is said.
    if (!applies.includes(true)) {
      unusedCells(leaves, unit, scores?.rows.get(unit), '未计分', diagnostics);
      unusedCells(leaves, unit, targets?.rows.get(unit), '（目标值）未使用', diagnostics);
      continue;
    }
    unusedTargets(leaves, unit, targets?.rows.get(unit), diagnostics);
    const cells = scores ? scores.rows.get(unit) : new Map<string, Cell>();
    if (!cells) {
      diagnostics.push(error('E_MISSING_UNIT_ROW', unit.source, `单位「${unit.name}」在「${scores?.sheet.sheet ?? '得分表'}」中没有得分行。`, '请在得分表中补上该单位，或在方案的 excluded 中注明不参与评比。'));
      continue;
    }
    const entries: UnitEntries = { unit, values: slab.table() ?? new CodeMap(codes), targets: NO_CODES, raters: raters.scores.get(unit) ?? NO_CODES, ...(raters.groups.has(unit) ? { raterGroups: raters.groups.get(unit)! } : {}), deductions: deductions.get(unit) ?? NO_CODES };
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i]!;
      const cell = cells.get(leaf.code);
      if (!applies[i]) {
        if (cell && !isBlank(cell.value)) diagnostics.push(notApplicable(leaf, unit, cell.where, '未计分'));
        continue;
      }
      const method = methods[i]!;
      if (method.sheet !== 'scores') {
        if (cell && !isBlank(cell.value)) diagnostics.push(notInScores(leaf, cell.where));
        if (method.sheet === 'raters' && !entries.raters.has(leaf.code) && leaf.params.missing) {
          (entries.missing ??= new Set()).add(leaf.code);
          continue;
        }
        for (const g of method.sheet === 'raters' && entries.raters.has(leaf.code) ? leaf.params.groups ?? [] : []) {
          if (!entries.raterGroups?.get(leaf.code)?.includes(g.name)) {
            diagnostics.push(error('E_NO_RATERS', unit.source, `单位「${unit.name}」指标「${leaf.code}」的评分组「${g.name}」没有评分。`, '请在「评议」表中填写该组对该单位的评分。'));
          }
        }
        if (method.sheet === 'raters' && !entries.raters.has(leaf.code)) {
          diagnostics.push(error('E_NO_RATERS', unit.source, `单位「${unit.name}」指标「${leaf.code}」没有任何评议分数。`, '请在「评议」表中填写该单位的评分。'));
        }
        continue;
      }
      if (missing.has(leaf.code) || !cell) continue;
      if (leaf.params.missing && isMissingMark(cell.value)) {
        (entries.missing ??= new Set()).add(leaf.code);
        continue;
      }
      const value = readLeafEntry(leaf, cell, unit.name, diagnostics);
      if (value === undefined) continue;
      entries.values.set(leaf.code, value);
      if (method.targets) {
        const target = readTarget(targets?.rows.get(unit)?.get(leaf.code), cell, leaf, unit.name, diagnostics);
        if (target !== undefined) (entries.targets === NO_CODES ? (entries.targets = new CodeMap(codes)) : entries.targets).set(leaf.code, target);
      }
    }
    allMissing(leaves, entries, diagnostics);
    out.push(entries);
  }
  attachPeers(leaves, out);
  return out;
}

/** Leaves scored against the peers: each unit gets the entries of every unit of its category. */
function attachPeers(leaves: readonly Indicator[], entries: UnitEntries[]): void {
  const scored = leaves.filter((l) => methodOf(l).peers === true);
  if (scored.length === 0) return;
  for (const category of new Set(entries.map((e) => e.unit.category))) {
    const group = entries.filter((e) => e.unit.category === category);
    const peers = new Map(scored.map((l) => [l.code, group.map((e) => e.values.get(l.code)).filter((v): v is Rational => v !== undefined)]));
    for (const e of group) e.peers = peers;
  }
}

/** 缺项 where the indicator allows it: a blank cell, or the word itself. */
export function isMissingMark(value: Cell['value']): boolean {
  return isBlank(value) || (typeof value === 'string' && normalizeLabel(value) === '缺项');
}

/** A part whose every leaf the unit has as 缺项 has nothing to rescale from. */
function allMissing(leaves: readonly Indicator[], entries: UnitEntries, diagnostics: Diagnostic[]): void {
  if (!entries.missing) return;
  const parts = new Set(leaves.filter((l) => entries.missing!.has(l.code)).map((l) => l.path[0]!));
  for (const part of parts) {
    const own = leaves.filter((l) => l.path[0] === part && appliesTo(l, entries.unit.category));
    if (own.every((l) => entries.missing!.has(l.code))) {
      diagnostics.push(error('E_ALL_MISSING', entries.unit.source, `单位「${entries.unit.name}」在「${part}」下的指标（${own.map((l) => l.code).join('、')}）全部缺项，无从折算。`,
        '缺项折算按其余指标的得分折算到满分；至少要有一项有分数。请核对是否确实全部缺项。'));
    }
  }
}

/** Filled cells of a unit none of whose leaves apply here. */
function unusedCells(leaves: readonly Indicator[], unit: Unit, cells: Map<string, Cell> | undefined, outcome: string, diagnostics: Diagnostic[]): void {
  for (const [code, cell] of cells ?? []) {
    const leaf = leaves.find((l) => l.code === code);
    if (leaf && !isBlank(cell.value)) diagnostics.push(notApplicable(leaf, unit, cell.where, outcome));
  }
}

/** A target typed for a leaf that takes none, or for a leaf the unit is not scored on: said, never silently unused. */
function unusedTargets(leaves: readonly Indicator[], unit: Unit, cells: Map<string, Cell> | undefined, diagnostics: Diagnostic[]): void {
  for (const [code, cell] of cells ?? []) {
    const leaf = leaves.find((l) => l.code === code);
    if (!leaf || isBlank(cell.value)) continue;
    if (!appliesTo(leaf, unit.category)) diagnostics.push(notApplicable(leaf, unit, cell.where, '（目标值）未使用'));
    else if (!methodOf(leaf).targets) {
      const targeted = allMethods().filter((m) => m.targets).map((m) => m.name).join('、');
      diagnostics.push(warning('W_TARGET_UNUSED', cell.where, `指标「${leaf.code}」不是按目标值计分（${targeted}）的指标，单位「${unit.name}」的目标值未使用。`,
        `只有 ${targeted} 指标使用目标值；请核对指标编码或评分方法。`));
    }
  }
}

/** Leaves that need an entry from some unit but have no column: one message per leaf, not per unit. */
function missingColumns(leaves: readonly Indicator[], roster: Roster, scores: WideData, diagnostics: Diagnostic[]): Set<string> {
  const missing = new Set<string>();
  for (const leaf of leaves) {
    if (methodOf(leaf).sheet !== 'scores' || scores.codes.has(leaf.code)) continue;
    if (!roster.units.some((u) => appliesTo(leaf, u.category))) continue;
    missing.add(leaf.code);
    diagnostics.push(error('E_MISSING_COLUMN', scores.sheet, `得分表中没有指标「${leaf.code} ${leaf.path.join('/')}」的列。`, `请在得分表表头加上「${leaf.code}」列。`));
  }
  return missing;
}

/**
 * The unit's target: its cell in 目标值, else the indicator's 目标值=… . Without either the
 * quotient does not exist: an error at the blank target cell, or at the unit's score cell when
 * 目标值 has no such cell, never a silent 0.
 */
function readTarget(cell: Cell | undefined, scoreCell: Cell, leaf: Indicator, unitName: string, diagnostics: Diagnostic[]): Rational | undefined {
  if (!cell || isBlank(cell.value)) {
    if (leaf.params.target !== undefined) return leaf.params.target;
    const method = methodOf(leaf).title;
    diagnostics.push(error('E_MISSING_TARGET', cell?.where ?? scoreCell.where, `单位「${unitName}」指标「${leaf.code}」按${method}计分，但没有目标值。`,
      `请在「${SHEETS.targets[0]}」表中填写该单位的目标值，或在指标体系的参数中写「目标值=…」作为各单位的目标值。`));
    return undefined;
  }
  return targetValue(cell, leaf.code, unitName, diagnostics);
}

/** A filled-in target: a number above 0, or an error at its cell (a ratio to 0 does not exist). */
export function targetValue(cell: Cell, code: string, unitName: string, diagnostics: Diagnostic[]): Rational | undefined {
  const n = readNumber(cell.value);
  if (!n.ok || n.value.lte(0)) {
    const found = n.ok && n.value.isZero() ? '现为 0，与 0 之比无从计算' : `现为「${cellText(cell.value)}」`;
    diagnostics.push(error('E_BAD_TARGET', cell.where, `单位「${unitName}」指标「${code}」的目标值应为大于 0 的数，${found}。`));
    return undefined;
  }
  return n.value;
}

/** A score typed for a leaf scored from another sheet (扣分明细, 评议). */
export function notInScores(leaf: Indicator, where: Where): Diagnostic {
  const from = SHEETS[methodOf(leaf).sheet][0];
  return error('E_NOT_IN_SCORES', where, `指标「${leaf.code}」的得分由「${from}」表计算，得分表中不应填写。`, `请把数据逐项填入「${from}」表，并清空此单元格。`);
}

/** A filled cell of a leaf the unit's category is not scored on; `outcome` says what became of it (未计分, 未合并). */
export function notApplicable(leaf: Indicator, unit: Unit, where: Where, outcome: string): Diagnostic {
  return warning('W_NOT_APPLICABLE', where, `指标「${leaf.code}」不适用于类别「${unit.category}」，单位「${unit.name}」的该项填写${outcome}。`);
}
