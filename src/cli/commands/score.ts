import path from 'node:path';
import { error, hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import { ExitCode, ScoreError } from '../../core/errors.js';
import { assess, type Assessment } from '../../engine/assess.js';
import { textFile, writeAllAtomically } from '../../io/atomic-write.js';
import { locateNamedFile } from '../../io/named-file.js';
import { checkOutputs, prepareFolder } from '../../io/output-check.js';
import { defaultTemplatePath, readText } from '../../io/read-inputs.js';
import { workbookFile } from '../../io/write-workbook.js';
import { appendixSheet } from '../../report/appendix-sheet.js';
import { noticeValues, renderTemplate } from '../../report/notice.js';
import { adjustmentsSheet, detailSheet, problemsSheet, rankingSheet } from '../../report/result-sheets.js';
import type { SheetModel } from '../../report/sheet-model.js';
import type { UnitEntries } from '../../engine/model.js';
import type { SchemeSource } from '../../scheme/load-scheme.js';
import { whereIsKey } from '../../scheme/locate-key.js';
import { colours, type Context } from '../context.js';
import { commitOptions, recoverBefore } from '../outputs.js';
import { exitCodeFor, limitsFrom, loadInputs, outputBase, type LoadOptions } from '../load.js';
import { countLine, printDiagnostics, summaryTable } from '../print.js';

export interface ScoreOptions extends LoadOptions {
  out?: string;
  color: boolean;
}

/** `score <workbook…>`: read → validate → assess → write the 通报 workbook and text → summary. */
export async function runScore(files: string[], options: ScoreOptions, ctx: Context): Promise<ExitCode> {
  const err = colours(ctx, ctx.stderr, options.color);
  const base = outputBase(files[0]!, options.out);
  const dir = path.dirname(base);
  const targets = [`${base}.xlsx`, `${base}.txt`];
  const inputs = [...files, options.scheme, options.indicators];
  // Before reading anything: a write cut short here is settled, and the outputs can go where they should.
  recoverBefore(dir, ctx);
  await checkOutputs({ dir, targets, inputs, create: true });
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
  const template = await noticeTemplate(assessment.scheme.notice.template, assembled.schemeSource);
  const notice = renderNotice(assessment, template, ctx, err);
  if (notice === undefined) return ExitCode.usage;
  // The template is an input too: the notice must not be written over it.
  await checkOutputs({ dir, targets, inputs: [...inputs, template.file], create: true });
  prepareFolder(dir);
  await writeAllAtomically([workbookFile(targets[0]!, outputSheets(assessment, assembled.entries, diagnostics)), textFile(targets[1]!, notice)], commitOptions(ctx));
  printDiagnostics(diagnostics, ctx.stderr, err);
  const out = colours(ctx, ctx.stdout, options.color);
  ctx.stdout.write(`${out.bold(scheme.name)}\n${summaryTable(assessment, out.level > 0)}\n`);
  ctx.stdout.write(`已生成：${targets.join('、')}\n`);
  if (diagnostics.length > 0) ctx.stderr.write(`${countLine(diagnostics)}，详见通报工作簿的「问题」表。\n`);
  // An undecided tie: the outputs are written for the office to decide on, but the run is not done.
  if (hasErrors(assessment.diagnostics)) {
    ctx.stderr.write('有并列需要人工决定（见上），通报中标为「待定」；决定后请据实调整并重新运行。\n');
    return ExitCode.dataProblems;
  }
  return ExitCode.ok;
}

/**
 * The notice template: the scheme's notice.template beside the scheme (the --scheme file's folder,
 * or the workbook's when the scheme is a sheet) or in the package's templates folder, else the
 * default one. A workbook must not be able to read any other file into the notice.
 */
async function noticeTemplate(name: string | undefined, source: SchemeSource | undefined): Promise<{ file: string; text: string }> {
  if (name === undefined || source === undefined) return { file: defaultTemplatePath(), text: await readText(defaultTemplatePath(), '通报模板') };
  const schemeFile = source.locate(1).file ?? '.';
  const found = await locateNamedFile(name, path.dirname(schemeFile), [path.dirname(defaultTemplatePath())]);
  if ('refusal' in found) {
    const where = whereIsKey(source, ['notice', 'template']);
    throw new ScoreError([error(found.notFound ? 'E_FILE_NOT_FOUND' : 'E_TEMPLATE_PATH', where, `方案 notice.template 指定的通报模板「${name}」不能使用：${found.refusal}。`,
      `通报模板只能是方案所在文件夹（「${path.dirname(schemeFile)}」）中的文件，或 score 自带 templates 文件夹中的文件；请把模板放到方案旁边，只写文件名。`)],
    found.notFound ? ExitCode.unreadable : ExitCode.usage);
  }
  return { file: found.file, text: await readText(found.real, '通报模板') };
}

function renderNotice(assessment: Assessment, template: { file: string; text: string }, ctx: Context, err: ReturnType<typeof colours>): string | undefined {
  const rendered = renderTemplate(template.text, noticeValues(assessment), { file: template.file });
  if (rendered.diagnostics.length > 0) {
    printDiagnostics(rendered.diagnostics, ctx.stderr, err);
    return undefined;
  }
  return `${rendered.text.trimEnd()}\n`;
}

export function outputSheets(assessment: Assessment, entries: readonly UnitEntries[], diagnostics: readonly Diagnostic[]): SheetModel[] {
  const adjustments = adjustmentsSheet(assessment, new Map(entries.map((e) => [e.unit.name, e.adjustments ?? []])));
  return [rankingSheet(assessment), appendixSheet(assessment), detailSheet(assessment), ...(adjustments ? [adjustments] : []), problemsSheet(diagnostics)];
}
