import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: where bin/, dist/ and src/ are. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The bundled CLI that bin/score.js runs (npm run build: tsc, then .ci/bundle.mjs). */
export const APP = path.join(ROOT, 'dist', 'app');

/** What .ci/bundle.mjs records beside the bundle: the entry, the digest of src/ and each chunk's input files. */
export interface BuildRecord {
  entry: string;
  source: string;
  chunks: Record<string, string[]>;
}

export function buildRecord(): BuildRecord {
  const file = path.join(APP, 'build.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build`);
  return JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
}

/**
 * The files a loaded module stands for, as paths from the package root: a chunk of the bundle stands for
 * the files bundled into it (dist/…, node_modules/…); any other file (a package left external, or
 * dist/cli/… when run unbundled) for itself. A chunk the record does not know means a stale bundle.
 */
export function sourcesOf(url: string, record: BuildRecord): string[] {
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  if (path.dirname(file) === APP) {
    const inputs = record.chunks[path.basename(file)];
    if (inputs === undefined) throw new Error(`dist/app/build.json does not know ${path.basename(file)}: the bundle is stale, run npm run build`);
    return inputs;
  }
  return [path.relative(ROOT, file).split(path.sep).join('/')];
}
