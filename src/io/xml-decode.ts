import { iconv } from './iconv.js';
import { XlsxProblem } from './xlsx-problem.js';

/** How many bytes are looked at for a byte order mark and the XML declaration. */
const HEAD_BYTES = 512;

/**
 * The encoding of an XML part (XML 1.0 appendix F): a byte order mark first, then the pattern of
 * `<?` in UTF-16 without one, then the declaration's `encoding="…"`, else UTF-8. Excel writes
 * UTF-8; .NET and some exporters write UTF-16 with a BOM; old Chinese tools name GBK.
 */
export function sniffEncoding(head: Buffer): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return 'utf16le';
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return 'utf16be';
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head.toString('latin1'))?.[1];
  if (declared === undefined) return 'utf8';
  const name = declared.toLowerCase().replace(/[^a-z0-9]/g, '');
  // The bytes read as ASCII here, so a declared UTF-16 can only be a declaration that was not updated.
  if (name === 'utf8' || name === 'utf16') return 'utf8';
  return declared;
}

interface TextDecoderLike {
  write(bytes: Buffer): string;
  end(): string;
}

function decoderFor(encoding: string, part: string): TextDecoderLike {
  if (encoding === 'utf8') {
    // fatal: bytes that are not UTF-8 are a damaged part, never silently "�" in a unit's name.
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    return {
      write: (bytes) => utf8.decode(bytes, { stream: true }),
      end: () => utf8.decode(),
    };
  }
  if (!iconv().encodingExists(encoding)) throw new XlsxProblem('bad-encoding', { part, found: encoding });
  const decoder = iconv().getDecoder(encoding);
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
}

/** The text of an XML part, decoded from the encoding it names, as a stream of strings for the parser. */
export async function* decodeXml(chunks: AsyncIterable<Buffer>, part: string): AsyncGenerator<string> {
  const source = chunks[Symbol.asyncIterator]();
  try {
    const pending: Buffer[] = [];
    let size = 0;
    let next: IteratorResult<Buffer>;
    while (size < HEAD_BYTES && !(next = await source.next()).done) {
      pending.push(next.value);
      size += next.value.length;
    }
    const head = Buffer.concat(pending);
    const decoder = decoderFor(sniffEncoding(head), part);
    yield stripBom(guard(() => decoder.write(head), part));
    if (size >= HEAD_BYTES) {
      for (let n = await source.next(); !n.done; n = await source.next()) yield guard(() => decoder.write(n.value), part);
    }
    yield guard(() => decoder.end(), part);
  } finally {
    await source.return?.();
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function guard(decode: () => string, part: string): string {
  try {
    return decode();
  } catch (e) {
    throw new XlsxProblem('bad-encoding', { part, found: 'UTF-8' }, e);
  }
}
