import { mkdtempSync, cpSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in-process, with captured streams and no colour. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1', ...env },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

export const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples');

/** A fresh temporary folder holding a copy of a sample. */
export function copySample(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `score-${name}-`));
  cpSync(path.join(SAMPLES, name), dir, { recursive: true, filter: (src) => !/\.通报\./.test(src) });
  return dir;
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'score-test-'));
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}
