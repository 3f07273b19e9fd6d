import { DEFAULT_LIMITS, NotWorkbookError, PartTooLargeError, readSheetStreams, type ReadLimits } from './exceljs.js';
import type { CodeOf } from '../core/codes.js';
import { error } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import type { RawRow, RawSheet } from './raw-sheet.js';
import { openRegular } from './regular-file.js';
import { TooManyColumnsError } from './sheet-xml.js';
import { controlWarnings } from './control-notes.js';

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
 * What is wrong with a workbook, in a sentence: the zip library's and the XML parser's own words
 * are English and name their internals ("Encrypted zip are not supported", "4:17: unclosed tag").
 */
function corruption(e: Error, sheet: string | undefined): string {
  const where = sheet === undefined ? '' : `工作表「${sheet}」`;
  if (/encrypted/i.test(e.message)) return '文件是加密的压缩包，无法打开';
  if (/^\d+:\d+: /.test(e.message)) return `${where || '文件中'}的 XML 内容有误（文件已损坏，或不是办公软件保存的）`;
  if (/^缺少 /.test(e.message)) return `文件不完整，${e.message}`;
  return `文件已损坏${where ? `（读到${where}时出错）` : ''}或不是有效的 .xlsx`;
}

/**
 * Reads every sheet of an .xlsx, streaming each sheet's rows (see readSheetStreams) into plain
 * values. Merged ranges come back with their value in the master cell only.
 */
export async function readXlsx(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<RawSheet[]> {
  const head = await sniff(file);
  const display = file;
  if (startsWith(head, OLE_MAGIC)) {
    fail(display, 'E_OLD_XLS', `「${file}」是旧版 Excel（.xls/.et）格式或已加密的工作簿，无法读取。`,
      '请在 Excel 或 WPS 中打开，另存为「Excel 工作簿（*.xlsx）」，如有密码请先取消密码。');
  }
  if (!startsWith(head, ZIP_MAGIC)) {
    fail(display, 'E_NOT_XLSX', `「${file}」不是 Excel 工作簿（.xlsx）。`,
      '请确认文件类型；如果是 CSV 或文本文件，请在 Excel 或 WPS 中打开后另存为 .xlsx。');
  }
  const sheets: RawSheet[] = [];
  let reading: string | undefined;
  try {
    for await (const sheet of readSheetStreams(file, limits)) {
      const rows: RawRow[] = [];
      reading = sheet.name;
      for await (const row of sheet.rows) rows.push(row);
      reading = undefined;
      const problems = controlWarnings(display, sheet.name, sheet.controls);
      const percent = sheet.controls.percent;
      sheets.push({ file: display, name: sheet.name, rows, ...(percent.size > 0 ? { percent } : {}), ...(problems.length > 0 ? { problems } : {}) });
    }
  } catch (e) {
    if (e instanceof PartTooLargeError) {
      fail(display, 'E_SHEET_TOO_LARGE', `工作簿「${file}」中的「${e.part}」解压后超过 ${Math.round(e.limit / 1024 / 1024)} MB，已停止读取。`,
        '文件可能已损坏或被恶意构造；若确是正常的大表，请拆分后分别提交，或设置环境变量 SCORE_MAX_SHEET_MB 提高上限。');
    }
    if (e instanceof TooManyColumnsError) {
      fail(display, 'E_TOO_MANY_COLUMNS', `工作簿「${file}」的某个工作表超过了 Excel 的列数上限（16384 列，即 XFD 列），无法读取。`,
        '该文件不是 Excel 或 WPS 保存的；请在 Excel 或 WPS 中打开，删除多余的列后另存为 .xlsx。');
    }
    if (e instanceof NotWorkbookError) {
      fail(display, 'E_NOT_WORKBOOK', `「${file}」是压缩文件，但不是 Excel 工作簿（里面没有工作表）。`, '请确认选对了文件；若是 WPS 或其他软件导出的，请在 Excel 或 WPS 中另存为「Excel 工作簿（*.xlsx）」。');
    }
    fail(display, 'E_CORRUPT_XLSX', `无法读取工作簿「${file}」：${corruption(e as Error, reading)}。`,
      '请在 Excel 或 WPS 中打开并重新保存；打不开的文件请向报送单位重新索取。');
  }
  if (sheets.length === 0) {
    fail(display, 'E_NO_SHEETS', `工作簿「${file}」中没有可读取的工作表。`, '请在 Excel 或 WPS 中打开并重新保存为 .xlsx。');
  }
  return sheets;
}
