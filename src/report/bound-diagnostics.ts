import { quoteSheet, type Diagnostic, type Where } from '../core/diagnostic.js';

/** Problems of one kind shown one by one on a terminal; the rest are counted in one line. */
export const SHOWN_PER_KIND = 20;

/** The same in a workbook's 问题 sheet or --json, where a longer list is still usable. */
export const LISTED_PER_KIND = 1000;

/** The problems of one code past the shown ones: counted, with what they have in common. */
interface Omitted {
  count: number;
  first: Diagnostic;
  last: Diagnostic;
  sameFile: boolean;
  sameSheet: boolean;
}

function add(o: Omitted | undefined, d: Diagnostic): Omitted {
  if (!o) return { count: 1, first: d, last: d, sameFile: true, sameSheet: true };
  return { count: o.count + 1, first: o.first, last: d, sameFile: o.sameFile && d.where.file === o.first.where.file, sameSheet: o.sameSheet && d.where.sheet === o.first.where.sheet };
}

function summary(code: Diagnostic['code'], o: Omitted, perKind: number): Diagnostic {
  const where: Where = {};
  if (o.sameFile && o.first.where.file !== undefined) where.file = o.first.where.file;
  if (o.sameSheet && o.first.where.sheet !== undefined) where.sheet = o.first.where.sheet;
  const cell = (w: Where): string => (w.sheet && w.cell ? `${quoteSheet(w.sheet)}!${w.cell}` : w.line !== undefined ? `第${w.line}行` : '');
  const [from, to] = [cell(o.first.where), cell(o.last.where)];
  const span = from && to && o.count > 1 ? `，从 ${from} 到 ${to}` : from ? `（${from}）` : '';
  return { code, severity: o.first.severity, where, message: `同类问题（${code}）另有 ${o.count} 处未逐条列出${span}。`,
    hint: `与上面列出的 ${perKind} 处同类；改正后重新检查，会列出其余各处。` };
}

/**
 * The first `perKind` problems of each code, in their order, and for each code with more one line
 * that counts the rest: 50,000 bad rows make a report of a few hundred lines, not megabytes.
 * Linear in the number of problems; the totals a clerk is told (countLine) still count them all.
 */
export function boundDiagnostics(diagnostics: readonly Diagnostic[], perKind = SHOWN_PER_KIND): Diagnostic[] {
  const seen = new Map<string, number>();
  const omitted = new Map<string, Omitted>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= perKind) out.push(d);
    else omitted.set(d.code, add(omitted.get(d.code), d));
  }
  // Each count right after the last problem of its kind that is shown.
  const shown = new Map<string, number>();
  return out.flatMap((d) => {
    const o = omitted.get(d.code);
    if (!o) return [d];
    shown.set(d.code, (shown.get(d.code) ?? 0) + 1);
    // One left over is shown itself: a line that counts one problem says less than the problem.
    return shown.get(d.code) === perKind ? [d, o.count === 1 ? o.first : summary(d.code, o, perKind)] : [d];
  });
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then notes; in the order found within each. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d, i) => ({ d, i })).sort((x, y) => ORDER[x.d.severity] - ORDER[y.d.severity] || x.i - y.i).map((x) => x.d);
}
