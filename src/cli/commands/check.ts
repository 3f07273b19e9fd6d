import { formatWhere, hasErrors } from '../../core/diagnostic.js';
import { exitCodeFor, type ExitCode } from '../../core/codes.js';
import { boundDiagnostics, LISTED_PER_KIND } from '../../report/bound-diagnostics.js';
import { colours, type Context } from '../context.js';
import { assessAssembled, limitsFrom, loadInputs, type LoadOptions } from '../load.js';
import { countLine, printDiagnostics } from '../print.js';

export interface CheckOptions extends LoadOptions {
  json?: boolean;
  color: boolean;
}

/** `score check <workbook…>`: every problem at once, nothing written. */
export async function runCheck(files: string[], options: CheckOptions, ctx: Context): Promise<ExitCode> {
  const limits = limitsFrom(ctx.env);
  const assembled = await loadInputs(files, limits ? { ...options, limits } : options);
  const diagnostics = [...assembled.diagnostics];
  if (!hasErrors(diagnostics) && assembled.scheme && assembled.tree) {
    diagnostics.push(...assessAssembled({ ...assembled, scheme: assembled.scheme!, tree: assembled.tree! }).diagnostics);
  }
  const code = exitCodeFor(diagnostics);
  if (options.json === true) {
    const list = boundDiagnostics(diagnostics, LISTED_PER_KIND).map((d) => ({
      code: d.code, severity: d.severity, file: d.where.file ?? null, sheet: d.where.sheet ?? null, cell: d.where.cell ?? null,
      line: d.where.line ?? null, path: d.where.path ?? null, location: formatWhere(d.where), message: d.message, hint: d.hint ?? null,
    }));
    const counts = { error: 0, warning: 0, info: 0 };
    for (const d of diagnostics) counts[d.severity]++;
    ctx.stdout.write(`${JSON.stringify({ ok: !hasErrors(diagnostics), exitCode: code, counts, diagnostics: list }, null, 2)}\n`);
    return code;
  }
  printDiagnostics(diagnostics, ctx.stderr, colours(ctx, ctx.stderr, options.color));
  ctx.stderr.write(`${hasErrors(diagnostics) ? '检查未通过：' : '检查通过。'}${countLine(diagnostics)}。\n`);
  return code;
}
