import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
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
 * Copies the earlier outputs that exist into a fresh folder `历史/<name>-<time>` beside them
 * before they are replaced (issue 10: a re-run never loses the earlier 通报). Copying, not
 * moving, so that a failed write leaves the earlier pair in place as well. Returns the folder,
 * or undefined when there was nothing to keep.
 */
export async function keepEarlier(targets: readonly string[], name: string, now: Date): Promise<string | undefined> {
  const existing = [];
  for (const t of targets) if (await isFile(t)) existing.push(t);
  if (existing.length === 0) return undefined;
  const stamp = localStamp(now);
  const root = path.join(path.dirname(existing[0]!), '历史');
  let folder = path.join(root, `${name}-${stamp}`);
  for (let n = 2; await stat(folder).then(() => true, () => false); n++) folder = path.join(root, `${name}-${stamp}-${n}`);
  await mkdir(folder, { recursive: true });
  for (const t of existing) await copyFile(t, path.join(folder, path.basename(t)));
  return folder;
}

/** 20261201-093306, in local time as the clerk reads their clock. */
function localStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
