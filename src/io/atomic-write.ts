import { writeFile } from 'node:fs/promises';
import type { ScoreError } from '../core/errors.js';
import { commitFiles, type CommitOptions, type Owner, type PendingFile } from './commit.js';
import { fsFailure } from './fs-errors.js';

export type { PendingFile } from './commit.js';

/**
 * A writer that does not say who it is: its staging folders are recovered only by another such
 * writer or after this process ends. The commands pass their real owner (see src/cli).
 */
const UNKNOWN_OWNER: Owner = { pid: 0, isAlive: () => true };

export function writeFailure(target: string, e: unknown): ScoreError {
  return fsFailure(e, target, '写入');
}

/** One file, written whole or not at all (see commitFiles). */
export async function writeAtomically(target: string, write: (tempPath: string) => Promise<void>, options?: CommitOptions): Promise<void> {
  await writeAllAtomically([{ target, write }], options);
}

/**
 * Several files in one folder as one set: the earlier set stays whole until the new one is
 * complete, and a run cut short anywhere is settled by the next (see commitFiles).
 */
export async function writeAllAtomically(files: readonly PendingFile[], options: CommitOptions = { owner: UNKNOWN_OWNER }): Promise<void> {
  await commitFiles(files, options);
}

export function textFile(target: string, text: string): PendingFile {
  return { target, write: (temp) => writeFile(temp, text, { encoding: 'utf8', flag: 'wx' }) };
}
