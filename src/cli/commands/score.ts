import path from 'node:path';
import { hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import { ExitCode, exitCodeFor } from '../../core/codes.js';
import { ScoreError } from '../../core/errors.js';
import type { Assessment } from '../../engine/assess.js';
import { textFile, writeAllAtomically } from '../../io/atomic-write.js';
import { isFile, keepEarlier } from '../../io/history.js';
import { changesSheet, diffRecords, hasChanges } from '../../report/diff.js';
import { recordSheet, type ResultRecord } from '../../report/record.js';
import { makeRecord, readRecord } from '../record.js';
import { changesReport } from '../changes.js';
import { defaultTemplatePath, readText } from '../../io/read-inputs.js';
import { workbookFile } from '../../io/write-workbook.js';
import { docxFile } from '../../io/write-docx.js';
import { noticeDoc } from '../../report/notice-doc.js';
import { appendixSheet } from '../../report/appendix-sheet.js';
import { deductionRemarks, deductionRows, deductionsSheet } from '../../report/deductions-sheet.js';
import { noticeValues, renderTemplate } from '../../report/notice.js';
import { adjustmentsSheet, detailSheet, problemsSheet, rankingSheet } from '../../report/result-sheets.js';
import type { SheetModel } from '../../report/sheet-model.js';
import type { UnitEntries } from '../../engine/model.js';
import { colours, type Context } from '../context.js';
import { planFeedback } from '../feedback.js';
import { assessAssembled, clashWithInput, limitsFrom, loadInputs, outputBase, type LoadOptions } from '../load.js';
import { countLine, printDiagnostics, summaryTable } from '../print.js';

export interface ScoreOptions extends LoadOptions {
  out?: string;
  /** --compare: an earlier 通报 workbook to compare with (default: the one being replaced, if any). */
  compare?: string;
  /** --feedback DIR: one 反馈单 per ranked unit, written there as one set. */
  feedback?: string;
  color: boolean;
}

/** `score <workbook…>`: read → validate → assess → write the 通报 workbook and text → summary. */
export async function runScore(files: string[], options: ScoreOptions, ctx: Context): Promise<ExitCode> {
  const err = colours(ctx, ctx.stderr, options.color);
  // Before reading anything: the outputs must not be among the inputs.
  const base = outputBase(files[0]!, options.out);
  const targets = [`${base}.xlsx`, `${base}.txt`, `${base}.docx`];
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
  const assessment = assessAssembled({ ...assembled, scheme, tree });
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
  const feedback = options.feedback === undefined ? [] : await planFeedback(path.resolve(ctx.cwd, options.feedback), assessment, assembled.entries, [...files, options.scheme, options.indicators]);
  if (!Array.isArray(feedback)) {
    printDiagnostics([feedback], ctx.stderr, err);
    return exitCodeFor([feedback]);
  }
  const record = await makeRecord(assessment, assembled.entries, [...files, options.scheme, options.indicators, notice.template], assembled.schemeText);
  const replaced = await earlierResult(targets[0]!);
  const earlier = options.compare === undefined ? replaced : { file: options.compare, record: await readRecord(options.compare) };
  const diff = earlier.record ? diffRecords(earlier.record, record) : undefined;
  const changed = diff !== undefined && (hasChanges(diff) || earlier.record!.tool !== record.tool);
  // The result being replaced is kept unless it is the same result (then its bytes are the new bytes).
  const same = replaced.record !== undefined && replaced.record.tool === record.tool && !hasChanges(diffRecords(replaced.record, record));
  const kept = same ? undefined : await keepEarlier(targets, path.basename(base), new Date());
  const sheets = [...outputSheets(assessment, assembled.entries, diagnostics), ...(diff && changed ? [changesSheet(diff, path.basename(earlier.file))] : []), recordSheet(record)];
  // The docx is the same notice in 公文 layout: written with the pair, as one set.
  await writeAllAtomically([workbookFile(targets[0]!, sheets), textFile(targets[1]!, notice.text), docxFile(targets[2]!, noticeDoc(assessment, notice.text))]);
  // The 反馈单 are a set of their own: all of them or none, after the 通报 they explain.
  if (feedback.length > 0) await writeAllAtomically(feedback);
  printDiagnostics(diagnostics, ctx.stderr, err);
  const out = colours(ctx, ctx.stdout, options.color);
  ctx.stdout.write(`${out.bold(scheme.name)}\n${summaryTable(assessment, out.level > 0)}\n`);
  ctx.stdout.write(`已生成：${targets.join('、')}\n`);
  if (kept) ctx.stdout.write(`原有的通报已保存到：${kept}\n`);
  if (replaced.problem && options.compare === undefined) ctx.stdout.write(`${replaced.problem}\n`);
  if (diff) ctx.stdout.write(changesReport(diff, options.compare === undefined ? `上次结果${kept ? `（已存入 ${kept}）` : ''}` : `「${path.basename(earlier.file)}」`, out.level > 0));
  if (options.feedback !== undefined) ctx.stdout.write(`已生成反馈单 ${feedback.length} 份（每个参评单位一份）：${options.feedback}\n`);
  if (diagnostics.length > 0) ctx.stderr.write(`${countLine(diagnostics)}，详见通报工作簿的「问题」表。\n`);
  // An undecided tie: the outputs are written for the office to decide on, but the run is not done.
  if (hasErrors(assessment.diagnostics)) {
    ctx.stderr.write('有并列需要人工决定（见上），通报中标为「待定」；决定后请据实调整并重新运行。\n');
    return exitCodeFor(assessment.diagnostics);
  }
  return ExitCode.ok;
}

/** The notice text from the scheme's template (relative to where the scheme came from) or the default one; none if the template has errors. */
async function renderNotice(assessment: Assessment, schemeFile: string): Promise<{ text?: string; template?: string; diagnostics: Diagnostic[] }> {
  const { template } = assessment.scheme.notice;
  const templatePath = template ? path.resolve(path.dirname(schemeFile), template) : defaultTemplatePath();
  const rendered = renderTemplate(await readText(templatePath, '通报模板'), noticeValues(assessment), { file: templatePath });
  if (rendered.diagnostics.length > 0) return { diagnostics: rendered.diagnostics };
  return { text: `${rendered.text.trimEnd()}\n`, ...(template ? { template: templatePath } : {}), diagnostics: [] };
}

/** The 通报 about to be replaced, with its record; one without a record (an older version's) is kept but not compared. */
async function earlierResult(target: string): Promise<{ file: string; record?: ResultRecord; problem?: string }> {
  if (!(await isFile(target))) return { file: target };
  try {
    return { file: target, record: await readRecord(target) };
  } catch (e) {
    if (!(e instanceof ScoreError)) throw e;
    return { file: target, problem: `原有的「${path.basename(target)}」${e.diagnostics[0]?.message.replace(/^「[^」]*」/, '') ?? '无法读取'}，本次不作比较。` };
  }
}

export function outputSheets(assessment: Assessment, entries: readonly UnitEntries[], diagnostics: readonly Diagnostic[]): SheetModel[] {
  const adjustments = adjustmentsSheet(assessment, new Map(entries.map((e) => [e.unit.name, e.adjustments ?? []])));
  const deductions = deductionRows(assessment, entries);
  const ranking = rankingSheet(assessment, deductionRemarks(deductions, assessment.scheme.rounding.decimals));
  // 扣分明细 where the indicator system has 扣分制 leaves, like 加减分核算 where the scheme has 加减分.
  const deducting = assessment.tree.leaves.some((l) => l.method === 'deduct') ? [deductionsSheet(assessment, deductions)] : [];
  return [ranking, appendixSheet(assessment), detailSheet(assessment), ...deducting, ...(adjustments ? [adjustments] : []), problemsSheet(diagnostics, `${assessment.scheme.name} 数据检查发现的问题`)];
}
