import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { XlsxProblem } from './xlsx-problem.js';
import { countInput } from './input-meter.js';

export interface ReadLimits {
  /** Most bytes one part of the zip (a sheet's XML) may inflate to: SCORE_MAX_SHEET_MB. */
  maxPartBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxPartBytes: 512 * 1024 * 1024 };

/**
 * A zip bomb is told by its ratio: repeated bytes deflate up to about 1030 to 1, rows that are all
 * alike (4 million empty styled rows without r=, 160 MB in a 450 KB file) about 350 to 1, while
 * sheets with data stay under 40 to 1. A part that has inflated past the grace size at more than
 * MAX_RATIO times its compressed size is stopped there: a bomb never costs more than 200 MB of
 * inflating, and such empty rows, which cost the reader nothing to skip, are still read.
 */
export const MAX_RATIO = 100;
export const RATIO_GRACE_BYTES = 200 * 1024 * 1024;

/** The parts of a zip, by name, read one at a time as streams (random access via the central directory). */
export interface ZipPackage {
  /** The part's name as stored, found whatever its case and leading slash (OPC names are case-insensitive). */
  find(part: string): string | undefined;
  /** The part's bytes, inflated as they are read, within the limits. */
  read(part: string): AsyncGenerator<Buffer>;
  close(): void;
}

/** OPC part names compare without case; some writers put backslashes or a leading slash. */
export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export async function openZip(file: string, limits: ReadLimits): Promise<ZipPackage> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { autoClose: false, lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (e) {
    throw new XlsxProblem(ioCode(e) ? 'io' : 'not-zip', {}, e);
  }
  const entries = new Map<string, Entry>();
  let encrypted: string | undefined;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.isEncrypted()) encrypted ??= entry.fileName;
      if (!entry.fileName.endsWith('/')) entries.set(partKey(entry.fileName), entry);
    }
  } catch (e) {
    zip.close();
    // yauzl stops at the first encrypted entry whose sizes its rules for encryption do not fit
    // (an empty folder entry); the entries before it say what the file is.
    if (encrypted !== undefined) throw new XlsxProblem('encrypted-entry', { part: encrypted }, e);
    throw new XlsxProblem('not-zip', {}, e);
  }
  return {
    find: (part) => entries.get(partKey(part))?.fileName,
    read: (part) => {
      const entry = entries.get(partKey(part));
      if (!entry) throw new XlsxProblem('missing-part', { part });
      return inflate(zip, entry, limits);
    },
    close: () => zip.close(),
  };
}

function ioCode(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** The central directory's sizes are binding (inflate stops a part that goes past them), so a part can be refused before any inflating. */
function checkDeclared(entry: Entry, limits: ReadLimits): void {
  const part = entry.fileName;
  if (entry.uncompressedSize > limits.maxPartBytes) throw new XlsxProblem('too-large', { part, limit: limits.maxPartBytes });
  if (entry.uncompressedSize > RATIO_GRACE_BYTES && entry.uncompressedSize > MAX_RATIO * entry.compressedSize) {
    throw new XlsxProblem('ratio', { part, found: String(Math.floor(entry.uncompressedSize / Math.max(1, entry.compressedSize))) });
  }
  if (entry.isEncrypted()) throw new XlsxProblem('encrypted-entry', { part });
  if (!entry.canDecodeFileData()) throw new XlsxProblem('unsupported-method', { part, found: String(entry.compressionMethod) });
}

/** Counts the bytes as they come: the declared sizes are checked again against what the data does. */
function checkInflated(bytes: number, entry: Entry, limits: ReadLimits): void {
  const part = entry.fileName;
  if (bytes > limits.maxPartBytes) throw new XlsxProblem('too-large', { part, limit: limits.maxPartBytes });
  if (bytes > RATIO_GRACE_BYTES && bytes > MAX_RATIO * entry.compressedSize) {
    throw new XlsxProblem('ratio', { part, found: String(Math.floor(bytes / Math.max(1, entry.compressedSize))) });
  }
}

/**
 * The entry's data as stored (yauzl, from the central directory's offset), inflated here in 64 KB
 * pieces: four times fewer than yauzl's own inflater hands out, and the sizes are checked as the
 * bytes come rather than trusted.
 */
async function openInflated(zip: ZipFile, entry: Entry): Promise<Readable> {
  let raw: Readable;
  try {
    raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
  } catch (e) {
    throw new XlsxProblem('bad-entry', { part: entry.fileName }, e);
  }
  if (entry.compressionMethod === 0) return raw;
  const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
  raw.on('error', (e) => inflater.destroy(e));
  return raw.pipe(inflater);
}

async function* inflate(zip: ZipFile, entry: Entry, limits: ReadLimits): AsyncGenerator<Buffer> {
  checkDeclared(entry, limits);
  const stream = await openInflated(zip, entry);
  let bytes = 0;
  // zlib.crc32 came with Node 20.15; on older 20s the sizes are all that is checked.
  const crc32 = typeof zlib.crc32 === 'function' ? zlib.crc32 : undefined;
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      checkInflated(bytes, entry, limits);
      countInput(chunk.length);
      if (bytes > entry.uncompressedSize) throw new Error('more bytes than the central directory records');
      if (crc32) crc = crc32(chunk, crc);
      yield chunk;
    }
    if (bytes !== entry.uncompressedSize) throw new Error('fewer bytes than the central directory records');
    // A damaged part that still inflates would otherwise be read with wrong digits in it.
    if (crc32 && crc >>> 0 !== entry.crc32 >>> 0) throw new Error('CRC-32 does not match the central directory');
  } catch (e) {
    throw e instanceof XlsxProblem ? e : new XlsxProblem('bad-entry', { part: entry.fileName }, e);
  } finally {
    stream.destroy();
  }
}
