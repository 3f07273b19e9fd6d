import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rename, rm, access } from 'node:fs/promises';
import path from 'node:path';
import { textFile, writeAllAtomically, writeFailure, type FileOps } from '../../src/io/atomic-write.js';
import { tempDir } from '../support/cli.js';

const real: FileOps = { exists: (p) => access(p).then(() => true, () => false), rename, remove: (p) => rm(p, { force: true }) };

describe('writeAllAtomically', () => {
  it('replaces both outputs', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'old a');
    await writeAllAtomically([textFile(path.join(dir, 'a.txt'), 'new a'), textFile(path.join(dir, 'b.txt'), 'new b')]);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('new a');
  });

  it('puts the earlier outputs back when the second rename fails, and leaves no temporary file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'old a');
    writeFileSync(path.join(dir, 'b.txt'), 'old b');
    let renames = 0;
    // Renames: a and b aside, a into place, then b into place: the fourth fails.
    const failing: FileOps = { ...real, rename: async (from, to) => { if (++renames === 4) throw Object.assign(new Error('busy'), { code: 'EBUSY' }); await rename(from, to); } };
    await expect(writeAllAtomically([textFile(path.join(dir, 'a.txt'), 'new a'), textFile(path.join(dir, 'b.txt'), 'new b')], failing))
      .rejects.toMatchObject({ diagnostics: [expect.objectContaining({ code: 'E_OUTPUT_LOCKED' })] });
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
    expect([readFileSync(path.join(dir, 'a.txt'), 'utf8'), readFileSync(path.join(dir, 'b.txt'), 'utf8')]).toEqual(['old a', 'old b']);
  });

  it('writes nothing when the folder does not exist', async () => {
    const dir = tempDir();
    await expect(writeAllAtomically([textFile(path.join(dir, 'no', 'a.txt'), 'x')])).rejects.toMatchObject({ exitCode: 3 });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(['EBUSY', 'EPERM', 'EACCES'])('tells the clerk to close a file that is open elsewhere (%s)', (code) => {
    const e = writeFailure('通报.xlsx', Object.assign(new Error(code), { code }));
    expect(e.diagnostics[0]).toMatchObject({ code: 'E_OUTPUT_LOCKED', hint: '请关闭该文件后重新运行。' });
    expect(e.diagnostics[0]!.message).toContain('正被其他程序（如 Excel、WPS）打开');
  });
});
