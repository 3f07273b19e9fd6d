import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN } from '../support/files.js';
import { DEFAULT_LIMITS, openZip } from '../../src/io/zip-reader.js';
import { ZipWriter } from '../../src/io/zip-writer.js';

const ROOT = path.resolve(path.dirname(BIN), '..');

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

describe('zip writer, pieces given as bytes', () => {
  it('reads back pieces given as views of one buffer written over for each piece, among strings, short and longer than its buffers', async () => {
    // A sheet's rows come as views of one buffer written over for each row (RowBytes).
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'zipb-')), 'b.zip');
    const scratch = Buffer.alloc(1 << 21);
    const expected: string[] = [];
    function* rows(): Generator<string | Uint8Array> {
      for (let i = 0; i < 30_000; i++) {
        // Short rows, many buffers' worth; now and then one longer than a buffer of the writer's; a string among them.
        const text = i % 10_000 === 9_999 ? `<row>${'单'.repeat(400_000)}${i}</row>` : i % 7 === 0 ? `<s>${i}</s>` : `<row r="${i}"><c><v>${i}.25</v></c><t>单位${i}</t></row>`;
        expected.push(text);
        if (i % 7 === 0) yield text;
        else yield scratch.subarray(0, scratch.write(text, 0, 'utf8'));
      }
    }
    const zip = await ZipWriter.create(file);
    await zip.add('rows.xml', rows());
    await zip.close();
    expect(await readBack(file, 'rows.xml')).toBe(expected.join(''));
  });
});

describe('zip writer, two parts written at once from one buffer', () => {
  it('reads back both whole: bytes kept across a wait are copied before the other fills the buffer again', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zipc-'));
    const scratch = Buffer.alloc(1 << 16);
    const expected: Record<string, string> = { a: '', b: '' };
    function* rows(who: string): Generator<Uint8Array> {
      for (let i = 0; i < 40_000; i++) {
        const text = `<row r="${i}"><c><v>${who}${i}</v></c><t>单位${who}${i}</t></row>`;
        expected[who] += text;
        yield scratch.subarray(0, scratch.write(text, 0, 'utf8'));
      }
    }
    const write = async (who: string): Promise<string> => {
      const file = path.join(dir, `${who}.zip`);
      const zip = await ZipWriter.create(file);
      await zip.add('rows.xml', rows(who));
      await zip.close();
      return file;
    };
    const [a, b] = await Promise.all([write('a'), write('b')]);
    expect(await readBack(a, 'rows.xml')).toBe(expected.a);
    expect(await readBack(b, 'rows.xml')).toBe(expected.b);
  });
});

describe('zip writer, a part given whole', () => {
  it('writes the very bytes of the same text given piece by piece, and reads back', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zipwhole-'));
    const pieces = Array.from({ length: 3000 }, (_, i) => `<row r="${i}"><c><v>${i}.5</v></c><c t="inlineStr"><is><t>单位${i}</t></is></c></row>`);
    const write = async (file: string, given: Iterable<string>): Promise<Buffer> => {
      const zip = await ZipWriter.create(file);
      await zip.add('a.xml', given);
      await zip.add('b.xml', ['<x/>']);
      await zip.close();
      return readFileSync(file);
    };
    const whole = await write(path.join(dir, 'whole.zip'), pieces);
    const streamed = await write(path.join(dir, 'streamed.zip'), (function* () { yield* pieces; })());
    expect(whole.equals(streamed)).toBe(true);
    expect(await readBack(path.join(dir, 'whole.zip'), 'a.xml')).toBe(pieces.join(''));
  });
});

describe('zip writer on a full disk', () => {
  it('rejects the part with the file system\'s error while deflate and writes run ahead, and nothing escapes unhandled', () => {
    // A file size limit (ulimit -f, in KB) makes the writes fail with EFBIG midway, as a full disk would.
    const script = `import { ZipWriter } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/io/zip-writer.js')).href)};
      let x = 1; const pieces = [];
      for (let i = 0; i < 40000; i++) { x = (x * 48271) % 2147483647; pieces.push(x.toString(36)); }
      const zip = await ZipWriter.create(process.argv[2]);
      try { await zip.add('p.xml', pieces); console.log('written'); } catch (e) { console.log('refused ' + e.code); await zip.abandon(); }`;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zipfull-'));
    writeFileSync(path.join(dir, 'w.mjs'), script);
    const r = spawnSync('bash', ['-c', `ulimit -f 64; "${process.execPath}" w.mjs out.zip`], { cwd: dir, encoding: 'utf8' });
    expect({ out: r.stdout.trim(), err: r.stderr, code: r.status }).toEqual({ out: 'refused EFBIG', err: '', code: 0 });
    const free = spawnSync('bash', ['-c', `"${process.execPath}" w.mjs big.zip`], { cwd: dir, encoding: 'utf8' });
    expect(free.stdout.trim()).toBe('written');
  });
});
