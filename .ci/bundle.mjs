// npm run build, after tsc: the CLI as it ships, in dist/app/ — tsc's output in dist/ bundled with the
// runtime dependencies into ES modules, tree-shaken (zod's 64 locale files, which every one of its entry
// points re-exports, drop out), split at every `await import()` so that --help still loads only what it
// needs. Loading some 250 modules one by one was most of a county run's time; a few chunks load faster.
// dist/app/ sits at the same depth as dist/cli/: src/io/package-info.ts finds the package root as `../..`
// from the module, and src/io/iconv.ts requires iconv-lite at run time from there (it stays external,
// one copy from node_modules for both its users). dist/app/build.json records what went into each chunk
// and the digest of the sources it was built from: test/cli/bundle.test.ts checks both.
// Usage: node .ci/bundle.mjs [--dist <tsc's output folder>]   (default dist/; the bundle goes in its app/)
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

// The CommonJS dependencies (commander, yauzl, cli-table3, cli-progress) require Node's own modules;
// in an ES module there is no `require` unless one is made.
const BANNER = "import { createRequire as __scoreCreateRequire } from 'node:module';\nconst require = __scoreCreateRequire(import.meta.url);";

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
    absWorkingDir: path.dirname(dist), // the package: build.json names files from its root
    entryPoints: { run: path.join(dist, 'cli', 'run.js') },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['iconv-lite'],
    banner: { js: BANNER },
    chunkNames: '[name]-[hash]',
    // Not minified: 1.4 MB instead of 1.0 (whitespace and syntax) or 0.8 (identifiers too), and no
    // difference in time that 10 runs of a county check could tell; a SCORE_DEBUG stack then points at
    // readable code under a `// dist/…` line naming the module, with the names of the sources.
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
  });
  const chunks = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    // The files with code in the chunk (type-only modules and re-exporting indexes leave none).
    chunks[path.basename(file)] = Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([input]) => input).sort();
  }
  const build = { entry: 'run.js', source: sourceDigest(path.join(root, 'src')), chunks };
  fs.writeFileSync(path.join(out, 'build.json'), `${JSON.stringify(build, null, 1)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
