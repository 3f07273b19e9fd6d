import path from 'node:path';
import { hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import { ExitCode, exitCodeFor } from '../../core/codes.js';
import { assess, type Assessment } from '../../engine/assess.js';
import { textFile, writeAllAtomically } from '../../io/atomic-write.js';
import { defaultTemplatePath, readText } from '../../io/read-inputs.js';
import { workbookFile } from '../../io/write-workbook.js';
import { appendixSheet } from '../../report/appendix-sheet.js';
import { noticeValues, renderTemplate } from '../../report/notice.js';
import { adjustmentsSheet, detailSheet, problemsSheet, rankingSheet } from '../../report/result-sheets.js';
import type { SheetModel } from '../../report/sheet-model.js';
import type { UnitEntries } from '../../engine/model.js';
import { colours, type Context } from '../context.js';
import { clashWithInput, limitsFrom, loadInputs, outputBase, type LoadOptions } from '../load.js';
import { countLine, printDiagnostics, summaryTable } from '../print.js';

export interface ScoreOptions extends LoadOptions {
  out?: string;
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
    return exitCodeFor([clash]);
  }
  const limits = limitsFrom(ctx.env);
  const assembled = await loadInputs(files, limits ? { ...options, limits } : options);
  const diagnostics = [...assembled.diagnostics];
  const { scheme, tree } = assembled;
  if (hasErrors(diagnostics) || !scheme || !tree) {
    printDiagnostics(diagnostics, ctx.stderr, err);
    const code = exitCodeFor(diagnostics);
    ctx.stderr.write(`\n${countLine(diagnostics)}。${code === ExitCode.usage ? '方案有误' : '数据有误'}，未生成通报；请按上面的位置逐项修改后重新运行。\n`);
    return code;
  }
  const assessment = assess(scheme, tree, assembled.entries, { vetoes: assembled.vetoes, tieBreak: assembled.tieBreak });
  // Nothing is dropped silently: every unit of the roster is in the results, or an error said why not.
  const scored = new Set(assessment.results.map((r) => r.unit));
  const missing = (assembled.roster?.units ?? []).filter((u) => !scored.has(u));
  if (missing.length > 0) throw new Error(`单位未进入计分结果：${missing.map((u) => u.name).join('、')}`);
  diagnostics.push(...assessment.diagnostics);
  const notice = await renderNotice(assessment, options.scheme ?? files[0]!);
  if (notice.text === undefined) {
    printDiagnostics(notice.diagnostics, ctx.stderr, err);
    return exitCodeFor(notice.diagnostics);
  }
  await writeAllAtomically([workbookFile(targets[0]!, outputSheets(assessment, assembled.entries, diagnostics)), textFile(targets[1]!, notice.text)]);
  printDiagnostics(diagnostics, ctx.stderr, err);
  const out = colours(ctx, ctx.stdout, options.color);
  ctx.stdout.write(`${out.bold(scheme.name)}\n${summaryTable(assessment, out.level > 0)}\n`);
  ctx.stdout.write(`已生成：${targets.join('、')}\n`);
  if (diagnostics.length > 0) ctx.stderr.write(`${countLine(diagnostics)}，详见通报工作簿的「问题」表。\n`);
  // An undecided tie: the outputs are written for the office to decide on, but the run is not done.
  if (hasErrors(assessment.diagnostics)) {
    ctx.stderr.write('有并列需要人工决定（见上），通报中标为「待定」；决定后请据实调整并重新运行。\n');
    return exitCodeFor(assessment.diagnostics);
  }
  return ExitCode.ok;
}

/** The notice text from the scheme's template (relative to where the scheme came from) or the default one; none if the template has errors. */
async function renderNotice(assessment: Assessment, schemeFile: string): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  const { template } = assessment.scheme.notice;
  const templatePath = template ? path.resolve(path.dirname(schemeFile), template) : defaultTemplatePath();
  const rendered = renderTemplate(await readText(templatePath, '通报模板'), noticeValues(assessment), { file: templatePath });
  if (rendered.diagnostics.length > 0) return { diagnostics: rendered.diagnostics };
  return { text: `${rendered.text.trimEnd()}\n`, diagnostics: [] };
}

export function outputSheets(assessment: Assessment, entries: readonly UnitEntries[], diagnostics: readonly Diagnostic[]): SheetModel[] {
  const adjustments = adjustmentsSheet(assessment, new Map(entries.map((e) => [e.unit.name, e.adjustments ?? []])));
  return [rankingSheet(assessment), appendixSheet(assessment), detailSheet(assessment), ...(adjustments ? [adjustments] : []), problemsSheet(diagnostics)];
}
