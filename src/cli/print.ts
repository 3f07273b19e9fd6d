import type { ChalkInstance } from 'chalk';
import { formatWhere, SEVERITY_LABEL, type Diagnostic } from '../core/diagnostic.js';
import { visibleControls } from '../core/text.js';
import { boundDiagnostics, SHOWN_PER_KIND, sortDiagnostics } from '../report/bound-diagnostics.js';
import type { Stream } from './context.js';

/**
 * One problem as a line for the terminal: where, what, and the code last and dim (a clerk reads
 * the sentence; the code is for docs/diagnostics.md and for asking the maintainers).
 */
export function diagnosticLine(d: Diagnostic, c: ChalkInstance): string {
  const label = SEVERITY_LABEL[d.severity];
  const tag = d.severity === 'error' ? c.red(label) : d.severity === 'warning' ? c.yellow(label) : c.cyan(label);
  // A guard behind the readers: no text of a clerk's file (or name of one) drives the terminal.
  const where = visibleControls(formatWhere(d.where));
  return `${tag} ${where ? `${c.bold(where)}：` : ''}${visibleControls(d.message)}${c.dim(`（代码 ${d.code}）`)}`;
}

/** Problems on the terminal: errors first, at most `perKind` of each kind and a count of the rest. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], out: Stream, c: ChalkInstance, perKind = SHOWN_PER_KIND): void {
  for (const d of sortDiagnostics(perKind === Infinity ? diagnostics : boundDiagnostics(diagnostics, perKind))) {
    out.write(`${diagnosticLine(d, c)}\n`);
    if (d.hint) out.write(`    ${c.dim('→')} ${visibleControls(d.hint)}\n`);
  }
}

export function countLine(diagnostics: readonly Diagnostic[]): string {
  const n = (s: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === s).length;
  return `错误 ${n('error')} 个，警告 ${n('warning')} 个，提示 ${n('info')} 个`;
}
