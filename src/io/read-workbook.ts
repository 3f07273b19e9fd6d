import { open, stat } from 'node:fs/promises';
import type { CodeOf } from '../core/codes.js';
import { error } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import type { RawSheet } from './raw-sheet.js';
import { describeProblem } from './xlsx-messages.js';
import { XlsxProblem } from './xlsx-problem.js';
import { readXlsxSheets } from './xlsx-reader.js';
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
  let info;
  try {
    info = await stat(file);
  } catch {
    fail(file, 'E_FILE_NOT_FOUND', `找不到文件「${file}」。`, '请检查文件名和所在文件夹是否正确。');
  }
  if (info.isDirectory()) fail(file, 'E_IS_DIRECTORY', `「${file}」是一个文件夹，不是工作簿。`, '请指定文件夹中的 .xlsx 文件。');
  if (info.size === 0) fail(file, 'E_EMPTY_FILE', `文件「${file}」是空文件（0 字节）。`, '请重新保存或重新获取该文件。');
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    fail(file, 'E_UNREADABLE', `无法打开「${file}」：没有读取权限，或文件正被其他程序占用。`, '请关闭占用它的程序，或把文件复制到自己的文件夹后再试。');
  }
  try {
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
export async function readXlsx(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<RawSheet[]> {
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
    return await readXlsxSheets(file, limits);
  } catch (e) {
    if (e instanceof XlsxProblem) throw new ScoreError([describeProblem(file, e)], e);
    throw e;
  }
}
