import { warning, type Diagnostic } from '../core/diagnostic.js';
import { codeIndexOf } from '../core/code-map.js';
import type { RawSheet } from '../core/raw-sheet.js';
import { methodOf } from '../engine/methods/index.js';
import { nameOf, type Indicator, type IndicatorTree, type UnitEntries } from '../engine/model.js';
import { componentFor, type Scheme } from '../scheme/schema.js';
import { collectEntries } from './collect-entries.js';
import { readDeductions } from './deductions.js';
import { missingSheet, type Found } from './find-sheets.js';
import { noRaters, readRaters } from './raters.js';
import type { Roster } from './roster.js';
import { periodSuffixes, SHEETS } from './sheet-names.js';
import { readWide } from './wide-sheet.js';

/** The leaves of the parts scored in `period` ('' for the parts scored once for the year). */
export function leavesOf(tree: IndicatorTree, scheme: Scheme, period: string): Indicator[] {
  const periodsOf = (root: Indicator): string[] => {
    const category = root.categories?.[0] ?? scheme.categories[0]!;
    return Object.keys(componentFor(scheme, nameOf(root), category)?.periods ?? {});
  };
  // A part's periods (components), else the leaf's own from the scheme's nodes; none: the year.
  const inScope = (periods: readonly string[]): boolean => (period === '' ? periods.length === 0 : periods.includes(period));
  const leaves: Indicator[] = [];
  const visit = (node: Indicator, part: string[]): void => {
    if (node.children.length > 0) return node.children.forEach((c) => visit(c, part));
    if (inScope(part.length > 0 ? part : (node.periods ?? []).map((p) => p.name))) leaves.push(node);
  };
  tree.roots.forEach((root) => visit(root, periodsOf(root)));
  return leaves;
}

/**
 * Entries for the year and for every period. Each period reads its own sheets (得分表（中期）…);
 * the year's entries carry the periods' entries of the same unit.
 */
export function collectAllPeriods(scheme: Scheme, tree: IndicatorTree, roster: Roster, found: Found, all: RawSheet[], diagnostics: Diagnostic[]): UnitEntries[] {
  const suffixes = periodSuffixes(scheme.periods);
  const collect = (period: string): UnitEntries[] | undefined => {
    const leaves = leavesOf(tree, scheme, period);
    const sheets = found.get(period) ?? {};
    if (period !== '' && leaves.length === 0) {
      for (const sheet of Object.values(sheets)) {
        diagnostics.push(warning('W_PERIOD_UNUSED', { file: sheet.file, sheet: sheet.name }, `方案中没有按期次「${period}」计分的部分，工作表「${sheet.name}」未读取。`,
          '分期计分的部分在方案的 components 中写 periods；请核对期次名称或删除该表。'));
      }
      return undefined;
    }
    const suffix = period === '' ? '' : `（${suffixes.get(period)}）`;
    if (!sheets.scores) {
      if (leaves.some((l) => methodOf(l).sheet === 'scores') || period !== '') {
        diagnostics.push(missingSheet('scores', { sheets: all }, period === '' ? '' : `分期计分的指标在「${SHEETS.scores[0]}${suffix}」中填写。`, suffix));
        return undefined;
      }
    }
    const codes = new Set(leaves.map((l) => l.code));
    const scores = sheets.scores ? readWide(sheets.scores, tree, roster, diagnostics, codes) : undefined;
    const targets = sheets.targets ? readWide(sheets.targets, tree, roster, diagnostics, codes) : undefined;
    const deductions = sheets.deductions ? readDeductions(sheets.deductions, tree, roster, diagnostics, codes) : new Map();
    const raters = sheets.raters ? readRaters(sheets.raters, tree, roster, diagnostics, codes) : noRaters();
    return collectEntries(leaves, codeIndexOf(tree), roster, scores, targets, deductions, raters, diagnostics);
  };
  // Every unit of the roster gets entries, whether or not it has anything scored for the whole year.
  const yearly = new Map((collect('') ?? []).map((e) => [e.unit, e]));
  const year = roster.units.filter((u) => yearly.has(u) || !hasYearlyLeaves(tree, scheme, u.category))
    .map((u): UnitEntries => yearly.get(u) ?? { unit: u, values: new Map(), targets: new Map(), raters: new Map(), deductions: new Map() });
  for (const period of scheme.periods) {
    const entries = collect(period);
    if (!entries) continue;
    const byUnit = new Map(entries.map((e) => [e.unit, e]));
    for (const e of year) {
      const p = byUnit.get(e.unit);
      if (p) (e.periods ??= new Map()).set(period, p);
    }
  }
  return year;
}

function hasYearlyLeaves(tree: IndicatorTree, scheme: Scheme, category: string): boolean {
  return leavesOf(tree, scheme, '').some((l) => l.categories === undefined || l.categories.includes(category));
}
