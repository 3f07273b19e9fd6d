import path from 'node:path';
import { ExitCode } from '../../core/codes.js';
import { starterBooks } from '../../forms/starter.js';
import { writeStarter } from '../../io/init-files.js';
import type { Context } from '../context.js';
import { commitOptions, recoverBefore } from '../outputs.js';

/** `score init [DIR] --preset <sample>`: starting files copied from a sample, ready to edit. */
export async function runInit(dir: string | undefined, options: { preset: string }, ctx: Context): Promise<ExitCode> {
  const target = path.resolve(ctx.cwd, dir ?? '.');
  recoverBefore(target, ctx);
  const written = await writeStarter(target, options.preset, starterBooks, commitOptions(ctx));
  ctx.stdout.write(`已生成：${written.map((f) => path.relative(ctx.cwd, f) || f).join('、')}\n`);
  ctx.stdout.write([
    '下一步：',
    '  1. 修改「方案.yaml」（名称、类别、等次等，注释中有说明）和「指标体系.xlsx」；',
    '  2. 在「得分表.xlsx」的「单位名单」中列出参评单位，在各得分表中填写分数；',
    `  3. 运行 score check 得分表.xlsx --scheme 方案.yaml --indicators 指标体系.xlsx 检查，无误后去掉 check 计分。`,
    '',
  ].join('\n'));
  return ExitCode.ok;
}
