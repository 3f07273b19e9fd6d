import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { error, type Diagnostic } from '../core/diagnostic.js';
import { didYouMean, nearest } from '../core/suggest.js';

/**
 * `score chek a.xlsx`: a first argument that is no file, looks like no file name (no folder, no
 * extension) and is near a command's name is a mistyped command, not a missing workbook.
 */
export function commandTypo(args: readonly string[], commands: readonly string[], cwd: string): Diagnostic | undefined {
  const first = args[0]!;
  if (/[./\\]/.test(first) || existsSync(path.resolve(cwd, first))) return undefined;
  const near = nearest(first, commands, 1);
  if (near.length === 0) return undefined;
  return error('E_USAGE', {}, `用法错误：没有命令「${first}」，也没有这个文件。是否应为「score ${near[0]}」？`, `运行 score --help 查看全部命令。`);
}

/** The names in a folder, or none if it cannot be listed. */
function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A missing input's hint names the nearest file in its folder (`annaul.xlsx` → 「annual.xlsx」). */
export function withNearestFiles(diagnostics: readonly Diagnostic[], cwd: string): Diagnostic[] {
  return diagnostics.map((d) => {
    // A file that exists is not the missing one (a workbook naming a missing notice template).
    if (d.code !== 'E_FILE_NOT_FOUND' || d.where.file === undefined || existsSync(path.resolve(cwd, d.where.file))) return d;
    const dir = path.dirname(d.where.file);
    const near = didYouMean(path.basename(d.where.file), namesIn(path.resolve(cwd, dir)));
    if (near === undefined) return d;
    return { ...d, hint: `${near.replace(/「([^」]+)」/g, (_, name: string) => `「${dir === '.' ? name : path.join(dir, name)}」`)}${d.hint ? ` ${d.hint}` : ''}` };
  });
}
