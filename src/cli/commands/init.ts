import path from 'node:path';
import { ExitCode } from '../../core/codes.js';
import { starterBooks } from '../../forms/starter.js';
import { writeStarter } from '../../io/init-files.js';
import { PLACEHOLDER, starterScheme } from '../../scheme/starter-scheme.js';
import type { Context } from '../context.js';
import { commitOptions, recoverBefore } from '../outputs.js';

/** A path as typed on a command line from `cwd`: relative, and quoted when it has a space. */
function typed(file: string, cwd: string): string {
  const relative = path.relative(cwd, file) || file;
  return /[\s"'&()]/.test(relative) ? `"${relative}"` : relative;
}

/** `score init [DIR] --preset <sample>`: starting files copied from a sample, ready to edit. */
export async function runInit(dir: string | undefined, options: { preset: string }, ctx: Context): Promise<ExitCode> {
  const target = path.resolve(ctx.cwd, dir ?? '.');
  recoverBefore(target, ctx);
  const year = new Date().getFullYear();
  const written = await writeStarter(target, options.preset, starterBooks, commitOptions(ctx), (text) => starterScheme(text, options.preset, year));
  ctx.stdout.write(`已生成：${written.map((f) => path.relative(ctx.cwd, f) || f).join('、')}\n`);
  // The commands exactly as they run from here, where init was run.
  const [scheme, indicators, scores] = written.map((f) => typed(f, ctx.cwd));
  const inputs = `${scores} --scheme ${scheme} --indicators ${indicators}`;
  ctx.stdout.write([
    '下一步：',
    `  1. 修改 ${scheme}：标有「${PLACEHOLDER}」的名称、年度、标题、文号、日期，以及类别、等次（注释中有说明）；修改 ${indicators}；`,
    `  2. 在 ${scores} 的「单位名单」中列出参评单位，在各得分表中填写分数；`,
    `  3. 检查：score check ${inputs}`,
    `  4. 无误后计分：score ${inputs}`,
    '',
  ].join('\n'));
  return ExitCode.ok;
}
