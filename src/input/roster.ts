import { NONE } from '../core/code-map.js';
import { error, info, warning, type Diagnostic, type Where } from '../core/diagnostic.js';
import { boundedDidYouMean, didYouMean } from '../core/suggest.js';
import { cellRef, type RawSheet } from '../core/raw-sheet.js';
import type { Unit } from '../engine/model.js';
import { normalizeName } from './cells.js';
import { isBlankRow, readTable, reportUnusedColumns, splitList, text, whereOf, type ColumnSpec } from './table.js';
import { UNIT_HEADERS } from './sheet-names.js';

type Col = 'name' | 'category' | 'short' | 'aliases';

const COLUMNS: ColumnSpec<Col>[] = [
  { key: 'name', names: [...UNIT_HEADERS, '名称'], required: true },
  { key: 'category', names: ['类别', '类型', '分类', '组别'], required: true },
  { key: 'short', names: ['简称'], required: false },
  { key: 'aliases', names: ['别名', '其他名称', '曾用名'], required: false },
];

export interface Roster {
  units: Unit[];
  /** Every name a unit may be written as (name, 简称, aliases), normalised → unit. */
  names: Map<string, Unit>;
  excluded: Set<string>;
}

interface NameColumn {
  file: string;
  sheet: string;
  column: number;
}

/**
 * A unit as the roster lists it. Where it is listed is spelt out when a message needs it, not held
 * for each unit (a province lists 300,000: an address object and text apiece).
 */
class RosterUnit implements Unit {
  constructor(
    readonly name: string,
    readonly category: string,
    readonly shortName: string,
    readonly aliases: string[],
    readonly order: number,
    /** The roster's name column, the same object for every unit (not the sheet: its rows are let go once read). */
    private readonly listed: NameColumn,
    private readonly row: number,
  ) {}

  get source(): Where {
    return { file: this.listed.file, sheet: this.listed.sheet, cell: cellRef(this.row, this.listed.column) };
  }
}

export type Resolution =
  | { kind: 'unit'; unit: Unit; written: string }
  | { kind: 'excluded'; name: string }
  | { kind: 'unknown'; name: string; hint?: string };

/**
 * Reads the 单位名单 sheet. Units the scheme names as 不参与评比 may be listed or not; either way
 * they are kept out of ranks and bands.
 */
export function parseRoster(sheet: RawSheet, categories: readonly string[], excluded: readonly string[], diagnostics: Diagnostic[]): Roster | undefined {
  const table = readTable(sheet, COLUMNS, diagnostics);
  if (!table) return undefined;
  const units: Unit[] = [];
  const byName = new Map<string, Unit>();
  const names = new Map<string, Unit>();
  const excludedSet = new Set(excluded.map(normalizeName));
  const claim = (name: string, unit: Unit, where: Where): void => {
    const other = names.get(name);
    if (other && other !== unit) {
      diagnostics.push(error('E_ROSTER_NAME_CLASH', where, `名称「${name}」同时指向单位「${other.name}」和「${unit.name}」。`, '每个名称、简称和别名只能属于一个单位。'));
    } else names.set(name, unit);
  };
  reportUnusedColumns(table, COLUMNS, diagnostics);
  const nameColumn: NameColumn = { file: sheet.file, sheet: sheet.name, column: table.columns.get('name') ?? 0 };
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const written = text(table, row, 'name');
    const name = normalizeName(written);
    if (name === '') {
      diagnostics.push(error('E_EMPTY_CELL', whereOf(table, row, 'name'), `「${sheet.name}」第 ${row.number} 行有内容，但没有单位名称，该行未读取。`, '请填写单位名称，或删除该行。'));
      continue;
    }
    const source = whereOf(table, row, 'name');
    if (excludedSet.has(name)) continue;
    const category = normalizeName(text(table, row, 'category'));
    if (category === '') {
      diagnostics.push(error('E_ROSTER_NO_CATEGORY', whereOf(table, row, 'category'), `单位「${name}」没有填写类别。`, `方案的类别：${categories.join('、')}`));
      continue;
    }
    const known = categories.indexOf(category);
    if (known < 0) {
      diagnostics.push(error('E_ROSTER_CATEGORY', whereOf(table, row, 'category'), `单位「${name}」的类别「${category}」不在方案的类别中。`,
        didYouMean(category, categories) ?? `方案的类别：${categories.join('、')}`));
      continue;
    }
    const previous = byName.get(name);
    if (previous) {
      const where = `${previous.source.sheet}!${previous.source.cell}`;
      diagnostics.push(previous.category === category
        ? error('E_ROSTER_DUPLICATE', source, `单位「${name}」在单位名单中出现了两次（另见 ${where}）。`)
        : error('E_ROSTER_TWO_CATEGORIES', source, `单位「${name}」同时属于类别「${previous.category}」和「${category}」（另见 ${where}）。`, '一个单位只能属于一个类别。'));
      continue;
    }
    if (written !== name) {
      diagnostics.push(warning('W_NAME_NORMALISED', source, `单位名称「${written}」含空格或全角字符，按「${name}」处理。`));
    }
    const shortName = normalizeName(text(table, row, 'short')) || name;
    const listed = splitList(text(table, row, 'aliases')).map(normalizeName);
    const aliases = listed.length > 0 ? listed : NONE;
    // The scheme's own category text, one for all its units rather than a copy each.
    const unit: Unit = new RosterUnit(name, categories[known]!, shortName, aliases, units.length, nameColumn, row.number);
    units.push(unit);
    byName.set(name, unit);
    // Each of the unit's names once (a clash is said once), without a set of them made for every unit.
    claim(name, unit, source);
    if (shortName !== name) claim(shortName, unit, source);
    aliases.forEach((alias, i) => {
      if (alias !== name && alias !== shortName && aliases.indexOf(alias) === i) claim(alias, unit, source);
    });
  }
  return { units, names, excluded: excludedSet };
}

export function resolveUnit(roster: Roster, written: string): Resolution {
  const name = normalizeName(written);
  const unit = roster.names.get(name);
  if (unit) return { kind: 'unit', unit, written };
  if (roster.excluded.has(name)) return { kind: 'excluded', name };
  const hint = boundedDidYouMean(roster, name, () => roster.names.keys());
  return hint === undefined ? { kind: 'unknown', name } : { kind: 'unknown', name, hint };
}

/**
 * The unit a row of a list sheet (扣分明细, 评议, 加减分, 一票否决) is about. An excluded unit's row
 * is noted and skipped; a missing or unknown name is an error with the nearest roster names.
 * `what` names the row's content in messages: 该扣分, 该评分 …
 */
export function unitOfRow(roster: Roster, written: string, where: Where, sheet: string, what: string, diagnostics: Diagnostic[]): Unit | undefined {
  const resolved = resolveUnit(roster, written);
  if (resolved.kind === 'unit') return resolved.unit;
  if (resolved.kind === 'excluded') {
    diagnostics.push(info('I_EXCLUDED_ROW', where, `单位「${resolved.name}」不参与评比，${what}未计入。`));
    return undefined;
  }
  diagnostics.push(written.trim() === ''
    ? error('E_EMPTY_CELL', where, `「${sheet}」表缺少单位名称。`, '请填写单位名称。')
    : error('E_UNKNOWN_UNIT', where, `单位「${written.trim()}」不在单位名单中。`, resolved.hint ?? '请在「单位名单」中添加该单位，或改为名单中的名称。'));
  return undefined;
}
