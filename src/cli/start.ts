import { answerInstantly } from './instant.js';

/**
 * What bin/score.js runs, bundled as dist/app/start.cjs (.ci/bundle.mjs): a CommonJS script, so that Node
 * starts it without its ES module loader (about 15 ms of every run, --help included). --help, --version
 * and a bare `score` are answered from texts rendered ahead (instant.ts); anything else loads the tool
 * as npm run build bundles it, with the code cache made for it (load-app.ts), which --help never loads.
 */
export async function start(argv: string[]): Promise<void> {
  if (answerInstantly(argv)) return;
  const { loadApp } = await import('./load-app.js');
  await loadApp(process.env, process.stderr)(argv);
}
