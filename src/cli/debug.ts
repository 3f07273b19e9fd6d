import type { Context } from './context.js';

/**
 * What the libraries said, the error and the errors that caused it, by their messages: no stack,
 * which SCORE_DEBUG keeps for internal errors (a refused file is not a defect of score).
 */
function debugText(e: unknown): string {
  const parts: string[] = [];
  for (let c: unknown = e, depth = 0; c !== undefined && depth < 5; c = (c as { cause?: unknown }).cause, depth++) {
    parts.push(c instanceof Error ? `${c.name}: ${c.message}` : String(c));
    if (!(c instanceof Error)) break;
  }
  return parts.join('；原因：');
}

/** A refused file's library words (unzip, XML parser) help a maintainer, not a clerk: on stderr, only under SCORE_DEBUG=1. */
export function writeDebug(ctx: Context, e: unknown): void {
  const cause = (e as { cause?: unknown } | undefined)?.cause;
  if (ctx.env.SCORE_DEBUG && cause !== undefined) ctx.stderr.write(`调试信息：${debugText(cause)}\n`);
}
