import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, type Diagnostic } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import { notAFile } from './commit.js';
import { makeFolder } from './file-ops.js';
import { errnoOf, fsDiagnostic, fsFailure } from './fs-errors.js';

export interface OutputPlan {
  /** The folder the outputs go into. */
  dir: string;
  /** The outputs, each in `dir`. */
  targets: readonly string[];
  /** Every file read (workbooks, scheme, indicators, template): none of them may be replaced. */
  inputs: readonly (string | undefined)[];
  /** The folder may be made (score -o, template -o, init); otherwise it must exist (merge -o file). */
  create?: boolean;
  /** What to say when an output would replace an input. */
  hint?: string;
}

/** The most bytes a file name may have on the systems a clerk uses (ext4, NTFS, APFS: 255). */
const MAX_NAME_BYTES = 255;
const FILE_LIKE = /\.(xlsx|xlsm|xls|csv|txt|docx|yaml|yml)$/i;

/** What identifies a file whatever path leads to it: its real path, and its device and inode. */
interface Identity {
  real: string;
  id?: string;
}

async function identityOf(file: string): Promise<Identity | undefined> {
  try {
    const real = await realpath(file);
    const s = await stat(real);
    return { real, id: `${s.dev}:${s.ino}` };
  } catch {
    // Not there (yet): its real folder and its name identify where it would be.
    const dir = await realpath(path.dirname(file)).catch(() => undefined);
    return dir === undefined ? undefined : { real: path.join(dir, path.basename(file)) };
  }
}

function same(a: Identity, b: Identity): boolean {
  return a.real === b.real || (a.id !== undefined && a.id === b.id);
}

async function folderProblem(plan: OutputPlan): Promise<Diagnostic | undefined> {
  let info;
  try {
    info = await stat(plan.dir);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT' && plan.create) {
      return FILE_LIKE.test(plan.dir) ? notFolder(plan.dir, '这看起来是一个文件名，而 -o 指定的是输出文件夹（文件名由工作簿名决定）') : undefined;
    }
    // One output (merge -o file): name the file a clerk asked for.
    return fsDiagnostic(e, plan.targets.length === 1 ? plan.targets[0]! : plan.dir, '写入');
  }
  return info.isDirectory() ? undefined : notFolder(plan.dir, '它是一个文件（或设备），不是文件夹');
}

function notFolder(dir: string, why: string): Diagnostic {
  return error('E_OUT_NOT_FOLDER', { file: dir }, `无法使用输出文件夹「${dir}」：${why}。`, '请用 -o（--out）指定一个文件夹。');
}

async function targetProblems(target: string, inputs: readonly Identity[], hint: string): Promise<Diagnostic[]> {
  if (Buffer.byteLength(path.basename(target)) > MAX_NAME_BYTES) {
    return [error('E_NAME_TOO_LONG', { file: target }, `输出文件名「${path.basename(target)}」太长（超过 ${MAX_NAME_BYTES} 字节，约 80 个汉字），无法保存。`,
      '请把输入工作簿改一个短一些的名字。')];
  }
  const own = await lstat(target).catch(() => undefined);
  if (own && !(own.isFile() || (own.isSymbolicLink() && (await stat(target).catch(() => undefined))?.isFile()))) return [notAFile(target)];
  const identity = await identityOf(target);
  if (identity && inputs.some((i) => same(i, identity))) {
    return [error('E_OUTPUT_IS_INPUT', { file: target }, `输出文件「${target}」是输入文件之一，不能覆盖输入。`, hint)];
  }
  return [];
}

/**
 * Before anything is read or written: the folder is usable, and every output is either absent or
 * a regular file that is not one of the inputs — compared by real path and by device and inode,
 * so a linked folder (`ln -s d alias`) or a hard link cannot make an output replace an input.
 * Throws every problem at once.
 */
export async function checkOutputs(plan: OutputPlan): Promise<void> {
  const hint = plan.hint ?? '请把输入文件改名，或用 --out 指定其他输出文件夹。';
  const folder = await folderProblem(plan);
  const inputs = (await Promise.all(plan.inputs.filter((i): i is string => i !== undefined).map(identityOf))).filter((i): i is Identity => i !== undefined);
  const problems = folder ? [folder] : (await Promise.all(plan.targets.map((t) => targetProblems(t, inputs, hint)))).flat();
  if (problems.length === 0) return;
  // The registry gives each its exit status: 2 for what the clerk asked for, 3 for what the disk refused.
  throw new ScoreError(problems);
}

/** Makes the output folder (and missing parents) once everything is ready to be written. */
export function prepareFolder(dir: string): void {
  try {
    makeFolder(dir);
  } catch (e) {
    throw fsFailure(e, dir, '新建文件夹');
  }
}

/** The outputs something is already at (a file, a link, anything): for commands that never overwrite. */
export async function existing(targets: readonly string[]): Promise<string[]> {
  const found = await Promise.all(targets.map((t) => lstat(t).then(() => t, () => undefined)));
  return found.filter((t): t is string => t !== undefined);
}

/** Whether a path leads to a folder (merge -o: a folder to put the merged workbook in, or its file name). */
export async function isFolder(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isDirectory(), () => false);
}
