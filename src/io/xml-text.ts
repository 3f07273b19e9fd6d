import { CONTROLS } from '../core/text.js';
/**
 * Text into XML as SpreadsheetML reads it back: markup characters escaped, characters XML 1.0
 * cannot carry (control characters, lone surrogates) written as Excel's `_xHHHH_`, and a literal
 * `_xHHHH_` in the text protected as `_x005F_xHHHH_` so that no reader turns it into a character.
 */
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Any character INVALID could match (a surrogate may be half of a valid pair). */
const MAYBE_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

function hex(ch: string): string {
  return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** What any of the steps below would change: most texts have none of it and are looked at once. */
const SPECIAL = /_x|[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** A cell's or shared string's text, as the content of <t>. */
export function xmlText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  let s = text;
  if (s.includes('_x')) s = s.replace(/_x(?=[0-9A-Fa-f]{4}_)/g, '_x005F_x');
  // The search with look-arounds only for a text that has a control character or a surrogate at all.
  if (MAYBE_INVALID.test(s)) s = s.replace(INVALID, hex);
  if (/[&<>]/.test(s)) s = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return s;
}

/** An attribute's value (a prompt, a sheet name, a format), in double quotes. */
export function xmlAttr(text: string): string {
  return text.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Plain element content that is not cell text (headers and footers, formulas, defined names). */
export function xmlEscape(text: string): string {
  return text.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A text that every step above leaves as it is: nothing xmlText changes (SPECIAL), nothing
 * visibleControls shows (CONTROLS), and no line break (which needsPreserve looks for). Tested in
 * one pass where the steps take one each (a province's 记录 writes 80 MB of such text).
 */
const UNCHANGED = new RegExp(`${SPECIAL.source}|${CONTROLS.source}|\\n`);

/** Whether visibleControls and xmlText leave the text as it is (it has no line break then, either). */
export function unchangedInXml(text: string): boolean {
  return !UNCHANGED.test(text);
}

/** Spaces at either end, kept only when `<t>` is told to (a text with no line break). */
export function spaceAtEnds(text: string): boolean {
  return text !== '' && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)));
}

/** `<t>` keeps spaces at its ends and line breaks only when told to. */
export function needsPreserve(text: string): boolean {
  // Its ends looked at, and a search for a line break (a regular expression tried \s$ at every place).
  return text !== '' && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) || text.includes('\n'));
}

/** What \s matches (JavaScript's white space and line terminators). */
const SPACE = /\s/;
function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code > 0x7f && SPACE.test(String.fromCharCode(code)));
}
