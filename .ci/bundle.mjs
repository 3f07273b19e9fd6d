// npm run build, after tsc: the CLI as it ships, in dist/app/ — tsc's output in dist/ bundled with the
// runtime dependencies into one CommonJS script, run.cjs, tree-shaken (zod's 64 locale files, which every
// one of its entry points re-exports, drop out). A CommonJS script, because src/cli/load-app.ts runs it
// through vm.Script with V8's code cache (made here by .ci/code-cache.mjs after a county run), which
// Node 20 offers for no ES module. esbuild turns each `await import()` into a lazy initialiser, so a
// module's body still runs only when it is first needed. bin/score.js requires start.cjs, a small
// CommonJS script of its own (src/cli/start.ts): --help is answered there and does not load run.cjs.
// dist/app/ sits at the same depth as dist/cli/: src/io/package-info.ts finds the package root as `../..`
// from the module, and src/io/iconv.ts requires iconv-lite at run time from there (it stays external,
// one copy from node_modules for both its users). dist/app/build.json records what went into the bundle,
// which of its modules run only when first needed, and the digest of the sources it was built from:
// test/cli/bundle.test.ts checks them.
// Usage: node .ci/bundle.mjs [--dist <tsc's output folder>]   (default dist/; the bundle goes in its app/)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dist = argv[0] === '--dist' ? path.resolve(argv[1]) : path.join(root, 'dist');
const out = path.join(dist, 'app');

/** The digest of every file under src/, by path and content: the bundle is stale when it differs. */
export function sourceDigest(dir) {
  const hash = createHash('sha256');
  const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  for (const file of files) hash.update(`${file.split(path.sep).join('/')}\0`).update(fs.readFileSync(path.join(dir, file))).update('\0');
  return hash.digest('hex');
}

/** The script's name in dist/app/ (src/cli/load-app.ts knows it too). */
const SCRIPT = 'run.cjs';
/** What bin/score.js requires, in dist/app/. */
const START = 'start.cjs';

/**
 * What both scripts are built with. Not minified: 1.4 MB instead of 1.0 (whitespace and syntax) or 0.8
 * (identifiers too), and no difference in time that 10 runs of a county check could tell; a SCORE_DEBUG
 * stack then points at readable code under a `// dist/…` line naming the module, with the names of the sources.
 */
const COMMON = { absWorkingDir: path.dirname(dist), bundle: true, format: 'cjs', platform: 'node', target: 'node20', legalComments: 'eof', metafile: true, logLevel: 'warning' };

/** The files with code in a script (type-only modules and re-exporting indexes leave none), from the package root. */
function inputsOf(result) {
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([input]) => input).sort();
}

/**
 * The modules esbuild wrapped to run when first needed (`__esm` for one reached by `await import()`,
 * `__commonJS` for a CommonJS package), by the one key each wrapper's object has: the module's path.
 * The other modules in the script run when it loads.
 */
export function lazyModules(code) {
  return [...code.matchAll(/= __(?:esm|commonJS)\(\{\n {2}"([^"\n]+)"\(/g)].map((m) => m[1]).sort();
}

/**
 * The script with every character beyond ASCII escaped where that means the same: in regular expressions
 * (`\uXXXX`, one per UTF-16 unit, matches what the character does, with or without the u flag) and in
 * comments. esbuild escapes strings and templates itself. An ASCII script is its own Latin-1 string, which
 * src/cli/load-app.ts makes ten times quicker than decoding UTF-8 (about 10 ms of a county run). Anything
 * else (an escaped character, whitespace beyond ASCII) is left as it is: the script then stays UTF-8, which
 * the loader reads correctly but more slowly, and test/cli/bundle.test.ts fails.
 */
export function asciiOnly(code, ts) {
  const file = ts.createSourceFile(SCRIPT, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const regexes = [];
  const tokens = [];
  (function walk(node) {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) regexes.push([node.getStart(file), node.end]);
    else if (node.kind === ts.SyntaxKind.Identifier || ts.isStringLiteral(node) || ts.isTemplateLiteralKind(node.kind)) tokens.push([node.getStart(file), node.end]);
    ts.forEachChild(node, walk);
  })(file);
  const within = (ranges, i) => ranges.some(([start, end]) => start <= i && i < end);
  const escape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return code.replace(/[^\x00-\x7f]/g, (c, i) => {
    if (code[i - 1] === '\\') return c;
    if (within(regexes, i)) return escape(c);
    return within(tokens, i) || /\s/.test(c) ? c : escape(c); // outside any token and not whitespace: a comment
  });
}

/**
 * Node's own modules a package requires when it loads but a county run never uses, required when first
 * used instead: commander's child_process (for subcommands that are programs of their own, which score
 * has none of) loads net, dgram and more, 10 ms of each run. The exact text is looked for: a commander
 * whose text differs fails the build (package.json pins commander exactly for this).
 */
const LAZY_BUILTINS = [{
  file: /node_modules\/commander\/lib\/command\.js$/,
  text: "const childProcess = require('node:child_process');",
  lazy: "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
}];

const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    for (const { file, text, lazy } of LAZY_BUILTINS) {
      build.onLoad({ filter: file }, (args) => {
        const code = fs.readFileSync(args.path, 'utf8');
        if (code.split(text).length !== 2) throw new Error(`${args.path} 中找不到（或不止一处）：${text}`);
        return { contents: code.replace(text, lazy), loader: 'js' };
      });
    }
  },
};

/** Sources newer than what tsc made of them: the bundle would be of older code. */
function staleOutputs() {
  const src = path.join(root, 'src');
  return fs.readdirSync(src, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).filter((f) => {
    const compiled = path.join(dist, f.replace(/\.ts$/, '.js'));
    return !fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(path.join(src, f)).mtimeMs;
  });
}

async function main() {
  const stale = staleOutputs();
  if (stale.length > 0) {
    console.error(`dist/ 比 src/ 旧（${stale.slice(0, 3).join('、')}${stale.length > 3 ? ' 等' : ''}），打包的会是旧代码：请先运行 tsc（npm run build 两步都做）。`);
    process.exit(1);
  }
  const esbuild = await import('esbuild-wasm');
  fs.rmSync(out, { recursive: true, force: true });
  const result = await esbuild.build({
    ...COMMON,
    entryPoints: [path.join(dist, 'cli', 'run.js')],
    outfile: path.join(out, SCRIPT),
    external: ['iconv-lite'],
    plugins: [lazyBuiltins],
    // src/cli/load-app.ts passes the script's URL under this name.
    define: { 'import.meta.url': '__importMetaUrl' },
  });
  // What bin/score.js requires (src/cli/start.ts): the instant answers, and the loader of the script above.
  const started = await esbuild.build({
    ...COMMON,
    entryPoints: [path.join(dist, 'cli', 'start.js')],
    outfile: path.join(out, START),
    define: { 'import.meta.url': 'startUrl' },
    banner: { js: "'use strict';\nconst startUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const ts = (await import('typescript')).default;
  const code = asciiOnly(fs.readFileSync(path.join(out, SCRIPT), 'utf8'), ts);
  fs.writeFileSync(path.join(out, SCRIPT), code);
  const lazy = [...lazyModules(code), ...lazyModules(fs.readFileSync(path.join(out, START), 'utf8'))].sort();
  const chunks = { [SCRIPT]: inputsOf(result), [START]: inputsOf(started) };
  const build = { entry: SCRIPT, start: START, source: sourceDigest(path.join(root, 'src')), chunks, lazy };
  fs.writeFileSync(path.join(out, 'build.json'), `${JSON.stringify(build, null, 1)}\n`);
  // In a process of its own, started as bin/score.js is: V8's flags are part of what the cache is for.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const made = spawnSync(process.execPath, [path.join(root, '.ci', 'code-cache.mjs'), path.dirname(dist)], { encoding: 'utf8', env });
  if (made.status !== 0) {
    console.error(`启动缓存没有做成：\n${made.stderr}${made.stdout}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
