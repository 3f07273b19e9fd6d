import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fsFailure, systemFailure } from '../../src/io/fs-errors.js';
import { readText } from '../../src/io/read-inputs.js';
import { tempDir } from '../support/cli.js';

describe('the table of file-system errors', () => {
  const codes = ['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'EEXIST', 'ENOSPC', 'EACCES', 'EPERM', 'EBUSY', 'EROFS', 'EMFILE', 'EXDEV', 'ELOOP', 'EIO', 'EDQUOT'];
  it.each(codes)('says %s in Chinese, naming the path', (code) => {
    const e = fsFailure(Object.assign(new Error(`${code}: raw node text`), { code }), '/某处/通报.xlsx', '写入');
    const d = e.diagnostics[0]!;
    expect(e.exitCode).toBe(3);
    expect(d.message).toContain('「/某处/通报.xlsx」');
    expect(d.message).not.toContain(code);
    expect(d.message).not.toContain('raw node text');
    expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    expect(d.hint).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps the reading codes a clerk already knows', () => {
    expect(fsFailure(Object.assign(new Error('x'), { code: 'ENOENT' }), 'a.yaml', '读取', '方案文件').diagnostics[0]).toMatchObject({ code: 'E_FILE_NOT_FOUND', message: '找不到方案文件「a.yaml」。' });
    expect(fsFailure(Object.assign(new Error('x'), { code: 'EACCES' }), 'a.yaml', '读取').diagnostics[0]!.code).toBe('E_UNREADABLE');
  });
});

describe('a file-system error no caller put into words', () => {
  it('is still a sentence from the table with exit 3, never an internal error', () => {
    const e = Object.assign(new Error("EROFS: read-only file system, open '/mnt/cd/x'"), { code: 'EROFS', syscall: 'open', path: '/mnt/cd/x' });
    expect(systemFailure(e)).toMatchObject({ exitCode: 3, diagnostics: [expect.objectContaining({ message: '无法读取「/mnt/cd/x」：所在的磁盘是只读的。' })] });
    expect(systemFailure(new Error('a bug'))).toBeUndefined();
  });
});

describe('text inputs are regular files only', () => {
  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = path.join(tempDir(), 'scheme.yaml');
    execFileSync('mkfifo', [fifo]);
    await expect(readText(fifo, '方案文件')).rejects.toMatchObject({ exitCode: 3, diagnostics: [expect.objectContaining({ code: 'E_NOT_REGULAR_FILE' })] });
  });

  it('refuses a device and a folder', async () => {
    await expect(readText('/dev/zero', '方案文件')).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ code: 'E_NOT_REGULAR_FILE' })] });
    const dir = path.join(tempDir(), 'folder.yaml');
    mkdirSync(dir);
    await expect(readText(dir, '方案文件')).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ code: 'E_IS_DIRECTORY' })] });
  });
});
