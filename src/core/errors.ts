import { exitCodeFor, type ExitCode } from './codes.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * A condition that stops a command: an unreadable file, an unusable scheme. It carries the
 * diagnostics to show; its exit status is theirs in the registry. Only src/cli turns it into an exit.
 */
export class ScoreError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: ExitCode;
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'ScoreError';
    this.diagnostics = diagnostics;
    this.exitCode = exitCodeFor(diagnostics);
  }
}
