import { formatWhere, hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import { exitCodeFor, type ExitCode } from '../../core/codes.js';
import { ScoreError } from '../../core/errors.js';
import type { IndicatorTree } from '../../engine/model.js';
import { boundDiagnostics, LISTED_PER_KIND } from '../../report/bound-diagnostics.js';
import { groupFindings } from '../check-groups.js';
import { colours, type Context } from '../context.js';
import { assessAssembled, limitsFrom, loadInputs, type LoadOptions } from '../load.js';
import { countLine, printDiagnostics } from '../print.js';
import { withNearestFiles } from '../typos.js';
import { writeDebug } from '../debug.js';

export interface CheckOptions extends LoadOptions {
  json?: boolean;
  /** --all: every problem on its own line, none grouped or left uncounted. */
  all?: boolean;
  color: boolean;
}

/** Everything found: the inputs' problems and the calculation's, or the one that stopped reading a file. */
async function findings(files: string[], options: CheckOptions, ctx: Context): Promise<{ diagnostics: Diagnostic[]; tree?: IndicatorTree }> {
  const limits = limitsFrom(ctx.env);
  try {
    const assembled = await loadInputs(files, limits ? { ...options, limits } : options);
    const diagnostics = [...assembled.diagnostics];
    if (!hasErrors(diagnostics) && assembled.scheme && assembled.tree) {
      diagnostics.push(...assessAssembled({ ...assembled, scheme: assembled.scheme, tree: assembled.tree }).diagnostics);
    }
    return { diagnostics, ...(assembled.tree ? { tree: assembled.tree } : {}) };
  } catch (e) {
    // A missing file or an .xls is a finding too: --json must say so on stdout like any other.
    if (!(e instanceof ScoreError)) throw e;
    writeDebug(ctx, e);
    return { diagnostics: withNearestFiles(e.diagnostics, ctx.cwd) };
  }
}

/** `score check <workbook…>`: every problem at once, nothing written. */
export async function runCheck(files: string[], options: CheckOptions, ctx: Context): Promise<ExitCode> {
  const { diagnostics, tree } = await findings(files, options, ctx);
  const code = exitCodeFor(diagnostics);
  if (options.json === true) {
    const listed = options.all === true ? diagnostics : boundDiagnostics(diagnostics, LISTED_PER_KIND);
    const list = listed.map((d) => ({
      code: d.code, severity: d.severity, file: d.where.file ?? null, sheet: d.where.sheet ?? null, cell: d.where.cell ?? null,
      line: d.where.line ?? null, path: d.where.path ?? null, location: formatWhere(d.where), message: d.message, hint: d.hint ?? null,
    }));
    const counts = { error: 0, warning: 0, info: 0 };
    for (const d of diagnostics) counts[d.severity]++;
    ctx.stdout.write(`${JSON.stringify({ ok: !hasErrors(diagnostics), exitCode: code, counts, diagnostics: list }, null, 2)}\n`);
    return code;
  }
  const err = colours(ctx, ctx.stderr, options.color);
  if (options.all === true) printDiagnostics(diagnostics, ctx.stderr, err, Infinity);
  else printDiagnostics(groupFindings(diagnostics, tree), ctx.stderr, err);
  ctx.stderr.write(`${hasErrors(diagnostics) ? '检查未通过：' : '检查通过。'}${countLine(diagnostics)}。\n`);
  return code;
}
