import type { CodeOf } from '../core/codes.js';
import { error } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import type { RawSheet } from '../core/raw-sheet.js';
import { openRegular } from './regular-file.js';
import { XlsxProblem } from './xlsx-problem.js';
import { readXlsxSheets, type SheetFilter } from './xlsx-reader.js';
import { DEFAULT_LIMITS, type ReadLimits } from './zip-reader.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function fail(file: string, code: CodeOf<'error'>, message: string, hint?: string): never {
  throw new ScoreError([error(code, { file }, message, hint)]);
}

/** The file exists, is a file and is not empty; otherwise the Chinese message and exit 3. */
export async function assertFile(file: string): Promise<void> {
  await sniff(file);
}

async function sniff(file: string): Promise<Buffer> {
  // Opened without blocking and checked on the handle: a FIFO or a device is refused, never waited on.
  const handle = await openRegular(file, '');
  try {
    if ((await handle.stat()).size === 0) fail(file, 'E_EMPTY_FILE', `文件「${file}」是空文件（0 字节）。`, '请重新保存或重新获取该文件。');
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    return head;
  } finally {
    await handle.close();
  }
}

function startsWith(head: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => head[i] === b);
}

/**
 * Reads every sheet of an .xlsx into rows of plain values (see xlsx-reader.ts): a file that is
 * not a workbook, or a broken one, is refused with a Chinese sentence naming what is wrong and
 * where; the reader's own words travel along as the error's cause, for SCORE_DEBUG=1.
 */
export async function readXlsx(file: string, limits: ReadLimits = DEFAULT_LIMITS, wanted?: SheetFilter): Promise<RawSheet[]> {
  const head = await sniff(file);
  if (startsWith(head, OLE_MAGIC)) {
    fail(file, 'E_OLD_XLS', `「${file}」是旧版 Excel（.xls/.et）格式或已加密的工作簿，无法读取。`,
      '请在 Excel 或 WPS 中打开，另存为「Excel 工作簿（*.xlsx）」，如有密码请先取消密码。');
  }
  if (!startsWith(head, ZIP_MAGIC)) {
    fail(file, 'E_NOT_XLSX', `「${file}」不是 Excel 工作簿（.xlsx）。`,
      '请确认文件类型；如果是 CSV 或文本文件，请在 Excel 或 WPS 中打开后另存为 .xlsx。');
  }
  try {
    return await readXlsxSheets(file, limits, wanted);
  } catch (e) {
    // The sentences for a broken workbook are loaded only when one is found.
    if (e instanceof XlsxProblem) throw new ScoreError([(await import('./xlsx-messages.js')).describeProblem(file, e)], e);
    throw e;
  }
}
