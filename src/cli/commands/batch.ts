import path from 'node:path';
import type { SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import { error, type Diagnostic } from '../../core/diagnostic.js';
import { ExitCode } from '../../core/codes.js';
import { ScoreError } from '../../core/errors.js';
import { findWorkbooks } from '../../io/find-workbooks.js';
import { isFile } from '../../io/history.js';
import { diffRecords, hasChanges, summaryLine } from '../../report/diff.js';
import type { ResultRecord } from '../../report/record.js';
import { colours, type Context, type Stream } from '../context.js';
import { outputBase, type LoadOptions } from '../load.js';
import { printDiagnostics } from '../print.js';
import { readRecord } from '../record.js';
import { runScore } from './score.js';

export interface BatchOptions extends LoadOptions {
  out?: string;
  json?: boolean;
  color: boolean;
}

/** One workbook's outcome in a batch. */
export interface BatchItem {
  workbook: string;
  code: number;
  units: number;
  bands: Record<string, number>;
  errors: number;
  warnings: number;
  /** What changed since the earlier result in the same place; null when there was none to compare. */
  changes: string | null;
  /** The first problems, for a workbook that failed. */
  problems: string[];
}

async function recordAt(file: string): Promise<ResultRecord | undefined> {
  if (!(await isFile(file))) return undefined;
  return readRecord(file).catch(() => undefined);
}

/** Scores one workbook as `score` would, its messages kept for the summary instead of printed. */
async function scoreOne(file: string, options: BatchOptions, ctx: Context): Promise<BatchItem> {
  const target = `${outputBase(file, options.out)}.xlsx`;
  const before = await recordAt(target);
  let stderr = '';
  const quiet: Context = { ...ctx, stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, env: { ...ctx.env, NO_COLOR: '1' } };
  let code: number;
  try {
    code = await runScore([file], { ...options, color: false }, quiet);
  } catch (e) {
    // A workbook that cannot be read is this workbook's failure; the batch goes on.
    if (!(e instanceof ScoreError)) throw e;
    printDiagnostics(e.diagnostics, quiet.stderr, colours(quiet, quiet.stderr, false));
    code = e.exitCode;
  }
  const lines = stderr.split('\n');
  const counted = (label: string): string[] => lines.filter((l) => l.startsWith(`${label} `) && /（代码 [EWI]_[A-Z0-9_]+）$/.test(l));
  const after = code === ExitCode.dataProblems || code === ExitCode.ok ? await recordAt(target) : undefined;
  const bands: Record<string, number> = {};
  for (const u of after?.units ?? []) bands[u.band] = (bands[u.band] ?? 0) + 1;
  const diff = before && after ? diffRecords(before, after) : undefined;
  return {
    workbook: file,
    code,
    units: after?.units.length ?? 0,
    bands,
    errors: counted('错误').length,
    warnings: counted('警告').length,
    changes: diff ? (hasChanges(diff) ? summaryLine(diff) : '无变化') : null,
    problems: counted('错误').slice(0, 3),
  };
}

/**
 * `score batch <文件夹或工作簿…>`: several independent assessments, each scored on its own with its
 * own outputs, going on past one that fails; a progress bar on a terminal, then a summary.
 * Exit status: the worst of the workbooks'.
 */
export async function runBatch(entries: string[], options: BatchOptions, ctx: Context): Promise<ExitCode> {
  const { files, missing } = await findWorkbooks(entries);
  const err = colours(ctx, ctx.stderr, options.color);
  for (const m of missing) ctx.stderr.write(`${err.red('错误')} 找不到「${m}」。\n`);
  if (files.length === 0) {
    ctx.stderr.write(`${missing.length > 0 ? '' : '给出的文件夹中没有工作簿（.xlsx 或 .csv）。'}请给出工作簿或含工作簿的文件夹。\n`);
    return ExitCode.usage;
  }
  const clashes = sameOutputs(files, options.out);
  if (clashes.length > 0) {
    printDiagnostics(clashes, ctx.stderr, err);
    return ExitCode.usage;
  }
  const bar = await progressBar(ctx.stderr, files.length, options.json === true);
  const items: BatchItem[] = [];
  for (const file of files) {
    bar?.update(items.length, { file: path.basename(file) });
    items.push(await scoreOne(file, options, ctx));
  }
  bar?.update(items.length, { file: '完成' });
  bar?.stop();
  if (options.json === true) ctx.stdout.write(`${JSON.stringify({ ok: items.every((i) => i.code === 0) && missing.length === 0, missing, workbooks: items }, null, 2)}\n`);
  else ctx.stdout.write(summary(items, colours(ctx, ctx.stdout, options.color).level > 0));
  const worst = Math.max(missing.length > 0 ? ExitCode.unreadable : 0, ...items.map((i) => i.code));
  return worst as ExitCode;
}

/**
 * Two workbooks of the same name (2025/annual.xlsx, 2026/annual.xlsx) into one --out would write the
 * same 通报, the second over the first: refused before anything is written.
 */
function sameOutputs(files: readonly string[], out: string | undefined): Diagnostic[] {
  if (out === undefined) return [];
  const byTarget = new Map<string, string[]>();
  for (const f of files) {
    const target = path.resolve(`${outputBase(f, out)}.xlsx`);
    byTarget.set(target, [...(byTarget.get(target) ?? []), f]);
  }
  return [...byTarget].filter(([, same]) => same.length > 1).map(([target, same]) => error('E_OUT_SAME_NAME', { file: target },
    `${same.map((f) => `「${f}」`).join('、')} 同名，通报都会写到「${target}」，后一个会覆盖前一个；没有计算任何一个。`,
    '请不用 --out（通报各自写在工作簿旁边），或把其中的工作簿改名后重新运行。'));
}

/** A bar on a terminal only: in a file or a pipe it would be noise (and cli-progress is not loaded). */
async function progressBar(stream: Stream, total: number, json: boolean): Promise<SingleBar | undefined> {
  if (stream.isTTY !== true || json) return undefined;
  // A CommonJS package: its exports are the default export, in Node and in the bundle alike (esbuild
  // gives a lazily imported CommonJS module no named exports).
  const { SingleBar } = (await import('cli-progress')).default;
  const bar = new SingleBar({ format: '计算中 [{bar}] {value}/{total} {file}', stream: stream as NodeJS.WritableStream, hideCursor: true, clearOnComplete: true });
  bar.start(total, 0, { file: '' });
  return bar;
}

function summary(items: readonly BatchItem[], colour: boolean): string {
  const table = new Table({ head: ['工作簿', '单位', '各等次', '错误', '警告', '与上次相比', '结果'], style: colour ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] }, wordWrap: true });
  for (const i of items) {
    const bands = Object.entries(i.bands).map(([b, n]) => `${b} ${n}`).join('、') || '—';
    const result = i.code === 0 ? '已生成' : i.units > 0 ? '已生成，有待定' : '失败';
    table.push([path.basename(i.workbook), String(i.units), bands, String(i.errors), String(i.warnings), i.changes ?? '首次计算', result]);
  }
  const failed = items.filter((i) => i.code !== 0);
  const lines = [table.toString(), `共 ${items.length} 个工作簿，成功 ${items.length - failed.length} 个，未完成 ${failed.length} 个。`];
  for (const f of failed) lines.push(`「${path.basename(f.workbook)}」：${f.problems.join('；') || '见上'}${f.errors > f.problems.length ? ` 等 ${f.errors} 个错误（单独运行 score check 查看全部）` : ''}`);
  return `${lines.join('\n')}\n`;
}
