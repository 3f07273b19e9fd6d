import { spawnSync } from 'node:child_process';
import { isAscii } from 'node:buffer';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import ts from 'typescript';
import { asciiOnly, sourceDigest } from '../../.ci/bundle.mjs';
import { APP, ROOT, buildRecord, loadedBy, modulesOf, type Loaded } from '../support/bundle.js';
import { copySample } from '../support/cli.js';
import { BIN } from '../support/files.js';

// The CLI ships as the bundle in dist/app/ (.ci/bundle.mjs): the CLI tests that spawn bin/score.js run it.

describe('the bundle', () => {
  it('is built from the sources as they are now', () => {
    expect(buildRecord().source).toBe(sourceDigest(path.join(ROOT, 'src')));
  });

  it('is what bin/score.js runs, not the modules tsc made: its small script, then the tool', () => {
    const run = loadedBy(['chek']);
    expect(run.code).toBe(2);
    const record = buildRecord();
    expect(run.files).toEqual(expect.arrayContaining([path.join(APP, record.start), path.join(APP, record.entry)]));
    expect(run.files.filter((f) => f.startsWith(path.join(ROOT, 'dist')) && !f.startsWith(APP))).toEqual([]);
    // bin/score.js is CommonJS too, started without the ES module loader.
    expect(JSON.parse(readFileSync(path.join(ROOT, 'bin', 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
  });

  it('is ASCII (.ci/bundle.mjs escapes regular expressions and comments), which the loader reads as Latin-1, not decoding UTF-8', () => {
    const script = readFileSync(path.join(APP, buildRecord().entry));
    expect(script.length).toBeGreaterThan(100_000);
    expect(isAscii(script)).toBe(true);
    // Nor an `import()` left: a script run through vm.Script without a module loader could not do it.
    expect(script.toString('latin1').match(/[^\w$.]import\(/g)).toBeNull();
  });

  it('escapes in regular expressions and comments what means the same escaped, and nothing else', () => {
    const code = [
      '// 注释：「x」',
      'const r = /「([^」]+)」/g; /* 多行\n注释 */',
      'const t = String.raw`「${1}」`;',
      'const s = "中";',
      'const e = /\\「/;',
      "module.exports = ['「甲」'.replace(r, '$1'), r.test('「」'), t, s, e.test('「'), /[😀]/u.test('😀'), /😀/.test('😀')];",
    ].join('\n');
    const ascii = asciiOnly(code, ts);
    const run = (text: string): unknown => { const module = { exports: {} }; new Function('module', text)(module); return module.exports; };
    expect(run(ascii)).toEqual(run(code));
    expect(run(code)).toEqual(['甲', false, '「1」', '中', true, true, true]);
    // Left as they are: the tagged template's raw text, the strings, the escaped character in a regular expression.
    expect(ascii.match(/[^\x00-\x7f]/gu)).toEqual(['「', '」', '中', '「', '「', '甲', '」', '「', '」', '「', '😀', '😀']);
    expect(ascii).toContain('// \\u6ce8\\u91ca');
  });

  it('holds no zod locale but the Chinese one (English is zod\'s default)', () => {
    const locales = Object.values(buildRecord().chunks).flat().filter((f) => /\/locales\/(?!index\.js$)[^/]+\.js$/.test(f)).map((f) => path.basename(f));
    expect(locales.sort()).toEqual(['en.js', 'zh-CN.js']);
  });

  it('a county run does not load child_process, which commander requires when it loads (.ci/bundle.mjs defers it)', () => {
    const dir = copySample('guannan-2009');
    const hook = "process.on('exit', () => process.stderr.write('\\nBUILTINS ' + process.moduleLoadList.join(',') + '\\n'));";
    const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, BIN, 'annual.xlsx', '-o', 'out'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const builtins = /BUILTINS (.*)/.exec(r.stderr)![1]!.split(',');
    expect(builtins).toContain('NativeModule zlib');
    expect(builtins.filter((m) => m.includes('child_process'))).toEqual([]);
  });

  it('every chunk loads and runs: each command, each lazy part, through bin/score.js', () => {
    const dir = copySample('guannan-2009');
    const at = (...parts: string[]): string => path.join(dir, ...parts);
    const runs: [string, Loaded, number][] = [];
    const run = (what: string, expected: number, args: string[], options: { env?: Record<string, string>; tty?: boolean } = {}): Loaded => {
      const r = loadedBy(args, { cwd: dir, ...options });
      runs.push([what, r, expected]);
      return r;
    };
    run('help', 0, ['--help']);
    run('init', 0, ['init', at('新建')]);
    run('template', 0, ['template', at('annual.xlsx'), '--by-department', '-o', at('填报表')]);
    run('merge', 0, ['merge', ...readdirSync(at('填报表')).map((f) => at('填报表', f)), '-o', at('合并.xlsx')]);
    run('score, with 反馈单', 0, [at('annual.xlsx'), '-o', at('甲'), '--feedback', at('反馈单')]);
    run('a re-run, which compares', 0, [at('annual.xlsx'), '-o', at('甲')]);
    run('batch on a terminal, with its progress bar', 0, ['batch', at('annual.xlsx'), '-o', at('丙')], { tty: true });
    run('diff', 0, ['diff', at('丙', 'annual.通报.xlsx'), at('甲', 'annual.通报.xlsx')]);
    run('explain', 0, ['explain', at('annual.xlsx'), '汤沟镇']);
    writeFileSync(at('加分.csv'), iconv.encode('单位名称,加分\n汤沟镇,1\n', 'gbk'));
    run('check with a CSV in GBK, printing in GBK', 0, ['check', at('annual.xlsx'), at('加分.csv')], { env: { SCORE_OUTPUT_ENCODING: 'gbk' } });
    writeFileSync(at('坏.xlsx'), 'PK\x03\x04 not a whole zip');
    run('a broken workbook', 3, ['check', at('坏.xlsx')]);
    rmSync(at('通报模板.txt'));
    run('a notice template that is not there', 3, [at('annual.xlsx'), '-o', at('丁')]);

    for (const [what, r, expected] of runs) {
      expect({ what, code: r.code, output: r.output }).toEqual({ what, code: expected, output: expect.not.stringMatching(/E_INTERNAL|Dynamic require|Cannot find|\n\s+at .+:\d+:\d+/) });
    }
    // The terminal run drew its bar (a pipe gets none, test/cli/manners.test.ts).
    expect(runs.find(([w]) => w.startsWith('batch'))![1].output).toContain('计算中 [');
    const record = buildRecord();
    const loaded = new Set(runs.flatMap(([, r]) => r.files).filter((f) => path.dirname(f) === APP).map((f) => path.basename(f)));
    // Every chunk with code of its own; one without (a lazy import's door into a chunk loaded anyway,
    // such as instant.ts's lazy stream-failure.js, which run.ts imports whole) only re-exports.
    expect(Object.keys(record.chunks).filter((c) => record.chunks[c]!.length > 0 && !loaded.has(c)).sort()).toEqual([]);
    const packages = new Set(runs.flatMap(([, r]) => modulesOf(r, record)).map((f) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]));
    expect(packages).toContain('iconv-lite');
    expect(packages).toContain('cli-progress');
  });
});
