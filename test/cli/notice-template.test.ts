import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { filesIn, runCli, tempDir } from '../support/cli.js';
import { runChild, smallBook } from '../support/files.js';

describe('files named inside a workbook (notice.template)', () => {
  it.each([
    ['a path climbing out', '../../../../../../etc/hostname', '..'],
    ['an absolute path', '/etc/hostname', '绝对路径'],
  ])('refuses %s, naming the scheme line, and reads nothing', async (_, template, why) => {
    const dir = tempDir();
    const file = await smallBook(dir, { scheme: `notice:\n  template: ${template}\n` });
    const run = await runCli([file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E_TEMPLATE_PATH');
    expect(run.stderr).toContain('方案!A8');
    expect(run.stderr).toContain('notice.template');
    expect(run.stderr).toContain(why);
    expect(filesIn(dir)).toEqual(['book.xlsx']);
  });

  it('refuses a link beside the scheme that leads out of its folder', async () => {
    const dir = tempDir();
    const outside = path.join(tempDir(), 'secret.txt');
    writeFileSync(outside, '机密内容');
    symlinkSync(outside, path.join(dir, '模板.txt'));
    const run = await runCli([await smallBook(dir, { scheme: 'notice:\n  template: 模板.txt\n' })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E_TEMPLATE_PATH');
    expect(run.stderr).toContain('链接');
    expect(filesIn(dir)).toEqual(['book.xlsx', '模板.txt']);
  });

  it('refuses a folder, and a FIFO without waiting on it', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '模板'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.txt')]);
    expect((await runCli([await smallBook(dir, { name: 'a.xlsx', scheme: 'notice:\n  template: 模板\n' })])).stderr).toContain('是一个文件夹');
    const fifo = runChild([await smallBook(dir, { name: 'b.xlsx', scheme: 'notice:\n  template: fifo.txt\n' })]);
    expect(fifo).toMatchObject({ code: 2, signal: null });
    expect(fifo.stderr).toContain('不是普通文件');
  });

  it('takes a template beside the scheme, in a folder below it, or from score\'s own templates folder', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '模板'));
    writeFileSync(path.join(dir, '模板', '通报.txt'), '{{分档情况}}\n自己的模板\n');
    expect((await runCli([await smallBook(dir, { scheme: 'notice:\n  template: 模板/通报.txt\n' })])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'book.通报.txt'), 'utf8')).toContain('自己的模板');
    const other = tempDir();
    expect((await runCli([await smallBook(other, { scheme: 'notice:\n  template: notice.txt\n' })])).code).toBe(0);
  });

  it('refuses a FIFO given as --scheme without waiting on it', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [path.join(dir, 'scheme.yaml')]);
    const run = runChild([await smallBook(dir), '--scheme', path.join(dir, 'scheme.yaml')]);
    expect(run).toMatchObject({ code: 3, signal: null });
    expect(run.stderr).toContain('E_NOT_REGULAR_FILE');
  });
});
