import { error, warning, type Diagnostic, type Where } from '../core/diagnostic.js';
import type { Rational } from '../core/rational.js';
import { didYouMean } from '../core/suggest.js';
import type { RawSheet } from '../core/raw-sheet.js';
import { targetOf } from '../engine/rules.js';
import { appliesTo, type Indicator, type IndicatorTree, type UnitEntries } from '../engine/model.js';
import type { Scheme } from '../scheme/schema.js';
import { cellText, isBlank, normalizeName, numberProblem, readNumber } from './cells.js';
import { notApplicable } from './collect-entries.js';
import type { Roster } from './roster.js';
import { SHEETS } from './sheet-names.js';
import { readWide, type Cell } from './wide-sheet.js';

/** Units named in one W_SELF_MISSING line before the rest are counted. */
const NAMED = 10;

/**
 * 先自评、牵头部门审核 (004; docs/domain.md「评分方法」): reads the 自评 sheet (one row per unit, one
 * column per leaf, the points each unit proposes for itself) onto the units' entries. Nothing here
 * counts; a unit that has not self-assessed a leaf the scheme's `selfAssessment` asks for is
 * reported. `schemeWhere`: where the scheme writes `selfAssessment`, for a wrong `on`.
 */
export function readSelfAssessment(sheet: RawSheet | undefined, scheme: Scheme, tree: IndicatorTree, roster: Roster,
  entries: readonly UnitEntries[], schemeWhere: Where, diagnostics: Diagnostic[]): void {
  const byUnit = new Map(entries.map((e) => [e.unit, e]));
  const rows = sheet ? readWide(sheet, tree, roster, diagnostics).rows : new Map<never, never>();
  for (const [unit, cells] of rows) {
    const e = byUnit.get(unit);
    for (const [code, cell] of cells) {
      const leaf = tree.byCode.get(code)!;
      if (isBlank(cell.value)) continue;
      if (!appliesTo(leaf, unit.category)) {
        diagnostics.push(notApplicable(leaf, unit, cell.where, '（自评）未列入自评对照'));
        continue;
      }
      const value = selfPoints(leaf, cell, unit.name, diagnostics);
      if (value !== undefined && e) (e.selfAssessed ??= new Map()).set(code, value);
    }
  }
  if (!scheme.selfAssessment) return;
  const required = requiredLeaves(scheme.selfAssessment.on, tree, schemeWhere, diagnostics);
  if (!sheet) {
    diagnostics.push(warning('W_SELF_MISSING', { file: [...new Set(roster.units.map((u) => u.source.file))].join('、') },
      `方案要求各单位自评（selfAssessment），但没有「${SHEETS.selfAssessed[0]}」工作表。`, selfHint()));
    return;
  }
  const lacking = entries.flatMap((e) => {
    const codes = required.filter((l) => appliesTo(l, e.unit.category) && !e.selfAssessed?.has(l.code)).map((l) => l.code);
    return codes.length > 0 ? [{ e, codes }] : [];
  });
  for (const { e, codes } of lacking.slice(0, NAMED)) {
    const where = rows.get(e.unit)?.get(codes[0]!)?.where ?? { file: sheet.file, sheet: sheet.name };
    diagnostics.push(warning('W_SELF_MISSING', where, `单位「${e.unit.name}」没有填写指标 ${codes.join('、')} 的自评分。`, selfHint()));
  }
  if (lacking.length > NAMED) {
    diagnostics.push(warning('W_SELF_MISSING', { file: sheet.file, sheet: sheet.name }, `另有 ${lacking.length - NAMED} 个单位缺少自评分：${lacking.slice(NAMED).map((x) => x.e.unit.name).join('、')}。`, selfHint()));
  }
}

function selfHint(): string {
  return `自评分填在「${SHEETS.selfAssessed[0]}」表中（每个单位一行、每个指标一列），只作对照，不计入总分。`;
}

/** A 自评分: a number from 0 to the leaf's points; a problem is an error at its cell. */
function selfPoints(leaf: Indicator, cell: Cell, unitName: string, diagnostics: Diagnostic[]): Rational | undefined {
  const n = readNumber(cell.value);
  const fail = (found: string, hint?: string): undefined => {
    diagnostics.push(error('E_SELF_VALUE', cell.where, `单位「${unitName}」指标「${leaf.code}」的自评分应为 0 到 ${leaf.points.toString()} 之间的数，${found}。`, hint));
    return undefined;
  };
  if (!n.ok) return fail(`现为「${cellText(cell.value)}」`, numberProblem(n).hint);
  if (n.value.isNegative() || n.value.gt(leaf.points)) return fail(`现为 ${n.value.toString()}`);
  if (n.normalised !== undefined) diagnostics.push(warning('W_NUMBER_AS_TEXT', cell.where, `「${n.normalised}」是文本，按数字 ${n.value.toString()} 计。`));
  return n.value;
}

/** The leaves `selfAssessment.on` names (parts by name or code, leaves by code); every leaf when it names none. */
export function requiredLeaves(on: readonly string[] | undefined, tree: IndicatorTree, where: Where, diagnostics: Diagnostic[]): Indicator[] {
  if (on === undefined) return tree.leaves;
  const codes = new Set<string>();
  on.forEach((name, i) => {
    const target = targetOf(tree, name);
    if (!target) {
      diagnostics.push(error('E_SCHEME_TARGET', { ...where, path: `selfAssessment.on[${i}]` }, `方案 selfAssessment 的 on 中「${name}」不是一级指标，也不是末级指标的编码。`,
        didYouMean(normalizeName(name), [...tree.parts, ...tree.leaves.map((l) => l.code)]) ?? `一级指标：${tree.parts.join('、')}`));
    } else if (target.kind === 'leaf') codes.add(target.code);
    else for (const l of tree.leaves.filter((x) => x.path[0] === target.name)) codes.add(l.code);
  });
  return tree.leaves.filter((l) => codes.has(l.code));
}
