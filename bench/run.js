// Benchmark of `score` against a minimal baseline in the same run (issue 11). For each size it
// generates a workbook in the project's layout (bench/make-workbook.js: 40 `direct` indicators) and
// runs, each in a fresh process at Node's default heap: `node -e 0`, `score --help`, the minimal
// pipeline bench/baseline.js, `score check` and a full `score` run writing its outputs. Wall time is
// taken here; peak resident memory and CPU time by bench/peak.cjs inside the process. A run that
// exhausts the heap is reported as 内存不足, not retried with more. The baseline's totals and ranks
// must equal those in score's 排名 sheet at every size where both finish, or the run stops.
// Prints the table and writes docs/bench.md (the machine, load average, commit, figures, ratios).
// Usage: npm run bench [-- --sizes 60,20000,100000,300000 --indicators 40 --keep <dir> --md <file>]
//   --keep <dir>  keep the generated workbooks there and reuse them next time (300,000 units take minutes)
//   --md <file>   where to write the page (default docs/bench.md; --md - writes none)
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWorkbook } from './make-workbook.js';
import { openBook, scaled } from './baseline.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = opt('sizes', '60,20000,100000').split(',').map(Number);
const indicators = Number(opt('indicators', '40'));
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const md = opt('md', path.join(root, 'docs', 'bench.md'));
const keep = opt('keep');
const dir = mkdtempSync(path.join(os.tmpdir(), 'score-bench-'));
const books = keep ?? dir;
mkdirSync(books, { recursive: true });
const score = path.join(root, 'bin', 'score.js');
const peakFile = path.join(dir, 'peak.json');

/** One command in a fresh process: wall ms, CPU ms, peak RSS MB and how it ended. */
function measure(argv) {
  rmSync(peakFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', path.join(here, 'peak.cjs'), ...argv], {
    env: { ...process.env, BENCH_PEAK_FILE: peakFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const peak = existsSync(peakFile) ? JSON.parse(readFileSync(peakFile, 'utf8')) : undefined;
  const stderr = r.stderr ?? '';
  const status = /heap out of memory|Allocation failed/.test(stderr) ? '内存不足'
    : r.signal ? `信号 ${r.signal}`
      : r.status !== 0 ? `退出码 ${r.status}` : '';
  return { ms, cpuMs: peak?.cpuMs, rssMB: peak?.maxRssMB, status, stderr };
}

/** The median run of several, by wall time (short commands vary most under load); `before` runs ahead of each. */
function median(argv, times, before = () => undefined) {
  const runs = Array.from({ length: times }, () => (before(), measure(argv))).sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)];
}

/** Unit → {total, rank} from a 排名-like sheet (header row with 单位名称, 总分, 名次). */
async function standings(file, sheet) {
  const out = new Map();
  let header;
  const book = await openBook(file);
  await book.scan(sheet, (cells) => {
    if (!header) {
      if (cells.includes('单位名称')) header = ['单位名称', '总分', '名次'].map((h) => cells.indexOf(h));
      return;
    }
    const [name, total, rank] = header.map((c) => cells[c]);
    if (name !== undefined) out.set(name, { total: scaled(total, `${file} ${name}`), rank: Number(rank) });
  });
  return out;
}

/** Stops the run if the baseline's totals or ranks differ from score's anywhere. */
async function verify(scoreFile, baselineFile, units) {
  const expected = await standings(scoreFile, '排名');
  const got = await standings(baselineFile, '排名');
  if (expected.size !== units || got.size !== units) {
    throw new Error(`${units} 个单位：score 排名表 ${expected.size} 个单位，基线 ${got.size} 个，不一致，停止。`);
  }
  for (const [name, s] of expected) {
    const b = got.get(name);
    if (!b || b.total !== s.total || b.rank !== s.rank) {
      throw new Error(`${units} 个单位：「${name}」score 为 总分 ${s.total / 1e6}、第 ${s.rank} 名，基线为 ${b ? `总分 ${b.total / 1e6}、第 ${b.rank} 名` : '缺少'}，不一致，停止。`);
    }
  }
}

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');
const seconds = (ms) => (ms / 1000).toFixed(ms < 1000 ? 3 : ms < 10000 ? 2 : 1);
const mb = (x) => (x === undefined ? '—' : String(Math.round(x)));
const ratio = (a, b) => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(1)}×`);

const rows = [];
function report(units, fileMB, name, r, base, loadNow) {
  const ok = r.status === '';
  const row = {
    units, fileMB, name,
    wall: ok ? seconds(r.ms) : `${r.status}（${seconds(r.ms)}）`,
    cpu: r.cpuMs === undefined ? '—' : seconds(r.cpuMs),
    rss: mb(r.rssMB),
    timeRatio: ok && base ? ratio(r.ms, base.ms) : '—',
    cpuRatio: ok && base ? ratio(r.cpuMs, base.cpuMs) : '—',
    rssRatio: ok && base ? ratio(r.rssMB, base.rssMB) : '—',
    load: loadNow,
  };
  rows.push(row);
  console.log([row.units, row.fileMB, row.name, row.wall, row.cpu, row.rss, row.timeRatio, row.cpuRatio, row.rssRatio, row.load].join('\t'));
  if (!ok && r.status !== '内存不足') console.log(r.stderr.trim().split('\n').slice(-5).join('\n'));
}

function machine() {
  const commit = (() => {
    try {
      const head = execFileSync('git', ['-C', root, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim();
      const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--', 'src', 'bin', 'package.json'], { encoding: 'utf8' }).trim();
      return `${head.slice(0, 100)}${dirty ? '（src 有未提交的改动）' : ''}`;
    } catch {
      return '未知';
    }
  })();
  return {
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    model: os.cpus()[0]?.model ?? '未知',
    memoryGB: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    heapMB: Math.round(JSON.parse(execFileSync(process.execPath, ['-p', 'JSON.stringify(require("v8").getHeapStatistics().heap_size_limit)'], { encoding: 'utf8' })) / 2 ** 20),
    commit,
  };
}

function page(m, started, finished, verified) {
  const table = rows.map((r) => `| ${r.units === '' ? '—' : r.units.toLocaleString('en-US')} | ${r.fileMB} | ${r.name} | ${r.wall} | ${r.cpu} | ${r.rss} | ${r.timeRatio} | ${r.cpuRatio} | ${r.rssRatio} | ${r.load} |`);
  return `# 性能测量

\`npm run bench\` 生成的页面（\`bench/run.js\`），每次运行覆盖。数字是**同一次运行中**与最简基线的比值：本机与其他任务共用，
负载高低会使绝对耗时成倍浮动，比值受影响较小；比较两次测量时看倍数，并看负载一列。

- 测量时间：${started} 至 ${finished ?? '（未完成：测量仍在进行或已中断，下表是已测的部分）'}（UTC）
- 机器：${m.cpus} 核（${m.model}），内存 ${m.memoryGB} GB；Node ${m.node}，默认堆上限 ${m.heapMB} MB（测量时不加大）
- 代码：${m.commit}
- 工作簿：\`bench/make-workbook.js\` 生成，按本项目的文档格式（方案、指标体系、单位名单、得分表四张表），
  ${indicators} 个 \`direct\` 指标、3 个类别，得分两位小数
- 基线的总分和名次与 \`score\` 排名表逐个单位核对一致的规模：${verified.map((u) => u.toLocaleString('en-US')).join('、') || '无'}（\`score\` 未完成的规模无从核对）

## 结果

| 单位数 | 文件 MB | 命令 | 耗时 s | CPU s | 内存峰值 MB | 耗时倍数 | CPU 倍数 | 内存倍数 | 负载（1/5/15 分钟） |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${table.join('\n')}

- **耗时**是从启动进程到进程结束的墙上时间（含 Node 启动）；**CPU** 是进程的用户态加内核态时间（多线程时相加，可能大于耗时）；
  **内存峰值**是进程的最大常驻内存（内核的 maxrss）。
- **倍数**：\`score --help\` 对 \`node -e 0\`；其余对同一规模的基线。负载高（超过核数）时进程要排队等 CPU，
  耗时倍数随之浮动，CPU 倍数较稳定。100,000 个单位及以下各跑 3 次、\`node -e 0\` 和
  \`--help\` 各跑 5 次，取耗时的中位数；更大的规模各跑 1 次。
- **内存不足**：进程在 Node 默认的堆上限内用尽了内存（括号内为进程结束前的耗时），这本身就是结果，不加大堆重试。
- **堆的增长**：\`score\` 的入口（\`bin/score.js\`）把 V8 的堆增长设为每次 20%（\`--heap-growing-percent=20\`）：
  V8 默认让堆长到上次完整回收后存活数据的至多 4 倍才再回收，写出一个省的通报时这些空间都被垃圾填满，峰值约为存活数据的两倍多。
  基线不设。这是进程自己的设置，测量时不另加任何 Node 参数。
- **起步设置**：入口还让每次运行先不用 V8 的优化编译器 TurboFan、年轻代保持初始大小，读入的工作表（解压后）或 CSV 超过 1 MB
  时恢复 V8 的默认（\`src/cli/tiers.ts\`）：县级的一次运行大多是只运行一次的代码，优化编译和新触及的内存页只增加耗时。

## 各行测的是什么

- \`node -e 0\`：Node 本身的启动，任何 Node 程序的下限。
- \`score --help\`：\`score\` 的启动（显示预先排好的帮助文字，不加载整个工具）。
- **基线**（\`bench/baseline.js\`，不引用 \`src/\`）：做这件事最少要做的工作——按中央目录打开压缩包、逐个部分解压，
  以正则表达式扫描工作表 XML，按 \`direct\` 指标精确求和（10⁻⁶ 定点整数）、四舍五入到两位小数、类别内排名（1、2、2、4），
  再手写一个只有一张表（单位名称、类别、总分、名次）的结果工作簿。每个规模都核对它的总分和名次与 \`score\` 排名表完全相同，
  不同即停止测量。
- \`score check\`：读取并检查工作簿，不计分、不写文件。
- \`score\`：完整计分，写出通报工作簿（排名、附件、指标得分、问题、记录）、通报正文（.txt、.docx）。
  每次都写进一个空文件夹，即第一次计算（同一文件夹里再算一次还要与上次的通报比较、把它存入历史，那是重算的工作）。

## 目标（issue 11，2 核机器、40 个指标）

- 100,000 个单位完整计分 ≤ 基线的 3 倍，内存峰值 ≤ 300 MB。
- 300,000 个单位在默认堆上限内完成，≤ 基线的 3 倍，内存峰值 ≤ 600 MB。
- 60 个单位 ≤ 0.45 s；\`score --help\` ≤ 0.15 s（≤ \`node -e 0\` 的 2 倍）。

## 怎样运行

\`\`\`
npm run bench                                  # 60、20,000、100,000 个单位，写出本页
npm run bench -- --sizes 60,20000,100000,300000 --keep /tmp/score-bench   # 含 300,000（生成工作簿要几分钟，--keep 留着下次再用）
npm run bench -- --sizes 60 --md -             # 只看表，不写本页
node bench/baseline.js 得分.xlsx 结果.xlsx      # 单独运行基线
node bench/hostile.js                          # 非办公软件写的「恶意」工作簿，另行测量
\`\`\`

默认不含 300,000 个单位（用 \`--sizes\` 加上）：生成它的工作簿要几分钟，它的完整计分在负载高时也要一分半钟以上。
`;
}

const utc = () => new Date().toISOString().slice(0, 16).replace('T', ' ');
const started = utc();
const verified = [];
const facts = md === '-' ? undefined : machine();
/** The page so far (after each size, so a long run stopped half way still leaves its figures). */
function save(done) {
  if (!facts) return;
  writeFileSync(md, page(facts, started, done ? utc() : undefined, verified));
  if (done) console.log(`已写入 ${path.relative(process.cwd(), md) || md}`);
}
console.log(['units', 'file MB', 'command', 'wall s', 'CPU s', 'peak RSS MB', 'time ×', 'CPU ×', 'RSS ×', 'load'].join('\t'));
try {
  const node = median(['-e', '0'], 5);
  report('', '', '`node -e 0`', node, undefined, load());
  report('', '', '`score --help`', median([score, '--help'], 5), node, load());
  for (const units of sizes) {
    const file = path.join(books, `bench-${units}x${indicators}.xlsx`);
    if (!existsSync(file)) {
      await makeWorkbook(`${file}.part`, units, indicators);
      renameSync(`${file}.part`, file);
    }
    const fileMB = (statSync(file).size / 1e6).toFixed(1);
    const times = units <= 100000 ? 3 : 1;
    const out = path.join(dir, `out-${units}`);
    mkdirSync(out, { recursive: true });
    const baselineOut = path.join(out, 'baseline.xlsx');
    const base = median([path.join(here, 'baseline.js'), file, baselineOut], times);
    report(units, fileMB, '基线', base, undefined, load());
    if (base.status) throw new Error(`基线失败：${base.stderr.trim()}`);
    report(units, fileMB, '`score check`', median([score, 'check', file], times), base, load());
    // Each run into an empty folder: a first run, as each of them is measured (a second run into the
    // same folder would also compare with the first and keep it, which is a re-run's work).
    const scoreOut = path.join(out, 'score');
    const full = median([score, file, '-o', scoreOut], times, () => rmSync(scoreOut, { recursive: true, force: true }));
    report(units, fileMB, '`score`', full, base, load());
    if (!full.status) {
      await verify(path.join(scoreOut, `${path.basename(file, '.xlsx')}.通报.xlsx`), baselineOut, units);
      verified.push(units);
    }
    rmSync(out, { recursive: true, force: true });
    save(false);
  }
  save(true);
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
