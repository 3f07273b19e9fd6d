import { Chalk, type ChalkInstance } from 'chalk';
import type { Owner } from '../io/commit.js';

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
  /** Who writes outputs (this process unless a test says otherwise): recovery spares live writers. */
  owner?: Owner;
  /** Runs when the outputs are staged, just before they replace the earlier ones (a test pauses here). */
  beforeCommit?: () => Promise<void>;
}

/**
 * Colour only on a terminal, never under NO_COLOR, --no-color or --json (chalk does not read
 * NO_COLOR itself).
 */
export function colours(ctx: Context, stream: Stream, wanted: boolean): ChalkInstance {
  const on = wanted && stream.isTTY === true && ctx.env.NO_COLOR === undefined && ctx.env.TERM !== 'dumb';
  return new Chalk({ level: on ? 1 : 0 });
}
