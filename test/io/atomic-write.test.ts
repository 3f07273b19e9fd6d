import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { textFile, writeAllAtomically, writeFailure } from '../../src/io/atomic-write.js';
import { FS_REASONS } from '../../src/io/fs-errors.js';
import { tempDir } from '../support/cli.js';

describe('writeAllAtomically', () => {
  it('replaces both outputs and leaves nothing else', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'old a');
    await writeAllAtomically([textFile(path.join(dir, 'a.txt'), 'new a'), textFile(path.join(dir, 'b.txt'), 'new b')]);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('new a');
  });

  it('writes nothing when the folder does not exist', async () => {
    const dir = tempDir();
    await expect(writeAllAtomically([textFile(path.join(dir, 'no', 'a.txt'), 'x')])).rejects.toMatchObject({ exitCode: 3 });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each(['EBUSY', 'EPERM', 'EACCES'])('tells the clerk to close a file that is open elsewhere (%s)', (code) => {
    const e = writeFailure('通报.xlsx', Object.assign(new Error(code), { code }));
    expect(e.diagnostics[0]).toMatchObject({ code: 'E_OUTPUT_LOCKED', hint: FS_REASONS[code]!.hint });
    expect(e.diagnostics[0]!.message).toContain('正被其他程序（如 Excel、WPS）打开');
    expect(e.diagnostics[0]!.hint).toContain('请关闭该文件');
  });
});
