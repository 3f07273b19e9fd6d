import path from 'node:path';
import { error, hasErrors, info, type Diagnostic } from '../../core/diagnostic.js';
import { ExitCode, exitCodeFor } from '../../core/codes.js';
import { ScoreError } from '../../core/errors.js';
import type { Assessment } from '../../engine/assess.js';
import { textFile, writeAllAtomically } from '../../io/atomic-write.js';
import { historyFolder, isFile } from '../../io/history.js';
import { checkOutputs, prepareFolder } from '../../io/output-check.js';
import { recordSheet, type ResultRecord } from '../../report/record.js';
import type { RecordDiff } from '../../report/diff.js';
import { makeRecord, readPrevious, readRecord } from '../record.js';
import { defaultTemplatePath, readText } from '../../io/read-inputs.js';
import { workbookFile } from '../../io/write-workbook.js';
import { docxFile } from '../../io/write-docx.js';
import { appendixPointerText, DOCX_APPENDIX_MAX_UNITS, noticeDoc } from '../../report/notice-doc.js';
import { appendixSheet } from '../../report/appendix-sheet.js';
import { deductionRemarks, deductionRows, deductionsSheet } from '../../report/deductions-sheet.js';
import { noticeValues, renderTemplate } from '../../report/notice.js';
import { adjustmentsSheet, detailSheet, problemsSheet, rankingSheet } from '../../report/result-sheets.js';
import type { SheetModel } from '../../report/sheet-model.js';
import type { UnitEntries } from '../../engine/model.js';
import type { SchemeSource } from '../../scheme/load-scheme.js';
import { selfAssessmentSheet } from '../../report/self-assessment-sheet.js';
import { colours, type Context } from '../context.js';
import { withNearestFiles } from '../typos.js';
import { writeDebug } from '../debug.js';
import { commitOptions, recoverBefore } from '../outputs.js';
import { assessAssembled, limitsFrom, loadInputs, outputBase, type LoadOptions } from '../load.js';
import { countLine, printDiagnostics } from '../print.js';
import { excludedLine, summaryTable } from '../summary.js';
import { progressFor, type Progress } from '../progress.js';
import { methodOf } from '../../engine/methods/index.js';
import { unitWord } from '../../scheme/unit-word.js';

export interface ScoreOptions extends LoadOptions {
  out?: string;
  /** --compare: an earlier 通报 workbook to compare with (default: the one being replaced, if any). */
  compare?: string;
  /** --feedback DIR: one 反馈单 per ranked unit, written there as one set. */
  feedback?: string;
  /** --previous: earlier years' 通报 workbooks, for the scheme's history rules. */
  previous?: string[];
  color: boolean;
  /** --quiet: no progress line on the terminal. */
  quiet?: boolean;
}

/**
 * `score <workbook…>`, and after a run that wrote nothing, a word that the earlier 通报 in the same
 * place is still the one there: a clerk re-running after a fix must not think it was replaced.
 */
export async function runScore(files: string[], options: ScoreOptions, ctx: Context): Promise<ExitCode> {
  const progress = progressFor(ctx, options.quiet);
  const done = { written: false };
  let code: ExitCode;
  try {
    code = await scoreOnce(files, options, ctx, done, progress);
  } catch (e) {
    progress.done();
    if (!(e instanceof ScoreError)) throw e;
    printDiagnostics(withNearestFiles(e.diagnostics, ctx.cwd), ctx.stderr, colours(ctx, ctx.stderr, options.color));
    writeDebug(ctx, e);
    code = e.exitCode;
  }
  const earlier = `${outputBase(files[0]!, options.out)}.xlsx`;
  if (code !== ExitCode.ok && !done.written && (await isFile(path.resolve(ctx.cwd, earlier)))) ctx.stderr.write(`上次的通报未改动：${earlier}\n`);
  return code;
}

/** read → validate → assess → write the 通报 workbook and text → summary. */
async function scoreOnce(files: string[], options: ScoreOptions, ctx: Context, done: { written: boolean }, progress: Progress): Promise<ExitCode> {
  const err = colours(ctx, ctx.stderr, options.color);
  const base = outputBase(files[0]!, options.out);
  const dir = path.dirname(base);
  const targets = [`${base}.xlsx`, `${base}.txt`, `${base}.docx`];
  const inputs = [...files, options.scheme, options.indicators, ...(options.previous ?? [])];
  // Before reading anything: a write cut short here is settled, and the outputs can go where they should.
  recoverBefore(dir, ctx);
  await checkOutputs({ dir, targets, inputs, create: true });
  const limits = limitsFrom(ctx.env);
  progress.stage(`读取 ${files.length} 个文件`);
  const assembled = await loadInputs(files, limits ? { ...options, limits } : options);
  const diagnostics = [...assembled.diagnostics];
  const { scheme, tree } = assembled;
  if (hasErrors(diagnostics) || !scheme || !tree) {
    progress.done();
    printDiagnostics(diagnostics, ctx.stderr, err);
    const code = exitCodeFor(diagnostics);
    ctx.stderr.write(`\n${countLine(diagnostics)}。${code === ExitCode.usage ? '方案有误' : '数据有误'}，未生成通报；请按上面的位置逐项修改后重新运行。\n`);
    return code;
  }
  progress.stage(`计分：${assembled.roster?.units.length ?? 0} 个单位`);
  const assessment = assessAssembled({ ...assembled, scheme, tree }, await readPrevious(options.previous ?? []));
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
  // Loaded only when asked for (diff, feedback, a named template): a plain run does not pay for them.
  const feedback = options.feedback === undefined ? [] : await (await import('../feedback.js')).planFeedback(path.resolve(ctx.cwd, options.feedback), assessment, assembled.entries, inputs);
  if (!Array.isArray(feedback)) {
    progress.done();
    printDiagnostics([feedback], ctx.stderr, err);
    return exitCodeFor([feedback]);
  }
  const record = await makeRecord(assessment, assembled.entries, [...inputs, template.file], assembled.schemeText);
  const replaced = await earlierResult(targets[0]!);
  const earlier = options.compare === undefined ? replaced : { file: options.compare, record: await readRecord(options.compare) };
  const { diff, same, changesSheet } = await compareWith(record, earlier, replaced, assessment.scheme.name);
  prepareFolder(dir);
  // The result being replaced is kept unless it is the same result (then its bytes are the new bytes).
  const kept = same ? undefined : await historyFolder(targets, path.basename(base), new Date());
  // The docx is the same notice in 公文 layout: written with the pair, as one set.
  const doc = noticeDoc(assessment, notice, path.basename(targets[0]!));
  if (assessment.results.length > DOCX_APPENDIX_MAX_UNITS) {
    diagnostics.push(info('I_APPENDIX_IN_WORKBOOK', { file: targets[2]! }, appendixPointerText(assessment.results.length, path.basename(targets[0]!))));
  }
  progress.stage(`写出通报：${assessment.results.length} 个单位`);
  const sheets = [...outputSheets(assessment, assembled.entries, diagnostics), ...(changesSheet ? [changesSheet] : []), recordSheet(record)];
  await writeAllAtomically([workbookFile(targets[0]!, sheets), textFile(targets[1]!, notice), docxFile(targets[2]!, doc)], { ...commitOptions(ctx), ...(kept ? { keepPrevious: kept } : {}) });
  done.written = true;
  // The 反馈单 are a set of their own: all of them or none, after the 通报 they explain.
  if (feedback.length > 0) await writeAllAtomically(feedback, commitOptions(ctx));
  progress.done();
  printDiagnostics(diagnostics, ctx.stderr, err);
  const out = colours(ctx, ctx.stdout, options.color);
  ctx.stdout.write(`${out.bold(scheme.name)}\n${summaryTable(assessment, out.level > 0)}\n${excludedLine(assessment)}`);
  ctx.stdout.write(`已生成：${targets.join('、')}\n`);
  if (kept) ctx.stdout.write(`原有的通报已保存到：${path.join(dir, kept)}\n`);
  if (replaced.problem && options.compare === undefined) ctx.stdout.write(`${replaced.problem}\n`);
  if (diff) ctx.stdout.write((await import('../changes.js')).changesReport(diff, options.compare === undefined ? `上次结果${kept ? `（已存入 ${path.join(dir, kept)}）` : ''}` : `「${path.basename(earlier.file)}」`, out.level > 0));
  if (options.feedback !== undefined) ctx.stdout.write(`已生成反馈单 ${feedback.length} 份（每个参评${unitWord(scheme)}一份）：${options.feedback}\n`);
  if (diagnostics.length > 0) ctx.stderr.write(`${countLine(diagnostics)}，详见通报工作簿的「问题」表。\n`);
  // An undecided tie: the outputs are written for the office to decide on, but the run is not done.
  if (hasErrors(assessment.diagnostics)) {
    ctx.stderr.write('有并列需要人工决定（见上），通报中标为「待定」；决定后请据实调整并重新运行。\n');
    return exitCodeFor(assessment.diagnostics);
  }
  return ExitCode.ok;
}

interface Earlier {
  file: string;
  record?: ResultRecord;
}

/**
 * The new record against the earlier result (--compare's, else the one replaced): the changes, the
 * 变更 sheet when anything changed, and whether the result replaced is this same result. report/diff
 * is loaded only when there is an earlier record: a first run does not pay for it.
 */
async function compareWith(record: ResultRecord, earlier: Earlier, replaced: Earlier, schemeName: string): Promise<{ diff?: RecordDiff; same: boolean; changesSheet?: SheetModel }> {
  if (earlier.record === undefined && replaced.record === undefined) return { same: false };
  const { changesSheet, diffRecords, hasChanges } = await import('../../report/diff.js');
  const same = replaced.record !== undefined && replaced.record.tool === record.tool && !hasChanges(diffRecords(replaced.record, record));
  if (earlier.record === undefined) return { same };
  const diff = diffRecords(earlier.record, record);
  const changed = hasChanges(diff) || earlier.record.tool !== record.tool;
  return { diff, same, ...(changed ? { changesSheet: changesSheet(diff, path.basename(earlier.file), schemeName) } : {}) };
}

/** The 通报 about to be replaced, with its record; one without a record (an older version's) is kept but not compared. */
async function earlierResult(target: string): Promise<Earlier & { problem?: string }> {
  if (!(await isFile(target))) return { file: target };
  try {
    return { file: target, record: await readRecord(target) };
  } catch (e) {
    if (!(e instanceof ScoreError)) throw e;
    return { file: target, problem: `原有的「${path.basename(target)}」${e.diagnostics[0]?.message.replace(/^「[^」]*」/, '') ?? '无法读取'}，本次不作比较。` };
  }
}

/**
 * The notice template: the scheme's notice.template beside the scheme (the --scheme file's folder,
 * or the workbook's when the scheme is a sheet) or in the package's templates folder, else the
 * default one. A workbook must not be able to read any other file into the notice.
 */
async function noticeTemplate(name: string | undefined, source: SchemeSource | undefined): Promise<{ file: string; text: string }> {
  if (name === undefined || source === undefined) return { file: defaultTemplatePath(), text: await readText(defaultTemplatePath(), '通报模板') };
  const schemeFile = source.locate(1).file ?? '.';
  const found = await (await import('../../io/named-file.js')).locateNamedFile(name, path.dirname(schemeFile), [path.dirname(defaultTemplatePath())]);
  if ('refusal' in found) {
    const where = (await import('../../scheme/locate-key.js')).whereIsKey(source, ['notice', 'template']);
    const hint = found.notFound
      ? `请把「${name}」复制到「${path.dirname(schemeFile)}」（工作簿或方案所在的文件夹）；或删去方案中 notice.template 这一行，使用自带的通报模板。`
      : `通报模板只能是方案所在文件夹（「${path.dirname(schemeFile)}」）中的文件，或 score 自带 templates 文件夹中的文件；请把模板放到方案旁边，只写文件名。`;
    throw new ScoreError([error(found.notFound ? 'E_FILE_NOT_FOUND' : 'E_TEMPLATE_PATH', where, `方案 notice.template 指定的通报模板「${name}」不能使用：${found.refusal}。`, hint)]);
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
  const adjustments = adjustmentsSheet(assessment, entries);
  const deductions = deductionRows(assessment, entries);
  const ranking = rankingSheet(assessment, deductionRemarks(deductions, assessment.scheme.rounding.decimals));
  // 扣分明细 where the indicator system has 扣分制 leaves, like 加减分核算 where the scheme has 加减分.
  const deducting = assessment.tree.leaves.some((l) => methodOf(l).sheet === 'deductions') ? [deductionsSheet(assessment, deductions)] : [];
  const self = selfAssessmentSheet(assessment, entries);
  return [ranking, appendixSheet(assessment), detailSheet(assessment), ...deducting, ...(adjustments ? [adjustments] : []), ...(self ? [self] : []), problemsSheet(diagnostics, `${assessment.scheme.name} 数据检查发现的问题`)];
}
