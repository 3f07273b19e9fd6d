import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { error } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import type { RawSheet } from './raw-sheet.js';
import { assertFile, readXlsx } from './read-workbook.js';
import { readCsv } from './read-csv.js';
import type { ReadLimits } from './zip-reader.js';

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

/** A text file (scheme YAML, notice template): UTF-8, with or without BOM. */
export async function readText(file: string, what: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `找不到${what}「${file}」。` : code === 'EISDIR' ? `${what}「${file}」是一个文件夹。` : `无法读取${what}「${file}」（${code}）。`;
    throw new ScoreError([error(code === 'ENOENT' ? 'E_FILE_NOT_FOUND' : 'E_UNREADABLE', { file }, message)]);
  }
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
