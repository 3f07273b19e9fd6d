import path from 'node:path';
import { info } from '../core/diagnostic.js';
import { recoverOutputs, type CommitOptions, type Owner } from '../io/commit.js';
import { colours, type Context } from './context.js';
import { printDiagnostics } from './print.js';

/** A process is alive if a signal could be sent to it (EPERM: alive, but someone else's). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function thisProcess(): Owner {
  return { pid: process.pid, isAlive };
}

export function commitOptions(ctx: Context): CommitOptions {
  return { owner: ctx.owner ?? thisProcess(), ...(ctx.beforeCommit ? { beforeCommit: ctx.beforeCommit } : {}) };
}

const OUTCOME = {
  discarded: '上次运行在写出前中断，已删除它留下的暂存文件；上次完整的结果没有变',
  completed: '上次运行在写出时中断，已把那次的结果写完整',
  'rolled back': '上次运行在写出时中断，已恢复为上次完整的结果',
} as const;

/** Before a command writes into `dir`: a commit there cut short by a kill or a power cut is settled first. */
export function recoverBefore(dir: string, ctx: Context): void {
  const recovered = recoverOutputs(path.resolve(ctx.cwd, dir), ctx.owner ?? thisProcess());
  if (recovered.length === 0) return;
  printDiagnostics(recovered.map((r) => info('I_RECOVERED', { file: path.dirname(r.staging) }, `${OUTCOME[r.outcome]}。`)), ctx.stderr, colours(ctx, ctx.stderr, false));
}
