import { constants } from 'node:os';
import { abandonStaging } from '../io/commit.js';
import { errnoOf } from '../io/fs-errors.js';
import type { Stream } from './context.js';
import { iconv } from '../io/iconv.js';
import { printsUtf8, READER_GONE } from './instant.js';
import { main, processContext } from './main.js';
import { streamFailureText } from './stream-failure.js';
import { LARGE_INPUT_BYTES, raiseTiers } from './tiers.js';
import { whenInputReaches } from '../io/input-meter.js';

/** A process stream that never throws at the writer: a closed pipe ends the output quietly, a full disk is told once. */
interface Guarded extends Stream {
  failure?: unknown;
  /** Resolves when the last write is done or failed: its error is known by then. */
  settled(): Promise<void>;
}

function guard(stream: NodeJS.WriteStream, encode?: (text: string) => Buffer): Guarded {
  let closed = false;
  let last: Promise<void> = Promise.resolve();
  const guarded: Guarded = {
    isTTY: stream.isTTY,
    write(text: string) {
      if (closed || guarded.failure !== undefined) return false;
      try {
        let done!: () => void;
        last = new Promise<void>((resolve) => (done = resolve));
        return stream.write(encode ? encode(text) : text, (e) => {
          if (e) fail(e);
          done();
        });
      } catch (e) {
        fail(e);
        return false;
      }
    },
    settled: () => last,
  };
  // A reader that went away is not an error of the run; anything else (ENOSPC for `> /dev/full`)
  // is said on the other stream and ends with exit 3.
  const fail = (e: unknown): void => {
    if (READER_GONE.includes(errnoOf(e))) closed = true;
    else guarded.failure ??= e;
  };
  stream.on('error', fail);
  return guarded;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Ctrl-C while outputs are being staged: the staging folder is removed; the earlier outputs were never touched. */
function onSignals(stderr: Stream): void {
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      const dropped = abandonStaging();
      stderr.write(dropped > 0 ? '\n已中断：正在写出的结果已丢弃，上次的结果没有改动。\n' : '\n已中断。\n');
      process.exit(128 + constants.signals[signal]);
    });
  }
}

/**
 * SCORE_OUTPUT_ENCODING=gbk: what is printed, in that encoding instead of UTF-8. A Windows console
 * shows Chinese right in any code page; output sent to a file or into PowerShell 5 in code page 936
 * (`score check a.xlsx > 问题.txt`, `$r = score …`) is read as GBK, and needs it. iconv-lite is
 * loaded only when asked for.
 */
function outputEncoder(name: string | undefined, warn: (text: string) => void): ((text: string) => Buffer) | undefined {
  if (name === undefined || printsUtf8(name)) return undefined;
  if (!iconv().encodingExists(name)) {
    warn(`环境变量 SCORE_OUTPUT_ENCODING 的编码「${name}」不认识，仍按 UTF-8 输出；可用 gbk、gb18030。\n`);
    return undefined;
  }
  return (text) => iconv().encode(text, name);
}

/** The process around the CLI: bin/score.js calls this and nothing else. */
export async function run(argv: string[]): Promise<void> {
  const encode = outputEncoder(process.env.SCORE_OUTPUT_ENCODING, (text) => process.stderr.write(text));
  const stdout = guard(process.stdout, encode);
  const stderr = guard(process.stderr, encode);
  onSignals(stderr);
  whenInputReaches(LARGE_INPUT_BYTES, () => raiseTiers(process.env.SCORE_DEBUG ? (text) => stderr.write(text) : undefined));
  let code = await main(argv, { ...processContext(), stdout, stderr });
  await Promise.all([stdout.settled(), stderr.settled()]);
  for (const [stream, name] of [[stdout, '标准输出'], [stderr, '标准错误输出']] as const) {
    if (stream.failure === undefined) continue;
    stderr.write(streamFailureText(stream.failure, name));
    if (code === 0) code = 3;
  }
  process.exitCode = code;
}
