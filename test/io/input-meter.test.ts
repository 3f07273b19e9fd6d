import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { countInput, inputRead, whenInputReaches } from '../../src/io/input-meter.js';
import { readWorkbooks } from '../../src/io/read-inputs.js';
import { ROOT } from '../support/bundle.js';
import { tempDir } from '../support/cli.js';

// src/io/input-meter.ts: the bytes of input read, and one listener told when they pass its mark.

describe('the input meter', () => {
  it('tells its listener once, when the bytes read reach the mark, and not before', () => {
    const start = inputRead();
    const heard: number[] = [];
    whenInputReaches(start + 100, () => heard.push(inputRead() - start));
    countInput(60);
    expect(heard).toEqual([]);
    countInput(39);
    expect(heard).toEqual([]);
    countInput(1);
    expect(heard).toEqual([100]);
    countInput(500);
    expect(heard).toEqual([100]);
  });

  it('tells a listener at once when the mark is already passed; a later listener replaces an earlier one', () => {
    countInput(10);
    const heard: string[] = [];
    whenInputReaches(inputRead(), () => heard.push('now'));
    expect(heard).toEqual(['now']);
    whenInputReaches(inputRead() + 5, () => heard.push('first'));
    whenInputReaches(inputRead() + 5, () => heard.push('second'));
    countInput(5);
    expect(heard).toEqual(['now', 'second']);
  });

  it('counts a workbook by the bytes its parts inflate to, and a CSV by its file', async () => {
    const book = path.join(ROOT, 'samples', 'guannan-2009', 'annual.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(book));
    const sizes = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => ({ name: f.name, size: (await f.async('uint8array')).length })));
    const sheets = sizes.filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name)).reduce((a, f) => a + f.size, 0);
    const all = sizes.reduce((a, f) => a + f.size, 0);
    let before = inputRead();
    await readWorkbooks([book]);
    const read = inputRead() - before;
    expect(read).toBeGreaterThanOrEqual(sheets);
    expect(read).toBeLessThanOrEqual(all);

    const csv = path.join(tempDir(), '得分表.csv');
    writeFileSync(csv, '单位名称,A1\n甲,1\n');
    before = inputRead();
    await readWorkbooks([csv]);
    expect(inputRead() - before).toBe(Buffer.byteLength('单位名称,A1\n甲,1\n'));
  });
});
