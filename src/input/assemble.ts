import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import { D } from '../core/decimal.js';
import { didYouMean } from '../core/suggest.js';
import type { RawSheet } from '../io/raw-sheet.js';
import { nameOf, type IndicatorTree, type Unit, type UnitEntries } from '../engine/model.js';
import { loadScheme, type SchemeSource } from '../scheme/load-scheme.js';
import type { Scheme } from '../scheme/schema.js';
import { normalizeName } from './cells.js';
import { checkPoints } from './check-points.js';
import { collectEntries } from './collect-entries.js';
import { readDeductions } from './deductions.js';
import { readRaters } from './raters.js';
import { parseIndicators } from './parse-indicators.js';
import { parseRoster, type Roster } from './roster.js';
import { sheetSchemeSource } from './scheme-sheet.js';
import { OUTPUT_SHEETS, SHEETS, type SheetRole } from './sheet-names.js';
import { readVetoes, type VetoEntry } from './vetoes.js';
import { readWide } from './wide-sheet.js';

export interface Inputs {
  /** Every sheet of every workbook given. */
  sheets: RawSheet[];
  /** --scheme: replaces the 方案 sheet. */
  scheme?: SchemeSource;
  /** --indicators: sheets of the indicator workbook, replacing the 指标体系 sheet. */
  indicatorSheets?: RawSheet[];
}

export interface Assembled {
  scheme?: Scheme;
  tree?: IndicatorTree;
  roster?: Roster;
  entries: UnitEntries[];
  vetoes: Map<Unit, VetoEntry[]>;
  /** The scheme's tieBreak as indexes of the tree's roots. */
  tieBreak: number[];
  diagnostics: Diagnostic[];
}

/** Reads meaning into the sheets: scheme, indicators, roster, scores. Collects every problem. */
export function assemble(inputs: Inputs): Assembled {
  const diagnostics: Diagnostic[] = [];
  const found = findSheets(inputs.sheets, diagnostics);
  const result: Assembled = { entries: [], vetoes: new Map(), tieBreak: [], diagnostics };
  const schemeSource = inputs.scheme ?? (found.scheme ? sheetSchemeSource(found.scheme) : undefined);
  if (!schemeSource) {
    diagnostics.push(missingSheet('scheme', inputs.sheets, '或用 --scheme 指定方案文件（YAML）。'));
    return result;
  }
  const loaded = loadScheme(schemeSource);
  diagnostics.push(...loaded.diagnostics);
  const scheme = loaded.scheme;
  if (!scheme) return result;
  result.scheme = scheme;
  const indicatorSheet = inputs.indicatorSheets ? pick(inputs.indicatorSheets, 'indicators') ?? inputs.indicatorSheets[0] : found.indicators;
  if (!indicatorSheet) diagnostics.push(missingSheet('indicators', inputs.sheets, '或用 --indicators 指定指标体系工作簿。'));
  if (!found.roster) diagnostics.push(missingSheet('roster', inputs.sheets));
  if (!found.scores) diagnostics.push(missingSheet('scores', inputs.sheets));
  const tree = indicatorSheet ? parseIndicators(indicatorSheet, scheme.categories, diagnostics) : undefined;
  if (tree) diagnostics.push(...checkPoints(tree, scheme.categories, new D(scheme.fullMarks)));
  const roster = found.roster ? parseRoster(found.roster, scheme.categories, scheme.excluded.units, diagnostics) : undefined;
  if (tree) {
    result.tree = tree;
    result.tieBreak = tieBreakParts(scheme, tree, schemeSource, diagnostics);
  }
  if (roster) result.roster = roster;
  if (!tree || !roster || !found.scores) return result;
  const scores = readWide(found.scores, tree, roster, diagnostics);
  const targets = found.targets ? readWide(found.targets, tree, roster, diagnostics) : undefined;
  const deductions = found.deductions ? readDeductions(found.deductions, tree, roster, diagnostics) : new Map();
  const raters = found.raters ? readRaters(found.raters, tree, roster, diagnostics) : new Map();
  result.entries = collectEntries(tree, roster, scores, targets, deductions, raters, diagnostics);
  if (found.vetoes) result.vetoes = readVetoes(found.vetoes, scheme.vetoes, roster, diagnostics);
  return result;
}

/** tieBreak names the parts (一级指标, by name or code) that decide ties, in order. */
function tieBreakParts(scheme: Scheme, tree: IndicatorTree, source: SchemeSource, diagnostics: Diagnostic[]): number[] {
  const parts: number[] = [];
  for (const name of scheme.tieBreak) {
    const key = normalizeName(name);
    const index = tree.roots.findIndex((r) => nameOf(r) === key || r.code === key);
    if (index >= 0) parts.push(index);
    else {
      diagnostics.push(error('E_SCHEME_TIEBREAK', { ...source.locate(1), path: 'tieBreak' }, `方案 tieBreak 中的「${name}」不是一级指标。`,
        didYouMean(key, tree.roots.map(nameOf)) ?? `一级指标：${tree.roots.map(nameOf).join('、')}`));
    }
  }
  return parts;
}

function pick(sheets: readonly RawSheet[], role: SheetRole): RawSheet | undefined {
  const names: readonly string[] = SHEETS[role];
  return sheets.find((s) => names.includes(normalizeName(s.name)));
}

function findSheets(sheets: readonly RawSheet[], diagnostics: Diagnostic[]): Partial<Record<SheetRole, RawSheet>> {
  const found: Partial<Record<SheetRole, RawSheet>> = {};
  for (const sheet of sheets) {
    const name = normalizeName(sheet.name);
    const role = (Object.keys(SHEETS) as SheetRole[]).find((r) => (SHEETS[r] as readonly string[]).includes(name));
    if (!role) {
      if (!OUTPUT_SHEETS.includes(name)) {
        const known = Object.values(SHEETS).map((n) => n[0]);
        diagnostics.push(warning('W_UNKNOWN_SHEET', { file: sheet.file, sheet: sheet.name }, `工作表「${sheet.name}」不是计分用的工作表，已跳过。`,
          didYouMean(name, known) ?? `计分读取的工作表：${known.join('、')}`));
      }
      continue;
    }
    const previous = found[role];
    if (previous) {
      diagnostics.push(error('E_DUPLICATE_SHEET', { file: sheet.file, sheet: sheet.name }, `有两个「${SHEETS[role][0]}」工作表：${previous.file} 的「${previous.name}」和 ${sheet.file} 的「${sheet.name}」。`, '请只保留一个。'));
      continue;
    }
    found[role] = sheet;
  }
  return found;
}

function missingSheet(role: SheetRole, sheets: readonly RawSheet[], extra = ''): Diagnostic {
  const name = SHEETS[role][0];
  const files = [...new Set(sheets.map((s) => s.file))].join('、');
  const near = didYouMean(name, sheets.map((s) => s.name));
  return error('E_MISSING_SHEET', { file: files }, `缺少工作表「${name}」。`, [near, extra].filter(Boolean).join(' ') || undefined);
}
