import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
import { START_FLAGS } from './tiers.js';

/**
 * Loads the tool as npm run build bundles it (.ci/bundle.mjs: one CommonJS script, dist/app/run.cjs)
 * through vm.Script with V8's code cache, made at build time by a county run (.ci/code-cache.mjs):
 * the functions such a run calls come compiled, instead of being parsed and compiled on first call.
 * V8 checks a cache only against the source's length and its own version and flags, and would run
 * a cache made for other code of the same length; so the cache names the digests of the script and
 * of itself, the Node and V8 versions, the platform and these flags, and is used only when all
 * match. Anything else (no cache, a stale, truncated or garbled one, one V8 refuses) runs the same
 * script compiled as usual: same outputs, same exit code, a line only under SCORE_DEBUG.
 * Nothing is written at run time.
 */

/** The bundle and its cache, beside dist/cli/ (so that ../.. from either is the package). */
export const APP_SCRIPT = fileURLToPath(new URL('../app/run.cjs', import.meta.url));
export const cacheFileOf = (script: string): string => `${script}.cache`;

/**
 * V8 lets the heap grow to up to four times what outlived its last full collection before it
 * collects again, and writing a province's 通报 fills that room with garbage: 100,000 units peaked
 * at 508 MB with about 210 MB alive. Growing by a fifth keeps the peak near what is alive (334 MB)
 * at no measurable cost in time (bench/, docs/bench.md). V8 reads this setting at each collection.
 * A run also starts with the settings of a short one (src/cli/tiers.ts). V8's flags are part of what
 * a code cache is made for, so the build sets them as a run does.
 */
export const V8_FLAGS = `--heap-growing-percent=20 ${START_FLAGS}`;

export function setV8Flags(): void {
  setFlagsFromString(V8_FLAGS);
}

/** What a cache must be made for, besides the script: any difference and V8 might misread it. */
function runtime(): Record<string, string> {
  return { node: process.version, v8: process.versions.v8, platform: process.platform, arch: process.arch, flags: V8_FLAGS };
}

const digest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Whether and why the cache was used: only 'accepted' means V8 took it. */
export type CacheUse = 'accepted' | 'absent' | 'unreadable' | 'stale' | 'rejected';

export interface LoadedScript {
  exports: Record<string, unknown>;
  cache: CacheUse;
}

/**
 * The cache file's bytes: one line of JSON naming what it was made for, then V8's data.
 * Exported for the tests, which build caches that must be refused.
 */
export function cacheFileBytes(source: Uint8Array, data: Uint8Array, made: Record<string, string> = runtime()): Buffer {
  const header = { ...made, script: digest(source), data: digest(data) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), data]);
}

/** V8's data from a cache file, when the file is whole and was made for this script on this runtime. */
function cachedDataFor(file: string, source: Uint8Array): { data?: Buffer; use: CacheUse } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { use: 'absent' };
  }
  const end = bytes.indexOf(0x0a);
  let header: unknown;
  try {
    header = JSON.parse(bytes.subarray(0, end < 0 ? 0 : end).toString('utf8'));
  } catch {
    return { use: 'unreadable' };
  }
  if (typeof header !== 'object' || header === null) return { use: 'unreadable' };
  const expected = runtime();
  const made = header as Record<string, unknown>;
  if (Object.entries(expected).some(([k, v]) => made[k] !== v) || made.script !== digest(source)) return { use: 'stale' };
  const data = bytes.subarray(end + 1);
  if (made.data !== digest(data)) return { use: 'unreadable' };
  return { data, use: 'accepted' };
}

/** The script in Node's CommonJS wrapper, with import.meta.url as the bundle defines it (.ci/bundle.mjs). */
function compile(file: string, source: Buffer, cachedData: Buffer | undefined): vm.Script {
  // An ASCII file is its own Latin-1 string, which is much quicker to make than decoding UTF-8.
  const text = source.toString(isAscii(source) ? 'latin1' : 'utf8');
  return new vm.Script(`(function (exports, require, module, __filename, __dirname, __importMetaUrl) {${text}\n})`, { filename: file, cachedData });
}

function evaluate(file: string, script: vm.Script): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), pathToFileURL(file).href);
  return module.exports;
}

/** Runs a CommonJS script with its code cache when that is exactly its own. */
export function loadScript(file: string, cacheFile = cacheFileOf(file)): LoadedScript {
  const source = readFileSync(file);
  const { data, use } = cachedDataFor(cacheFile, source);
  const script = compile(file, source, data);
  return { exports: evaluate(file, script), cache: data !== undefined && script.cachedDataRejected === true ? 'rejected' : use };
}

/**
 * Runs a script with no cache and returns a function that writes its cache when called, after a
 * representative run, so that the cache holds what that run compiled (.ci/code-cache.mjs).
 */
export function loadScriptForCache(file: string, cacheFile = cacheFileOf(file)): { exports: Record<string, unknown>; writeCache: () => void } {
  const source = readFileSync(file);
  const script = compile(file, source, undefined);
  const exports = evaluate(file, script);
  return { exports, writeCache: () => writeFileSync(cacheFile, cacheFileBytes(source, script.createCachedData())) };
}

const USE_TEXT: Record<CacheUse, string> = {
  accepted: '已采用',
  absent: '未采用：没有缓存文件',
  unreadable: '未采用：缓存文件不完整或已损坏',
  stale: '未采用：缓存不是为这份程序或这个 Node 做的',
  rejected: '未采用：V8 拒绝了缓存',
};

/** The tool's run(argv), from the bundle with its cache; under SCORE_DEBUG, says whether the cache was used. */
export function loadApp(env: Record<string, string | undefined>, stderr: { write(s: string): unknown }): (argv: string[]) => Promise<void> {
  setV8Flags();
  const { exports, cache } = loadScript(APP_SCRIPT);
  if (env.SCORE_DEBUG) stderr.write(`调试信息：启动缓存${USE_TEXT[cache]}\n`);
  return exports.run as (argv: string[]) => Promise<void>;
}
