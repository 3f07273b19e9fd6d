import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** `*` and `?` in the last part of a path, as a shell would read them. */
function patternOf(name: string): RegExp {
  const body = [...name].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * `score merge 交回\*.xlsx` in cmd or PowerShell: Windows shells hand the pattern over as written,
 * where a Unix shell would have listed the files. A pattern that names no existing file is expanded
 * here, in name order; one that matches nothing stays as written, to be reported as not found.
 */
export function expandPatterns(args: readonly string[], cwd: string): string[] {
  return args.flatMap((arg) => {
    const name = path.basename(arg);
    if (!/[*?]/.test(name) || /[*?]/.test(path.dirname(arg)) || existsSync(path.resolve(cwd, arg))) return [arg];
    let names: string[];
    try {
      names = readdirSync(path.resolve(cwd, path.dirname(arg)));
    } catch {
      return [arg];
    }
    const pattern = patternOf(name);
    const found = names.filter((n) => !n.startsWith('.') && !n.startsWith('~$') && pattern.test(n)).sort((a, b) => a.localeCompare(b, 'zh'));
    const dir = path.dirname(arg);
    return found.length > 0 ? found.map((n) => (dir === '.' && !arg.startsWith('.') ? n : path.join(dir, n))) : [arg];
  });
}
