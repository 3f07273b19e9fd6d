import type { Diagnostic } from '../core/diagnostic.js';
import type { RawSheet } from '../core/raw-sheet.js';
import type { Decision, IndicatorTree, Unit, UnitEntries } from '../engine/model.js';
import type { SchemeSource } from '../scheme/load-scheme.js';
import type { Scheme } from '../scheme/schema.js';
import { whereIsKey } from '../scheme/locate-key.js';
import { readAdjustments } from './adjustments.js';
import type { Basics } from './basics.js';
import { readDecisions } from './decisions.js';
import { collectAllPeriods } from './period-entries.js';
import type { Roster } from './roster.js';
import { ruleTargets, tieBreakParts } from './scheme-targets.js';
import { readSelfAssessment } from './self-assessment.js';
import { readVetoes, type VetoEntry } from './vetoes.js';

/**
 * The input pipeline, step by step: the files read (Inputs); the scheme (read-scheme.ts); the
 * indicators and roster against it (basics.ts); then here, the entries of the year and of each
 * period (period-entries.ts) and the sheets that go with them (vetoes, decisions, 加减分, 自评).
 */

export interface Inputs {
  /** Every sheet of every workbook given. */
  sheets: RawSheet[];
  /** --scheme: replaces the 方案 sheet. */
  scheme?: SchemeSource;
  /** --indicators: sheets of the indicator workbook, replacing the 指标体系 sheet. */
  indicatorSheets?: RawSheet[];
  /** The files given, when `sheets` are only some of theirs (merge: the sheets the forms carry); a missing sheet names them. */
  files?: readonly string[];
}

export interface Assembled {
  scheme?: Scheme;
  tree?: IndicatorTree;
  roster?: Roster;
  entries: UnitEntries[];
  vetoes: Map<Unit, VetoEntry[]>;
  /** Ties decided by a person, from the 决定 sheet. */
  decisions: Map<Unit, Decision[]>;
  /** The scheme's tieBreak as indexes of the tree's parts. */
  tieBreak: number[];
  /** The scheme's own text, for the record a result carries (its hash). */
  schemeText?: string;
  /** Where the scheme came from: files the scheme names are looked for beside it. */
  schemeSource?: SchemeSource;
  diagnostics: Diagnostic[];
}

/** Reads meaning into the sheets: scheme, indicators, roster, scores. Collects every problem. */
export function assemble(inputs: Inputs, basics: Basics): Assembled {
  const { diagnostics, scheme, tree, roster, found } = basics;
  const result: Assembled = { entries: [], vetoes: new Map(), decisions: new Map(), tieBreak: [], diagnostics };
  if (!scheme) return result;
  result.scheme = scheme;
  if (basics.schemeSource) result.schemeText = basics.schemeSource.text;
  if (basics.schemeSource) result.schemeSource = basics.schemeSource;
  if (tree) {
    result.tree = tree;
    result.tieBreak = tieBreakParts(scheme, tree, basics.schemeSource!, diagnostics);
    diagnostics.push(...ruleTargets(scheme, tree, basics.schemeSource!));
  }
  if (roster) result.roster = roster;
  if (!tree || !roster) return result;
  const year = found.get('') ?? {};
  result.entries = collectAllPeriods(scheme, tree, roster, found, inputs.sheets, diagnostics);
  if (year.vetoes) result.vetoes = readVetoes(year.vetoes, scheme.vetoes, roster, diagnostics);
  if (year.selfAssessed || scheme.selfAssessment) readSelfAssessment(year.selfAssessed, scheme, tree, roster, result.entries, whereIsKey(basics.schemeSource!, ['selfAssessment']), diagnostics);
  if (year.decisions) result.decisions = readDecisions(year.decisions, scheme, roster, diagnostics);
  if (year.adjustments) {
    const adjustments = readAdjustments(year.adjustments, scheme.adjustments, roster, diagnostics);
    for (const e of result.entries) e.adjustments = adjustments.get(e.unit) ?? [];
  }
  return result;
}
