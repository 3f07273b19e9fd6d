import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { formatWhere, SEVERITY_LABEL, type Diagnostic } from '../core/diagnostic.js';
import { visibleControls } from '../core/text.js';
import type { Assessment, UnitResult } from '../engine/assess.js';
import { allBands } from '../report/wording.js';
import { boundDiagnostics } from '../report/bound-diagnostics.js';
import { sortDiagnostics } from '../report/result-sheets.js';
import type { Stream } from './context.js';

/** Problems on the terminal: errors first, at most SHOWN_PER_KIND of each kind and a count of the rest. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], out: Stream, c: ChalkInstance): void {
  for (const d of sortDiagnostics(boundDiagnostics(diagnostics))) {
    const label = SEVERITY_LABEL[d.severity];
    const tag = d.severity === 'error' ? c.red(label) : d.severity === 'warning' ? c.yellow(label) : c.cyan(label);
    // A guard behind the readers: no text of a clerk's file (or name of one) drives the terminal.
    const where = visibleControls(formatWhere(d.where));
    out.write(`${tag} ${c.dim(d.code)} ${where ? `${c.bold(where)}：` : ''}${visibleControls(d.message)}\n`);
    if (d.hint) out.write(`    ${c.dim('→')} ${visibleControls(d.hint)}\n`);
  }
}

export function countLine(diagnostics: readonly Diagnostic[]): string {
  const n = (s: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === s).length;
  return `错误 ${n('error')} 个，警告 ${n('warning')} 个，提示 ${n('info')} 个`;
}

/** Counts per band and category, the first thing a clerk checks against expectations. */
export function summaryTable(a: Assessment, colour: boolean): string {
  const { categories } = a.scheme;
  const table = new Table({
    head: ['等次', ...categories, '合计'],
    style: colour ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
  });
  const row = (label: string, test: (r: UnitResult) => boolean): void => {
    const counts = categories.map((c) => a.results.filter((r) => test(r) && r.unit.category === c).length);
    table.push([label, ...counts.map(String), String(counts.reduce((x, y) => x + y, 0))]);
  };
  for (const band of allBands(a.scheme)) row(band.name, (r) => r.band === band.name);
  if (a.results.some((r) => r.pending)) row('待定', (r) => r.pending !== undefined);
  const totals = categories.map((c) => a.results.filter((r) => r.unit.category === c).length);
  table.push(['合计', ...totals.map(String), String(a.results.length)]);
  return table.toString();
}
