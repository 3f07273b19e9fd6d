import saxes, { type SaxesParser as Parser, type SaxesTagPlain } from 'saxes';
import { visibleControls } from '../core/text.js';
import { cellRef, columnLetter, type CellValue, type RawRow } from './raw-sheet.js';

/**
 * A sheet's XML read in the sheet's own terms. exceljs's reader parseFloat()s every `<v>`, so
 * `<v>5O</v>` came back as 5 and `<v>0x32</v>` as 0; an ISO date cell (t="d") as 2024; a shared
 * string index past the end as an empty cell. Here each cell type is decoded by its own rule
 * and anything that breaks the rule stays visible as `{ invalid }`, for the cell's reader to
 * refuse with its address. The XML parser is saxes, the one exceljs uses, at the same pinned version.
 */
const { SaxesParser } = saxes as unknown as { SaxesParser: new () => Parser };

/** Excel's last column (XFD): a sheet claiming more is no Excel sheet. */
export const MAX_COLUMNS = 16384;

export class TooManyColumnsError extends Error {}

type Event = { kind: 'open'; tag: SaxesTagPlain } | { kind: 'text'; text: string } | { kind: 'close'; name: string };

/** XML events chunk by chunk, element names without a namespace prefix (`x:c` is `c`). */
async function* xmlEvents(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<Event[]> {
  const parser = new SaxesParser();
  let events: Event[] = [];
  let failure: Error | undefined;
  const local = (name: string): string => name.slice(name.indexOf(':') + 1);
  parser.on('error', (e) => (failure ??= e));
  parser.on('opentag', (tag) => events.push({ kind: 'open', tag: { ...tag, name: local(tag.name) } as SaxesTagPlain }));
  parser.on('text', (text) => events.push({ kind: 'text', text }));
  parser.on('cdata', (text) => events.push({ kind: 'text', text }));
  parser.on('closetag', (tag) => events.push({ kind: 'close', name: local(tag.name) }));
  for await (const chunk of chunks) {
    parser.write(chunk.toString());
    if (failure) throw failure;
    yield events;
    events = [];
  }
  parser.close();
  if (failure) throw failure;
  if (events.length > 0) yield events;
}

/**
 * Excel writes characters XML cannot hold as `_xHHHH_` (a line break typed in a cell is saved as
 * `_x000D_\n`); `_x005F_` escapes an underscore that would otherwise start one.
 */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\r\n/g, '\n');
}

/** The shared string table: the text of every `<si>`, runs joined, phonetic guides (`<rPh>`) left out. */
export async function readSharedStrings(xml: AsyncIterable<string | Buffer>): Promise<string[]> {
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  for await (const events of xmlEvents(xml)) {
    for (const e of events) {
      if (e.kind === 'open') {
        if (e.tag.name === 'si') current = '';
        else if (e.tag.name === 'rPh') phonetic++;
        else if (e.tag.name === 't') inText = phonetic === 0;
      } else if (e.kind === 'text') {
        if (inText && current !== undefined) current += e.text;
      } else if (e.name === 't') inText = false;
      else if (e.name === 'rPh') phonetic--;
      else if (e.name === 'si') {
        strings.push(decodeExcelEscapes(current ?? ''));
        current = undefined;
      }
    }
  }
  return strings;
}

/**
 * Cells whose text held control characters (shown visibly now): the first few by address and
 * text, the rest counted, so that a sheet of a million such cells costs no more than a few.
 */
/** What reading a sheet noted besides its values: control characters made visible, and cells shown as percentages. */
export interface ControlNotes {
  cells: { cell: string; text: string }[];
  count: number;
  /** A1 references of numbers in a percentage format (a rate leaf reads 0.92 there as 92). */
  percent: Set<string>;
}

export const NOTED_CONTROL_CELLS = 20;

/** The text with its control characters made visible, noted by cell when it had any. */
export function shownText(text: string, cell: string, notes: ControlNotes): string {
  const shown = visibleControls(text);
  if (shown === text) return text;
  notes.count++;
  if (notes.cells.length < NOTED_CONTROL_CELLS) notes.cells.push({ cell, text: shown });
  return shown;
}

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Whether cells of style `s` show their number as a percentage (a typed 92% is stored as 0.92). */
  isPercentStyle(s: number): boolean;
  /** Whether cells of style `s` show a date (a number formatted as a date is a date). */
  isDateStyle(s: number): boolean;
  date1904: boolean;
}

/** xsd:double as a sheet stores numbers; INF and NaN are lexically doubles but no cell's score. */
const DOUBLE = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;
const ISO_DATE = /^\s*\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[-+]\d{2}:\d{2})?)?\s*$/;

/** Days since 1899-12-30 (or 1904-01-01) to a date, as Excel counts them. */
function serialDate(days: number, date1904: boolean): Date {
  return new Date(Math.round((days - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

interface RawCell {
  ref?: string;
  type: string;
  style: number;
  value?: string;
  formula?: string;
  inline?: string;
}

/** A number `<v>`: a number (or a date, by its style), else what it holds, refused where read. */
function numberValue(text: string, style: number, ctx: SheetContext): CellValue {
  if (text.trim() === '') return null; // `<v/>`: nothing stored
  const n = DOUBLE.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n)) return { invalid: text, as: 'number' };
  return ctx.isDateStyle(style) ? serialDate(n, ctx.date1904) : n;
}

/** A cell's value by its type (t): s, inlineStr, str, b, e, d, or a number. */
function cellValue(c: RawCell, ctx: SheetContext): CellValue {
  if (c.type === 'inlineStr') return c.inline === undefined ? null : decodeExcelEscapes(c.inline);
  if (c.value === undefined) return c.formula !== undefined ? { formula: c.formula } : null;
  const text = c.value;
  switch (c.type) {
    case 's': {
      const index = /^\s*\d+\s*$/.test(text) ? Number(text) : -1;
      return index >= 0 && index < ctx.sharedStrings.length ? ctx.sharedStrings[index]! : { invalid: text, as: 'shared' };
    }
    case 'str': return decodeExcelEscapes(text);
    case 'e': return { error: text.trim() };
    case 'b': {
      const b = text.trim();
      return b === '1' || b === 'true' ? true : b === '0' || b === 'false' ? false : { invalid: text, as: 'boolean' };
    }
    case 'd': {
      const date = ISO_DATE.test(text) ? new Date(text.trim()) : undefined;
      return date && !Number.isNaN(date.getTime()) ? date : { invalid: text, as: 'date' };
    }
    case 'n':
    case '': return numberValue(text, c.style, ctx);
    default: return { invalid: text, as: 'type' };
  }
}

/** "AB12" → 27 (0-based column); undefined when the reference is no cell reference. */
function columnOf(ref: string | undefined): number | undefined {
  const m = ref === undefined ? null : /^\$?([A-Za-z]{1,4})\$?\d*$/.exec(ref);
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1]!.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

interface RowState {
  row?: RawRow;
  cell?: RawCell;
  /** Which text of the cell the XML text goes to. */
  into?: 'value' | 'formula' | 'inline';
  lastRow: number;
  nextColumn: number;
  phonetic: number;
  inData: boolean;
  notes: ControlNotes;
}

function open(state: RowState, name: string, attributes: Record<string, string>): void {
  switch (name) {
    case 'sheetData': state.inData = true; break;
    case 'row': {
      if (!state.inData) break;
      // A row without a number follows the one before it, as Excel reads it.
      const r = Number(attributes.r);
      state.lastRow = Number.isInteger(r) && r > 0 ? r : state.lastRow + 1;
      state.row = { number: state.lastRow, values: [] };
      state.nextColumn = 0;
      break;
    }
    case 'c': if (state.row) state.cell = { ref: attributes.r, type: attributes.t ?? '', style: Number(attributes.s ?? 0) || 0 }; break;
    case 'v': if (state.cell) { state.cell.value = ''; state.into = 'value'; } break;
    case 'f': if (state.cell) { state.cell.formula = ''; state.into = 'formula'; } break;
    case 'is': if (state.cell) state.cell.inline = ''; break;
    case 'rPh': state.phonetic++; break;
    case 't': if (state.cell?.inline !== undefined && state.phonetic === 0) state.into = 'inline'; break;
    default: break;
  }
}

/** The finished cell into its row; a reference past XFD is no Excel sheet. */
function place(state: RowState, ctx: SheetContext): void {
  const { row, cell } = state;
  if (!row || !cell) return;
  const column = columnOf(cell.ref) ?? state.nextColumn;
  if (column >= MAX_COLUMNS) throw new TooManyColumnsError(cell.ref ?? columnLetter(column));
  while (row.values.length < column) row.values.push(null);
  const value = cellValue(cell, ctx);
  row.values[column] = typeof value === 'string' ? shownText(value, cellRef(row.number, column), state.notes) : value;
  if (typeof value === 'number' && ctx.isPercentStyle(cell.style)) state.notes.percent.add(cellRef(row.number, column));
  state.nextColumn = column + 1;
}

/** A row without its trailing blank cells; undefined when nothing is left. */
function finished(row: RawRow): RawRow | undefined {
  const v = row.values;
  let last = v.length - 1;
  while (last >= 0 && (v[last] === null || (typeof v[last] === 'string' && (v[last] as string).trim() === ''))) last--;
  v.length = last + 1;
  return v.length > 0 ? row : undefined;
}

/**
 * The rows of a sheet's XML as they stream in, each a dense array of plain values from column A.
 * Texts come with their control characters made visible (an ESC in a unit name would colour the
 * terminal and the 通报), the cells noted in `notes`.
 */
export async function* sheetRows(xml: AsyncIterable<string | Buffer>, ctx: SheetContext, notes: ControlNotes): AsyncGenerator<RawRow> {
  const state: RowState = { lastRow: 0, nextColumn: 0, phonetic: 0, inData: false, notes };
  for await (const events of xmlEvents(xml)) {
    const done: RawRow[] = [];
    for (const e of events) {
      if (e.kind === 'open') open(state, e.tag.name, e.tag.attributes as Record<string, string>);
      else if (e.kind === 'text') {
        if (state.cell && state.into) state.cell[state.into] += e.text;
      } else if (e.name === 'v' || e.name === 'f' || e.name === 't') state.into = undefined;
      else if (e.name === 'rPh') state.phonetic--;
      else if (e.name === 'c') {
        place(state, ctx);
        state.cell = undefined;
      } else if (e.name === 'row') {
        const row = state.row && finished(state.row);
        if (row) done.push(row);
        state.row = undefined;
      } else if (e.name === 'sheetData') state.inData = false;
    }
    yield* done;
  }
}
