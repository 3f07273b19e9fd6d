// npm run dist:check: runs the archives npm run dist made, as a clerk would, and compares their 排名 sheet
// with the one `npx score` (this checkout) makes from the same sample:
//   linux-x64: unpacked into a folder with a Chinese name and a space, run with no node on PATH;
//   win-x64:   unpacked likewise and run under Wine (score.cmd --version; a workbook "dropped" on
//              score.cmd, which then pauses). Without Wine that part is skipped, and said so.
// Usage: node .ci/check-dist.mjs [--out 文件夹]   (Wine: WINEPREFIX is used if set, else a fresh one.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PLATFORMS, archiveName, folderName, listFiles } from './portable/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = path.join(root, 'samples', 'guannan-2009');
const WORKBOOK = 'annual.xlsx';
const argv = process.argv.slice(2);
const out = argv[0] === '--out' ? path.resolve(argv[1]) : path.join(root, 'release');
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const platform = (id) => PLATFORMS.find((p) => p.id === id);

const failures = [];
function check(ok, what, detail = '') {
  console.log(`${ok ? '通过' : '失败'}  ${what}${!ok && detail ? `\n      ${detail.replace(/\n/g, '\n      ')}` : ''}`);
  if (!ok) failures.push(what);
  return ok;
}

function archive(id) {
  const file = path.join(out, archiveName(version, platform(id)));
  if (!fs.existsSync(file)) {
    console.error(`找不到 ${path.relative(root, file)}，请先运行 npm run dist`);
    process.exit(1);
  }
  return file;
}

/** A copy of the sample (workbook, scheme, notice template) in a new folder. */
function sampleCopy(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync(SAMPLE)) {
    if (fs.statSync(path.join(SAMPLE, name)).isFile()) fs.copyFileSync(path.join(SAMPLE, name), path.join(dir, name));
  }
  return path.join(dir, WORKBOOK);
}

/** The 排名 sheet of a 通报 workbook as rows of cell values. */
async function ranking(workbook) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(workbook);
  const sheet = book.getWorksheet('排名');
  if (!sheet) return undefined;
  const rows = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push(JSON.stringify(row.values)));
  return rows;
}

async function sameRanking(what, made, reference) {
  const file = made.replace(/\.xlsx$/, '.通报.xlsx');
  if (!check(fs.existsSync(file), `${what}：生成了 ${path.basename(file)}`)) return;
  const [a, b] = [await ranking(file), await ranking(reference)];
  const diff = a && b ? a.findIndex((row, i) => row !== b[i]) : 0;
  check(a !== undefined && a.length === b.length && diff < 0, `${what}：排名表与 npx score 的逐格相同（${b.length} 行）`,
    diff >= 0 && a ? `第 ${diff + 1} 行：${a[diff]}\n  应为：${b[diff]}` : '');
}

function unzip(file, dir) {
  return JSZip.loadAsync(fs.readFileSync(file)).then(async (zip) => {
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      const target = path.join(dir, entry.name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, await entry.async('nodebuffer'));
    }
  });
}

/** Where a command is on this machine's PATH (undefined: not there). */
function which(tool) {
  const found = spawnSync('/bin/sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
  return found || undefined;
}

/** A PATH holding only the tools the sh launcher uses, and no node. */
function pathWithoutNode(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const tool of ['dirname', 'readlink']) {
    const found = which(tool);
    if (found) fs.symlinkSync(found, path.join(dir, tool));
  }
  return dir;
}

async function checkLinux(work, reference) {
  console.log('\n== linux-x64 ==');
  const tools = path.join(work, 'linux', '中文 评分工具');
  fs.mkdirSync(tools, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', archive('linux-x64'), '-C', tools], { encoding: 'utf8' });
  if (!check(untar.status === 0, '解开 tar.gz', untar.stderr)) return;
  const score = path.join(tools, folderName(version, platform('linux-x64')), 'score');
  const env = { ...process.env, PATH: pathWithoutNode(path.join(work, 'linux', 'bin')), NO_COLOR: '1' };
  const noNode = spawnSync('/bin/sh', ['-c', 'command -v node'], { env, encoding: 'utf8' });
  check(noNode.status !== 0, 'PATH 中没有 node', noNode.stdout.trim());
  const v = spawnSync(score, ['--version'], { env, encoding: 'utf8' });
  check(v.status === 0 && v.stdout.trim() === version, `score --version 输出 ${version}`, `${v.stdout}${v.stderr}`);
  const workbook = sampleCopy(path.join(work, 'linux', '考评 数据'));
  const before = listFiles(path.dirname(score));
  const run = spawnSync(score, [workbook], { env, encoding: 'utf8', cwd: os.homedir() });
  check(run.status === 0, `score 计分（中文、带空格的文件夹）退出码 0`, `退出码 ${run.status}\n${run.stdout}${run.stderr}`);
  check(JSON.stringify(listFiles(path.dirname(score))) === JSON.stringify(before), '程序文件夹中没有多出或少了文件');
  await sameRanking('linux-x64', workbook, reference);
}

/** The files of a tar.gz, without its top folder. */
function tarListing(file) {
  const list = spawnSync('tar', ['-tzf', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return list.stdout.split('\n').filter((n) => n && !n.endsWith('/')).map((n) => n.slice(n.indexOf('/') + 1)).sort();
}

/** linux-arm64 cannot run here: its files must be those of linux-x64, its node an ARM64 (aarch64) ELF program. */
function checkArm(work) {
  console.log('\n== linux-arm64（不能在本机运行，只查内容）==');
  const arm = archive('linux-arm64');
  const [a, b] = [tarListing(arm), tarListing(archive('linux-x64'))];
  check(a.length > 0 && JSON.stringify(a) === JSON.stringify(b), `文件与 linux-x64 包相同（${a.length} 个）`);
  const dir = path.join(work, 'arm');
  fs.mkdirSync(dir);
  spawnSync('tar', ['-xzf', arm, '-C', dir, `${folderName(version, platform('linux-arm64'))}/node/node`]);
  const node = path.join(dir, folderName(version, platform('linux-arm64')), 'node', 'node');
  const head = fs.existsSync(node) ? fs.readFileSync(node).subarray(0, 20) : Buffer.alloc(20);
  check(head.subarray(0, 4).toString('latin1') === '\x7fELF' && head.readUInt16LE(18) === 0xb7, 'node/node 是 ARM64 的 ELF 程序');
}

/** Runs a Windows program under Wine with stdout and stderr to files (node.exe under Wine cannot write to a pipe). */
function wine(wineBin, env, work, args, input = '') {
  const io = path.join(work, 'wine-io');
  fs.mkdirSync(io, { recursive: true });
  fs.writeFileSync(path.join(io, 'in'), input);
  const fds = ['in', 'out', 'err'].map((name, i) => fs.openSync(path.join(io, name), i ? 'w' : 'r'));
  const r = spawnSync(wineBin, args, { env, stdio: fds, timeout: 600_000 });
  fds.forEach((fd) => fs.closeSync(fd));
  const read = (name) => fs.readFileSync(path.join(io, name), 'utf8');
  return { status: r.status, out: read('out'), err: read('err') };
}

const windowsPath = (p) => `Z:${p.replace(/\//g, '\\')}`;

async function checkWindows(work, reference) {
  console.log('\n== win-x64（Wine）==');
  const wineBin = which('wine') ?? which('wine64');
  if (!wineBin) {
    console.log('未找到 Wine：跳过 Windows 包的检查。安装后重试（Debian：apt-get install -y wine64）。');
    return false;
  }
  const env = { ...process.env, WINEDEBUG: '-all', WINEPREFIX: process.env.WINEPREFIX ?? path.join(work, 'wineprefix'), NO_COLOR: '1' };
  delete env.SCORE_NO_PAUSE;
  if (!process.env.WINEPREFIX) {
    console.log(`新建 Wine 环境 ${env.WINEPREFIX}（Windows 10），需要一两分钟…`);
    spawnSync(wineBin, ['winecfg', '-v', 'win10'], { env, stdio: 'ignore', timeout: 600_000 });
  }
  const tools = path.join(work, 'windows', '中文 评分工具');
  await unzip(archive('win-x64'), tools);
  const home = path.join(tools, folderName(version, platform('win-x64')));
  const cmd = windowsPath(path.join(home, 'score.cmd'));

  const v = wine(wineBin, env, work, [cmd, '--version']);
  check(v.status === 0 && v.out.trim() === version && !/any key|任意键/i.test(v.out), `score.cmd --version 输出 ${version}，不暂停`, `退出码 ${v.status}\n${v.out}${v.err}`);

  const usage = wine(wineBin, env, work, [cmd, '--no-such-option']);
  check(usage.status === 2 && !/any key|任意键/i.test(usage.out), 'score.cmd 传回退出码（用法错误：2），不暂停', `退出码 ${usage.status}\n${usage.out}${usage.err}`);

  // As Explorer starts a workbook dropped on score.cmd: cmd /c, the workbook's full path; a key press ends the pause.
  const workbook = sampleCopy(path.join(work, 'windows', '考评 数据'));
  const before = listFiles(home);
  const run = wine(wineBin, env, work, [cmd, windowsPath(workbook)], '\r\n');
  check(JSON.stringify(listFiles(home)) === JSON.stringify(before), '程序文件夹中没有多出或少了文件');
  check(run.status === 0, 'score.cmd 计分（中文、带空格的文件夹）退出码 0', `退出码 ${run.status}\n${run.out}${run.err}`);
  check(/已生成：/.test(run.out), '屏幕输出为中文（UTF-8 写入文件）', run.out.slice(0, 400));
  check(/any key|任意键/i.test(run.out), '拖放启动时计分后暂停（pause）', run.out.slice(-200));
  await sameRanking('win-x64', workbook, reference);

  // A long output folder (past Windows' old 260-character limit), named with spaces and Chinese.
  const long = path.join(work, 'windows', '考评 数据', ...Array.from({ length: 6 }, (_, i) => `第${i + 1}层 很长很长很长的文件夹名称 ${'x'.repeat(20)}`));
  const deep = wine(wineBin, env, work, [cmd, windowsPath(workbook), '-o', windowsPath(long)]);
  check(deep.status === 0 && fs.existsSync(path.join(long, 'annual.通报.xlsx')), `输出到 ${windowsPath(long).length} 个字符长的路径`, `退出码 ${deep.status}\n${deep.out}${deep.err}`);

  gbkConsole(wineBin, env, work, home);
  return true;
}

/**
 * On a console whose code page is 936 the Chinese text must arrive right: Wine's console on a terminal
 * (made with script) in a GBK locale (made with localedef into the work folder) turns what node.exe
 * writes through the Unicode console API into GBK bytes; they must decode as GBK to the help text.
 */
function gbkConsole(wineBin, env, work, folder) {
  const missing = ['script', 'localedef'].filter((t) => !which(t));
  const locales = path.join(work, 'locale');
  fs.mkdirSync(locales);
  const made = !missing.length && spawnSync('localedef', ['-i', 'zh_CN', '-f', 'GBK', path.join(locales, 'zh_CN.GBK')]).status === 0;
  if (!made) {
    console.log(`跳过 GBK 控制台的检查：${missing.length ? `没有 ${missing.join('、')}` : 'localedef 无法生成 zh_CN.GBK'}`);
    return;
  }
  const link = path.join(work, 'gbk'); // an ASCII name: the command line passes through the GBK locale
  fs.symlinkSync(folder, link);
  const log = path.join(work, 'console.log');
  const gbk = { ...env, LOCPATH: locales, LANG: 'zh_CN.GBK', LC_ALL: 'zh_CN.GBK' };
  spawnSync('script', ['-qec', `${wineBin} '${windowsPath(link)}\\score.cmd' --help`, log], { env: gbk, stdio: 'ignore', timeout: 600_000 });
  const bytes = fs.readFileSync(log);
  const text = new TextDecoder('gbk').decode(bytes);
  let utf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = false;
  }
  check(!utf8 && text.includes('用法： score') && text.includes('计算总分、排名、等次'), 'GBK 控制台（代码页 936）中中文显示正确', text.slice(0, 400));
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'score-dist-check-'));
  try {
    const reference = sampleCopy(path.join(work, 'npx score'));
    const ref = spawnSync(process.execPath, [path.join(root, 'bin', 'score.js'), reference], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (ref.status !== 0) throw new Error(`npx score 计分失败：${ref.stdout}${ref.stderr}`);
    const referenceBook = reference.replace(/\.xlsx$/, '.通报.xlsx');
    await checkLinux(work, referenceBook);
    checkArm(work);
    const windowsChecked = await checkWindows(work, referenceBook);
    console.log(failures.length ? `\n${failures.length} 项失败` : `\n全部通过${windowsChecked ? '' : '（Windows 包未检查：没有 Wine）'}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.exit(failures.length ? 1 : 0);
}

await main();
