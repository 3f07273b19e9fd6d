import { Chalk, type ChalkInstance } from 'chalk';

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** What a command may touch of the process: passed in, so tests need no mocks. */
export interface Context {
  stdout: Stream;
  stderr: Stream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/**
 * Colour only on a terminal, never under NO_COLOR, --no-color or --json (chalk does not read
 * NO_COLOR itself).
 */
export function colours(ctx: Context, stream: Stream, wanted: boolean): ChalkInstance {
  const on = wanted && stream.isTTY === true && ctx.env.NO_COLOR === undefined && ctx.env.TERM !== 'dumb';
  return new Chalk({ level: on ? 1 : 0 });
}
