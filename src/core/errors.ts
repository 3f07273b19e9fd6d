import type { Diagnostic } from './diagnostic.js';

/** Exit statuses, as documented in the README. */
export const ExitCode = {
  ok: 0,
  dataProblems: 1,
  usage: 2,
  unreadable: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A condition that stops a command: an unreadable file, an unusable scheme. It carries the
 * diagnostics to show and the exit status; only src/cli turns it into an exit.
 */
export class ScoreError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: ExitCode;
  constructor(diagnostics: Diagnostic[], exitCode: ExitCode) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'ScoreError';
    this.diagnostics = diagnostics;
    this.exitCode = exitCode;
  }
}
