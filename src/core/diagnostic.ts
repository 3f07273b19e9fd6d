import type { Code, CodeOf } from './codes.js';

/**
 * A problem found in the user's data or configuration. Everything a clerk is told about their
 * files is one of these: collected, never thrown, so that every problem is reported at once.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Where {
  file?: string;
  sheet?: string;
  /** A1-style cell reference inside `sheet`, e.g. `C12`. */
  cell?: string;
  /** Path inside the scheme YAML, e.g. `bands[1].atLeast`. */
  path?: string;
  line?: number;
  column?: number;
}

export interface Diagnostic {
  /** One of the registered codes (src/core/codes.ts), listed in docs/diagnostics.md. */
  code: Code;
  severity: Severity;
  where: Where;
  message: string;
  hint?: string;
}

/**
 * Messages quote cells in 「…」; a quoted text longer than a name (a 1 MB cell) is shortened
 * here, once for every message, so that no report is flooded by one cell.
 */
function bounded(text: string): string {
  return text.replace(/「([^」]{61,})」/g, (_, quoted: string) => `「${brief(quoted)}」`);
}

function make(code: Code, severity: Severity, where: Where, message: string, hint?: string): Diagnostic {
  const d: Diagnostic = { code, severity, where, message: bounded(message) };
  if (hint !== undefined) d.hint = bounded(hint);
  return d;
}

export function error(code: CodeOf<'error'>, where: Where, message: string, hint?: string): Diagnostic {
  return make(code, 'error', where, message, hint);
}

export function warning(code: CodeOf<'warning'>, where: Where, message: string, hint?: string): Diagnostic {
  return make(code, 'warning', where, message, hint);
}

export function info(code: CodeOf<'info'>, where: Where, message: string): Diagnostic {
  return make(code, 'info', where, message);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Excel quotes a sheet name in a reference when it holds anything but letters, digits and `_`. */
export function quoteSheet(sheet: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `annual.xlsx 得分表!C12`, `方案.yaml 第3行 bands[0].atLeast` — where a clerk should look. */
export function formatWhere(where: Where): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.sheet && where.cell) parts.push(`${quoteSheet(where.sheet)}!${where.cell}`);
  else if (where.sheet) parts.push(`工作表「${where.sheet}」`);
  if (where.line !== undefined) parts.push(where.column !== undefined ? `第${where.line}行第${where.column}列` : `第${where.line}行`);
  if (where.path) parts.push(keyPathWords(where.path));
  return parts.join(' ');
}

/**
 * A key path of the scheme as a clerk reads it: `bands[0].atLeast` → 「bands 第 1 项的 atLeast」,
 * counting items from 1 as people do; the keys stay as written in the scheme.
 */
export function keyPathWords(keyPath: string): string {
  return keyPath.replace(/\[(\d+)\](\.)?/g, (_, n: string, dot: string | undefined) => ` 第 ${Number(n) + 1} 项${dot ? '的 ' : ''}`);
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** A cell's text as quoted in a message: at most `max` characters, the rest counted, never a megabyte. */
export function brief(text: string, max = 40): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…（共 ${chars.length} 字）`;
}
