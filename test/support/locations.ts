import { CODES, type Code, type CodeInfo } from '../../src/core/codes.js';

/**
 * Printed diagnostics (`错误 <where>：<message>（代码 E_X）`) whose location names no file, unless their
 * code is registered as having none. The tests give every input as an absolute path, and the
 * location starts with the file when there is one, so a located line goes on with `/`.
 */
export function unlocated(stderr: string): string[] {
  return stderr.split('\n').filter((line) => {
    const m = /^(?:错误|警告|提示) (.*)（代码 ([EWI]_[A-Z0-9_]+)）$/.exec(line);
    if (!m) return false;
    const info: CodeInfo | undefined = CODES[m[2] as Code];
    return info?.where !== 'none' && !m[1]!.startsWith('/');
  });
}
