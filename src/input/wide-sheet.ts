import { error, info, warning, type Diagnostic, type Where } from '../core/diagnostic.js';
import { didYouMean } from '../core/suggest.js';
import { cellRef, type CellValue, type RawRow, type RawSheet } from '../core/raw-sheet.js';
import { nameOf, type IndicatorTree, type Unit } from '../engine/model.js';
import { normalizeName } from './cells.js';
import { at, readTable, text, whereOf, type ColumnSpec } from './table.js';
import { resolveUnit, type Roster } from './roster.js';
import { UNIT_HEADERS } from './sheet-names.js';

type Col = 'name' | 'category' | 'seq';

const COLUMNS: ColumnSpec<Col>[] = [
  { key: 'name', names: [...UNIT_HEADERS, '名称'], required: true },
  { key: 'category', names: ['类别', '类型', '分类', '组别'], required: false },
  { key: 'seq', names: ['序号', '排序', '编号'], required: false },
];

/** Unknown columns reported one by one; the rest are counted in one line. */
const SHOWN_UNKNOWN = 10;

export interface Cell {
  value: CellValue;
  where: Where;
  /** The number is shown as a percentage in the file (a typed 92% is stored as 0.92). */
  percent?: boolean;
}

/** A cell of a wide sheet: its address spelt out only when something is said about it. */
class RowCell implements Cell {
  constructor(readonly value: CellValue, private readonly sheet: RawSheet, private readonly row: number, private readonly column: number) {}

  get where(): Where {
    return { file: this.sheet.file, sheet: this.sheet.name, cell: cellRef(this.row, this.column) };
  }

  get percent(): boolean | undefined {
    const percent = this.sheet.percent;
    return percent !== undefined && typeof this.value === 'number' && percent.has(cellRef(this.row, this.column)) ? true : undefined;
  }
}

/**
 * A unit's cells of a wide sheet, by leaf code, read from the sheet's row when asked for: a
 * province's 得分表 has millions of cells, and an object per cell with its address spelt out
 * (「得分表!C12345」) was most of the memory a run took. A cell and its address are made for the
 * moment they are used; the row holds only the values the sheet already has.
 */
class RowCells extends Map<string, Cell> {
  constructor(private readonly sheet: RawSheet, private readonly row: RawRow, private readonly columns: ReadonlyMap<string, number>) {
    super();
  }

  private cellAt(column: number): Cell {
    const { sheet, row } = this;
    return new RowCell(row.values[column] ?? null, sheet, row.number, column);
  }

  override get(code: string): Cell | undefined {
    const column = this.columns.get(code);
    return column === undefined ? undefined : this.cellAt(column);
  }

  override has(code: string): boolean {
    return this.columns.has(code);
  }

  override get size(): number {
    return this.columns.size;
  }

  override *entries(): MapIterator<[string, Cell]> {
    for (const [code, column] of this.columns) yield [code, this.cellAt(column)];
  }

  override [Symbol.iterator](): MapIterator<[string, Cell]> {
    return this.entries();
  }

  override *keys(): MapIterator<string> {
    yield* this.columns.keys();
  }

  override *values(): MapIterator<Cell> {
    for (const [, cell] of this.entries()) yield cell;
  }

  override forEach(fn: (value: Cell, key: string, map: Map<string, Cell>) => void): void {
    for (const [code, cell] of this.entries()) fn(cell, code, this);
  }

  override set(): this {
    throw new Error('RowCells are read-only');
  }
}

/** One row per unit, one column per leaf indicator: 得分表 and 目标值 share this shape. */
export interface WideData {
  rows: Map<Unit, Map<string, Cell>>;
  /** Leaf codes that have a column. */
  codes: Set<string>;
  sheet: { file: string; sheet: string };
}

/**
 * The leaf a header cell names: "A1", "A1 领导小组", "A1\n领导小组\n（5分）", or the leaf's name
 * when no other leaf has the same name.
 */
export function headerCode(header: string, tree: IndicatorTree): string | undefined {
  const first = normalizeName(header.split(/[\s\u3000（(]/)[0] ?? '');
  if (tree.byCode.has(first)) return first;
  const whole = normalizeName(header);
  if (tree.byCode.has(whole)) return whole;
  const byName = tree.leaves.filter((l) => nameOf(l) === whole);
  return byName.length === 1 ? byName[0]!.code : undefined;
}

/**
 * Reads a wide sheet. `scope`: the leaves this sheet is for (a period's sheet holds the leaves of
 * the parts scored per period); a column of another leaf is reported, not used.
 */
export function readWide(sheet: RawSheet, tree: IndicatorTree, roster: Roster, diagnostics: Diagnostic[], scope?: ReadonlySet<string>): WideData {
  const data: WideData = { rows: new Map(), codes: new Set(), sheet: { file: sheet.file, sheet: sheet.name } };
  const table = readTable(sheet, COLUMNS, diagnostics);
  if (!table) return data;
  const codes = new Map<number, string>();
  const seenCodes = new Map<string, number>();
  const unknown: string[] = [];
  for (const [i, header] of table.others) {
    const code = headerCode(header, tree);
    const where = at(table, table.headerRow, i);
    if (code === undefined) {
      unknown.push(where.cell!);
      if (unknown.length <= SHOWN_UNKNOWN) {
        diagnostics.push(warning('W_UNKNOWN_COLUMN', where, `列「${header}」不是指标体系中的末级指标编码，该列未参与计分。`,
          didYouMean(normalizeName(header), tree.byCode.keys()) ?? '表头应为末级指标的编码，例如 A1。'));
      }
    } else if (seenCodes.has(code)) {
      diagnostics.push(error('E_DUPLICATE_COLUMN', where, `指标「${code}」在表头中出现了两次。`, '请删除重复的列。'));
    } else if (tree.byCode.get(code)!.children.length > 0) {
      diagnostics.push(warning('W_PARENT_COLUMN', where, `列「${header}」是上级指标，其得分由下级指标汇总，该列未参与计分。`));
    } else if (scope && !scope.has(code)) {
      diagnostics.push(warning('W_COLUMN_ELSEWHERE', where, `列「${header}」的指标不在「${sheet.name}」中计分，该列未使用。`,
        '按方案分期计分的指标填在「得分表（期次）」中，其余的填在「得分表」中。'));
    } else {
      codes.set(i, code);
      seenCodes.set(code, i);
      data.codes.add(code);
    }
  }
  if (unknown.length > SHOWN_UNKNOWN) {
    diagnostics.push(warning('W_UNKNOWN_COLUMNS', { file: sheet.file, sheet: sheet.name }, `另有 ${unknown.length - SHOWN_UNKNOWN} 列（${unknown[SHOWN_UNKNOWN]} 至 ${unknown.at(-1)}）也不是指标编码，均未参与计分。`,
      '请删除多余的列；表头只应有单位名称、类别和末级指标编码。'));
  }
  const columnOf = new Map([...codes].map(([i, code]) => [code, i]));
  const rowOf = new Map<Unit, number>();
  for (const row of table.rows) {
    const written = text(table, row, 'name');
    if (written === '') {
      if (row.values.some((v, i) => codes.has(i) && v !== null)) {
        diagnostics.push(error('E_ROW_NO_UNIT', whereOf(table, row, 'name'), `第 ${row.number} 行填写了分数，但没有单位名称。`));
      }
      continue;
    }
    const resolved = resolveUnit(roster, written);
    const where = whereOf(table, row, 'name');
    if (resolved.kind === 'excluded') {
      diagnostics.push(info('I_EXCLUDED_ROW', where, `单位「${resolved.name}」不参与评比，该行未计分。`));
      continue;
    }
    if (resolved.kind === 'unknown') {
      diagnostics.push(error('E_UNKNOWN_UNIT', where, `单位「${written.trim()}」不在单位名单中。`, resolved.hint ?? '请在「单位名单」中添加该单位，或改为名单中的名称。'));
      continue;
    }
    const unit = resolved.unit;
    const previous = rowOf.get(unit);
    if (previous !== undefined) {
      diagnostics.push(error('E_DUPLICATE_UNIT_ROW', where, `单位「${unit.name}」有两行（另见第 ${previous} 行）。`, '请删除或合并重复的行。'));
      continue;
    }
    rowOf.set(unit, row.number);
    if (written.trim() !== unit.name) {
      diagnostics.push(normalizeName(written) === unit.name
        ? warning('W_NAME_NORMALISED', where, `单位名称「${written}」含空格或全角字符，按「${unit.name}」处理。`)
        : warning('W_NAME_ALIAS', where, `「${written.trim()}」按单位名单识别为「${unit.name}」。`));
    }
    const category = normalizeName(text(table, row, 'category'));
    if (category !== '' && category !== unit.category) {
      diagnostics.push(error('E_CATEGORY_MISMATCH', whereOf(table, row, 'category'), `单位「${unit.name}」在此表中的类别「${category}」与单位名单中的「${unit.category}」不一致。`));
    }
    data.rows.set(unit, new RowCells(sheet, row, columnOf));
  }
  return data;
}
