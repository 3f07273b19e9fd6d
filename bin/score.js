#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { answerInstantly } from '../dist/cli/instant.js';

// --help, --version and a bare `score` are answered from texts rendered ahead, before anything else loads.
if (!answerInstantly(process.argv.slice(2))) {
  // V8 lets the heap grow to up to four times what outlived its last full collection before it
  // collects again, and writing a province's 通报 fills that room with garbage: 100,000 units peaked
  // at 508 MB with about 210 MB alive. Growing by a fifth keeps the peak near what is alive (334 MB)
  // at no measurable cost in time (bench/, docs/bench.md). V8 reads this setting at each collection.
  setFlagsFromString('--heap-growing-percent=20');
  // The tool as npm run build bundles it (.ci/bundle.mjs): a few chunks load faster than dist/cli/'s 250 modules.
  const { run } = await import('../dist/app/run.js');
  await run(process.argv.slice(2));
}
