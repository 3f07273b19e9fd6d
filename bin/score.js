#!/usr/bin/env node
import { answerInstantly } from '../dist/cli/instant.js';

// --help, --version and a bare `score` are answered from texts rendered ahead, before anything else loads.
if (!answerInstantly(process.argv.slice(2))) {
  // The tool as npm run build bundles it (.ci/bundle.mjs), with the code cache made for it (load-app.ts).
  const { loadApp } = await import('../dist/cli/load-app.js');
  await loadApp(process.env, process.stderr)(process.argv.slice(2));
}
