import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { error } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import { fsFailure } from './fs-errors.js';

/** Where the system has it, opening does not wait for a writer (a FIFO) or a device. */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

function notRegular(file: string, what: string, isDirectory: boolean): ScoreError {
  return new ScoreError([isDirectory
    ? error('E_IS_DIRECTORY', { file }, `${what}「${file}」是一个文件夹，不是文件。`, '请指定文件夹中的文件。')
    : error('E_NOT_REGULAR_FILE', { file }, `${what}「${file}」不是普通文件（是设备、管道或其他特殊文件），不能读取。`, '请指定一个普通文件。')]);
}

/**
 * Opens a file for reading only if it is a regular file. The check is made on the opened handle
 * (fstat), and the open itself does not block, so a FIFO or a device named as an input is refused
 * at once instead of hanging, and nothing can be swapped in between the check and the read.
 */
export async function openRegular(file: string, what: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | NONBLOCK);
  } catch (e) {
    throw fsFailure(e, file, '读取', what);
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw notRegular(file, what, info.isDirectory());
  }
  return handle;
}

/** A whole regular file's bytes. */
export async function readRegular(file: string, what: string): Promise<Buffer> {
  const handle = await openRegular(file, what);
  try {
    return await handle.readFile();
  } catch (e) {
    throw fsFailure(e, file, '读取', what);
  } finally {
    await handle.close();
  }
}

/** A text file (scheme YAML, notice template): UTF-8, with or without BOM. */
export async function readRegularText(file: string, what: string): Promise<string> {
  return (await readRegular(file, what)).toString('utf8').replace(/^\uFEFF/, '');
}
