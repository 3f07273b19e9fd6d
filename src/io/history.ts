import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** SHA-256 of a file's bytes, for the record of what a result was made from. */
export async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export async function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

/**
 * Where the earlier outputs go when a re-run replaces them (issue 10: never lost): a fresh folder
 * `历史/<name>-<time>` relative to the outputs' folder, for the commit's keepPrevious, which moves
 * them there in the same step that puts the new ones in place. Undefined when there is nothing to keep.
 */
export async function historyFolder(targets: readonly string[], name: string, now: Date): Promise<string | undefined> {
  let any = false;
  for (const t of targets) if (await isFile(t)) any = true;
  if (!any) return undefined;
  const dir = path.dirname(targets[0]!);
  const stamp = localStamp(now);
  let folder = path.join('历史', `${name}-${stamp}`);
  for (let n = 2; await stat(path.join(dir, folder)).then(() => true, () => false); n++) folder = path.join('历史', `${name}-${stamp}-${n}`);
  return folder;
}

/** 20261201-093306, in local time as the clerk reads their clock. */
function localStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
