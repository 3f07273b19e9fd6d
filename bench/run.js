// Benchmark: scores synthetic workbooks of county, city and province size and reports wall time
// and peak resident memory of each `score` run (a fresh process each, so figures do not mix).
// Usage: npm run bench [-- --sizes 60,2000,100000 --indicators 40]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWorkbook } from './make-workbook.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = opt('sizes', '60,2000,20000,100000').split(',').map(Number);
const indicators = Number(opt('indicators', '40'));
const here = path.dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'score-bench-'));

console.log(`units\tindicators\tfile MB\tcommand\tms\tpeak RSS MB`);
try {
  for (const units of sizes) {
    const file = path.join(dir, `bench-${units}.xlsx`);
    await makeWorkbook(file, units, indicators);
    const mb = (statSync(file).size / 1e6).toFixed(1);
    // check, score, blank forms for every unit, and a merge of the full workbook (every cell compared and copied).
    const runs = [['check', file], [file, '-o', dir], ['template', file, '-o', path.join(dir, `forms-${units}`), '--force'], ['merge', file, '-o', path.join(dir, `merged-${units}.xlsx`)]];
    for (const command of runs) {
      const out = execFileSync(process.execPath, ['--max-old-space-size=8192', path.join(here, 'measure.js'), ...command], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const r = JSON.parse(out);
      const name = command[0] === file ? 'score' : command[0];
      console.log(`${units}\t${indicators}\t${mb}\t${name}\t${r.ms}\t${r.maxRssMB}${r.code === 0 ? '' : `\t(exit ${r.code})`}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
