import type { Context, Stream } from './context.js';

/**
 * What a long run is doing, on one line of the terminal that rewrites itself: the stage and its
 * count (「计分：20000 个单位」), with the seconds so far. Shown only once a run has taken about a
 * second, only on a terminal, never with --quiet, under NO_COLOR's TERM=dumb, or when output is
 * piped: a script's log gets no carriage returns. The line is cleared before anything else is
 * printed, so messages and the summary stand on their own lines.
 */
export interface Progress {
  stage(text: string): void;
  /** Clears the line (call before printing anything else). */
  done(): void;
}

const SHOW_AFTER_MS = 1000;
const REFRESH_MS = 250;

const SILENT: Progress = { stage: () => undefined, done: () => undefined };

export function progressFor(ctx: Context, quiet: boolean | undefined, stream: Stream = ctx.stderr): Progress {
  if (quiet || stream.isTTY !== true || ctx.env.TERM === 'dumb' || ctx.env.SCORE_NO_PROGRESS !== undefined) return SILENT;
  const started = Date.now();
  let current = '';
  let shown = false;
  const draw = (): void => {
    if (Date.now() - started < SHOW_AFTER_MS || current === '') return;
    shown = true;
    stream.write(`\r\x1b[K${current}……（${Math.floor((Date.now() - started) / 1000)} 秒）`);
  };
  const timer = setInterval(draw, REFRESH_MS);
  timer.unref();
  return {
    stage(text) {
      current = text;
      draw();
    },
    done() {
      clearInterval(timer);
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
