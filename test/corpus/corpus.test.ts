import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CODES } from '../../src/core/codes.js';
import { runCli, tempDir } from '../support/cli.js';
import { unlocated } from '../support/locations.js';
import { CASES } from './cases.js';

/** Every file below `dir` with its hash: what must be the same after a failed run. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(path.relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

describe('the bad-input corpus', () => {
  it('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it('expects of each case the exit status the registry gives its code', () => {
    expect(CASES.filter((c) => CODES[c.code].exit !== c.exit).map((c) => [c.name, c.code, c.exit])).toEqual([]);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const dir = tempDir();
    const args = await c.make(dir);
    const before = snapshot(dir);
    const run = await runCli(args, c.env);
    expect({ exit: run.code, hasCode: run.stderr.includes(c.code) }).toEqual({ exit: c.exit, hasCode: true });
    if (c.names) expect(run.stderr).toContain(c.names);
    // Every problem names its file (and sheet and cell where there is one).
    expect(unlocated(run.stderr)).toEqual([]);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.stderr).not.toContain('E_INTERNAL');
    // Every word a clerk reads is Chinese: no library's English sentence in our messages
    // ("Encrypted zip are not supported", "A Cell needs a Row"). File names may be English.
    expect(run.stderr.replace(/\S*[\\/]\S*/g, '')).not.toMatch(/[A-Za-z]+ [a-z]+ [a-z]+/);
    // No control character of an input reaches the terminal (colour is off: NO_COLOR).
    expect(run.stdout + run.stderr).not.toContain('\x1b');
    // One bad cell or sheet never floods the report.
    expect(run.stderr.length).toBeLessThan(20_000);
    // Nothing written, nothing changed: not a partial output, not a temporary file.
    expect(snapshot(dir)).toEqual(before);
  });
});
