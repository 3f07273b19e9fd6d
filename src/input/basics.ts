import { error, type Diagnostic } from '../core/diagnostic.js';
import { Rational } from '../core/rational.js';
import type { RawSheet } from '../core/raw-sheet.js';
import { didYouMean } from '../core/suggest.js';
import { methodOf } from '../engine/methods/index.js';
import type { IndicatorTree } from '../engine/model.js';
import type { SchemeSource } from '../scheme/load-scheme.js';
import type { Scheme } from '../scheme/schema.js';
import type { Inputs } from './assemble.js';
import { normalizeName } from './cells.js';
import { checkPoints } from './check-points.js';
import { findSheets, missingSheet, pickSheet, type Found } from './find-sheets.js';
import { applyNodePeriods } from './node-periods.js';
import { parseIndicators as parseTree } from './parse-indicators.js';
import type { SchemeStep } from './read-scheme.js';
import { parseRoster, type Roster } from './roster.js';
import { lineOf } from './scheme-targets.js';

/** What every command needs before any entry is read: the scheme, the indicator tree and the roster. */
export interface Basics {
  scheme?: Scheme;
  schemeSource?: SchemeSource;
  tree?: IndicatorTree;
  roster?: Roster;
  /** The sheets these came from, for commands that carry them along (template, merge). */
  indicatorSheet?: RawSheet;
  rosterSheet?: RawSheet;
  /** Entry sheets by role, for the whole year ('') and each period. */
  found: Found;
  diagnostics: Diagnostic[];
}

/** Reads the indicators and the roster against the scheme read before, collecting every problem with them. */
export function readBasics(inputs: Inputs, step: SchemeStep): Basics {
  // What reading found inside the cells (control characters), reported with everything else.
  const diagnostics: Diagnostic[] = [...inputs.sheets, ...(inputs.indicatorSheets ?? [])].flatMap((s) => s.problems ?? []);
  diagnostics.push(...step.diagnostics);
  const basics: Basics = { found: new Map(), diagnostics };
  const schemeSource = step.source;
  if (!schemeSource) return basics;
  basics.schemeSource = schemeSource;
  const scheme = step.scheme;
  if (!scheme) return basics;
  basics.scheme = scheme;
  basics.found = findSheets(inputs.sheets, scheme.periods, diagnostics);
  const year = basics.found.get('') ?? {};
  const indicatorSheet = inputs.indicatorSheets ? pickSheet(inputs.indicatorSheets, 'indicators') ?? inputs.indicatorSheets[0] : year.indicators;
  if (!indicatorSheet) diagnostics.push(missingSheet('indicators', inputs, '或用 --indicators 指定指标体系工作簿。'));
  if (!year.roster) diagnostics.push(missingSheet('roster', inputs));
  if (indicatorSheet) {
    basics.indicatorSheet = indicatorSheet;
    const tree = parseIndicators(indicatorSheet, scheme, diagnostics);
    if (tree) {
      applyNodePeriods(tree, scheme, schemeSource.locate(lineOf(schemeSource, 'nodes')), diagnostics);
      // missingItems: rescale is 缺项=折算 on every leaf that takes it, unless the leaf says 缺项=否.
      if (scheme.missingItems === 'rescale') for (const leaf of tree.leaves.filter((l) => methodOf(l).sheet !== 'deductions')) leaf.params.missing ??= true;
      basics.tree = tree;
    }
  }
  if (year.roster) {
    basics.rosterSheet = year.roster;
    const roster = parseRoster(year.roster, scheme.categories, scheme.excluded.units, diagnostics);
    if (roster) basics.roster = roster;
  }
  return basics;
}

function parseIndicators(sheet: RawSheet, scheme: Scheme, diagnostics: Diagnostic[]): IndicatorTree | undefined {
  const tree = parseTree(sheet, scheme.categories, diagnostics);
  if (!tree) return undefined;
  for (const c of scheme.components.filter((c) => !tree.parts.includes(normalizeName(c.part)))) {
    diagnostics.push(error('E_SCHEME_COMPONENT', { file: sheet.file, sheet: sheet.name }, `方案 components 中的「${c.part}」不是指标体系的一级指标。`,
      didYouMean(normalizeName(c.part), tree.parts) ?? `一级指标：${tree.parts.join('、')}`));
  }
  diagnostics.push(...checkPoints(tree, scheme, Rational.of(scheme.fullMarks), { file: sheet.file, sheet: sheet.name }));
  return tree;
}
