import { copyFileSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, SAMPLES, tempDir } from '../support/cli.js';
import { expectNoInternalError, listing, runChild, smallBook } from '../support/files.js';

describe('outputs never replace inputs, whatever path leads there', () => {
  it('merge -o through a linked folder', async () => {
    const dir = tempDir();
    const d = path.join(dir, 'd');
    mkdirSync(d);
    symlinkSync(d, path.join(dir, 'alias'));
    const a = await smallBook(d, { name: 'a.xlsx' });
    const b = path.join(d, 'b.xlsx');
    copyFileSync(a, b);
    const before = readFileSync(a);
    const run = await runCli(['merge', a, b, '-o', path.join(dir, 'alias', 'a.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E_OUTPUT_IS_INPUT');
    expect(readFileSync(a)).toEqual(before);
  });

  it('template --force through a linked folder does not blank a filled form', async () => {
    const dir = tempDir();
    const d = path.join(dir, 'd');
    mkdirSync(d);
    symlinkSync(d, path.join(dir, 'alias'));
    const filled = await smallBook(d, { name: '得分填报表.xlsx' });
    const before = readFileSync(filled);
    const run = await runCli(['template', filled, '-o', path.join(dir, 'alias'), '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E_OUTPUT_IS_INPUT');
    expect(readFileSync(filled)).toEqual(before);
  });

  it('score -o through a linked folder', async () => {
    const dir = tempDir();
    const d = path.join(dir, 'd');
    mkdirSync(d);
    symlinkSync(d, path.join(dir, 'alias'));
    const main = await smallBook(d, { name: 'x.xlsx' });
    const input = path.join(d, 'x.通报.xlsx');
    copyFileSync(main, input);
    const before = readFileSync(input);
    const run = await runCli([main, input, '-o', path.join(dir, 'alias')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E_OUTPUT_IS_INPUT');
    expect(readFileSync(input)).toEqual(before);
  });

  it('init through a linked folder into the sample it copies from', async () => {
    const alias = path.join(tempDir(), 'alias');
    symlinkSync(path.join(SAMPLES, 'guannan-2009'), alias);
    const run = await runCli(['init', alias, '--preset', 'guannan-2009']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E_OUTPUT_IS_INPUT');
    expect(run.stderr).toContain('通报模板.txt');
  });

  it('an output that is a hard link of an input: the same device and inode', async () => {
    const dir = tempDir();
    const main = await smallBook(dir, { name: 'y.xlsx' });
    const input = path.join(dir, '另存.xlsx');
    copyFileSync(main, input);
    const out = path.join(dir, 'out');
    mkdirSync(out);
    linkSync(input, path.join(out, 'y.通报.xlsx'));
    const run = await runCli([main, input, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E_OUTPUT_IS_INPUT');
  });
});

describe('what stands where an output should go', () => {
  it('a folder named like the notice: an error naming it, nothing written, nothing renamed', async () => {
    const dir = tempDir();
    const file = await smallBook(dir);
    mkdirSync(path.join(dir, 'book.通报.xlsx'));
    const run = await runCli([file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E_OUTPUT_NOT_FILE');
    expect(run.stderr).toContain('book.通报.xlsx');
    expectNoInternalError(run);
    expect(listing(dir)).toEqual(['book.xlsx', 'book.通报.xlsx']);
  });

  it('a folder where a form or the merged workbook should go', async () => {
    const dir = tempDir();
    const file = await smallBook(dir);
    mkdirSync(path.join(dir, '得分填报表.xlsx'));
    const run = await runCli(['template', file]);
    expect(run.stderr).toContain('E_OUTPUT_NOT_FILE');
    expect(listing(dir)).toEqual(['book.xlsx', '得分填报表.xlsx']);
    mkdirSync(path.join(dir, 'm'));
    mkdirSync(path.join(dir, 'm', '合并得分表.xlsx'));
    const merge = await runCli(['merge', file, '-o', path.join(dir, 'm')]);
    expect(merge.stderr).toContain('E_OUTPUT_NOT_FILE');
    expectNoInternalError(merge);
  });
});

describe('file-system errors are sentences, never exit 70', () => {
  it.each([
    ['-o naming a file', (d: string) => { writeFileSync(path.join(d, '通报.xlsx'), 'x'); return ['-o', path.join(d, '通报.xlsx')]; }, 'E_OUT_NOT_FOLDER', 2],
    ['-o naming a file that is not there yet', (d: string) => ['-o', path.join(d, '通报.xlsx')], 'E_OUT_NOT_FOLDER', 2],
    ['-o /dev/null', () => ['-o', '/dev/null'], 'E_OUT_NOT_FOLDER', 2],
  ])('score with %s', async (_, extra, code, exit) => {
    const dir = tempDir();
    const file = await smallBook(dir);
    const args = [file, ...extra(dir)];
    const before = listing(dir);
    const run = await runCli(args);
    expectNoInternalError(run);
    expect(run.stderr).toContain(code);
    expect(run.code).toBe(exit);
    expect(listing(dir)).toEqual(before);
  });

  it('a 78-character workbook name scores; an 82-character one (258 bytes with .通报.xlsx) is told its output name is too long', async () => {
    const dir = tempDir();
    const ok = await runCli([await smallBook(dir, { name: `${'考'.repeat(78)}.xlsx` })]);
    expectNoInternalError(ok);
    expect(ok.code).toBe(0);
    const long = await runCli([await smallBook(dir, { name: `${'评'.repeat(82)}.xlsx` })]);
    expectNoInternalError(long);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('E_NAME_TOO_LONG');
  });

  it('init onto a file, into a folder with a too-long name, and under /proc', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'afile'), 'x');
    const onFile = await runCli(['init', path.join(dir, 'afile')]);
    expectNoInternalError(onFile);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toContain('E_OUT_NOT_FOLDER');
    const tooLong = await runCli(['init', path.join(dir, '很'.repeat(90))]);
    expectNoInternalError(tooLong);
    expect(tooLong.code).toBe(3);
    expect(tooLong.stderr).toContain('太长');
    const proc = runChild(['init', '/proc/score-test-x']);
    expect(proc.signal).toBeNull();
    expect(proc.code).toBe(3);
    expect(proc.stderr).toContain('/proc/score-test-x');
    expect(readFileSync(path.join(dir, 'afile'), 'utf8')).toBe('x');
  });
});
