import { parseCellRef, parseRowNumber, shiftFormula } from './cell-text.js';
import { cellValue, type StoredCell, type ValueContext } from './cell-value.js';
import { newControlNotes, shownText, type ControlNotes } from './control-notes.js';
import { FormatKind } from './number-formats.js';
import { readPart } from './ooxml-package.js';
import { cellRef, type CellValue, type RawRow } from '../core/raw-sheet.js';
import { clearMerged } from './sheet-merges.js';
import { rootIs, type XmlElement as Tag, type XmlHandler } from './xml-events.js';
import { XlsxProblem } from './xlsx-problem.js';
import type { ZipPackage } from './zip-reader.js';

/** Excel's last column, XFD. */
const MAX_COLUMN = 16383;

const NONE = 0;
const V = 1;
const F = 2;
const T = 3;

export interface SheetContext extends ValueContext {
  formats: readonly FormatKind[];
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * A worksheet's rows, cell by cell as the parser meets them: nothing is allocated by row or
 * column number, so empty rows far below the data cost nothing and a cell on row 200,000,000 is
 * one row. Positions come from `r` when present, else from order (the next row, the next cell).
 */
class WorksheetReader implements XmlHandler {
  readonly rows: RawRow[] = [];
  readonly percent = new Set<string>();
  readonly merges: string[] = [];
  readonly notes = newControlNotes();
  private inData = false;
  private inRow = false;
  private inCell = false;
  private previousRow = 0;
  private rowNumber: number | undefined;
  private values: CellValue[] = [];
  private last = -1;
  private column = -1;
  private percentColumns: number[] = [];
  private capture = NONE;
  private phonetic = 0;
  private readonly cell: StoredCell = { type: 'n', v: undefined, inline: undefined, formula: undefined, format: FormatKind.plain };
  private shared: { si: string; master: boolean } | undefined;
  private readonly sharedFormulas = new Map<string, { text: string; row: number; column: number }>();

  constructor(private readonly ctx: SheetContext) {}

  /** A chartsheet (or dialog or macro sheet) is a sheet without cells: it reads as an empty sheet, as before. */
  readonly root = rootIs('main', 'worksheet', 'chartsheet', 'dialogsheet', 'macrosheet');

  open(ns: string, local: string, tag: Tag): void {
    if (ns !== 'main') return;
    switch (local) {
      case 'sheetData': this.inData = true; break;
      case 'row': if (this.inData) this.startRow(tag); break;
      case 'c': if (this.inRow) this.startCell(tag); break;
      case 'v': if (this.inCell) this.startValue(); break;
      case 'f': if (this.inCell) this.startFormula(tag); break;
      case 'is': if (this.inCell) this.cell.inline = ''; break;
      case 't': if (this.inCell && this.cell.inline !== undefined && this.phonetic === 0) this.capture = T; break;
      case 'rPh': if (this.inCell) this.phonetic++; break;
      case 'mergeCell': this.merges.push(tag.attr('ref') ?? ''); break;
      default:
    }
  }

  text(t: string): void {
    if (this.capture === V) this.cell.v += t;
    else if (this.capture === T) this.cell.inline += t;
    else if (this.capture === F) this.cell.formula += t;
  }

  close(ns: string, local: string): void {
    if (ns !== 'main') return;
    switch (local) {
      case 'v': case 'f': case 't': this.capture = NONE; break;
      case 'rPh': this.phonetic = Math.max(0, this.phonetic - 1); break;
      case 'c': if (this.inCell) this.endCell(); break;
      case 'row': if (this.inRow) this.endRow(); break;
      case 'sheetData': this.inData = false; break;
      default:
    }
  }

  private get currentRow(): number {
    return this.rowNumber ?? this.previousRow + 1;
  }

  private refuse(kind: 'bad-reference' | 'too-many-columns', found: string): never {
    throw new XlsxProblem(kind, { part: this.ctx.part, sheet: this.ctx.sheet, found });
  }

  private startRow(tag: Tag): void {
    const r = tag.attr('r');
    this.rowNumber = r === undefined ? undefined : (parseRowNumber(r) ?? this.refuse('bad-reference', r));
    this.inRow = true;
    this.values = [];
    this.last = this.column = -1;
    this.percentColumns = [];
  }

  /** A plain cell in one step (see XmlHandler.plainCell): what startCell, the value's text and endCell make of it. */
  plainCell(column: number, row: number, s: number | undefined, t: string | undefined, v: string | undefined): boolean {
    // Beyond the last column: the long way refuses it, naming the reference as written.
    if (!this.inRow || column > MAX_COLUMN) return false;
    if (this.rowNumber === undefined) this.rowNumber = row;
    this.beginCellAt(column, s ?? 0, t);
    this.cell.v = v;
    this.endCell();
    return true;
  }

  private startCell(tag: Tag): void {
    const r = tag.attr('r');
    let column = this.column + 1;
    if (r !== undefined) {
      const at = parseCellRef(r) ?? this.refuse('bad-reference', r);
      column = at.column;
      if (this.rowNumber === undefined && at.row !== undefined) this.rowNumber = at.row;
    }
    if (column > MAX_COLUMN) this.refuse('too-many-columns', r ?? String(column + 1));
    this.beginCellAt(column, Number(tag.attr('s') ?? 0), tag.attr('t'));
  }

  private beginCellAt(column: number, style: number, t: string | undefined): void {
    this.column = column;
    this.inCell = true;
    // One StoredCell reused for every cell: a province's sheet has millions of them.
    const c = this.cell;
    c.type = t ?? 'n';
    c.v = c.inline = c.formula = undefined;
    c.format = this.ctx.formats[style] ?? FormatKind.plain;
    this.shared = undefined;
    this.phonetic = 0;
  }

  private startValue(): void {
    this.capture = V;
    this.cell.v = '';
  }

  private startFormula(tag: Tag): void {
    this.capture = F;
    this.cell.formula = '';
    const si = tag.attr('si');
    if (tag.attr('t') === 'shared' && si !== undefined) this.shared = { si, master: tag.attr('ref') !== undefined };
  }

  /** A cell sharing a formula carries no text: it is the master's, moved by the distance between them. */
  private spellSharedFormula(): void {
    const { shared, cell } = this;
    if (!shared || cell.formula === undefined) return;
    const known = this.sharedFormulas.get(shared.si);
    if (cell.formula.trim() !== '' && (shared.master || !known)) {
      this.sharedFormulas.set(shared.si, { text: cell.formula, row: this.currentRow, column: this.column });
    } else if (known) cell.formula = shiftFormula(known.text, this.currentRow - known.row, this.column - known.column);
  }

  private endCell(): void {
    this.inCell = false;
    this.capture = NONE;
    this.spellSharedFormula();
    let value = cellValue(this.cell, this.ctx);
    // An empty text shows as nothing: it is a blank cell, whether the writer shared it or inlined it.
    if (value === null || value === '') return;
    const { values, column } = this;
    if (typeof value === 'string') value = shownText(value, () => cellRef(this.currentRow, column), this.notes);
    while (values.length < column) values.push(null);
    values[column] = value;
    if (!isBlank(value) && column > this.last) this.last = column;
    if (typeof value === 'number' && this.cell.format === FormatKind.percent) this.percentColumns.push(column);
  }

  private endRow(): void {
    this.inRow = false;
    const number = this.currentRow;
    this.previousRow = number;
    if (this.last < 0) return;
    const values = this.values;
    values.length = this.last + 1;
    // Kept at its own length: an array grown cell by cell has room for half as many again
    // (77 places for 42 cells), held for every row of a province's sheet.
    this.rows.push({ number, values: values.slice() });
    for (const column of this.percentColumns) if (column <= this.last && typeof values[column] === 'number') this.percent.add(cellRef(number, column));
  }
}

/** A worksheet part as rows of plain values (merged ranges keep their value in the master cell only). */
export async function readWorksheet(zip: ZipPackage, ctx: SheetContext): Promise<{ rows: RawRow[]; percent: Set<string>; notes: ControlNotes }> {
  const reader = new WorksheetReader(ctx);
  await readPart(zip, ctx.part, reader);
  const rows = clearMerged(reader.rows, reader.merges, reader.percent);
  return { rows, percent: reader.percent, notes: reader.notes };
}
