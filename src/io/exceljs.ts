import { PassThrough, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readRegular } from './regular-file.js';
import { isPercentFormat, type RawRow } from './raw-sheet.js';
import { readSharedStrings, sheetRows, type ControlNotes, type SheetContext } from './sheet-xml.js';

/**
 * Reading an .xlsx sheet by sheet, with exceljs's streaming parsers but not its zip handling.
 *
 * exceljs 4.4.0's WorkbookReader has two bugs that lose or corrupt data here:
 * - it walks the zip with unzipper in file order, and on Node ≥ 18 a race makes it skip entries
 *   (exceljs issue 3064): a workbook exceljs itself wrote, whose xl/workbook.xml comes last,
 *   fails most of the time;
 * - it decodes each chunk of XML on its own, so a Chinese character split across two chunks comes
 *   back as "��" (issues 2063, 2084).
 * - it parseFloat()s every stored value, so `<v>5O</v>` is 5 (see sheet-xml.ts).
 * So we open the zip with JSZip (exceljs's own dependency) for random access, give exceljs's
 * parsers the relationships, workbook and styles, read shared strings and sheets ourselves with
 * exceljs's XML parser, and decode every part as one UTF-8 text. Sheets are still inflated and
 * parsed as streams, row by row.
 */

type Parser = Record<string, (...args: unknown[]) => unknown> & {
  model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string; Type?: string }[];
  properties?: { date1904?: boolean };
  styles?: { getStyleModel(id: number): { numFmt?: string } | null };
};

/** A part of the zip inflates past the limit: a zip bomb, or a sheet no office produces. */
export class PartTooLargeError extends Error {
  constructor(readonly part: string, readonly limit: number) {
    super(part);
  }
}

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>, part = '', limit = Infinity): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    if (bytes > limit) throw new PartTooLargeError(part, limit);
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/** An entry's content as a Node stream of UTF-8 text, the shape exceljs's parsers read; at most `limit` bytes. */
function textOf(zip: JSZip, path: string, limit: number): Readable {
  const file = zip.file(path);
  if (!file) throw new Error(`缺少 ${path}`);
  // JSZip's stream is an old readable-stream without async iteration: pass it through Node's.
  // pipe() does not carry errors: a corrupt entry (bad CRC or length) must end the reading with
  // that error, not crash the process as an unhandled event or leave the reader waiting forever.
  const source = file.nodeStream('nodebuffer');
  const inflated = new PassThrough();
  source.on('error', (e: Error) => inflated.destroy(e));
  source.pipe(inflated);
  return Readable.from(decodeUtf8(inflated, path, limit));
}

export interface ReadLimits {
  /** Most bytes one part of the zip (a sheet's XML) may inflate to. */
  maxPartBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxPartBytes: 512 * 1024 * 1024 };

/** A sheet's part path from its relationship target: "worksheets/sheet1.xml" or "/xl/worksheets/x.xml". */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** A row as exceljs's reader gives it: values, and each cell's style (for percentage formats). */
export interface SheetRow {
  number: number;
  values: unknown[];
  getCell(column: number): { numFmt?: unknown };
}

export interface SheetStream {
  name: string;
  rows: AsyncIterable<RawRow>;
  /** Filled as the rows are read: cells whose text held control characters. */
  controls: ControlNotes;
}

/** A zip file that holds no Excel workbook (xl/workbook.xml): another program's archive. */
export class NotWorkbookError extends Error {}

/**
 * A number format that shows a date or a time (yyyy"年"m"月"d"日", mm-dd-yy, [h]:mm): text in
 * quotes, escaped characters and [colour] sections say nothing about it.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '').replace(/\[[^\]]*\]/g, '');
  return /[ymdhsbYMDHS]/.test(bare);
}

/** Whether cells of each style show dates, asked once per style. */
function dateStyles(parser: Parser, parsed: boolean): (s: number) => boolean {
  if (!parsed) return () => false; // no styles part: every number is General
  const known = new Map<number, boolean>();
  return (s) => {
    let date = known.get(s);
    if (date === undefined) known.set(s, (date = isDateFormat(parser.styles?.getStyleModel(s)?.numFmt)));
    return date;
  };
}

function percentStyles(parser: Parser, parsed: boolean): (s: number) => boolean {
  if (!parsed) return () => false;
  const known = new Map<number, boolean>();
  return (s) => {
    let percent = known.get(s);
    if (percent === undefined) {
      const format = parser.styles?.getStyleModel(s)?.numFmt;
      known.set(s, (percent = typeof format === 'string' && isPercentFormat(format)));
    }
    return percent;
  };
}

/**
 * The sheets of an .xlsx in workbook order, each with its rows as a stream. Relationships,
 * workbook and styles are exceljs's parsers; shared strings and sheets are read by sheet-xml.ts.
 * Throws on a broken file.
 */
export async function* readSheetStreams(file: string, limits: ReadLimits = DEFAULT_LIMITS): AsyncGenerator<SheetStream> {
  const textOf_ = (path: string): Readable => textOf(zip, path, limits.maxPartBytes);
  const zip = await JSZip.loadAsync(await readRegular(file, ''));
  if (!zip.file('xl/workbook.xml')) throw new NotWorkbookError(file);
  const Reader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: string, options: object) => Parser;
  const parser = new Reader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  await parser._parseRels!(textOf_('xl/_rels/workbook.xml.rels'));
  await parser._parseWorkbook!(textOf_('xl/workbook.xml'));
  const sharedStrings = zip.file('xl/sharedStrings.xml') ? await readSharedStrings(textOf_('xl/sharedStrings.xml')) : [];
  const styled = zip.file('xl/styles.xml') !== null;
  if (styled) await parser._parseStyles!(textOf_('xl/styles.xml'));
  const context: SheetContext = { sharedStrings, isDateStyle: dateStyles(parser, styled), isPercentStyle: percentStyles(parser, styled), date1904: parser.properties?.date1904 === true };
  for (const sheet of parser.model?.sheets ?? []) {
    const rel = parser.workbookRels?.find((r) => r.Id === sheet.rId);
    if (!rel) continue;
    const controls: ControlNotes = { cells: [], count: 0, percent: new Set() };
    yield { name: sheet.name, rows: sheetRows(textOf_(partPath(rel.Target)), context, controls), controls };
  }
}

export default ExcelJS;
