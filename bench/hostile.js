// Reads the hostile workbooks of bench/make-hostile.js with `score check`, each in a fresh process,
// and reports the exit status, the time and the peak resident memory: each must stay under 200 MB.
// Usage: node bench/hostile.js [folder to keep the files in]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeHostile } from './make-hostile.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const keep = process.argv[2];
const dir = keep ?? mkdtempSync(path.join(tmpdir(), 'score-hostile-'));

console.log('file\tKB\texit\tms\tpeak RSS MB');
try {
  for (const file of await makeHostile(dir)) {
    let out;
    try {
      out = execFileSync(process.execPath, [path.join(here, 'measure.js'), 'check', file], { encoding: 'utf8' });
    } catch (e) {
      out = e.stdout;
    }
    const r = JSON.parse(out);
    console.log(`${path.basename(file)}\t${Math.round(statSync(file).size / 1024)}\t${r.code}\t${r.ms}\t${r.maxRssMB}`);
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
