import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A file an input names (the scheme's notice.template), found where inputs may point, or why not. */
export type Located = { file: string; real: string } | { refusal: string; notFound?: true };

function inside(real: string, root: string): boolean {
  return real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** Why the text of a name may not be used at all, before the disk is asked. */
function badName(name: string): string | undefined {
  if (/[\u0000-\u001f]/.test(name)) return '文件名中有控制字符';
  if (path.isAbsolute(name) || path.win32.isAbsolute(name) || /^[a-zA-Z]:/.test(name)) return '不能写绝对路径，只能写方案旁边的文件名';
  if (name.split(/[\\/]/).includes('..')) return '不能用「..」指向方案所在文件夹之外';
  return undefined;
}

async function realOrUndefined(p: string): Promise<string | undefined> {
  try {
    return await realpath(p);
  } catch {
    return undefined;
  }
}

/**
 * A file named inside an input may only be a regular file in `base` (the scheme's folder) or below
 * it, or in one of `shared` (the package's templates folder); the real paths are compared, so a
 * link that leads out of these folders is refused like `..` or an absolute path. A workbook from
 * elsewhere must not be able to put /etc/passwd, a device or a FIFO into the notice.
 */
export async function locateNamedFile(name: string, base: string, shared: readonly string[]): Promise<Located> {
  const bad = badName(name);
  if (bad) return { refusal: bad };
  const roots = (await Promise.all([base, ...shared].map(realOrUndefined))).filter((r): r is string => r !== undefined);
  for (const folder of [base, ...shared]) {
    const file = path.resolve(folder, name);
    const real = await realOrUndefined(file);
    if (real === undefined) continue;
    if (!roots.some((root) => inside(real, root))) return { refusal: '它是指向方案所在文件夹之外的链接' };
    const info = await stat(real).catch(() => undefined);
    if (info === undefined) return { refusal: '无法读取它' };
    if (info.isDirectory()) return { refusal: '它是一个文件夹，不是文件' };
    if (!info.isFile()) return { refusal: '它不是普通文件（是设备、管道或其他特殊文件）' };
    return { file, real };
  }
  return { refusal: '找不到这个文件', notFound: true };
}
