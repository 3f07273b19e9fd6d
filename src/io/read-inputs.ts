import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawSheet } from './raw-sheet.js';
import { assertFile, readXlsx } from './read-workbook.js';
import { readCsv } from './read-csv.js';
import type { ReadLimits } from './exceljs.js';
import { readRegularText } from './regular-file.js';

/** Sheets of every input: an .xlsx gives its sheets, a .csv one sheet named by the file. */
export async function readWorkbooks(files: readonly string[], limits?: ReadLimits, encoding?: string): Promise<RawSheet[]> {
  const sheets: RawSheet[] = [];
  for (const file of files) {
    if (/\.csv$/i.test(file)) {
      await assertFile(file);
      sheets.push(await readCsv(file, encoding));
    } else sheets.push(...(await readXlsx(file, limits)));
  }
  return sheets;
}

/** A text file (scheme YAML, notice template): UTF-8, with or without BOM; a regular file only (a FIFO would hang). */
export async function readText(file: string, what: string): Promise<string> {
  return readRegularText(file, what);
}

/** The folder the package is installed in: templates/ lives there. */
export function packageRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function defaultTemplatePath(): string {
  return path.join(packageRoot(), 'templates', 'notice.txt');
}

export function defaultCorrectionTemplatePath(): string {
  return path.join(packageRoot(), 'templates', 'correction.txt');
}
