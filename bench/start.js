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

// What a scoring run cannot do without: the libraries it reads, checks and writes with (the
// command line, colours, the scheme's YAML and its checks, the summary table, the zip reader).
const loads = ['commander', 'chalk', 'yaml', 'zod', 'cli-table3', 'yauzl'].map((m) => `await import(${JSON.stringify(m)});`).join('');
const cases = [
  ['node -e 0', ['-e', '0']],
  ['score --help', [bin, '--help']],
  ['score --version', [bin, '--version']],
  ['score chek（用法错误）', [bin, 'chek']],
  ['score check --help', [bin, 'check', '--help']],
  ['node + 计分所需的库', ['--input-type=module', '-e', loads]],
  // A first run writes into a folder of its own; a re-run finds its earlier 通报 and compares.
  ['score 60 个单位（首次）', () => [bin, county, '-o', mkdtempSync(path.join(dir, 'first-'))]],
  ['score 60 个单位（再次运行）', [bin, county, '-o', path.join(dir, 'out')]],
];

// CPU time (user + system) of the child as it exits, written to fd 3: on a busy machine wall time
// measures the queue for the cores as much as the program; CPU time measures the program.
const cpuHook = `data:text/javascript,${encodeURIComponent("import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeSync(3, String((u.user + u.system) / 1000)); });")}`;

/** Wall time and CPU time of one fresh process, in ms. */
function once(argv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', cpuHook, ...argv], { cwd: root, stdio: ['ignore', 'ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0 && r.status !== 2) throw new Error(`${argv.join(' ')}: exit ${r.status}`);
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: Number(r.output[3].toString()) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  // Interleaved rounds: a burst of load on the machine falls on every case alike.
  const times = cases.map(() => []);
  for (let i = 0; i < runs; i++) cases.forEach(([, argv], k) => times[k].push(once(typeof argv === 'function' ? argv() : argv)));
  const wall = times.map((t) => t.map((x) => x.wall));
  const cpu = times.map((t) => t.map((x) => x.cpu));
  console.log(`${runs} runs each, ${new Date().toISOString()}, load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
  console.log('case\twall median ms\twall min ms\t× node -e 0\tCPU median ms\t× node -e 0');
  cases.forEach(([name], k) => console.log([name, median(wall[k]).toFixed(0), Math.min(...wall[k]).toFixed(0), (median(wall[k]) / median(wall[0])).toFixed(2),
    median(cpu[k]).toFixed(0), (median(cpu[k]) / median(cpu[0])).toFixed(2)].join('\t')));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
