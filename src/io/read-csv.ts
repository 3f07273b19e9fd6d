import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { iconv } from './iconv.js';
import { error } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import { cellRef, type CellValue, type RawRow, type RawSheet } from '../core/raw-sheet.js';
import { readRegular } from './regular-file.js';
import { controlWarnings, newControlNotes, shownText, type ControlNotes } from './control-notes.js';
import { decodeText } from './decode-text.js';
import { countInput } from './input-meter.js';

/** How a CSV's bytes were read, for the message when the choice matters. */
export type CsvEncoding = 'utf8' | 'gb18030' | string;

/**
 * The text of a CSV. Files saved by Chinese Windows Excel/WPS are usually GBK: UTF-8 (with or
 * without BOM) is taken when the bytes are valid UTF-8, else GB18030 (a superset of GBK);
 * `forced` (--encoding) overrides.
 */
export function decodeCsv(bytes: Buffer, forced?: string): { text: string; encoding: CsvEncoding } {
  if (forced) return { text: iconv().decode(bytes, forced).replace(/^\uFEFF/, ''), encoding: forced };
  const { text, encoding } = decodeText(bytes);
  return { text, encoding };
}

const PLAIN_NUMBER = /^-?(\d+(\.\d+)?|\.\d+)$/;

/** A CSV field: empty is blank, a plain number is a number (as Excel would read it), the rest is text. */
function csvValue(field: string, cell: () => string, notes: ControlNotes): CellValue {
  if (field === '') return null;
  return PLAIN_NUMBER.test(field) ? Number(field) : shownText(field, cell, notes);
}

/**
 * A CSV file as one sheet, named by the file (得分表.csv is the sheet 得分表). Rows are records,
 * numbered as Excel shows them when it opens the file, so messages point at the cell a clerk sees.
 */
export async function readCsv(file: string, forced?: string): Promise<RawSheet> {
  if (forced && !iconv().encodingExists(forced)) {
    throw new ScoreError([error('E_BAD_ENCODING', { file }, `不认识的编码「${forced}」。`, '常用的有 utf8、gb18030（包含 GBK）、utf16le。')]);
  }
  const bytes = await readRegular(file, '');
  countInput(bytes.length);
  const { text } = decodeCsv(bytes, forced);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new ScoreError([error('E_BAD_CSV', { file, line: err.lines ?? 1 }, `CSV 文件「${file}」格式有误，无法读取。`,
      '请检查引号是否成对；可在 Excel 或 WPS 中打开后另存为 .xlsx。')]);
  }
  const rows: RawRow[] = [];
  const notes = newControlNotes();
  records.forEach((fields, i) => {
    const values = fields.map((f, k) => csvValue(f, () => cellRef(i + 1, k), notes));
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    if (values.length > 0) rows.push({ number: i + 1, values });
  });
  const name = path.basename(file).replace(/\.csv$/i, '');
  const problems = controlWarnings(file, name, notes);
  return { file, name, rows, ...(problems.length > 0 ? { problems } : {}) };
}
