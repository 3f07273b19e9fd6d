import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { error, warning } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import { fsFailure } from './fs-errors.js';
import { followedKind, makeFolder, nodeOps, type FileOps } from './file-ops.js';

/**
 * Publishing a set of outputs (the 通报 pair, a set of forms) as one step.
 *
 * 1. Every new file is written into a fresh hidden staging folder beside the outputs
 *    (`.score-<pid>-<random>`, short names inside: `0`, `1`, …) and flushed.
 * 2. The journal `journal` is written into the staging folder (through `journal.tmp` and a
 *    rename, so it is whole or absent). From here on the commit is decided.
 * 3. For each output: the earlier file is moved aside (into the staging folder, or into the
 *    `keepPrevious` folder), then the new one is renamed into place.
 * 4. The journal is removed, then the staging folder with the earlier files.
 *
 * Recovery (`recoverOutputs`, run by every writing command before anything else) finds staging
 * folders of processes that are gone: without a journal, the staging folder is removed (the
 * earlier outputs were never touched); with one, it is completed if every new file is already in
 * place, otherwise rolled back (new files taken out, earlier ones put back). Each recovery step
 * leaves a state recovery understands, so a recovery that is itself cut short is finished by the
 * next one. A failure inside the process takes the same path at once.
 */

export interface PendingFile {
  target: string;
  write: (tempPath: string) => Promise<void>;
}

/** Who is writing: staging folders of a live process are never recovered under its feet. */
export interface Owner {
  pid: number;
  isAlive(pid: number): boolean;
}

export interface CommitOptions {
  owner: Owner;
  /** A folder, relative to the outputs' folder, to move the earlier outputs into instead of deleting them. */
  keepPrevious?: string;
  /** Runs when every new file is staged, just before the commit (tests pause here to interrupt). */
  beforeCommit?: () => Promise<void>;
  ops?: FileOps;
}

interface Journal {
  targets: string[];
  keep: string | null;
}

const JOURNAL = 'journal';
const STAGING = /^\.score-(\d+)-[0-9a-f]{6}$/;

/** Staging folders of this process still being written: removed at once on Ctrl-C. */
const preparing = new Set<string>();
/** Staging folders this process owns (preparing or committing): recovery leaves them alone. */
const owned = new Set<string>();

export async function commitFiles(files: readonly PendingFile[], options: CommitOptions): Promise<void> {
  if (files.length === 0) return;
  const ops = options.ops ?? nodeOps;
  const dir = path.dirname(files[0]!.target);
  if (files.some((f) => path.dirname(f.target) !== dir)) throw new Error('commitFiles: outputs of one commit share one folder');
  if (options.keepPrevious !== undefined && !staysInside(options.keepPrevious)) throw new Error(`commitFiles: keepPrevious must be a folder below the outputs' folder: ${options.keepPrevious}`);
  const journal: Journal = { targets: files.map((f) => path.basename(f.target)), keep: options.keepPrevious ?? null };
  try {
    checkTargets(dir, journal, ops);
  } catch (e) {
    throw fsFailure(e, dir, '写入');
  }
  const staging = path.join(dir, `.score-${options.owner.pid}-${randomBytes(3).toString('hex')}`);
  let current = dir;
  let made = false;
  let decided = false;
  // Each staged file is flushed to the disk while the next one is written; all are flushed before the journal.
  const flushes: { target: string; done: Promise<void> }[] = [];
  try {
    ops.mkdir(staging);
    made = true;
    owned.add(staging);
    preparing.add(staging);
    for (const [i, f] of files.entries()) {
      current = f.target;
      await f.write(path.join(staging, String(i)));
      const done = ops.flush(path.join(staging, String(i)));
      // Held at once: a flush that fails while a later file is written is reported below, not as an unhandled rejection.
      done.catch(() => undefined);
      flushes.push({ target: f.target, done });
    }
    for (const { target, done } of flushes) {
      current = target;
      await done;
    }
    await options.beforeCommit?.();
    current = dir;
    // Everything from here to the end is synchronous: no signal handler runs in between.
    ops.writeFile(path.join(staging, `${JOURNAL}.tmp`), JSON.stringify(journal));
    ops.rename(path.join(staging, `${JOURNAL}.tmp`), path.join(staging, JOURNAL));
    ops.fsync(staging);
    decided = true;
    preparing.delete(staging);
    placeAll(dir, staging, journal, ops, (t) => (current = t));
    finish(dir, staging, ops);
    owned.delete(staging);
  } catch (e) {
    // No file is removed while the disk may still be flushing it.
    await Promise.allSettled(flushes.map((f) => f.done));
    preparing.delete(staging);
    owned.delete(staging);
    // A staging folder this commit did not make (EEXIST) is not its to remove.
    throw failed(e, current, () => (decided ? settle(dir, staging, ops) : made ? discard(staging, ops) : undefined));
  }
}

/** A folder below the outputs' folder: recovery moves files there and back, never anywhere else. */
function staysInside(folder: string): boolean {
  return folder !== '' && !path.isAbsolute(folder) && !path.win32.isAbsolute(folder) && !folder.split(/[\\/]/).some((part) => part === '..' || part === '');
}

/** The error to report: the real one, never one from the cleanup; a note when the cleanup is left to the next run. */
function failed(e: unknown, file: string, cleanup: () => void): ScoreError {
  const failure = fsFailure(e, file, '写入');
  try {
    cleanup();
    return failure;
  } catch {
    const note = warning('W_RECOVERY_PENDING', { file: path.dirname(file) }, '写出没有完成，已写的部分留在隐藏的暂存文件夹中；下次在这个文件夹运行 score 时会自动恢复为上次完整的结果。');
    return new ScoreError([...failure.diagnostics, note]);
  }
}

/** Before anything is written: every output is a file or nothing, and nothing is in the keep folder's way. */
function checkTargets(dir: string, journal: Journal, ops: FileOps): void {
  const problems = journal.targets.flatMap((name) => {
    const target = path.join(dir, name);
    const kind = ops.kind(target);
    if (kind !== undefined && (kind === 'link' ? followedKind(target) : kind) !== 'file') return [notAFile(target)];
    if (kind !== undefined && journal.keep !== null && ops.kind(path.join(dir, journal.keep, name)) !== undefined) {
      return [error('E_KEEP_EXISTS', { file: path.join(dir, journal.keep, name) }, `「${path.join(dir, journal.keep, name)}」已存在，不能把上次的结果移到那里。`, '请换一个保存上次结果的文件夹。')];
    }
    return [];
  });
  if (problems.length > 0) throw new ScoreError(problems);
}

export function notAFile(target: string) {
  return error('E_OUTPUT_NOT_FILE', { file: target }, `输出位置「${target}」已被一个文件夹（或其他不是普通文件的东西）占用，不能写在那里。`,
    '请移走或改名这个文件夹，或用 -o 指定其他输出文件夹。没有写入任何文件。');
}

function asideOf(dir: string, staging: string, journal: Journal, i: number): string {
  return journal.keep === null ? path.join(staging, `old-${i}`) : path.join(dir, journal.keep, journal.targets[i]!);
}

function placeAll(dir: string, staging: string, journal: Journal, ops: FileOps, at: (target: string) => void): void {
  if (journal.keep !== null) makeFolder(path.join(dir, journal.keep), ops);
  journal.targets.forEach((name, i) => {
    const target = path.join(dir, name);
    at(target);
    if (ops.kind(target) !== undefined) ops.rename(target, asideOf(dir, staging, journal, i));
    ops.rename(path.join(staging, String(i)), target);
  });
  ops.fsync(dir);
}

/** Every new file is in place: the journal goes first, so a cut here leaves only a folder to remove. */
function finish(dir: string, staging: string, ops: FileOps): void {
  ops.unlink(path.join(staging, JOURNAL));
  discard(staging, ops);
  ops.fsync(dir);
}

/** Takes the new files out and puts the earlier ones back, then removes the staging folder. */
function rollBack(dir: string, staging: string, journal: Journal, ops: FileOps): void {
  const placed = journal.targets.map((_, i) => ops.kind(path.join(staging, String(i))) === undefined);
  for (let i = journal.targets.length - 1; i >= 0; i--) {
    const target = path.join(dir, journal.targets[i]!);
    if (placed[i]) ops.rename(target, path.join(staging, String(i)));
    const aside = asideOf(dir, staging, journal, i);
    if (ops.kind(aside) !== undefined) ops.rename(aside, target);
  }
  // While the journal is there a cut is rolled back again; without it, the folder made for the
  // earlier outputs would be left empty.
  if (journal.keep !== null) removeEmptyFolders(dir, journal.keep, ops);
  ops.unlink(path.join(staging, JOURNAL));
  discard(staging, ops);
  ops.fsync(dir);
}

/** The keep folder made for a commit that did not happen; folders holding anything stay. */
function removeEmptyFolders(dir: string, keep: string, ops: FileOps): void {
  for (let at = path.join(dir, keep); at.startsWith(dir + path.sep); at = path.dirname(at)) {
    const kind = ops.kind(at);
    if (kind === undefined) continue;
    if (kind !== 'dir' || ops.list(at).length > 0) return;
    ops.rmdir(at);
  }
}

function discard(staging: string, ops: FileOps): void {
  if (ops.kind(staging) !== 'dir') return;
  for (const name of ops.list(staging)) ops.unlink(path.join(staging, name));
  ops.rmdir(staging);
}

export type Recovery = 'discarded' | 'completed' | 'rolled back';

/** Ends a commit that was cut short: removes an undecided one, completes or rolls back a decided one. */
function settle(dir: string, staging: string, ops: FileOps): Recovery {
  const names = ops.list(staging);
  if (!names.includes(JOURNAL)) {
    discard(staging, ops);
    return 'discarded';
  }
  const journal = readJournal(staging, ops);
  if (journal.targets.every((_, i) => !names.includes(String(i)))) {
    finish(dir, staging, ops);
    return 'completed';
  }
  rollBack(dir, staging, journal, ops);
  return 'rolled back';
}

function readJournal(staging: string, ops: FileOps): Journal {
  const file = path.join(staging, JOURNAL);
  try {
    const data = JSON.parse(ops.readFile(file)) as Partial<Journal>;
    if (Array.isArray(data.targets) && data.targets.every((t) => typeof t === 'string' && t === path.basename(t) && t !== '..') && (data.keep === null || (typeof data.keep === 'string' && staysInside(data.keep)))) {
      return { targets: data.targets, keep: data.keep };
    }
  } catch (e) {
    if (e instanceof SyntaxError === false) throw e;
  }
  throw new ScoreError([error('E_RECOVERY_FAILED', { file }, `上次中断的写出记录「${file}」无法读懂，没有自动恢复。`,
    '请检查该文件夹中的通报文件是否完整；确认后删除这个隐藏文件夹即可。')]);
}

export interface Recovered {
  staging: string;
  outcome: Recovery;
}

/**
 * Before a command writes into `dir`: every commit there that a finished or killed process left
 * half done is settled. Staging folders of live processes (this one's included) are left alone.
 */
export function recoverOutputs(dir: string, owner: Owner, ops: FileOps = nodeOps): Recovered[] {
  let names: string[];
  try {
    names = ops.kind(dir) === 'dir' ? ops.list(dir) : [];
  } catch {
    return [];
  }
  const done: Recovered[] = [];
  for (const name of names) {
    const match = STAGING.exec(name);
    const staging = path.join(dir, name);
    if (!match || owned.has(staging) || ops.kind(staging) !== 'dir') continue;
    const pid = Number(match[1]);
    if (pid !== owner.pid && owner.isAlive(pid)) continue;
    try {
      done.push({ staging, outcome: settle(dir, staging, ops) });
    } catch (e) {
      throw fsFailure(e, staging, '移动');
    }
  }
  return done;
}

/** On Ctrl-C: staging folders still being written are removed (synchronously; the process ends next). */
export function abandonStaging(ops: FileOps = nodeOps): number {
  const count = preparing.size;
  for (const staging of preparing) {
    try {
      discard(staging, ops);
    } catch {
      // The next run removes what is left: it is hidden and has no journal.
    }
  }
  preparing.clear();
  return count;
}
