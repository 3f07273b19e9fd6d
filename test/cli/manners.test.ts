import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { buildRecord, loadedBy, modulesOf } from '../support/bundle.js';
import { BIN } from '../support/files.js';
import { V8_FLAGS } from '../../src/cli/load-app.js';
import { START_FLAGS } from '../../src/cli/tiers.js';
import { copySample, runCli, tempDir } from '../support/cli.js';
import { columnOf, dumpSheet, editWorkbook, rowOf } from '../support/workbook.js';

const COMMANDS = ['check', 'init', 'template', 'merge', 'batch', 'diff', 'explain'];

describe('help in Chinese', () => {
  // What commander says by itself, and the English placeholders the help had before.
  const ENGLISH = /Usage|Options|Arguments|Commands|default|display help|choices|<(file|dir|sample|workbook|entries|old|new)|\[(dir|workbook)|workbook/;

  it.each([[[]], ...COMMANDS.map((c) => [[c]])])('score %s --help has no English left from the library, and one example', async (command) => {
    const run = await runCli([...(command as string[]), '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(ENGLISH);
    expect(run.stdout).toMatch(/\n例：\n {2}score /);
  });

  it('shows init --preset as optional, with its default in Chinese', async () => {
    const run = await runCli(['init', '--help']);
    expect(run.stdout).toMatch(/用法： score init \[文件夹\] \[--preset <样例>\]/);
    expect(run.stdout).toMatch(/--preset <样例>.*（默认：guannan-2009）/);
  });
});

describe('mistakes get the nearest suggestion', () => {
  it('score chek → check, as a usage error rather than a missing file', async () => {
    const run = await runCli(['chek', 'annual.xlsx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有命令「chek」，也没有这个文件。是否应为「score check」？');
  });

  it('annaul.xlsx → annual.xlsx in the same folder', async () => {
    const dir = copySample('guannan-2009');
    const run = await runCli([path.join(dir, 'annaul.xlsx')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`是否应为：「${path.join(dir, 'annual.xlsx')}」？`);
    const check = await runCli(['check', '--json', path.join(dir, 'annaul.xlsx')]);
    const doc = JSON.parse(check.stdout) as { ok: boolean; exitCode: number; diagnostics: { code: string; hint: string }[] };
    expect(doc).toMatchObject({ ok: false, exitCode: 3 });
    expect(doc.diagnostics).toEqual([expect.objectContaining({ code: 'E_FILE_NOT_FOUND', hint: expect.stringContaining('annual.xlsx') })]);
  });

  it('two whole assessments given to one score: one sentence pointing to batch', async () => {
    const dir = copySample('guannan-2009');
    cpSync(path.join(dir, 'annual.xlsx'), path.join(dir, 'other.xlsx'));
    const run = await runCli([path.join(dir, 'annual.xlsx'), path.join(dir, 'other.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('一次只能计算一个考评；多个考评请用 batch');
    expect(run.stderr).not.toContain('E_DUPLICATE_SHEET');
  });
});

describe('--out', () => {
  it('batch refuses two workbooks of the same name into one --out before writing anything', async () => {
    const root = tempDir();
    for (const year of ['2025', '2026']) cpSync(copySample('guannan-2009'), path.join(root, year), { recursive: true });
    const out = path.join(root, '通报 汇总');
    const run = await runCli(['batch', path.join(root, '2025', 'annual.xlsx'), path.join(root, '2026', 'annual.xlsx'), '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('同名，通报都会写到');
    expect(existsSync(out)).toBe(false);
  });

  it('creates a missing folder whose path has spaces and Chinese', async () => {
    const dir = copySample('guannan-2009');
    const out = path.join(dir, '新建 文件夹', '2026 通报');
    const run = await runCli([path.join(dir, 'annual.xlsx'), '--out', out]);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(out, 'annual.通报.xlsx'))).toBe(true);
  });
});

describe('what a run says about itself', () => {
  it('names the units that did not take part under the summary table', async () => {
    const dir = copySample('guannan-2009');
    const run = await runCli([path.join(dir, 'annual.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/不参与评比 7 个（纪组宣、四大办等部门未参与评比）：纪委、组织部、宣传部、县委办、人大办、政府办、政协办/);
    // The 问题 sheet: where and what first, the code last.
    const problems = await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '问题');
    expect(problems.find((r) => r[0] === '级别')).toEqual(['级别', '位置', '说明', '建议', '代码']);
    expect(problems.find((r) => r[0] === '警告')?.[4]).toMatch(/^W_/);
  });

  it('a failed re-run says the earlier 通报 is untouched', async () => {
    const dir = copySample('guannan-2009');
    const file = path.join(dir, 'annual.xlsx');
    expect((await runCli([file])).code).toBe(0);
    const before = readFileSync(path.join(dir, 'annual.通报.xlsx'));
    rmSync(path.join(dir, '通报模板.txt'));
    const run = await runCli([file]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`上次的通报未改动：${path.join(dir, 'annual.通报.xlsx')}`);
    expect(run.stderr).toMatch(/请把「通报模板.txt」复制到.*或删去方案中 notice\.template 这一行/);
    expect(readFileSync(path.join(dir, 'annual.通报.xlsx'))).toEqual(before);
    // The first run of all has nothing to leave in place, and says nothing of it.
    rmSync(path.join(dir, 'annual.通报.xlsx'));
    expect((await runCli([file])).stderr).not.toContain('上次的通报');
  });

  it('a scheme path is said in words: bands 第 1 项的 atLeast', async () => {
    const dir = tempDir();
    const scheme = path.join(dir, '方案.yaml');
    writeFileSync(scheme, 'name: x\nfullMarks: 100\ncategories: [乡镇]\nbands:\n  - name: 优秀\n    atLeast: 很高\n  - name: 合格\n');
    const run = await runCli(['check', path.join(copySample('guannan-2009'), 'annual.xlsx'), '--scheme', scheme]);
    expect(run.stderr).toContain('第6行 bands 第 1 项的 atLeast：方案中「bands 第 1 项的 atLeast」');
    expect(run.stderr).not.toContain('bands[0]');
  });
});

describe('a Tab in the scheme', () => {
  it('is told on its own line, once, with how to mend it', async () => {
    const dir = tempDir();
    const scheme = path.join(dir, '方案.yaml');
    writeFileSync(scheme, 'name: x\nfullMarks: 100\ncategories: [乡镇]\nbands:\n\t- name: 优秀\n  - name: 合格\n');
    const run = await runCli(['check', path.join(copySample('guannan-2009'), 'annual.xlsx'), '--scheme', scheme]);
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter((l) => l.includes('E_SCHEME_YAML'));
    expect(lines).toEqual([expect.stringContaining(`${scheme} 第5行第1列：方案不是有效的 YAML：用了 Tab 缩进`)]);
    expect(run.stderr).toContain('请把这一行开头的 Tab 换成空格');
  });
});

describe('check groups repeated findings', () => {
  it('tells 50 empty cells per department with counts, and every one with --all', async () => {
    const dir = copySample('guannan-2009');
    const file = path.join(dir, 'empty.xlsx');
    await editWorkbook(path.join(dir, 'annual.xlsx'), file, (wb) => {
      const ws = wb.getWorksheet('得分表')!;
      const [a1, a2] = [columnOf(ws, /^A1/), columnOf(ws, /^A2/)];
      for (const unit of ['田楼乡', '新集乡', '五队乡', '长茂镇', '百禄镇', '三口镇', '北陈集镇']) {
        rowOf(ws, unit).getCell(a1).value = null;
        rowOf(ws, unit).getCell(a2).value = null;
      }
      rowOf(ws, '汤沟镇').getCell(a2 + 1).value = null;
    });
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.includes('E_EMPTY_CELL'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/工作表「得分表」：\S+：单元格为空，共 14 处——指标「A1」7 处（C\d+ 至 C\d+，田楼乡、新集乡、五队乡 等 7 个单位）；指标「A2」7 处/);
    expect(lines[1]).toMatch(/得分表!E\d+：单位「汤沟镇」指标「A3」：单元格为空/);
    expect(run.stderr).toContain('错误 15 个');
    const all = await runCli(['check', '--all', file]);
    expect(all.stderr.split('\n').filter((l) => l.includes('E_EMPTY_CELL'))).toHaveLength(15);
  });
});

describe('Windows shells', () => {
  it('a pattern the shell did not expand (cmd, PowerShell) is expanded, in name order', async () => {
    const dir = copySample('guannan-2009');
    const forms = path.join(dir, '交回 的表');
    mkdirSync(forms);
    for (const name of ['乙.xlsx', '甲.xlsx']) cpSync(path.join(dir, 'annual.xlsx'), path.join(forms, name));
    const run = await runCli(['check', path.join(forms, '*.xlsx')]);
    // Two whole assessments: named one by one, so the pattern was read as the two files.
    expect(run.stderr).toContain(`「${path.join(forms, '甲.xlsx')}」、「${path.join(forms, '乙.xlsx')}」 各有自己的单位名单`);
    const none = await runCli(['check', path.join(forms, '*.csv')]);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain(`找不到文件「${path.join(forms, '*.csv')}」`);
  });

  it('SCORE_OUTPUT_ENCODING=gbk prints in GBK for a code page 936 console or file', () => {
    const r = spawnSync(process.execPath, [BIN, 'chek'], { encoding: 'buffer', env: { ...process.env, NO_COLOR: '1', SCORE_OUTPUT_ENCODING: 'gbk' } });
    expect(r.status).toBe(2);
    const text = '没有命令「chek」，也没有这个文件。';
    expect(r.stderr.includes(iconv.encode(text, 'gbk'))).toBe(true);
    expect(r.stderr.includes(Buffer.from(text, 'utf8'))).toBe(false);
  });
});

describe('the process entry', () => {
  it('sets a heap growth and start tiers this Node knows: an unknown V8 flag would be complained of on stderr', () => {
    // A usage error: past the instant answers, so the tool is loaded and the flag set (src/cli/load-app.ts).
    const r = spawnSync(process.execPath, [BIN, 'chek'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/unrecognized flag/i);
    expect(V8_FLAGS).toBe(`--heap-growing-percent=20 ${START_FLAGS}`);
  });
});

describe('instant start', () => {
  /**
   * The packages and the project's own modules (dist/…) a run of bin/score.js loaded; a chunk of the
   * bundle (dist/app/) counts as the files bundled into it.
   */
  function loaded(args: string[], cwd?: string): { packages: Set<string>; modules: Set<string>; code: number | null } {
    const record = buildRecord();
    const run = loadedBy(args, { cwd });
    const files = modulesOf(run, record);
    const packages = new Set(files.map((f) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter((p): p is string => p !== undefined));
    const modules = new Set(files.map((f) => /^(dist\/.+)\.js$/.exec(f)?.[1]).filter((m): m is string => m !== undefined));
    return { packages, modules, code: run.code };
  }

  it('--help and --version load no package and nothing of the tool besides their texts', () => {
    for (const args of [['--help'], ['--version'], ['check', '--help'], ['help', 'merge'], []]) {
      const { packages, modules } = loaded(args);
      expect([...packages]).toEqual([]);
      expect([...modules].sort()).toEqual(['dist/cli/help-texts', 'dist/cli/instant', 'dist/cli/start']);
    }
  });

  it('a usage error loads commander and chalk, and no other package, nor the engine or the reports', () => {
    for (const args of [['chek'], ['--nonsense'], ['check'], ['--help', '--no-color']]) {
      const { packages, modules } = loaded(args);
      expect([...packages].filter((p) => p !== 'commander' && p !== 'chalk')).toEqual([]);
      expect(packages.has('commander')).toBe(true);
      expect([...modules].filter((m) => /^dist\/(engine|report\/(?!bound-diagnostics$)|input|scheme|forms)/.test(m))).toEqual([]);
    }
  });

  it('a first run on an .xlsx loads neither the CSV reader, iconv-lite nor comparing, explaining or 反馈单 code; a re-run compares', () => {
    const dir = copySample('guannan-2009');
    const first = loaded(['annual.xlsx', '-o', 'out'], dir);
    expect(first.code).toBe(0);
    expect(first.modules.has('dist/report/result-sheets')).toBe(true);
    expect(first.packages.has('yaml')).toBe(true);
    expect([...first.packages].filter((p) => ['csv-parse', 'iconv-lite', 'cli-progress'].includes(p))).toEqual([]);
    expect([...first.modules].filter((m) => /^dist\/(io\/(read-csv|xlsx-messages)|report\/(diff|explain.*|feedback)|cli\/(changes|feedback)|engine\/trace)$/.test(m))).toEqual([]);
    const again = loaded(['annual.xlsx', '-o', 'out'], dir);
    expect(again.code).toBe(0);
    expect(again.modules.has('dist/report/diff')).toBe(true);
  });

  it('batch into a pipe draws no progress bar, and does not load cli-progress', () => {
    const run = loaded(['batch', copySample('guannan-2009')]);
    expect(run.code).toBe(0);
    expect(run.packages.has('cli-table3')).toBe(true);
    expect(run.packages.has('cli-progress')).toBe(false);
  });
});
