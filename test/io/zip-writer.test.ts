import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS, openZip } from '../../src/io/zip-reader.js';
import { ZipWriter } from '../../src/io/zip-writer.js';

// Issue 11: parts are encoded piece by piece into one buffer that is used again once deflate has
// taken it in; what is read back must be every piece, in order, whatever their sizes and characters.

async function readBack(file: string, part: string): Promise<string> {
  const zip = await openZip(file, DEFAULT_LIMITS);
  const chunks: Buffer[] = [];
  for await (const c of zip.read(part)) chunks.push(c);
  zip.close();
  return Buffer.concat(chunks).toString('utf8');
}

describe('zip writer', () => {
  it('reads back the pieces of a part exactly: small and large, CJK and beyond the BMP, across many buffers', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'zipw-')), 'a.zip');
    const pieces: string[] = [];
    for (let i = 0; i < 20_000; i++) pieces.push(i % 3 === 0 ? `<c r="A${i}">单位${i}𠀋</c>` : `<v>${i}.25</v>`);
    pieces.push('大'.repeat(200_000), 'x', '😀'.repeat(50_000), '');
    const zip = await ZipWriter.create(file);
    await zip.add('p.xml', pieces);
    await zip.add('empty.xml', []);
    await zip.close();
    expect(await readBack(file, 'p.xml')).toBe(pieces.join(''));
    expect(await readBack(file, 'empty.xml')).toBe('');
  });
});
