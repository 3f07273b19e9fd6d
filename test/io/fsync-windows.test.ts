// Windows flushes a file only through a handle opened for writing (FlushFileBuffers needs
// GENERIC_WRITE; a read-only handle gets EPERM, as under Wine). node:fs is wrapped here to keep
// that rule on any system, so publishing outputs is checked to flush files the way Windows allows.
import { jest } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const readOnly = new Set<number>();
jest.unstable_mockModule('node:fs', () => ({
  ...fs,
  default: fs,
  openSync: (file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
    const fd = fs.openSync(file, flags ?? 'r', mode);
    if (flags === undefined || flags === 'r') readOnly.add(fd);
    return fd;
  },
  closeSync: (fd: number) => {
    readOnly.delete(fd);
    fs.closeSync(fd);
  },
  fsyncSync: (fd: number) => {
    if (readOnly.has(fd) && !fs.fstatSync(fd).isDirectory()) {
      throw Object.assign(new Error('EPERM: operation not permitted, fsync'), { code: 'EPERM', syscall: 'fsync' });
    }
    fs.fsyncSync(fd);
  },
}));

const { nodeOps } = await import('../../src/io/file-ops.js');

describe('flushing files under the Windows rule', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'score-fsync-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes and flushes a file', () => {
    const file = path.join(dir, 'journal');
    nodeOps.writeFile(file, '{"targets":[]}');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"targets":[]}');
  });

  it('flushes an existing file and a folder', () => {
    const file = path.join(dir, '0');
    fs.writeFileSync(file, 'x');
    expect(() => nodeOps.fsync(file)).not.toThrow();
    expect(() => nodeOps.fsync(dir)).not.toThrow();
  });
});
