import { open, type FileHandle } from 'node:fs/promises';
import zlib from 'node:zlib';

/**
 * A zip file written part by part as the parts are produced: each part deflated as its text comes
 * (nothing held whole), its CRC-32 and sizes counted on the way and written after it in a data
 * descriptor, the central directory at the end. Every entry carries the same DOS time
 * (2000-01-01 00:00), so that the same contents give the same bytes.
 *
 * Deflate level 1 rather than zlib's default 6, on measurement: the parts of a 20,000-unit 通报
 * (40 indicators, 80 MB of XML) deflate to 12.9 MB in 1.4–2.8 s at level 1, to 9.6 MB in 7.0–7.4 s
 * at level 6, to 9.1 MB in 37–41 s at level 9 (same process, machine under load). A quarter
 * smaller is not worth three to five times the wait: the time is the clerk's.
 */
export const DEFLATE_LEVEL = 1;

const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8. */
const FLAGS = 0x0808;
/** Classic zip (no Zip64): a part or the whole file beyond 4 GB is refused rather than written wrong. */
const LIMIT = 0xffffffff;

/**
 * Bytes of text deflated at a time, and of deflated output handed back at a time. Each hand-over is
 * a trip through the stream and the thread pool on the main thread: 1 MB in and 256 KB out took a
 * third of the time of 256 KB and 64 KB there (20,000 units: 400 → 130 ms of the profile).
 */
const PIECE_BYTES = 1 << 20;
const DEFLATED_BYTES = 1 << 18;

interface Written {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/** CRC-32 of zip (zlib.crc32 since Node 20.15; a table otherwise). */
const crc32: (data: Buffer, value: number) => number = typeof zlib.crc32 === 'function' ? zlib.crc32 : tableCrc32;

let TABLE: Uint32Array | undefined;
function tableCrc32(data: Buffer, value: number): number {
  if (!TABLE) {
    TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      TABLE[n] = c >>> 0;
    }
  }
  let c = ~value >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * What the local header and the central directory both say of an entry, from `at`: the version
 * needed (2.0), the flags (UTF-8 names, sizes after the data), deflate, and the fixed time.
 */
function entryFields(header: Buffer, at: number): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(FLAGS, at + 2);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
}

export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];
  private pieces?: [Buffer, Buffer];

  private constructor(private readonly handle: FileHandle, private readonly level: number) {}

  static async create(file: string, level = DEFLATE_LEVEL): Promise<ZipWriter> {
    return new ZipWriter(await open(file, 'wx'), level);
  }

  private async put(bytes: Buffer): Promise<void> {
    let done = 0;
    while (done < bytes.length) done += (await this.handle.write(bytes, done, bytes.length - done)).bytesWritten;
    this.offset += bytes.length;
    if (this.offset > LIMIT) throw new Error('zip: over 4 GB');
  }

  /**
   * One part, its text given piece by piece: strings (written as UTF-8) or UTF-8 bytes, which are
   * copied before the next piece is asked for (a sheet's rows come in one buffer used again). A
   * part given as a list of strings is short and deflated at once.
   */
  async add(name: string, content: readonly string[] | Iterable<string | Uint8Array> | AsyncIterable<string>): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const entry: Written = { name: nameBytes, offset: this.offset, crc: 0, compressed: 0, size: 0 };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    entryFields(local, 4);
    local.writeUInt16LE(nameBytes.length, 26);
    await this.put(Buffer.concat([local, nameBytes]));
    if (Array.isArray(content)) await this.whole(entry, Buffer.from(content.join(''), 'utf8'));
    else await this.streamed(entry, content);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.put(descriptor);
    this.written.push(entry);
  }

  /**
   * A short part (a relationship list, the styles) deflated in one call: no stream, no trip to the
   * thread pool. Deflate's output does not depend on how its input was cut, so it is the same bytes.
   */
  private async whole(entry: Written, bytes: Buffer): Promise<void> {
    if (bytes.length > LIMIT) throw new Error('zip: part over 4 GB');
    const packed = zlib.deflateRawSync(bytes, { level: this.level });
    entry.crc = crc32(bytes, 0);
    entry.size = bytes.length;
    entry.compressed = packed.length;
    await this.put(packed);
  }

  private async streamed(entry: Written, content: Iterable<string | Uint8Array> | AsyncIterable<string>): Promise<void> {
    const deflate = zlib.createDeflateRaw({ level: this.level, chunkSize: DEFLATED_BYTES });
    // Deflating runs on libuv's threads and writing on the file's: both go on while the next piece
    // of text is made. Compressed pieces are written in order as they come; the first failure is
    // kept and thrown when the part ends.
    let writing: Promise<void> = Promise.resolve();
    deflate.on('data', (chunk: Buffer) => {
      entry.compressed += chunk.length;
      writing = writing.then(() => this.put(chunk));
      writing.catch(() => undefined);
    });
    const feed = (bytes: Buffer): Promise<void> => {
      entry.crc = crc32(bytes, entry.crc);
      entry.size += bytes.length;
      if (entry.size > LIMIT) return Promise.reject(new Error('zip: part over 4 GB'));
      return new Promise<void>((resolve, reject) => deflate.write(bytes, (e) => (e ? reject(e) : resolve())));
    };
    // The pieces are encoded straight into a buffer: joining them into one string first made a
    // chain of strings to flatten, a tenth of a province's run. Two buffers take turns: one is
    // filled while deflate takes in the other, which is used again once its write has called back.
    // The writer's two buffers serve all its parts (one part at a time: each is done before the next).
    const buffers = (this.pieces ??= [Buffer.allocUnsafe(PIECE_BYTES), Buffer.allocUnsafe(PIECE_BYTES)]);
    const taken: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
    let turn = 0;
    let used = 0;
    const pass = async (): Promise<void> => {
      taken[turn] = feed(buffers[turn]!.subarray(0, used));
      taken[turn]!.catch(() => undefined);
      turn = 1 - turn;
      used = 0;
      await taken[turn];
    };
    /**
     * Encodes or copies a piece; a promise only when it must wait for a buffer (most pieces, a
     * sheet's rows, need none). Bytes are copied before this returns or its promise settles.
     */
    const take = (piece: string | Uint8Array): Promise<void> | undefined => {
      // UTF-8 takes at most 3 bytes for each UTF-16 unit of a text.
      const most = typeof piece === 'string' ? piece.length * 3 : piece.length;
      if (used > 0 && used + most > PIECE_BYTES) {
        // Bytes kept across the wait are copied first: their buffer may be filled again meanwhile
        // (another workbook written at the same time fills the same row buffer).
        const kept = typeof piece === 'string' ? piece : Buffer.from(piece);
        return pass().then(() => take(kept));
      }
      if (most > PIECE_BYTES) return feed(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece));
      if (typeof piece === 'string') used += buffers[turn]!.write(piece, used, 'utf8');
      else {
        buffers[turn]!.set(piece, used);
        used += piece.length;
      }
      return undefined;
    };
    // A sheet's rows come from a generator: `for await` would wait a turn of the event loop's
    // microtasks for each of a province's hundreds of thousands of rows, and make a promise for it.
    if (Symbol.iterator in content) {
      for (const piece of content) {
        const waiting = take(piece);
        if (waiting) await waiting;
      }
    } else {
      for await (const text of content) await take(text);
    }
    if (used > 0) await pass();
    await Promise.all(taken);
    await new Promise<void>((resolve, reject) => {
      deflate.once('end', resolve);
      deflate.once('error', reject);
      deflate.end();
    });
    await writing;
  }

  /** The central directory and its end; the file is complete and closed. */
  async close(): Promise<void> {
    try {
      const start = this.offset;
      for (const e of this.written) {
        const head = Buffer.alloc(46);
        head.writeUInt32LE(0x02014b50, 0);
        head.writeUInt16LE(20, 4);
        entryFields(head, 6);
        head.writeUInt32LE(e.crc >>> 0, 16);
        head.writeUInt32LE(e.compressed, 20);
        head.writeUInt32LE(e.size, 24);
        head.writeUInt16LE(e.name.length, 28);
        head.writeUInt32LE(e.offset, 42);
        await this.put(Buffer.concat([head, e.name]));
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(this.written.length, 8);
      end.writeUInt16LE(this.written.length, 10);
      end.writeUInt32LE(this.offset - start, 12);
      end.writeUInt32LE(start, 16);
      await this.put(end);
    } finally {
      await this.handle.close();
    }
  }

  /** Closes the file without finishing it (the caller removes it). */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}
