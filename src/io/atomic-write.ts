import { randomBytes } from 'node:crypto';
import { access, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { error } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';

/** A temporary name beside the target, so the final rename stays on one file system. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

export function writeFailure(target: string, e: unknown): ScoreError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const busy = ['EBUSY', 'EPERM', 'EACCES'].includes(code);
  return new ScoreError([error(busy ? 'E_OUTPUT_LOCKED' : 'E_WRITE_FAILED', { file: target },
    busy ? `无法写入「${target}」：文件正被其他程序（如 Excel、WPS）打开，或没有写入权限。` : `无法写入「${target}」（${code || (e as Error).message}）。`,
    busy ? '请关闭该文件后重新运行。' : '请检查输出文件夹是否存在、磁盘是否已满。')]);
}

/**
 * Writes through a temporary file and renames it into place only when complete: a failure
 * leaves any earlier output untouched and no partial file behind.
 */
export async function writeAtomically(target: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  await writeAllAtomically([{ target, write }]);
}

export interface PendingFile {
  target: string;
  write: (tempPath: string) => Promise<void>;
}

/**
 * Writes several files as one: every file goes to its temporary name first; only when all are
 * complete are earlier outputs moved aside and the new ones renamed into place. If any step fails,
 * the earlier outputs are put back and no temporary file is left: the pair is replaced whole or
 * not at all.
 */
export async function writeAllAtomically(files: readonly PendingFile[], ops: FileOps = nodeOps): Promise<void> {
  const temps = files.map((f) => tempPathFor(f.target));
  const backups: { target: string; backup: string }[] = [];
  const placed: string[] = [];
  let current = '';
  try {
    for (const [i, f] of files.entries()) {
      current = f.target;
      await f.write(temps[i]!);
    }
    for (const f of files) {
      current = f.target;
      if (await ops.exists(f.target)) {
        const backup = tempPathFor(f.target);
        await ops.rename(f.target, backup);
        backups.push({ target: f.target, backup });
      }
    }
    for (const [i, f] of files.entries()) {
      current = f.target;
      await ops.rename(temps[i]!, f.target);
      placed.push(f.target);
    }
  } catch (e) {
    for (const target of placed) await ops.remove(target);
    for (const { target, backup } of backups) await ops.rename(backup, target).catch(() => undefined);
    await Promise.all(temps.map((t) => ops.remove(t)));
    if (e instanceof ScoreError) throw e;
    throw writeFailure(current, e);
  }
  await Promise.all(backups.map((b) => ops.remove(b.backup)));
}

/** The file operations the commit step uses, replaceable in tests to make one of them fail. */
export interface FileOps {
  exists(path: string): Promise<boolean>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

const nodeOps: FileOps = {
  exists: (p) => access(p).then(() => true, () => false),
  rename: (from, to) => rename(from, to),
  remove: (p) => rm(p, { force: true }),
};

export function textFile(target: string, text: string): PendingFile {
  return { target, write: (temp) => writeFile(temp, text, 'utf8') };
}
