import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheFileBytes, cacheFileOf, loadScript, loadScriptForCache } from '../../src/cli/load-app.js';
import { APP, ROOT, buildRecord } from '../support/bundle.js';
import { copySample, tempDir } from '../support/cli.js';

// src/cli/load-app.ts: the bundle runs with the V8 code cache made at build time, and only with its own.

/** A CommonJS script in a folder of its own whose value is `value` (same length for same-length values). */
function script(value: string): string {
  const file = path.join(tempDir(), 'app.cjs');
  writeFileSync(file, `function pick() { return ${JSON.stringify(value)}; }\nmodule.exports.value = pick();\n`);
  return file;
}

function withCache(file: string): string {
  loadScriptForCache(file).writeCache();
  return cacheFileOf(file);
}

/** A cache file's header (what it was made for) and V8's data. */
function parts(cacheFile: string): { header: Record<string, string>; data: Buffer } {
  const bytes = readFileSync(cacheFile);
  const end = bytes.indexOf(0x0a);
  return { header: JSON.parse(bytes.subarray(0, end).toString('utf8')) as Record<string, string>, data: bytes.subarray(end + 1) };
}

describe('the code cache of a script', () => {
  it('is taken when it was made for the script, on this runtime', () => {
    const file = script('one');
    withCache(file);
    expect(loadScript(file)).toEqual({ exports: { value: 'one' }, cache: 'accepted' });
  });

  it('made for other code of the same length is not used: V8, which checks only the length, would run that code', () => {
    const other = script('one');
    const file = script('two');
    const { data } = parts(withCache(other));
    expect(readFileSync(other).length).toBe(readFileSync(file).length);
    // What the digest guards against: data of other code, under a header naming this script, is run.
    writeFileSync(cacheFileOf(file), cacheFileBytes(readFileSync(file), data));
    expect(loadScript(file)).toEqual({ exports: { value: 'one' }, cache: 'accepted' });
    // The other script's own cache file, beside this script: refused before V8 sees it.
    cpSync(cacheFileOf(other), cacheFileOf(file));
    expect(loadScript(file)).toEqual({ exports: { value: 'two' }, cache: 'stale' });
  });

  it('made by another Node, V8, platform or with other flags is not used', () => {
    const file = script('one');
    const { header, data } = parts(withCache(file));
    for (const key of ['node', 'v8', 'platform', 'arch', 'flags']) {
      writeFileSync(cacheFileOf(file), Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, [key]: `${header[key]}x` })}\n`), data]));
      expect({ key, ...loadScript(file) }).toEqual({ key, exports: { value: 'one' }, cache: 'stale' });
    }
  });

  it('missing, truncated, garbled or not a cache: the script runs compiled as usual', () => {
    const file = script('one');
    const cache = withCache(file);
    const whole = readFileSync(cache);
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 100]! ^= 0xff;
    const cases: [string, Buffer | undefined, string][] = [
      ['missing', undefined, 'absent'],
      ['truncated', whole.subarray(0, whole.length - 10), 'unreadable'],
      ['cut in its header', whole.subarray(0, 20), 'unreadable'],
      ['a byte of the data changed', flipped, 'unreadable'],
      ['garbage', Buffer.from('\x00\xff garbage \n more'), 'unreadable'],
      ['empty', Buffer.alloc(0), 'unreadable'],
      ['a header that is no object', Buffer.from('null\n\x00\x01'), 'unreadable'],
    ];
    for (const [what, bytes, use] of cases) {
      rmSync(cache, { force: true });
      if (bytes) writeFileSync(cache, bytes);
      expect({ what, ...loadScript(file) }).toEqual({ what, exports: { value: 'one' }, cache: use });
    }
  });

  it('that V8 refuses (its own checks: here data made for a script of another length) is said to be rejected, and the script runs', () => {
    const file = script('one');
    const { data } = parts(withCache(script('a longer value')));
    writeFileSync(cacheFileOf(file), cacheFileBytes(readFileSync(file), data));
    expect(loadScript(file)).toEqual({ exports: { value: 'one' }, cache: 'rejected' });
  });
});

describe('the code cache of the bundle', () => {
  const run = (bin: string, dir: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [bin, 'annual.xlsx', '-o', 'out'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('is made by npm run build and taken by a real run (same V8 flags), said only under SCORE_DEBUG', () => {
    expect(existsSync(cacheFileOf(path.join(APP, buildRecord().entry)))).toBe(true);
    const dir = copySample('guannan-2009');
    const debug = run(path.join(ROOT, 'bin', 'score.js'), dir, { SCORE_DEBUG: '1' });
    expect(debug.code).toBe(0);
    expect(debug.stderr).toContain('调试信息：启动缓存已采用');
    const plain = run(path.join(ROOT, 'bin', 'score.js'), dir);
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toContain('启动缓存');
  });

  it('garbled or missing, the run is the same: outputs byte for byte, messages, exit code; and nothing is written into the package', () => {
    // A copy of the package whose cache can be spoiled without touching the one other tests use.
    const pkg = tempDir();
    for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
    const bin = path.join(pkg, 'bin', 'score.js');
    const cache = cacheFileOf(path.join(pkg, 'dist', 'app', buildRecord().entry));
    const outcome = (): { code: number | null; stdout: string; stderr: string; files: Record<string, string> } => {
      const dir = copySample('guannan-2009');
      const r = run(bin, dir);
      const out = path.join(dir, 'out');
      const files = Object.fromEntries(readdirSync(out).sort().map((f) => [f, readFileSync(path.join(out, f)).toString('base64')]));
      return { ...r, stdout: r.stdout.split(dir).join('<dir>'), stderr: r.stderr.split(dir).join('<dir>'), files };
    };
    const cached = outcome();
    expect(cached.code).toBe(0);
    expect(Object.keys(cached.files).length).toBeGreaterThan(1);
    const whole = readFileSync(cache);
    writeFileSync(cache, Buffer.concat([whole.subarray(0, whole.indexOf(0x0a) + 1), Buffer.alloc(whole.length, 0x5a)]));
    expect(outcome()).toEqual(cached);
    rmSync(cache);
    expect(outcome()).toEqual(cached);
    expect(existsSync(cache)).toBe(false);
    expect(readdirSync(path.join(pkg, 'dist', 'app')).sort()).toEqual(['build.json', buildRecord().entry, buildRecord().start].sort());
  });
});
