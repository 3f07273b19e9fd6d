// Pieces of the portable build (npm run dist): runtime verification, the folder layout, launchers,
// 使用说明 and the archives. .ci/dist.mjs drives them; test/dist checks them with a fake runtime.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The pinned Node runtime: version, and per platform the registry package with its dist.integrity and dist.shasum. */
export const PINS = JSON.parse(fs.readFileSync(path.join(here, 'node-runtimes.json'), 'utf8'));

/** The platforms built: how the runtime sits in its registry package and how the folder is packed. */
export const PLATFORMS = [
  { id: 'win-x64', windows: true, node: 'node.exe', archive: 'zip' },
  { id: 'linux-x64', windows: false, node: 'node', archive: 'tar.gz', arch: 'x64' },
  { id: 'linux-arm64', windows: false, node: 'node', archive: 'tar.gz', arch: 'arm64' },
];

/** What parts of the app go into the folder, beside the runtime and the launcher. */
export const APP_PARTS = ['bin', 'templates', 'samples'];

export function folderName(version, platform) {
  return `score-${version}-${platform.id}`;
}

export function archiveName(version, platform) {
  return `${folderName(version, platform)}.${platform.archive}`;
}

/** The registry's two checksums of a file: dist.integrity (sha512, base64) and dist.shasum (sha1, hex). */
export function checksums(bytes) {
  return {
    integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
    shasum: createHash('sha1').update(bytes).digest('hex'),
  };
}

/**
 * Refuses a runtime tarball whose checksums are not the expected ones (the pin, which must equal what
 * the registry says): throws, naming the package and both values.
 */
export function verifyRuntime(file, pin) {
  const got = checksums(fs.readFileSync(file));
  for (const key of ['integrity', 'shasum']) {
    if (got[key] !== pin[key]) {
      throw new Error(
        `运行环境 ${pin.package} 的校验值不符，拒绝使用：${path.basename(file)}\n` +
          `  ${key} 应为 ${pin[key]}\n  实际为 ${got[key]}`,
      );
    }
  }
}

/** Refuses when the registry's dist for the pinned version differs from the pin (a republished or wrong package). */
export function compareRegistry(pin, dist) {
  for (const key of ['integrity', 'shasum']) {
    if (dist[key] !== pin[key]) {
      throw new Error(`登记处给出的 ${pin.package}@${PINS.version} 的 ${key}（${dist[key]}）与固定值（${pin[key]}）不同，拒绝构建`);
    }
  }
}

/** A source text of this folder with {{key}} filled in and its lines ended the platform's way. */
export function fillText(file, values, { crlf = false, bom = false } = {}) {
  let text = fs.readFileSync(path.join(here, file), 'utf8').replace(/\r\n/g, '\n');
  text = text.replace(/\{\{(\w+)\}\}/g, (whole, key) => {
    if (!(key in values)) throw new Error(`${file}: 没有 ${key} 的值`);
    return values[key];
  });
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return (bom ? '\uFEFF' : '') + text;
}

/**
 * The launcher and the 使用说明 of a platform, as [name, text, mode].
 * Windows: score.cmd in CRLF, because cmd.exe misreads labels and goto in LF-only batch files;
 * 使用说明.txt in CRLF with a UTF-8 BOM, so that every Notepad (older Windows 10 ones too) and WPS show it right.
 * Linux: both with LF and no BOM, the launcher executable.
 */
export function platformTexts(platform, version) {
  const values = { version, node: PINS.version, arch: platform.arch ?? '' };
  if (platform.windows) {
    return [
      ['score.cmd', fillText('score.cmd', values, { crlf: true }), 0o644],
      ['使用说明.txt', fillText('使用说明.windows.txt', values, { crlf: true, bom: true }), 0o644],
    ];
  }
  return [
    ['score', fillText('score.sh', values), 0o755],
    ['使用说明.txt', fillText('使用说明.linux.txt', values), 0o644],
  ];
}

/** The package.json the folder carries: what the app reads (version) and what says what it is; no scripts, no dev tools. */
export function shippedPackageJson(pkg) {
  const { name, version, description, type, bin, engines, dependencies } = pkg;
  return `${JSON.stringify({ name, version, description, type, bin, engines, dependencies }, null, 2)}\n`;
}

/** Files tracked by git under the given folders of root (outputs of sample runs left beside the samples stay out). */
export function trackedFiles(root, folders) {
  const run = spawnSync('git', ['ls-files', '-z', '--', ...folders], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ls-files 失败：${run.stderr}`);
  return run.stdout.split('\0').filter((f) => f && fs.existsSync(path.join(root, f)));
}

/**
 * Packages of an installed node_modules that are not plain JavaScript: compiled addons (.node),
 * node-gyp builds (binding.gyp) or install scripts (which the staging install does not run).
 */
export function nativeParts(modulesDir) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.node') || entry.name === 'binding.gyp') found.push(path.relative(modulesDir, full));
      else if (entry.name === 'package.json' && path.basename(path.dirname(full)) !== 'node_modules') {
        const scripts = readJson(full)?.scripts ?? {};
        for (const hook of ['preinstall', 'install', 'postinstall']) {
          if (scripts[hook]) found.push(`${path.relative(modulesDir, full)}: scripts.${hook}`);
        }
      }
    }
  };
  walk(modulesDir);
  return found;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Drops what the app never loads from node_modules: source maps and type declarations. Returns bytes saved. */
export function pruneModules(modulesDir) {
  let saved = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|mjs|cjs)\.map$|\.d\.(ts|mts|cts)$/.test(entry.name)) {
        saved += fs.statSync(full).size;
        fs.rmSync(full);
      }
    }
  };
  walk(modulesDir);
  return saved;
}

/** Unpacks the runtime's registry tarball (package/bin/node[.exe], package/LICENSE) into dir; returns the paths found. */
export function unpackRuntime(tarball, dir, platform) {
  fs.mkdirSync(dir, { recursive: true });
  const run = spawnSync('tar', ['-xzf', tarball, '-C', dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`无法解开 ${tarball}：${run.stderr}`);
  const node = path.join(dir, 'package', 'bin', platform.node);
  if (!fs.existsSync(node)) throw new Error(`${path.basename(tarball)} 中没有 bin/${platform.node}`);
  const license = path.join(dir, 'package', 'LICENSE');
  return { node, license: fs.existsSync(license) ? license : undefined };
}

/**
 * Lays out the portable folder of one platform in dir: the app (appDir, already staged: package.json,
 * bin, dist, node_modules, templates, samples), the runtime in node/, the launcher and 使用说明.txt.
 */
export function layFolder({ dir, appDir, runtime, license, platform, version }) {
  fs.cpSync(appDir, dir, { recursive: true });
  const nodeDir = path.join(dir, 'node');
  fs.mkdirSync(nodeDir, { recursive: true });
  fs.copyFileSync(runtime, path.join(nodeDir, platform.node));
  fs.chmodSync(path.join(nodeDir, platform.node), 0o755);
  if (license) fs.copyFileSync(license, path.join(nodeDir, 'LICENSE'));
  for (const [name, text, mode] of platformTexts(platform, version)) {
    fs.writeFileSync(path.join(dir, name), text);
    fs.chmodSync(path.join(dir, name), mode);
  }
}

/** Every file under dir, relative, with / separators, sorted. */
export function listFiles(dir) {
  const out = [];
  const walk = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/**
 * Packs folder (a directory inside its parent) into file. zip: names in UTF-8 with the zip's UTF-8 flag
 * (so 使用说明.txt unpacks right in Explorer, 7-Zip, WinRAR); tar.gz: GNU tar, owner 0, modes kept.
 * Entries are sorted and stamped with time (a Date) so the same input packs to the same bytes.
 */
export async function pack(folder, file, kind, time) {
  const parent = path.dirname(folder);
  const top = path.basename(folder);
  if (kind === 'tar.gz') {
    const seconds = Math.floor(time.getTime() / 1000);
    const args = ['--sort=name', `--mtime=@${seconds}`, '--owner=0', '--group=0', '--numeric-owner', '--format=gnu'];
    const run = spawnSync('tar', [...args, '-czf', file, '-C', parent, top], { encoding: 'utf8', env: { ...process.env, GZIP: '-n' } });
    if (run.status !== 0) throw new Error(`tar 打包失败：${run.stderr}`);
    return;
  }
  const zip = new JSZip();
  for (const rel of listFiles(folder)) {
    zip.file(`${top}/${rel}`, fs.readFileSync(path.join(folder, rel)), { date: time });
  }
  const stream = zip.generateNodeStream({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
  await new Promise((resolve, reject) => {
    stream.pipe(fs.createWriteStream(file)).on('finish', resolve).on('error', reject);
    stream.on('error', reject);
  });
}
