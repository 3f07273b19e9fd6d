import path from 'node:path';
import type { RawSheet } from '../core/raw-sheet.js';
import { assertFile, readXlsx } from './read-workbook.js';
import type { ReadLimits } from './zip-reader.js';
import type { SheetFilter } from './xlsx-reader.js';
import { readRegular } from './regular-file.js';
import { decodeText } from './decode-text.js';
import { error } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import { packageRoot } from './package-info.js';

/** Sheets of every input: an .xlsx gives its sheets (those `wanted`, when given), a .csv one sheet named by the file. */
export async function readWorkbooks(files: readonly string[], limits?: ReadLimits, encoding?: string, wanted?: SheetFilter): Promise<RawSheet[]> {
  const sheets: RawSheet[] = [];
  for (const file of files) {
    if (/\.csv$/i.test(file)) {
      await assertFile(file);
      // csv-parse is loaded only for a CSV input: a county's .xlsx run does not pay for it.
      sheets.push(await (await import('./read-csv.js')).readCsv(file, encoding));
    } else sheets.push(...(await readXlsx(file, limits, wanted)));
  }
  return sheets;
}

/**
 * A text file (scheme YAML, notice template) in whatever encoding a clerk's editor saved it:
 * UTF-8, UTF-16 or GBK (see decodeText). Bytes no encoding reads are said, with what to save as.
 */
export async function readText(file: string, what: string): Promise<string> {
  // A regular file only (a FIFO would hang); its errors are sentences from io/fs-errors.
  const bytes = await readRegular(file, what);
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new ScoreError([error('E_TEXT_ENCODING', { file }, `${what}「${file}」是压缩文件（如 Excel 工作簿），不是文本文件。`,
      '方案写在工作簿的「方案」表中时不需要 --scheme；单独的方案应是 .yaml 文本文件。')]);
  }
  const { text, readable } = decodeText(bytes);
  if (!readable) {
    throw new ScoreError([error('E_TEXT_ENCODING', { file }, `${what}「${file}」的编码无法识别：既不是 UTF-8、UTF-16，也不是 GBK。`,
      '请用记事本或 WPS 打开，「另存为」时把编码选为「UTF-8」。')]);
  }
  return text.replace(/^\uFEFF/, '');
}

export { packageRoot } from './package-info.js';

export function defaultTemplatePath(): string {
  return path.join(packageRoot(), 'templates', 'notice.txt');
}

export function defaultCorrectionTemplatePath(): string {
  return path.join(packageRoot(), 'templates', 'correction.txt');
}
