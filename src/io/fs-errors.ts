import { error, type Diagnostic } from '../core/diagnostic.js';
import type { CodeOf } from '../core/codes.js';
import { ScoreError } from '../core/errors.js';

/** What went wrong, in a clerk's words, and what to do: one line per file-system error code. */
interface Reason {
  reason: string;
  hint: string;
}

/**
 * The one table of file-system errors. Every message about a file that could not be read, written,
 * moved or made comes from here, so no code is ever shown bare and no raw Node message leaks out.
 */
export const FS_REASONS: Readonly<Record<string, Reason>> = {
  ENOENT: { reason: '文件或它所在的文件夹不存在', hint: '请检查文件名和文件夹是否写对。' },
  ENOTDIR: { reason: '路径中有一段是文件而不是文件夹', hint: '请检查路径：文件名后面不能再接文件夹。' },
  EISDIR: { reason: '这是一个文件夹，不是文件', hint: '请指定文件夹中的文件，或换一个名称。' },
  ENAMETOOLONG: { reason: '文件名或路径太长，超出了文件系统的限制', hint: '请缩短文件名或文件夹名（一个名称最多约 80 个汉字）。' },
  EEXIST: { reason: '同名的文件或文件夹已存在', hint: '请换一个名称，或先移走已有的文件。' },
  ENOTEMPTY: { reason: '文件夹不是空的', hint: '请先移走文件夹中的文件。' },
  ENOSPC: { reason: '磁盘已满', hint: '请清理磁盘空间，或用 -o 指定其他磁盘上的文件夹。' },
  EDQUOT: { reason: '磁盘配额已用完', hint: '请清理空间，或联系管理员提高配额。' },
  EFBIG: { reason: '文件超过了这个磁盘允许的大小', hint: '请换一个磁盘（U 盘的 FAT32 格式单个文件不超过 4 GB）。' },
  EACCES: { reason: '没有权限，或文件正被其他程序（如 Excel、WPS）打开', hint: '请关闭该文件，或检查文件夹的权限后重新运行。' },
  EPERM: { reason: '操作不被允许：文件正被其他程序（如 Excel、WPS）打开，或没有权限', hint: '请关闭该文件，或检查文件夹的权限后重新运行。' },
  EBUSY: { reason: '文件正被其他程序（如 Excel、WPS）打开', hint: '请关闭该文件后重新运行。' },
  ETXTBSY: { reason: '文件正被其他程序使用', hint: '请关闭使用它的程序后重新运行。' },
  EROFS: { reason: '所在的磁盘是只读的', hint: '请用 -o 指定一个可以写入的文件夹。' },
  EMFILE: { reason: '同时打开的文件太多', hint: '请关闭一些程序后重新运行，或分批处理。' },
  ENFILE: { reason: '系统中打开的文件太多', hint: '请关闭一些程序后重新运行。' },
  EXDEV: { reason: '不能跨磁盘移动文件', hint: '请让输出文件夹和保存旧结果的文件夹在同一个磁盘上，或用 -o 指定本地文件夹。' },
  ELOOP: { reason: '符号链接层数太多（可能是循环链接）', hint: '请检查路径中的快捷方式或链接。' },
  EIO: { reason: '读写磁盘时出错', hint: '磁盘或网络盘可能有故障，请复制到本地后重试。' },
  ENXIO: { reason: '这是一个设备或管道，不是普通文件', hint: '请指定普通文件。' },
  ENODEV: { reason: '这是一个设备，不是普通文件', hint: '请指定普通文件。' },
  EINVAL: { reason: '名称或操作无效', hint: '请检查文件名中是否有特殊字符。' },
  EAGAIN: { reason: '文件暂时无法读写', hint: '请稍后重新运行。' },
  ESTALE: { reason: '网络盘上的文件已失效', hint: '请重新连接网络盘后重试。' },
  ECONNRESET: { reason: '网络盘连接中断', hint: '请重新连接网络盘后重试，或复制到本地。' },
};

export type FsAction = '读取' | '写入' | '新建文件夹' | '移动' | '删除' | '打开';

export function errnoOf(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
}

/** The sentence for an error code, naming the path: 无法写入「…」：磁盘已满。`what` names the file's role (方案文件). */
export function fsSentence(e: unknown, file: string, action: FsAction, what = ''): { message: string; hint: string } {
  const code = errnoOf(e);
  const known = Object.hasOwn(FS_REASONS, code) ? FS_REASONS[code] : undefined;
  const hint = known?.hint ?? '请检查该文件和它所在的文件夹后重新运行。';
  if (code === 'ENOENT' && (action === '读取' || action === '打开')) return { message: `找不到${what || '文件'}「${file}」。`, hint };
  const reason = known?.reason ?? `系统错误${code ? ` ${code}` : ''}：${typeof (e as { message?: unknown })?.message === 'string' ? (e as { message: string }).message : String(e)}`;
  return { message: `无法${action}${what}「${file}」：${reason}。`, hint };
}

/** The diagnostic for a failed file operation: reading errors and writing errors keep their own codes. */
export function fsDiagnostic(e: unknown, file: string, action: FsAction, what = ''): Diagnostic {
  const code = errnoOf(e);
  const { message, hint } = fsSentence(e, file, action, what);
  return error(diagnosticCode(code, action), { file }, message, hint);
}

function diagnosticCode(errno: string, action: FsAction): CodeOf<'error'> {
  if (action === '读取' || action === '打开') return errno === 'ENOENT' ? 'E_FILE_NOT_FOUND' : 'E_UNREADABLE';
  return ['EBUSY', 'EPERM', 'EACCES', 'ETXTBSY'].includes(errno) ? 'E_OUTPUT_LOCKED' : 'E_WRITE_FAILED';
}

/** A failed file operation as the error that ends the command (exit 3: a file cannot be read or written). */
export function fsFailure(e: unknown, file: string, action: FsAction, what = ''): ScoreError {
  if (e instanceof ScoreError) return e;
  return new ScoreError([fsDiagnostic(e, file, action, what)]);
}

const READING = new Set(['open', 'read', 'stat', 'lstat', 'fstat', 'readdir', 'realpath', 'access', 'scandir']);

/**
 * A system error from a file operation that no caller put into words (a Node error with a code,
 * a syscall and a path): still a sentence from the table, exit 3, rather than an internal error.
 */
export function systemFailure(e: unknown): ScoreError | undefined {
  const { syscall, path: file } = (e ?? {}) as { syscall?: unknown; path?: unknown };
  if (errnoOf(e) === '' || typeof syscall !== 'string' || typeof file !== 'string') return undefined;
  return fsFailure(e, file, READING.has(syscall) ? '读取' : '写入');
}
