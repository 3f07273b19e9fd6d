import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BIN } from './files.js';

/** The package root: where bin/, dist/ and src/ are. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The bundled CLI that bin/score.js runs (npm run build: tsc, then .ci/bundle.mjs). */
export const APP = path.join(ROOT, 'dist', 'app');

/**
 * What .ci/bundle.mjs records beside the bundle: the entry, the digest of src/, each chunk's input files
 * and the modules in them that run only when first needed (the others run when the script loads).
 */
export interface BuildRecord {
  /** The tool's script, which src/cli/load-app.ts runs with its code cache. */
  entry: string;
  /** What bin/score.js requires (src/cli/start.ts). */
  start: string;
  source: string;
  chunks: Record<string, string[]>;
  lazy: string[];
}

export function buildRecord(): BuildRecord {
  const file = path.join(APP, 'build.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build`);
  return JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
}

/**
 * The files a loaded module stands for, as paths from the package root: a chunk of the bundle stands for
 * the files bundled into it that run when it loads (dist/…, node_modules/…; loadedBy lists the others
 * as they run); any other file (a package left external, or dist/cli/… when run unbundled) for itself. A chunk the record does not know means a stale bundle.
 */
export function sourcesOf(file: string, record: BuildRecord): string[] {
  if (path.dirname(file) === APP) {
    const inputs = record.chunks[path.basename(file)];
    if (inputs === undefined) throw new Error(`dist/app/build.json does not know ${path.basename(file)}: the bundle is stale, run npm run build`);
    return inputs.filter((f) => !record.lazy.includes(f));
  }
  return [path.relative(ROOT, file).split(path.sep).join('/')];
}

export interface Loaded {
  code: number | null;
  /** What was printed (with a terminal: both streams, as the terminal showed them). */
  output: string;
  /** The files that were loaded (ES modules as they load, CommonJS ones from the cache at exit, the bundle). */
  files: string[];
  /** The bundle's modules that run only when first needed and ran, as paths from the package root. */
  ran: string[];
}

/** The files of the package a run's loading stands for (sourcesOf), and the bundle's modules it ran. */
export function modulesOf(run: Loaded, record: BuildRecord): string[] {
  return [...run.files.flatMap((f) => sourcesOf(f, record)), ...run.ran];
}

const quote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

/**
 * Runs bin/score.js under test/support/trace-loads.mjs, which lists every module of the package it loads.
 * `tty`: on a terminal (`script`), so that what only a terminal gets (the progress bar) is loaded too.
 */
export function loadedBy(args: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Loaded {
  const hooks = path.join(ROOT, 'test', 'support', 'trace-loads.mjs');
  const argv = [process.execPath, '--import', pathToFileURL(hooks).href, BIN, ...args];
  const env = { ...process.env, NO_COLOR: '1', TRACE_APP: path.join(APP, buildRecord().entry), ...options.env };
  const r = options.tty
    ? spawnSync('script', ['-qefc', argv.map(quote).join(' '), '/dev/null'], { cwd: options.cwd, encoding: 'utf8', env })
    : spawnSync(argv[0]!, argv.slice(1), { cwd: options.cwd, encoding: 'utf8', env });
  const output = `${r.stdout}${r.stderr}`;
  // Not at line starts only: on a terminal a line may begin with the progress bar's last state.
  const files = [...output.matchAll(/LOADED ((?:file:|\/)[^\s\x1b]+)/g)].map((m) => m[1]!)
    .map((u) => (u.startsWith('file:') ? fileURLToPath(u) : u));
  const ran = [...output.matchAll(/RAN ([^\s\x1b]+)/g)].map((m) => m[1]!);
  return { code: r.status, output, files, ran };
}
