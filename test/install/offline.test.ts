import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SAMPLES } from '../support/cli.js';

const run = promisify(execFile);
const ROOT = path.resolve(SAMPLES, '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  version: string;
  bundleDependencies: string[];
};

describe('the package', () => {
  it('bundles every runtime dependency, and only those', () => {
    expect([...manifest.bundleDependencies].sort()).toEqual(Object.keys(manifest.dependencies).sort());
  });

  it('is named apart from the unrelated registry package `score`, and still installs the command `score`', () => {
    expect(manifest.name).not.toBe('score');
    expect(Object.keys(manifest.bin)).toEqual(['score']);
  });
});

/**
 * The check, as a clerk's machine would see it: `npm pack`, then a global install of the
 * tarball with an empty cache and a registry that cannot be reached, then `score` run from another
 * folder on a copied sample, into a missing --out folder whose path has spaces and Chinese.
 */
describe('the README\'s 快速开始', () => {
  it('`npx score` in the project folder runs this package\'s own bin, with no registry to fetch another `score` from', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'score-npx-'));
    try {
      const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
      const env = { ...process.env, npm_config_registry: 'http://127.0.0.1:9', npm_config_cache: cache, npm_config_update_notifier: 'false' };
      const version = await run(npx, ['score', '--version'], { cwd: ROOT, env });
      expect(version.stdout.trim()).toBe(manifest.version);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('offline install from the packed tarball', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'score-offline-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('installs with no registry and an empty cache, and the installed score runs', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const env = { ...process.env, npm_config_registry: 'http://127.0.0.1:9', npm_config_cache: path.join(work, 'cache'), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    // dist is built by `npm test` before jest runs; the tarball is exactly what `npm pack` gives a clerk.
    await run(npm, ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, env, maxBuffer: 64 << 20 });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBe(`${manifest.name}-${manifest.version}.tgz`);
    const prefix = path.join(work, 'prefix');
    await run(npm, ['install', '-g', path.join(work, tarball!), '--offline', '--prefix', prefix], { cwd: work, env, maxBuffer: 64 << 20 });

    const score = process.platform === 'win32' ? path.join(prefix, 'score.cmd') : path.join(prefix, 'bin', 'score');
    const version = await run(score, ['--version'], { cwd: work });
    expect(version.stdout.trim()).toBe(manifest.version);

    const folder = path.join(work, '2026 年度', '灌南 样例');
    mkdirSync(path.dirname(folder), { recursive: true });
    cpSync(path.join(SAMPLES, 'guannan-2009'), folder, { recursive: true, filter: (src) => !/\.通报\.|历史|反馈单/.test(src) });
    const out = path.join(work, '新建 文件夹', '通报 2026');
    const scored = await run(score, [path.join(folder, 'annual.xlsx'), '--out', out], { cwd: work, env: { ...process.env, NO_COLOR: '1' } });
    expect(scored.stdout).toContain('全县乡科级单位2009年绩效管理组织工作评估');
    expect(readdirSync(out).sort()).toEqual(['annual.通报.docx', 'annual.通报.txt', 'annual.通报.xlsx']);
    expect(existsSync(path.join(prefix, 'lib', 'node_modules', manifest.name, 'node_modules', 'yauzl'))).toBe(process.platform !== 'win32');
  }, 600_000);
});
