// Start-up cost: each command run many times as a fresh process (as a clerk runs it), beside a bare
// `node -e 0` and a Node that only loads what a county run must load, in the same run.
// Usage: node bench/start.js [--runs 15]   (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWorkbook } from './make-workbook.js';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 15);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'score.js');
const dir = mkdtempSync(path.join(tmpdir(), 'score-start-'));
const county = path.join(dir, 'county-60.xlsx');
await makeWorkbook(county, 60, 40);

// What a scoring run cannot do without: the libraries it reads, checks and writes with.
const loads = ['commander', 'chalk', 'exceljs', 'jszip', 'saxes', 'yaml', 'zod', 'docx', 'cli-table3'].map((m) => `await import(${JSON.stringify(m)});`).join('');
const cases = [
  ['node -e 0', ['-e', '0']],
  ['score --help', [bin, '--help']],
  ['score --version', [bin, '--version']],
  ['score chek（用法错误）', [bin, 'chek']],
  ['score check --help', [bin, 'check', '--help']],
  ['node + 计分所需的库', ['--input-type=module', '-e', loads]],
  ['score 60 个单位', [bin, county, '-o', path.join(dir, 'out')]],
];

/** Wall time of one fresh process, in ms. */
function once(argv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0 && r.status !== 2) throw new Error(`${argv.join(' ')}: exit ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  // Interleaved rounds: a burst of load on the machine falls on every case alike.
  const times = cases.map(() => []);
  for (let i = 0; i < runs; i++) cases.forEach(([, argv], k) => times[k].push(once(argv)));
  const base = median(times[0]);
  console.log(`${runs} runs each, ${new Date().toISOString()}\ncase\tmedian ms\tmin ms\t× node -e 0`);
  cases.forEach(([name], k) => console.log(`${name}\t${median(times[k]).toFixed(0)}\t${Math.min(...times[k]).toFixed(0)}\t${(median(times[k]) / base).toFixed(2)}`));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
