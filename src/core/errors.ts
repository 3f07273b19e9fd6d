import { exitCodeFor, type ExitCode } from './codes.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * A condition that stops a command: an unreadable file, an unusable scheme. It carries the
 * diagnostics to show; its exit status is theirs in the registry. Only src/cli turns it into an exit.
 */
export class ScoreError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: ExitCode;
  /** `cause`: what a library said (an unzip or XML parser's English), shown only under SCORE_DEBUG=1. */
  constructor(diagnostics: Diagnostic[], cause?: unknown) {
    super(diagnostics.map((d) => d.message).join('\n'), cause === undefined ? undefined : { cause });
    this.name = 'ScoreError';
    this.diagnostics = diagnostics;
    this.exitCode = exitCodeFor(diagnostics);
  }
}
