import path from 'node:path/posix';
import { findWorkbookPart, isType, readRelationships, readWorkbookList, type Relationship, type SheetEntry } from './ooxml-package.js';
import { controlWarnings } from './control-notes.js';
import { readCellFormats, readSharedStrings } from './ooxml-parts.js';
import { readWorksheet, type SheetContext } from './ooxml-sheet.js';
import type { RawSheet } from '../core/raw-sheet.js';
import { within, XlsxProblem } from './xlsx-problem.js';
import { openZip, type ReadLimits, type ZipPackage } from './zip-reader.js';

type Shared = Omit<SheetContext, 'sheet' | 'part'>;

/**
 * A part the workbook points at by relationship type (sharedStrings, styles), or at its usual
 * place beside the workbook part when the relationship is missing; absent is fine (openpyxl
 * writes no styles, inline-string writers no shared strings).
 */
async function optionalPart<T>(zip: ZipPackage, book: string, rels: Map<string, Relationship>, type: string, read: (zip: ZipPackage, part: string) => Promise<T>): Promise<T | undefined> {
  const rel = [...rels.values()].find((r) => isType(r, type));
  const part = zip.find(rel?.part ?? path.join(path.dirname(book), `${type}.xml`));
  return part === undefined ? undefined : read(zip, part);
}

async function readSheet(zip: ZipPackage, file: string, rels: Map<string, Relationship>, entry: SheetEntry, shared: Shared): Promise<RawSheet> {
  const rel = entry.relId === undefined ? undefined : rels.get(entry.relId);
  const part = rel && zip.find(rel.part);
  if (part === undefined) throw new XlsxProblem('missing-part', { sheet: entry.name, ...(rel ? { part: rel.part } : {}) });
  try {
    const { rows, percent, notes } = await readWorksheet(zip, { ...shared, sheet: entry.name, part });
    const problems = controlWarnings(file, entry.name, notes);
    return { file, name: entry.name, rows, ...(percent.size > 0 ? { percent } : {}), ...(problems.length > 0 ? { problems } : {}) };
  } catch (e) {
    throw within(e, { sheet: entry.name });
  }
}

/** Which sheets to read, by name; the others are not inflated at all (an earlier 通报's record is one sheet of several). */
export type SheetFilter = (name: string) => boolean;

/**
 * Every sheet of an .xlsx (or those `wanted`) in the order workbook.xml lists them, read part by
 * part from the zip's central directory: relationships, the workbook, shared strings, styles, then
 * each worksheet, each inflated, decoded and parsed as a stream.
 */
export async function readXlsxSheets(file: string, limits: ReadLimits, wanted: SheetFilter = () => true): Promise<RawSheet[]> {
  const zip = await openZip(file, limits);
  try {
    const book = await findWorkbookPart(zip);
    const rels = await readRelationships(zip, book);
    const list = await readWorkbookList(zip, book);
    const shared: Shared = {
      strings: (await optionalPart(zip, book, rels, 'sharedStrings', readSharedStrings)) ?? [],
      formats: (await optionalPart(zip, book, rels, 'styles', readCellFormats)) ?? [],
      date1904: list.date1904,
    };
    if (list.sheets.length === 0) throw new XlsxProblem('no-sheets', { part: book });
    const sheets: RawSheet[] = [];
    for (const entry of list.sheets) if (wanted(entry.name)) sheets.push(await readSheet(zip, file, rels, entry, shared));
    return sheets;
  } finally {
    zip.close();
  }
}
