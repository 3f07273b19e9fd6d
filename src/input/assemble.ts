import { codeIndexOf } from '../core/code-map.js';
import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import { Rational } from '../core/rational.js';
import { didYouMean } from '../core/suggest.js';
import type { RawSheet } from '../core/raw-sheet.js';
import { targetOf } from '../engine/rules.js';
import { methodOf } from '../engine/methods/index.js';
import { nameOf, type Decision, type Indicator, type IndicatorTree, type Unit, type UnitEntries } from '../engine/model.js';
import { loadScheme, type SchemeSource } from '../scheme/load-scheme.js';
import { componentFor, type Scheme } from '../scheme/schema.js';
import { normalizeName } from './cells.js';
import { checkPoints } from './check-points.js';
import { applyNodePeriods } from './node-periods.js';
import { readAdjustments } from './adjustments.js';
import { collectEntries } from './collect-entries.js';
import { parseIndicators as parseTree } from './parse-indicators.js';
import { readDeductions } from './deductions.js';
import { noRaters, readRaters } from './raters.js';
import { parseRoster, type Roster } from './roster.js';
import { sheetSchemeSource } from './scheme-sheet.js';
import { OUTPUT_SHEETS, PERIOD_ROLES, periodSheetName, periodSuffixes, SHEETS, type SheetRole } from './sheet-names.js';
import { readVetoes, type VetoEntry } from './vetoes.js';
import { readDecisions } from './decisions.js';
import { readSelfAssessment } from './self-assessment.js';
import { whereIsKey } from '../scheme/locate-key.js';
import { readWide } from './wide-sheet.js';

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

/** Sheets by role, for the whole year ('') and for each period (期次). */
export type Found = Map<string, Partial<Record<SheetRole, RawSheet>>>;

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

/** Reads the scheme, the indicators and the roster, collecting every problem with them. */
export function readBasics(inputs: Inputs): Basics {
  // What reading found inside the cells (control characters), reported with everything else.
  const diagnostics: Diagnostic[] = [...inputs.sheets, ...(inputs.indicatorSheets ?? [])].flatMap((s) => s.problems ?? []);
  const basics: Basics = { found: new Map(), diagnostics };
  const schemeSheet = inputs.scheme ? undefined : pick(inputs.sheets, 'scheme');
  const schemeSource = inputs.scheme ?? (schemeSheet ? sheetSchemeSource(schemeSheet) : undefined);
  if (!schemeSource) {
    diagnostics.push(missingSheet('scheme', inputs, '或用 --scheme 指定方案文件（YAML）。'));
    return basics;
  }
  basics.schemeSource = schemeSource;
  const loaded = loadScheme(schemeSource);
  diagnostics.push(...loaded.diagnostics);
  const scheme = loaded.scheme;
  if (!scheme) return basics;
  basics.scheme = scheme;
  basics.found = findSheets(inputs.sheets, scheme.periods, diagnostics);
  const year = basics.found.get('') ?? {};
  const indicatorSheet = inputs.indicatorSheets ? pick(inputs.indicatorSheets, 'indicators') ?? inputs.indicatorSheets[0] : year.indicators;
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

/** Reads meaning into the sheets: scheme, indicators, roster, scores. Collects every problem. */
export function assemble(inputs: Inputs): Assembled {
  const basics = readBasics(inputs);
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
function collectAllPeriods(scheme: Scheme, tree: IndicatorTree, roster: Roster, found: Found, all: RawSheet[], diagnostics: Diagnostic[]): UnitEntries[] {
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

/** tieBreak names the parts (一级指标, by name or code) that decide ties, in order. */
function tieBreakParts(scheme: Scheme, tree: IndicatorTree, source: SchemeSource, diagnostics: Diagnostic[]): number[] {
  const parts: number[] = [];
  for (const name of scheme.tieBreak) {
    const key = normalizeName(name);
    const index = tree.parts.findIndex((p) => p === key || tree.roots.some((r) => r.code === key && nameOf(r) === p));
    if (index >= 0) parts.push(index);
    else {
      diagnostics.push(error('E_SCHEME_TIEBREAK', { ...source.locate(lineOf(source, 'tieBreak')), path: 'tieBreak' }, `方案 tieBreak 中的「${name}」不是一级指标。`,
        didYouMean(key, tree.parts) ?? `一级指标：${tree.parts.join('、')}`));
    }
  }
  return parts;
}

/** awards[].on and conditions[].on name a part (一级指标, name or code) or a leaf (code). */
function ruleTargets(scheme: Scheme, tree: IndicatorTree, source: SchemeSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of ['awards', 'conditions'] as const) {
    scheme[key].forEach((rule, i) => {
      if (targetOf(tree, rule.on)) return;
      out.push(error('E_SCHEME_TARGET', { ...source.locate(lineOf(source, key)), path: `${key}[${i}].on` }, `方案 ${key} 中「${rule.name}」的 on「${rule.on}」不是一级指标，也不是末级指标的编码。`,
        didYouMean(normalizeName(rule.on), [...tree.parts, ...tree.leaves.map((l) => l.code)]) ?? `一级指标：${tree.parts.join('、')}`));
    });
  }
  return out;
}

/** The line of a top-level key in the scheme text, for messages about it (1 if not found). */
function lineOf(source: SchemeSource, key: string): number {
  const index = source.text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index + 1 || 1;
}

export function roleOf(name: string): SheetRole | undefined {
  return (Object.keys(SHEETS) as SheetRole[]).find((r) => (SHEETS[r] as readonly string[]).includes(name));
}

function pick(sheets: readonly RawSheet[], role: SheetRole): RawSheet | undefined {
  return sheets.find((s) => roleOf(normalizeName(s.name)) === role);
}

/** A period sheet's name: 得分表（中期）, 得分表(中期), 得分表-中期. */
function splitPeriod(name: string): { base: string; period: string } | undefined {
  const m = /^(.+?)[（(【[\-—_－]\s*(.+?)\s*[）)】\]]?$/.exec(name);
  return m ? { base: m[1]!, period: m[2]! } : undefined;
}

/** Period sheets by the names we write them under (得分表（上半年／中期）), normalised. */
function periodSheetsByName(periods: readonly string[]): Map<string, { role: SheetRole; period: string }> {
  const suffixes = periodSuffixes(periods);
  const out = new Map<string, { role: SheetRole; period: string }>();
  for (const [period, suffix] of suffixes) {
    for (const role of PERIOD_ROLES) out.set(normalizeName(`${SHEETS[role][0]}（${suffix}）`), { role, period });
  }
  return out;
}

export function findSheets(sheets: readonly RawSheet[], periods: readonly string[], diagnostics: Diagnostic[]): Found {
  const found: Found = new Map();
  const written = periodSheetsByName(periods);
  for (const sheet of sheets) {
    const name = normalizeName(sheet.name);
    let role = roleOf(name);
    let period = '';
    const ours = role ? undefined : written.get(name);
    const split = role || ours ? undefined : splitPeriod(name);
    if (ours) ({ role, period } = ours);
    else if (split && roleOf(split.base) && PERIOD_ROLES.includes(roleOf(split.base)!)) {
      if (!periods.includes(split.period)) {
        diagnostics.push(warning('W_UNKNOWN_PERIOD', { file: sheet.file, sheet: sheet.name }, `工作表「${sheet.name}」的期次「${split.period}」不在方案的 periods 中，已跳过。`,
          didYouMean(split.period, periods) ?? (periods.length > 0 ? `方案的期次：${periods.join('、')}` : '方案没有写 periods。')));
        continue;
      }
      role = roleOf(split.base);
      period = split.period;
    }
    if (!role) {
      if (!OUTPUT_SHEETS.includes(name)) {
        const known = Object.values(SHEETS).map((n) => n[0]);
        diagnostics.push(warning('W_UNKNOWN_SHEET', { file: sheet.file, sheet: sheet.name }, `工作表「${sheet.name}」不是计分用的工作表，已跳过。`,
          didYouMean(name, known) ?? `计分读取的工作表：${known.join('、')}`));
      }
      continue;
    }
    const group = found.get(period) ?? {};
    found.set(period, group);
    const previous = group[role];
    if (previous) {
      diagnostics.push(error('E_DUPLICATE_SHEET', { file: sheet.file, sheet: sheet.name }, `有两个「${periodSheetName(role, period, periods)}」工作表：${previous.file} 的「${previous.name}」和 ${sheet.file} 的「${sheet.name}」。`, '请只保留一个。'));
      continue;
    }
    group[role] = sheet;
  }
  return found;
}

function missingSheet(role: SheetRole, { sheets, files: given }: Pick<Inputs, 'sheets' | 'files'>, extra = '', suffix = ''): Diagnostic {
  const name = `${SHEETS[role][0]}${suffix}`;
  const files = [...new Set(given ?? sheets.map((s) => s.file))].join('、');
  const near = didYouMean(name, sheets.map((s) => s.name));
  return error('E_MISSING_SHEET', { file: files }, `缺少工作表「${name}」。`, [near, extra].filter(Boolean).join(' ') || undefined);
}

