import { iconv } from './iconv.js';

/** How a text file's bytes were read. */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

/**
 * UTF-16 without a BOM (some editors' 「Unicode」): every ASCII character has a zero byte beside
 * it, on the odd bytes for little-endian, the even ones for big-endian. A scheme or template
 * always has ASCII in it (keys, placeholders), so its first bytes tell.
 */
function bomlessUtf16(bytes: Buffer): TextEncoding | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs / 4 && even === 0) return 'utf16le';
  if (even > pairs / 4 && odd === 0) return 'utf16be';
  return undefined;
}

/**
 * The text of a file a clerk saved: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without
 * one by its zero bytes), else GB18030, a superset of the GBK that Chinese Windows saves as
 * 「ANSI」. `readable` is false when even GB18030 finds bytes it cannot read: the file is in
 * another encoding, and the caller says which to save it in.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding; readable: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf8', readable: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv().decode(bytes.subarray(2), 'utf16le'), encoding: 'utf16le', readable: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv().decode(bytes.subarray(2), 'utf16be'), encoding: 'utf16be', readable: true };
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { text: iconv().decode(bytes, utf16), encoding: utf16, readable: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf8', readable: true };
  } catch {
    const text = iconv().decode(bytes, 'gb18030');
    return { text, encoding: 'gb18030', readable: !text.includes('\uFFFD') };
  }
}
