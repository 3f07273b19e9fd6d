import path from 'node:path';
import { hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import { ExitCode } from '../../core/errors.js';
import { assess, type Assessment } from '../../engine/assess.js';
import { textFile, writeAllAtomically } from '../../io/atomic-write.js';
import { defaultTemplatePath, readText } from '../../io/read-inputs.js';
import { workbookFile } from '../../io/write-workbook.js';
import { appendixSheet } from '../../report/appendix-sheet.js';
import { deductionRemarks, deductionRows, deductionsSheet } from '../../report/deductions-sheet.js';
import { noticeValues, renderTemplate } from '../../report/notice.js';
import { adjustmentsSheet, detailSheet, problemsSheet, rankingSheet } from '../../report/result-sheets.js';
import type { SheetModel } from '../../report/sheet-model.js';
import type { UnitEntries } from '../../engine/model.js';
import { colours, type Context } from '../context.js';
import { planFeedback } from '../feedback.js';
import { clashWithInput, exitCodeFor, limitsFrom, loadInputs, outputBase, type LoadOptions } from '../load.js';
import { countLine, printDiagnostics, summaryTable } from '../print.js';

export interface ScoreOptions extends LoadOptions {
  out?: string;
  /** --feedback DIR: one 反馈单 per ranked unit, written there as one set. */
  feedback?: string;
  color: boolean;
}

/** `score <workbook…>`: read → validate → assess → write the 通报 workbook and text → summary. */
export async function runScore(files: string[], options: ScoreOptions, ctx: Context): Promise<ExitCode> {
  const err = colours(ctx, ctx.stderr, options.color);
  // Before reading anything: the outputs must not be among the inputs.
  const base = outputBase(files[0]!, options.out);
  const targets = [`${base}.xlsx`, `${base}.txt`];
  const clash = clashWithInput(targets, [...files, options.scheme, options.indicators]);
  if (clash) {
    printDiagnostics([clash], ctx.stderr, err);
    return ExitCode.usage;
  }
  const limits = limitsFrom(ctx.env);
  const assembled = await loadInputs(files, limits ? { ...options, limits } : options);
  const diagnostics = [...assembled.diagnostics];
  const { scheme, tree } = assembled;
  if (hasErrors(diagnostics) || !scheme || !tree) {
    printDiagnostics(diagnostics, ctx.stderr, err);
    const code = exitCodeFor(diagnostics, assembled);
    ctx.stderr.write(`\n${countLine(diagnostics)}。${code === ExitCode.usage ? '方案有误' : '数据有误'}，未生成通报；请按上面的位置逐项修改后重新运行。\n`);
    return code;
  }
  const assessment = assess(scheme, tree, assembled.entries, { vetoes: assembled.vetoes, tieBreak: assembled.tieBreak });
  // Nothing is dropped silently: every unit of the roster is in the results, or an error said why not.
  const scored = new Set(assessment.results.map((r) => r.unit));
  const missing = (assembled.roster?.units ?? []).filter((u) => !scored.has(u));
  if (missing.length > 0) throw new Error(`单位未进入计分结果：${missing.map((u) => u.name).join('、')}`);
  diagnostics.push(...assessment.diagnostics);
  const notice = await renderNotice(assessment, options.scheme ?? files[0]!, ctx, err);
  if (notice === undefined) return ExitCode.usage;
  const feedback = options.feedback === undefined ? [] : await planFeedback(path.resolve(ctx.cwd, options.feedback), assessment, assembled.entries, [...files, options.scheme, options.indicators]);
  if (!Array.isArray(feedback)) {
    printDiagnostics([feedback], ctx.stderr, err);
    return ExitCode.usage;
  }
  await writeAllAtomically([workbookFile(targets[0]!, outputSheets(assessment, assembled.entries, diagnostics)), textFile(targets[1]!, notice)]);
  // The 反馈单 are a set of their own: all of them or none, after the 通报 they explain.
  if (feedback.length > 0) await writeAllAtomically(feedback);
  printDiagnostics(diagnostics, ctx.stderr, err);
  const out = colours(ctx, ctx.stdout, options.color);
  ctx.stdout.write(`${out.bold(scheme.name)}\n${summaryTable(assessment, out.level > 0)}\n`);
  ctx.stdout.write(`已生成：${targets.join('、')}\n`);
  if (options.feedback !== undefined) ctx.stdout.write(`已生成反馈单 ${feedback.length} 份（每个参评单位一份）：${options.feedback}\n`);
  if (diagnostics.length > 0) ctx.stderr.write(`${countLine(diagnostics)}，详见通报工作簿的「问题」表。\n`);
  // An undecided tie: the outputs are written for the office to decide on, but the run is not done.
  if (hasErrors(assessment.diagnostics)) {
    ctx.stderr.write('有并列需要人工决定（见上），通报中标为「待定」；决定后请据实调整并重新运行。\n');
    return ExitCode.dataProblems;
  }
  return ExitCode.ok;
}

/** The notice text from the scheme's template (relative to where the scheme came from) or the default one. */
async function renderNotice(assessment: Assessment, schemeFile: string, ctx: Context, err: ReturnType<typeof colours>): Promise<string | undefined> {
  const { template } = assessment.scheme.notice;
  const templatePath = template ? path.resolve(path.dirname(schemeFile), template) : defaultTemplatePath();
  const rendered = renderTemplate(await readText(templatePath, '通报模板'), noticeValues(assessment), { file: templatePath });
  if (rendered.diagnostics.length > 0) {
    printDiagnostics(rendered.diagnostics, ctx.stderr, err);
    return undefined;
  }
  return `${rendered.text.trimEnd()}\n`;
}

export function outputSheets(assessment: Assessment, entries: readonly UnitEntries[], diagnostics: readonly Diagnostic[]): SheetModel[] {
  const adjustments = adjustmentsSheet(assessment, new Map(entries.map((e) => [e.unit.name, e.adjustments ?? []])));
  const deductions = deductionRows(assessment, entries);
  const ranking = rankingSheet(assessment, deductionRemarks(deductions, assessment.scheme.rounding.decimals));
  // 扣分明细 where the indicator system has 扣分制 leaves, like 加减分核算 where the scheme has 加减分.
  const deducting = assessment.tree.leaves.some((l) => l.method === 'deduct') ? [deductionsSheet(assessment, deductions)] : [];
  return [ranking, appendixSheet(assessment), detailSheet(assessment), ...deducting, ...(adjustments ? [adjustments] : []), problemsSheet(diagnostics)];
}
