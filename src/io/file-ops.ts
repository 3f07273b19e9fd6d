import { open } from 'node:fs/promises';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The file operations that publishing outputs is made of. Every step of a commit and of its
 * recovery goes through one of these, so a test can wrap them and make the N-th one fail or
 * "kill the process" there. Synchronous on purpose: a signal handler cannot run in the middle of
 * the commit's renames, and recovery needs no event loop. The one exception is `flush`, used only
 * while the new files are staged (before anything is decided): it runs on the thread pool, so the
 * disk flushes one file while the next is being written.
 */
export interface FileOps {
  /** One folder, not its parents (Node's recursive mkdir loops forever under /proc). */
  mkdir(dir: string): void;
  /** Writes a whole file and flushes it to the disk. */
  writeFile(file: string, text: string): void;
  /** Flushes a file or a folder's entries to the disk (folders: where the system allows it). */
  fsync(file: string): void;
  /** The same for a file, off the main thread: resolves once the file is on the disk. */
  flush(file: string): Promise<void>;
  rename(from: string, to: string): void;
  /** Removes a file (never a folder). */
  unlink(file: string): void;
  /** Removes an empty folder. */
  rmdir(dir: string): void;
  readFile(file: string): string;
  list(dir: string): string[];
  /** What is at a path, without following a link there; undefined when nothing is. */
  kind(file: string): Kind | undefined;
}

export type Kind = 'file' | 'dir' | 'link' | 'other';

function kindOf(file: string, follow: boolean): Kind | undefined {
  try {
    const s = follow ? statSync(file) : lstatSync(file);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : s.isSymbolicLink() ? 'link' : 'other';
  } catch (e) {
    if (['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw e;
  }
}

/** What a path leads to when links are followed (a dangling link: undefined). */
export function followedKind(file: string): Kind | undefined {
  return kindOf(file, true);
}

function fsyncPath(file: string): void {
  const folder = kindOf(file, false) === 'dir';
  let fd: number | undefined;
  try {
    // A file is opened for writing: Windows flushes only through such a handle (EPERM otherwise).
    fd = openSync(file, folder ? 'r' : 'r+');
    fsyncSync(fd);
  } catch (e) {
    // Folders cannot be opened or flushed on Windows, nor on some network disks; the renames
    // are still ordered by the system, only their durability across a power cut is weaker there.
    if (!folder) throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function flushFile(file: string): Promise<void> {
  // 'r+' as in fsyncPath: Windows flushes only through a handle opened for writing.
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const nodeOps: FileOps = {
  mkdir: (dir) => mkdirSync(dir),
  writeFile: (file, text) => {
    writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' });
    fsyncPath(file);
  },
  fsync: fsyncPath,
  flush: flushFile,
  rename: (from, to) => renameSync(from, to),
  unlink: (file) => unlinkSync(file),
  rmdir: (dir) => rmdirSync(dir),
  readFile: (file) => readFileSync(file, 'utf8'),
  list: (dir) => readdirSync(dir),
  kind: (file) => kindOf(file, false),
};

/**
 * Makes a folder and any missing parents, one level at a time: bounded by the number of names
 * in the path. The nearest existing parent must be a folder.
 */
export function makeFolder(dir: string, ops: FileOps = nodeOps): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    const kind = ops.kind(at) === 'link' ? followedKind(at) : ops.kind(at);
    if (kind === 'dir') break;
    if (kind !== undefined) throw Object.assign(new Error(`not a directory: ${at}`), { code: 'ENOTDIR', path: at });
    const parent = path.dirname(at);
    if (parent === at) break;
    missing.unshift(at);
    at = parent;
  }
  for (const d of missing) ops.mkdir(d);
}
