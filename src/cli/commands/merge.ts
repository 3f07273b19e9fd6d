import path from 'node:path';
import Table from 'cli-table3';
import { hasErrors, warning, type Diagnostic } from '../../core/diagnostic.js';
import { ExitCode, exitCodeFor } from '../../core/codes.js';
import { mergeForms, type Coverage, type FormInput } from '../../forms/merge.js';
import { writeAtomically } from '../../io/atomic-write.js';
import { checkOutputs, isFolder } from '../../io/output-check.js';
import { readText, readWorkbooks } from '../../io/read-inputs.js';
import { workbookFile } from '../../io/write-workbook.js';
import { fileSource } from '../../scheme/load-scheme.js';
import { colours, type Context } from '../context.js';
import { commitOptions, recoverBefore } from '../outputs.js';
import { limitsFrom, type LoadOptions } from '../load.js';
import { countLine, printDiagnostics } from '../print.js';

export interface MergeOptions extends LoadOptions {
  out?: string;
  color: boolean;
}

export const MERGED_FILE = '合并得分表.xlsx';

/** `score merge <workbook…> -o merged.xlsx`: the departments' returned forms as one score workbook. */
export async function runMerge(files: string[], options: MergeOptions, ctx: Context): Promise<ExitCode> {
  const err = colours(ctx, ctx.stderr, options.color);
  const target = await outputPath(files[0]!, options.out);
  const inputs = [...files, options.scheme, options.indicators];
  recoverBefore(path.dirname(target), ctx);
  await checkOutputs({ dir: path.dirname(target), targets: [target], inputs, hint: '请用 -o 指定另一个输出文件。' });
  const limits = limitsFrom(ctx.env);
  const notes: Diagnostic[] = [];
  const forms: FormInput[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(path.resolve(file))) {
      notes.push(warning('W_SAME_FILE_TWICE', { file }, `「${file}」给了两次，只读一次。`));
      continue;
    }
    seen.add(path.resolve(file));
    forms.push({ file, sheets: await readWorkbooks([file], limits, options.encoding) });
  }
  const scheme = options.scheme ? fileSource(options.scheme, await readText(options.scheme, '方案文件')) : undefined;
  const indicatorSheets = options.indicators ? await readWorkbooks([options.indicators], limits, options.encoding) : undefined;
  const merged = mergeForms({ forms, output: target, ...(scheme ? { scheme } : {}), ...(indicatorSheets ? { indicatorSheets } : {}) });
  const diagnostics = [...notes, ...merged.diagnostics, ...notReturned(merged.coverage, target)];
  if (!merged.sheets || hasErrors(diagnostics)) {
    printDiagnostics(diagnostics, ctx.stderr, err);
    ctx.stderr.write(`\n${countLine(diagnostics)}。未生成合并结果；请按上面的位置改正后重新合并。\n`);
    return exitCodeFor(diagnostics);
  }
  await writeAtomically(target, workbookFile(target, merged.sheets).write, commitOptions(ctx));
  printDiagnostics(diagnostics, ctx.stderr, err);
  const out = colours(ctx, ctx.stdout, options.color);
  ctx.stdout.write(`${coverageTable(merged.coverage, out.level > 0)}\n`);
  ctx.stdout.write(`已合并 ${forms.length} 个文件：${target}\n`);
  ctx.stdout.write(`下一步：score check ${path.relative(ctx.cwd, target) || target} 检查，无误后 score ${path.relative(ctx.cwd, target) || target} 计分。\n`);
  if (diagnostics.length > 0) ctx.stderr.write(`${countLine(diagnostics)}。\n`);
  return ExitCode.ok;
}

/** -o as a file, or as a folder to put 合并得分表.xlsx in; beside the first form by default. */
async function outputPath(first: string, out: string | undefined): Promise<string> {
  if (out === undefined) return path.join(path.dirname(first), MERGED_FILE);
  return (await isFolder(out)) ? path.join(out, MERGED_FILE) : out;
}

/** A department none of whose cells came back in any form: said by name, it is the one to call. */
function notReturned(rows: readonly Coverage[], target: string): Diagnostic[] {
  return rows.filter((r) => r.leaves > 0 && r.files.length === 0 && r.expected > 0).map((r) => warning('W_NOT_RETURNED', { file: target },
    `「${r.department}」的 ${r.leaves} 个指标在交回的表中一处也没有填（可能没有交回填报表，或交回的是空表）。`, '请向该部门催收填报表，收到后与其他表一起重新合并。'));
}

function coverageTable(rows: readonly Coverage[], colour: boolean): string {
  const table = new Table({
    head: ['牵头部门', '指标', '应填', '已填', '未填', '明细行', '来自'],
    style: colour ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
  });
  for (const r of rows) {
    // The 加减分和一票否决 form has rows, not cells to fill.
    const cells = r.leaves === 0 ? ['—', '—', '—', '—'] : [r.leaves, r.expected, r.filled, r.expected - r.filled];
    table.push([r.department, ...cells, r.rows, r.files.map((f) => path.basename(f)).join('、') || '—']);
  }
  return table.toString();
}
