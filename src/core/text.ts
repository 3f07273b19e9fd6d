/** Display width of a text in a terminal or a spreadsheet column: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  // By UTF-16 unit, without a string per character (a province's sheets measure millions of cells);
  // a character beyond the BMP (a surrogate pair) is one narrow character.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      w += 1;
    } else w += isWide(c) ? 2 : 1;
  }
  return w;
}

/** CJK, Hangul and full-width forms: two columns of a fixed-width line. */
function isWide(c: number): boolean {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff)
    || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
}

/**
 * A name as it goes into plain text a clerk may paste into a spreadsheet: one starting with = + - @
 * would be read as a formula there (CSV/formula injection), so it gets a leading apostrophe, which
 * Excel and WPS treat as "this is text".
 */
export function neutralise(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/**
 * A table entry by a clerk's text. Never `table[text]`: "__proto__", "constructor" or "toString"
 * typed in a cell would find Object.prototype's members instead of nothing.
 */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * A unit, indicator or label name as it should compare: control characters made visible as the
 * readers show them (so a name typed on the command line finds the one read from a sheet),
 * full-width letters and digits folded (NFKC), and every space removed, full-width U+3000
 * included — "中  行" is "中行" (001).
 */
export function normalizeName(text: string): string {
  if (PLAIN_NAME.test(text)) return text;
  return visibleControls(text.normalize('NFKC').replace(/[\s\u3000]+/g, ''));
}

/**
 * A name of CJK unified ideographs and visible ASCII only (most unit names: 城关镇, 县财政局, A1) is
 * already what NFKC makes it, with no space and no control character: returned as it is, without
 * normalising (a province's names are normalised hundreds of thousands of times).
 */
const PLAIN_NAME = /^[\u4e00-\u9fff!-~]*$/;

/**
 * Characters that make a terminal or a viewer show something other than the text: C0 controls but
 * tab and line feed (ESC starts colour codes and cursor moves, CR overwrites the line), DEL, C1
 * controls (0x9B is a one-byte ESC [) and the bidirectional overrides that reorder what is shown.
 */
export const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const CONTROLS_ALL = new RegExp(CONTROLS.source, 'g');

/**
 * A text with its control characters made visible: ESC as ␛ (the Unicode control pictures), C1
 * and bidi controls as <U+009B>. A line break from Windows (CR LF) is a plain line break.
 * Idempotent and cheap on ordinary text, so every boundary and printer can apply it.
 */
export function visibleControls(text: string): string {
  if (!CONTROLS.test(text)) return text;
  return text.replace(/\r\n/g, '\n').replace(CONTROLS_ALL, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}
