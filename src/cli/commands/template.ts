import path from 'node:path';
import { error, hasErrors } from '../../core/diagnostic.js';
import { ExitCode, exitCodeFor } from '../../core/codes.js';
import { planForms } from '../../forms/template.js';
import { writeAllAtomically } from '../../io/atomic-write.js';
import { checkOutputs, existing, prepareFolder } from '../../io/output-check.js';
import { workbookFile } from '../../io/write-workbook.js';
import { colours, type Context } from '../context.js';
import { commitOptions, recoverBefore } from '../outputs.js';
import { limitsFrom, loadBasics, type LoadOptions } from '../load.js';
import { countLine, printDiagnostics } from '../print.js';
import { unitWord } from '../../scheme/unit-word.js';

export interface TemplateOptions extends LoadOptions {
  out?: string;
  byDepartment?: boolean;
  force?: boolean;
  color: boolean;
}

/** `score template <workbook…>`: blank entry forms from the scheme, the indicators and the roster. */
export async function runTemplate(files: string[], options: TemplateOptions, ctx: Context): Promise<ExitCode> {
  const err = colours(ctx, ctx.stderr, options.color);
  const dir = path.resolve(ctx.cwd, options.out ?? path.dirname(files[0]!));
  recoverBefore(dir, ctx);
  const limits = limitsFrom(ctx.env);
  const basics = await loadBasics(files, limits ? { ...options, limits } : options);
  const { scheme, tree, roster, schemeSource, indicatorSheet, rosterSheet } = basics;
  const diagnostics = [...basics.diagnostics];
  if (hasErrors(diagnostics) || !scheme || !tree || !roster || !schemeSource || !indicatorSheet || !rosterSheet) {
    printDiagnostics(diagnostics, ctx.stderr, err);
    ctx.stderr.write(`\n${countLine(diagnostics)}。方案、指标体系或单位名单有误，未生成填报表。\n`);
    return exitCodeFor(diagnostics);
  }
  const planned = planForms({ scheme, tree, roster }, { schemeText: schemeSource.text, indicatorSheet, rosterSheet }, options.byDepartment === true);
  diagnostics.push(...planned.diagnostics);
  if (hasErrors(planned.diagnostics)) {
    printDiagnostics(diagnostics, ctx.stderr, err);
    ctx.stderr.write(`\n${countLine(diagnostics)}。未生成填报表。\n`);
    return ExitCode.dataProblems;
  }
  const targets = planned.forms.map((f) => path.join(dir, `${f.name}.xlsx`));
  await checkOutputs({ dir, targets, inputs: [...files, options.scheme, options.indicators], create: true, hint: '请用 --out 指定其他输出文件夹。' });
  if (options.force !== true) {
    const refusals = (await existing(targets)).map((t) => error('E_WOULD_OVERWRITE', { file: t }, `「${t}」已存在，可能是已经填好的表，score template 不会覆盖它。`, '请用 --out 指定其他文件夹；确认可以覆盖时加 --force。'));
    if (refusals.length > 0) {
      printDiagnostics(refusals, ctx.stderr, err);
      return ExitCode.usage;
    }
  }
  prepareFolder(dir);
  await writeAllAtomically(planned.forms.map((f, i) => workbookFile(targets[i]!, f.sheets)), commitOptions(ctx));
  printDiagnostics(diagnostics, ctx.stderr, err);
  const out = ctx.stdout;
  out.write(`已生成 ${planned.forms.length} 个填报表：\n`);
  planned.forms.forEach((f, i) => {
    const what = f.leaves.length > 0 ? `${f.leaves.length} 个指标，${f.units.length} 个${unitWord(scheme)}` : '加减分、一票否决';
    out.write(`  ${path.relative(ctx.cwd, targets[i]!) || targets[i]}（${what}）\n`);
  });
  out.write(`下一步：把填报表发给${options.byDepartment ? '各牵头部门' : '填报人'}；收回后运行 score merge <交回的表…> -o 合并得分表.xlsx 合并。\n`);
  return ExitCode.ok;
}
