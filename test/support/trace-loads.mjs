// Preloaded (node --import) by loadedBy in bundle.ts: says on stderr `LOADED <file>` for every file a run
// of bin/score.js loads — ES modules as they load, CommonJS ones from the cache at exit, the bundle
// (TRACE_APP) when compiled — and `RAN <module>` for each module in the bundle that runs only when first
// needed, as it first runs (esbuild's two wrappers of such modules, `__esm` and `__commonJS`, say so).
import { createRequire, register } from 'node:module';
import vm from 'node:vm';

// The hooks run on a thread of their own, whose console output reaches stderr later, or not at all when the
// process exits first: written straight to the file descriptor instead.
register(`data:text/javascript,${encodeURIComponent("import { writeSync } from 'node:fs';\nexport async function load(url, context, next) { writeSync(2, 'LOADED ' + url + '\\n'); return next(url, context); }")}`);
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => { for (const file of Object.keys(cache)) console.error(`LOADED ${file}`); });

const app = process.env.TRACE_APP;
const WRAPPERS = [
  ['var __esm = (fn, res, err) => function __init() {\n', '  if (fn) globalThis.__traceLoaded(__getOwnPropNames(fn)[0]);\n'],
  ['var __commonJS = (cb, mod) => function __require() {\n', '  if (!mod) globalThis.__traceLoaded(__getOwnPropNames(cb)[0]);\n'],
];
globalThis.__traceLoaded = (name) => console.error(`RAN ${name}`);
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(code, options) {
    if (options?.filename === app) {
      console.error(`LOADED ${app}`);
      for (const [head, line] of WRAPPERS) {
        if (!code.includes(head)) throw new Error(`esbuild wraps modules differently now, not with ${JSON.stringify(head)}`);
        code = code.replace(head, head + line);
      }
    }
    super(code, options);
  }
};
