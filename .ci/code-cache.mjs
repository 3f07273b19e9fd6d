// Part of npm run build (.ci/bundle.mjs starts it in a process of its own, as bin/score.js is started):
// makes dist/app/run.cjs.cache, V8's code cache of the bundle, after a county run of a sample in a
// temporary folder, so that it holds every function such a run compiles (src/cli/load-app.ts).
// Usage: node .ci/code-cache.mjs <package folder>   (the one holding dist/ and samples/)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A county's yearly run: the sample bin/score.js users start from, scored with its defaults. */
const SAMPLE = 'guannan-2009';

const pkg = path.resolve(process.argv[2]);
const { loadScriptForCache, setV8Flags, APP_SCRIPT } = await import(pathToFileURL(path.join(pkg, 'dist', 'cli', 'load-app.js')).href);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'score-code-cache-'));
try {
  fs.cpSync(path.join(pkg, 'samples', SAMPLE), dir, { recursive: true, filter: (f) => !/\.通报\./.test(f) });
  setV8Flags();
  const { exports, writeCache } = loadScriptForCache(APP_SCRIPT);
  await exports.run([path.join(dir, 'annual.xlsx'), '-q']);
  if (process.exitCode !== 0 && process.exitCode !== undefined) throw new Error(`the run of ${SAMPLE} ended with exit code ${process.exitCode}`);
  // A run may change V8's flags as it goes (src/cli/tiers.ts); the cache must be made for those a run starts with.
  setV8Flags();
  writeCache();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
