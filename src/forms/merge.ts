import { error, warning, type Diagnostic, type Where } from '../core/diagnostic.js';
import { methodOf } from '../engine/methods/index.js';
import { appliesTo, type Indicator, type IndicatorTree, type Unit } from '../engine/model.js';
import { COLUMNS as ADJUSTMENT_COLUMNS, readAdjustments } from '../input/adjustments.js';
import { readBasics, type Basics } from '../input/basics.js';
import { findSheets, roleOf } from '../input/find-sheets.js';
import { leavesOf } from '../input/period-entries.js';
import { readScheme } from '../input/read-scheme.js';
import { cellText, isBlank, normalizeLabel, normalizeName, readNumber } from '../input/cells.js';
import { COLUMNS as DEDUCTION_COLUMNS, readDeductions } from '../input/deductions.js';
import { COLUMNS as RATER_COLUMNS, readRaters } from '../input/raters.js';
import { isMissingMark, notApplicable, notInScores, targetValue } from '../input/collect-entries.js';
import { readLeafEntry } from '../input/read-entry.js';
import { resolveUnit, type Roster } from '../input/roster.js';
import { sheetSchemeSource } from '../input/scheme-sheet.js';
import { periodSuffixes, SHEETS, type SheetRole, unitHeader } from '../input/sheet-names.js';
import { at, NOTE_COLUMNS, readTable, whereOf, type ColumnSpec, type Table } from '../input/table.js';
import { COLUMNS as VETO_COLUMNS, readVetoes } from '../input/vetoes.js';
import { readWide } from '../input/wide-sheet.js';
import { cellRef, type CellValue, type RawSheet } from '../core/raw-sheet.js';
import type { SheetModel } from '../report/sheet-model.js';
import type { SchemeSource } from '../scheme/load-scheme.js';
import type { Scheme } from '../scheme/schema.js';
import { copiedSheet, leavesByPeriod, renamedPeriods, listSheet, schemeSheet, unitsFor, wideSheet } from './layout.js';
import { NO_DEPARTMENT, OFFICE_FORM } from './template.js';
import { requiredLeaves } from '../input/self-assessment.js';
import { unitWord } from '../scheme/unit-word.js';

/** One returned form (or any score workbook): its file and every sheet read from it. */
export interface FormInput {
  file: string;
  sheets: RawSheet[];
}

export interface MergeInputs {
  forms: FormInput[];
  /** Where the merged workbook goes: the cells nobody filled are empty there, and are reported there. */
  output: string;
  /** --scheme / --indicators: which scheme and indicators to merge under, whatever the forms carry. */
  scheme?: SchemeSource;
  indicatorSheets?: RawSheet[];
}

/** How much of a lead department's part came in. */
export interface Coverage {
  department: string;
  leaves: number;
  expected: number;
  filled: number;
  /** Rows of its deductions and raters' scores. */
  rows: number;
  /** Forms that brought any of its entries. */
  files: string[];
}

export interface MergeResult {
  /** The scheme merged under, once it could be read (an unreadable scheme is a usage error). */
  scheme?: Scheme;
  /** The merged score workbook; undefined when anything stops the merge. */
  sheets?: SheetModel[];
  diagnostics: Diagnostic[];
  coverage: Coverage[];
}

/** The sheets a form carries to say what it was made from, compared across forms. */
const CARRIED: readonly SheetRole[] = ['scheme', 'indicators', 'roster'];
const CARRIED_WORD: Record<string, string> = { scheme: '方案', indicators: '指标体系', roster: '单位名单' };

type ListRole = 'deductions' | 'raters' | 'adjustments' | 'vetoes';
const LIST_COLUMNS: Record<ListRole, ColumnSpec<string>[]> = {
  deductions: DEDUCTION_COLUMNS, raters: RATER_COLUMNS, adjustments: ADJUSTMENT_COLUMNS, vetoes: VETO_COLUMNS,
};
/** Merged list sheets say which form each row came from, in a column no reader looks at. */
const SOURCE_COLUMN = '填报文件';

interface Entry {
  value: CellValue;
  /** What the entry means, for comparing two forms: 85, "85", "８５分" are the same. */
  meaning: string;
  where: Where;
}

interface ListRow {
  values: CellValue[];
  key: string;
  where: Where;
  file: string;
}

/** Every value of every form, keyed by period and sheet role. */
interface Collected {
  wide: Map<string, Map<Unit, Map<string, Entry>>>;
  lists: Map<string, ListRow[]>;
}

const slot = (period: string, role: SheetRole): string => `${period}\u0000${role}`;
const roleOfSlot = (key: string): SheetRole => key.slice(key.indexOf('\u0000') + 1) as SheetRole;

/**
 * Combines lead departments' returned forms into one score workbook. The same value from two
 * forms is one value; two different values for one cell stop the merge and name both cells; a
 * form made from another scheme, indicator system or roster stops it too. Cells nobody filled are
 * listed by department. Nothing is guessed: any error and there is no merged workbook.
 */
export function mergeForms(inputs: MergeInputs): MergeResult {
  const diagnostics: Diagnostic[] = [];
  const result: MergeResult = { diagnostics, coverage: [] };
  const carried = carriedSheets(inputs, diagnostics);
  if (diagnostics.length > 0) return result;
  const basicsSheets = CARRIED.map((r) => carried.get(r)).filter((s): s is RawSheet => s !== undefined);
  const given = { sheets: basicsSheets, files: inputs.forms.map((f) => f.file), ...(inputs.scheme ? { scheme: inputs.scheme } : {}), ...(inputs.indicatorSheets ? { indicatorSheets: inputs.indicatorSheets } : {}) };
  const basics = readBasics(given, readScheme(given));
  diagnostics.push(...basics.diagnostics);
  const { scheme, tree, roster } = basics;
  if (scheme) result.scheme = scheme;
  if (diagnostics.some((d) => d.severity === 'error') || !scheme || !tree || !roster) return result;
  // Entry sheets' own reading problems (readBasics reported the carried sheets').
  const carriedSet = new Set(basicsSheets);
  diagnostics.push(...inputs.forms.flatMap((f) => f.sheets.filter((s) => !carriedSet.has(s) && !CARRIED.includes(roleOf(normalizeName(s.name))!)).flatMap((s) => s.problems ?? [])));
  const collected: Collected = { wide: new Map(), lists: new Map() };
  for (const form of inputs.forms) collectForm(form, scheme, tree, roster, collected, diagnostics);
  for (const [key, rows] of collected.lists) {
    if (roleOfSlot(key) === 'raters') raterConflicts(rows, diagnostics);
    collected.lists.set(key, mergedRows(rows, diagnostics));
  }
  result.coverage = coverage(scheme, tree, roster, collected, inputs.output, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return result;
  diagnostics.push(...renamedPeriods(scheme.periods));
  result.sheets = mergedSheets({ scheme, tree, roster }, basics, carried, inputs, collected);
  return result;
}

/**
 * The scheme, indicators and roster the forms carry must be the same in every form that carries
 * them: a form from last year's template, or one whose roster was edited, is not merged.
 */
function carriedSheets(inputs: MergeInputs, diagnostics: Diagnostic[]): Map<SheetRole, RawSheet> {
  const reference = new Map<SheetRole, RawSheet>();
  for (const form of inputs.forms) {
    for (const sheet of form.sheets) {
      const role = roleOf(normalizeName(sheet.name));
      if (!role || !CARRIED.includes(role)) continue;
      if ((role === 'scheme' && inputs.scheme) || (role === 'indicators' && inputs.indicatorSheets)) continue;
      const first = reference.get(role);
      if (!first) {
        reference.set(role, sheet);
        continue;
      }
      const diff = firstDifference(first, sheet);
      if (diff) {
        const word = CARRIED_WORD[role]!;
        diagnostics.push(error('E_MERGE_DIFFERENT_FORMS', { file: sheet.file, sheet: sheet.name, cell: diff.cell },
          `「${sheet.file}」中的「${word}」与「${first.file}」中的不同（${diff.cell}：「${diff.theirs}」与「${diff.ours}」），两份表不是用同一份模板生成的。`,
          role === 'roster' ? '请让该部门用最新的填报表重新填报，或把其数据复制到最新的填报表中。' : `请确认用的是同一次生成的填报表；如确以某一份${word}为准，用 ${role === 'scheme' ? '--scheme' : '--indicators'} 指定。`));
      }
    }
  }
  return reference;
}

function firstDifference(a: RawSheet, b: RawSheet): { cell: string; ours: string; theirs: string } | undefined {
  const rowsOf = (s: RawSheet): Map<number, string[]> => new Map(s.rows.map((r) => [r.number, r.values.map((v) => cellText(v).trim())]));
  const ra = rowsOf(a);
  const rb = rowsOf(b);
  const numbers = [...new Set([...ra.keys(), ...rb.keys()])].sort((x, y) => x - y);
  for (const n of numbers) {
    const va = ra.get(n) ?? [];
    const vb = rb.get(n) ?? [];
    for (let c = 0; c < Math.max(va.length, vb.length); c++) {
      if ((va[c] ?? '') !== (vb[c] ?? '')) return { cell: cellRef(n, c), ours: va[c] ?? '', theirs: vb[c] ?? '' };
    }
  }
  return undefined;
}

function collectForm(form: FormInput, scheme: Scheme, tree: IndicatorTree, roster: Roster, collected: Collected, diagnostics: Diagnostic[]): void {
  const found = findSheets(form.sheets, scheme.periods, diagnostics);
  for (const [period, sheets] of found) {
    const scope = new Set(leavesOf(tree, scheme, period).map((l) => l.code));
    if (sheets.scores) collectWide(sheets.scores, 'scores', period, scope, tree, roster, collected, diagnostics);
    if (sheets.targets) collectWide(sheets.targets, 'targets', period, scope, tree, roster, collected, diagnostics);
    if (sheets.deductions) {
      readDeductions(sheets.deductions, tree, roster, diagnostics, scope);
      collectList(sheets.deductions, 'deductions', period, roster, collected, diagnostics);
    }
    if (sheets.raters) {
      readRaters(sheets.raters, tree, roster, diagnostics, scope);
      collectList(sheets.raters, 'raters', period, roster, collected, diagnostics);
    }
    if (period !== '') continue;
    if (sheets.selfAssessed) collectWide(sheets.selfAssessed, 'selfAssessed', period, new Set(tree.leaves.map((l) => l.code)), tree, roster, collected, diagnostics);
    if (sheets.adjustments) {
      readAdjustments(sheets.adjustments, scheme.adjustments, roster, diagnostics);
      collectList(sheets.adjustments, 'adjustments', period, roster, collected, diagnostics);
    }
    if (sheets.vetoes) {
      readVetoes(sheets.vetoes, scheme.vetoes, roster, diagnostics);
      collectList(sheets.vetoes, 'vetoes', period, roster, collected, diagnostics);
    }
  }
}

function collectWide(sheet: RawSheet, role: 'scores' | 'targets' | 'selfAssessed', period: string, scope: ReadonlySet<string>, tree: IndicatorTree, roster: Roster,
  collected: Collected, diagnostics: Diagnostic[]): void {
  const data = readWide(sheet, tree, roster, diagnostics, scope);
  const key = slot(period, role);
  const byUnit = collected.wide.get(key) ?? new Map<Unit, Map<string, Entry>>();
  collected.wide.set(key, byUnit);
  for (const [unit, cells] of data.rows) {
    for (const [code, cell] of cells) {
      if (isBlank(cell.value)) continue;
      const leaf = tree.byCode.get(code)!;
      if (!appliesTo(leaf, unit.category)) {
        diagnostics.push(notApplicable(leaf, unit, cell.where, '未合并'));
        continue;
      }
      const meaning = role === 'scores' ? scoreMeaning(leaf, cell, unit, diagnostics) : role === 'targets' ? targetMeaning(leaf, cell, unit, diagnostics) : selfMeaning(cell.value);
      if (meaning === undefined) continue;
      const entries = byUnit.get(unit) ?? new Map<string, Entry>();
      byUnit.set(unit, entries);
      const earlier = entries.get(code);
      // A rate shown as a percentage (0.92 as 92%) goes in as the number scoring read (92): the merged sheet has no formats.
      const value = cell.percent && methodOf(leaf).entry?.percent === true && role === 'scores' ? Number(meaning) : cell.value;
      if (!earlier) entries.set(code, { value, meaning, where: cell.where });
      else if (earlier.meaning !== meaning) {
        diagnostics.push(error('E_MERGE_CONFLICT', cell.where,
          `单位「${unit.name}」指标「${code}」的${WIDE_WORD[role]}在两份表中不同：${placeOf(earlier.where)} 为「${cellText(earlier.value)}」，${placeOf(cell.where)} 为「${cellText(cell.value)}」。`,
          '合并不替您选择：请与填报部门核实，在其中一份表中改正或清空后重新合并。'));
      }
    }
  }
}

const WIDE_WORD = { scores: '得分', targets: '目标值', selfAssessed: '自评分' } as const;

/** A 自评分 as scoring reads it (85 and "85分" one number); scoring checks its range. */
function selfMeaning(value: CellValue): string {
  const n = readNumber(value);
  return n.ok ? n.value.toString() : cellText(value);
}

function placeOf(where: Where): string {
  return `「${where.file}」${where.sheet}!${where.cell}`;
}

function scoreMeaning(leaf: Indicator, cell: { value: CellValue; where: Where }, unit: Unit, diagnostics: Diagnostic[]): string | undefined {
  if (methodOf(leaf).sheet !== 'scores') {
    diagnostics.push(notInScores(leaf, cell.where));
    return undefined;
  }
  if (leaf.params.missing && isMissingMark(cell.value)) return '缺项';
  // The value as scoring reads it: 达标 and 是 are one answer, 85 and "85分" one number.
  const value = readLeafEntry(leaf, cell, unit.name, diagnostics);
  return value?.toString();
}

function targetMeaning(leaf: Indicator, cell: { value: CellValue; where: Where }, unit: Unit, diagnostics: Diagnostic[]): string | undefined {
  if (!methodOf(leaf).targets) {
    diagnostics.push(warning('W_TARGET_UNUSED', cell.where, `指标「${leaf.code}」不按完成比例计分，不需要目标值；单位「${unit.name}」的该项未合并。`));
    return undefined;
  }
  return targetValue(cell, leaf.code, unit.name, diagnostics)?.toString();
}

/**
 * The rows of a list sheet, with the roster's name for each unit. A row two forms both hold (the
 * same form sent twice) counts once: a form's rows are kept as often as the form that has them
 * most often has them.
 */
function collectList(sheet: RawSheet, role: ListRole, period: string, roster: Roster, collected: Collected, diagnostics: Diagnostic[]): void {
  const specs = LIST_COLUMNS[role];
  const table = readTable(sheet, specs, []);
  if (!table) return;
  notesLeftBehind(table, diagnostics);
  const key = slot(period, role);
  const rows = collected.lists.get(key) ?? [];
  collected.lists.set(key, rows);
  for (const row of table.rows) {
    const values = specs.map((s) => {
      const i = table.columns.get(s.key);
      return i === undefined ? null : row.values[i] ?? null;
    });
    if (values.every((v) => isBlank(v))) continue;
    const resolved = resolveUnit(roster, cellText(values[0] ?? null));
    // Rows the reader refused were reported there; the merge holds only rows scoring accepts.
    if (resolved.kind !== 'unit') continue;
    values[0] = resolved.unit.name;
    const meaningOf = (v: CellValue): string => {
      const n = readNumber(v);
      return n.ok ? n.value.toString() : normalizeLabel(cellText(v));
    };
    rows.push({ values, key: values.map(meaningOf).join('\u0000'), where: whereOf(table, row, specs[0]!.key), file: sheet.file });
  }
}

/** A 备注 (or other note) column with text in it: the merged sheet has no place for it, so the clerk is told. */
function notesLeftBehind(table: Table<string>, diagnostics: Diagnostic[]): void {
  for (const [i, header] of table.others) {
    if (!NOTE_COLUMNS.includes(normalizeLabel(header)) || normalizeLabel(header) === SOURCE_COLUMN) continue;
    const filled = table.rows.filter((r) => !isBlank(r.values[i] ?? null)).length;
    if (filled > 0) {
      diagnostics.push(warning('W_MERGE_NOTE_DROPPED', at(table, table.headerRow, i), `「${table.sheet.name}」表的「${header}」列有 ${filled} 行填了内容，合并后的表中不保留这一列。`,
        '备注不参与计分；如需保留，请另行存档该填报表。'));
    }
  }
}

/**
 * Rows of all forms, a row that several forms hold taken once: from the first form that holds it
 * most often (a form may hold two identical deductions; the same form sent twice holds them again).
 */
function mergedRows(rows: readonly ListRow[], diagnostics: Diagnostic[]): ListRow[] {
  const perFile = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const counts = perFile.get(r.file) ?? new Map<string, number>();
    perFile.set(r.file, counts);
    counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
  }
  const chosen = new Map<string, string>();
  for (const [file, counts] of perFile) {
    for (const [key, n] of counts) {
      const best = chosen.get(key);
      if (best === undefined || n > perFile.get(best)!.get(key)!) chosen.set(key, file);
    }
  }
  const kept: ListRow[] = [];
  const firstKept = new Map<string, ListRow>();
  for (const r of rows) {
    if (chosen.get(r.key) === r.file) {
      kept.push(r);
      if (!firstKept.has(r.key)) firstKept.set(r.key, r);
    }
  }
  // One warning per form and sheet whose rows another form already brought (a form sent twice).
  const dropped = new Map<string, { first: ListRow; keptFrom: ListRow; rows: number[] }>();
  for (const r of rows) {
    if (chosen.get(r.key) === r.file) continue;
    const keptFrom = firstKept.get(r.key)!;
    const key = `${r.file}\u0000${r.where.sheet}\u0000${keptFrom.file}`;
    const group = dropped.get(key) ?? { first: r, keptFrom, rows: [] };
    dropped.set(key, group);
    group.rows.push(Number(/\d+$/.exec(r.where.cell ?? '')?.[0]));
  }
  for (const { first, keptFrom, rows: numbers } of dropped.values()) {
    diagnostics.push(warning('W_MERGE_SAME_ROW', first.where,
      `「${first.where.sheet}」第 ${numbers.join('、')} 行与「${keptFrom.file}」${keptFrom.where.sheet} 中的行完全相同，合并后只计一次。`,
      '同一张表交了两次时正是如此；如果确实是两件事，请在其中一行的原因或说明中写明区别。'));
  }
  return kept;
}

/** Raters: one rater's score of one unit on one leaf, given differently in two forms, is a conflict. */
function raterConflicts(rows: readonly ListRow[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, ListRow>();
  for (const r of rows) {
    const who = r.values.slice(0, 3).map((v) => normalizeName(cellText(v))).join('\u0000');
    const earlier = seen.get(who);
    if (!earlier) seen.set(who, r);
    else if (earlier.file !== r.file && earlier.key !== r.key) {
      diagnostics.push(error('E_MERGE_CONFLICT', r.where,
        `评分人「${cellText(r.values[2] ?? null)}」对单位「${cellText(r.values[0] ?? null)}」指标「${cellText(r.values[1] ?? null)}」的分数在两份表中不同：${placeOf(earlier.where)} 为 ${cellText(earlier.values[3] ?? null)}，${placeOf(r.where)} 为 ${cellText(r.values[3] ?? null)}。`,
        '合并不替您选择：请核实后在其中一份表中改正或删除该行，再重新合并。'));
    }
  }
}

/** Per lead department: how many cells it owes, how many came in; what is missing, as warnings. */
function coverage(scheme: Scheme, tree: IndicatorTree, roster: Roster, collected: Collected, output: string, diagnostics: Diagnostic[]): Coverage[] {
  // Every lead department, in the order of the indicators, even one whose only entries are deductions.
  const byDepartment = new Map<string, { cov: Coverage; missing: Map<string, Unit[]>; files: Set<string> }>();
  for (const leaf of tree.leaves) {
    const department = leaf.department || NO_DEPARTMENT;
    const d = byDepartment.get(department) ?? { cov: { department, leaves: 0, expected: 0, filled: 0, rows: 0, files: [] }, missing: new Map<string, Unit[]>(), files: new Set<string>() };
    byDepartment.set(department, d);
    d.cov.leaves++;
  }
  const departmentOf = (code: string): string => {
    const leaf = tree.byCode.get(code);
    return leaf ? leaf.department || NO_DEPARTMENT : '';
  };
  for (const [key, rows] of collected.lists) {
    if (roleOfSlot(key) !== 'deductions' && roleOfSlot(key) !== 'raters') continue;
    for (const r of rows) {
      const d = byDepartment.get(departmentOf(normalizeName(cellText(r.values[1] ?? null))));
      d?.files.add(r.file);
      if (d) d.cov.rows++;
    }
  }
  const note = (leaf: Indicator, sheet: string, unit: Unit, filled: Where | undefined): void => {
    const d = byDepartment.get(leaf.department || NO_DEPARTMENT)!;
    d.cov.expected++;
    if (filled) {
      d.cov.filled++;
      d.files.add(filled.file!);
    } else {
      const key = `${sheet} ${leaf.code}`;
      d.missing.set(key, [...(d.missing.get(key) ?? []), unit]);
    }
  };
  const suffixes = periodSuffixes(scheme.periods);
  for (const period of ['', ...scheme.periods]) {
    const suffix = period === '' ? '' : `（${suffixes.get(period)}）`;
    const scores = collected.wide.get(slot(period, 'scores'));
    const targets = collected.wide.get(slot(period, 'targets'));
    const rated = new Map<string, Where>();
    for (const r of collected.lists.get(slot(period, 'raters')) ?? []) {
      const key = `${cellText(r.values[0] ?? null)}\u0000${normalizeName(cellText(r.values[1] ?? null))}`;
      if (!rated.has(key)) rated.set(key, r.where);
    }
    for (const leaf of leavesOf(tree, scheme, period)) {
      for (const unit of roster.units.filter((u) => appliesTo(leaf, u.category))) {
        const method = methodOf(leaf);
        if (method.sheet === 'deductions') continue;
        if (method.sheet === 'raters') {
          note(leaf, `${SHEETS.raters[0]}${suffix}`, unit, rated.get(`${unit.name}\u0000${leaf.code}`));
          continue;
        }
        note(leaf, `${SHEETS.scores[0]}${suffix}`, unit, scores?.get(unit)?.get(leaf.code)?.where);
        if (method.targets && !leaf.params.target) {
          note(leaf, `${SHEETS.targets[0]}${suffix}`, unit, targets?.get(unit)?.get(leaf.code)?.where);
        }
      }
    }
  }
  const out: Coverage[] = [];
  // The 加减分和一票否决 form is no department's: its rows and the files they came from, on a line of its own.
  const extra = [...collected.lists].filter(([key]) => roleOfSlot(key) === 'adjustments' || roleOfSlot(key) === 'vetoes').flatMap(([, rows]) => rows);
  const adjustmentsAndVetoes: Coverage | undefined = [...collected.lists.keys()].some((key) => roleOfSlot(key) === 'adjustments' || roleOfSlot(key) === 'vetoes')
    ? { department: OFFICE_FORM, leaves: 0, expected: 0, filled: 0, rows: extra.length, files: [...new Set(extra.map((r) => r.file))] }
    : undefined;
  for (const [department, d] of byDepartment) {
    d.cov.files = [...d.files];
    out.push(d.cov);
    const missing = d.cov.expected - d.cov.filled;
    if (missing === 0) continue;
    const parts = [...d.missing].map(([key, units]) => `${key}（${units.length <= 3 ? units.map((u) => u.name).join('、') : `${units.slice(0, 3).map((u) => u.name).join('、')} 等 ${units.length} 个单位`}）`);
    diagnostics.push(warning('W_UNFILLED', { file: output }, `${department}：${missing} 处未填——${parts.slice(0, 8).join('；')}${parts.length > 8 ? ` 等 ${parts.length} 项` : ''}。`,
      '合并结果中这些单元格是空的，计分时会报错；请催收后重新合并，或在合并结果中补填。'));
  }
  if (adjustmentsAndVetoes) out.push(adjustmentsAndVetoes);
  return out;
}

/** The merged score workbook: the carried scheme, indicators and roster, then every entry sheet. */
function mergedSheets({ scheme, tree, roster }: { scheme: Scheme; tree: IndicatorTree; roster: Roster }, basics: Basics,
  carried: ReadonlyMap<SheetRole, RawSheet>, inputs: MergeInputs, collected: Collected): SheetModel[] {
  const schemeText = inputs.scheme?.text ?? sheetSchemeSource(carried.get('scheme')!).text;
  const sheets: SheetModel[] = [schemeSheet(schemeText), copiedSheet(SHEETS.indicators[0], basics.indicatorSheet!), copiedSheet(SHEETS.roster[0], basics.rosterSheet!)];
  for (const { period, suffix, entered, targeted, deducted, rated } of leavesByPeriod(tree, scheme)) {
    const valuesOf = (role: SheetRole): Map<Unit, Map<string, CellValue>> =>
      new Map([...(collected.wide.get(slot(period, role)) ?? new Map<Unit, Map<string, Entry>>())].map(([u, m]) => [u, new Map([...m].map(([c, e]) => [c, e.value]))]));
    if (entered.length > 0) {
      const name = `${SHEETS.scores[0]}${suffix}`;
      sheets.push(wideSheet({ name, title: `${scheme.name} ${name}`, kind: 'scores', leaves: entered, units: unitsFor(roster, entered), values: valuesOf('scores'), form: false, unitHeader: unitHeader(unitWord(scheme)) }));
    }
    if (targeted.length > 0) {
      const name = `${SHEETS.targets[0]}${suffix}`;
      sheets.push(wideSheet({ name, title: `${scheme.name} ${name}`, kind: 'targets', leaves: targeted, units: unitsFor(roster, targeted), values: valuesOf('targets'), form: false, unitHeader: unitHeader(unitWord(scheme)) }));
    }
    const lists: ListRole[] = period === '' ? ['deductions', 'raters', 'adjustments', 'vetoes'] : ['deductions', 'raters'];
    for (const role of lists) {
      const rows = collected.lists.get(slot(period, role)) ?? [];
      const needed = role === 'deductions' ? deducted.length > 0 : role === 'raters' ? rated.length > 0 : false;
      if (!needed && rows.length === 0) continue;
      const name = `${SHEETS[role][0]}${suffix}`;
      sheets.push(listSheet({
        name, title: `${scheme.name} ${name}`, form: false,
        columns: [...LIST_COLUMNS[role].map((s) => ({ header: s.names[0]!, width: 16 })), { header: SOURCE_COLUMN, width: 30 }],
        rows: rows.map((r) => [...r.values, `${r.file} ${r.where.sheet}!${r.where.cell}`]),
      }));
    }
  }
  // 004 自评: the leaves the scheme asks units to self-assess, and any others a form brought.
  const self = collected.wide.get(slot('', 'selfAssessed')) ?? new Map<Unit, Map<string, Entry>>();
  const asked = new Set(scheme.selfAssessment ? requiredLeaves(scheme.selfAssessment.on, tree, {}, []) : []);
  const selfLeaves = tree.leaves.filter((l) => asked.has(l) || [...self.values()].some((m) => m.has(l.code)));
  if (selfLeaves.length > 0) {
    const name = SHEETS.selfAssessed[0];
    const values = new Map([...self].map(([u, m]) => [u, new Map([...m].map(([c, e]) => [c, e.value]))]));
    sheets.push(wideSheet({ name, title: `${scheme.name} ${name}`, kind: 'self', leaves: selfLeaves, units: unitsFor(roster, selfLeaves), values, form: false, unitHeader: unitHeader(unitWord(scheme)) }));
  }
  return sheets;
}
