import path from 'node:path';
import { error, hasErrors } from '../../core/diagnostic.js';
import { ExitCode, exitCodeFor } from '../../core/codes.js';
import { resolveUnit } from '../../input/roster.js';
import { explanationJson } from '../../report/explain-json.js';
import { explainUnit } from '../../report/explain-model.js';
import { renderExplanation } from '../../report/explain.js';
import { colours, type Context } from '../context.js';
import { assessAssembled, limitsFrom, loadInputs, type LoadOptions } from '../load.js';
import { countLine, printDiagnostics } from '../print.js';

export interface ExplainOptions extends LoadOptions {
  json?: boolean;
  color: boolean;
}

/**
 * `score explain <workbook…> <单位>`: read → validate → assess → explain one unit. The unit is
 * found as everywhere else (name, 简称, alias); a near miss is named, never guessed.
 */
export async function runExplain(args: string[], options: ExplainOptions, ctx: Context): Promise<ExitCode> {
  const err = colours(ctx, ctx.stderr, options.color && options.json !== true);
  if (args.length < 2) {
    ctx.stderr.write(`${err.red('用法错误')}：缺少${args.length === 0 ? '工作簿和' : ''}单位名称。用法：score explain <工作簿…> <单位>，例如 score explain annual.xlsx 汤沟镇。\n`);
    return ExitCode.usage;
  }
  const files = args.slice(0, -1);
  const written = args[args.length - 1]!;
  const limits = limitsFrom(ctx.env);
  const assembled = await loadInputs(files, limits ? { ...options, limits } : options);
  const { scheme, tree, roster } = assembled;
  if (hasErrors(assembled.diagnostics) || !scheme || !tree || !roster) {
    printDiagnostics(assembled.diagnostics, ctx.stderr, err);
    ctx.stderr.write(`\n${countLine(assembled.diagnostics)}。数据有误，无法说明计算过程；请先按上面的位置修改（score check 可列出全部问题）。\n`);
    return exitCodeFor(assembled.diagnostics);
  }
  const resolved = resolveUnit(roster, written);
  if (resolved.kind === 'unknown') {
    const looksLikeFile = /\.(xlsx|xlsm|csv)$/i.test(written);
    const hint = resolved.hint ?? (looksLikeFile ? '最后一个参数应为单位名称：score explain <工作簿…> <单位>。' : '请使用单位名单中的名称、简称或别名。');
    printDiagnostics([error('E_UNKNOWN_UNIT', { file: roster.units[0]?.source.file ?? files[0]!, sheet: roster.units[0]?.source.sheet ?? '单位名单' }, `单位「${written.trim()}」不在单位名单中。`, hint)], ctx.stderr, err);
    return ExitCode.dataProblems;
  }
  if (resolved.kind === 'excluded') {
    const note = scheme.excluded.note ? `（${scheme.excluded.note}）` : '';
    if (options.json) ctx.stdout.write(`${JSON.stringify({ unit: resolved.name, excluded: true, note: scheme.excluded.note ?? '' }, null, 2)}\n`);
    else ctx.stdout.write(`「${resolved.name}」不参与评比${note}：按方案 excluded 不计分、不排名、不评等次。\n`);
    return ExitCode.ok;
  }
  const assessment = assessAssembled({ ...assembled, scheme, tree });
  const result = assessment.results.find((r) => r.unit === resolved.unit);
  const entries = assembled.entries.find((e) => e.unit === resolved.unit);
  if (!result || !entries) throw new Error(`单位未进入计分结果：${resolved.unit.name}`);
  const explanation = explainUnit(assessment, entries, result);
  ctx.stdout.write(options.json ? `${JSON.stringify(explanationJson(explanation), null, 2)}\n` : renderExplanation(explanation));
  // Warnings about other units belong to `score`'s report; here one line says they exist.
  const others = [...assembled.diagnostics, ...assessment.diagnostics];
  if (others.some((d) => d.severity !== 'info')) ctx.stderr.write(`全部数据中${countLine(others)}，运行 score ${files.map((f) => path.basename(f)).join(' ')} 可在「问题」表中查看。\n`);
  return ExitCode.ok;
}
