/**
 * A streaming XML 1.0 scanner for the parts of a workbook: elements, attributes, text, CDATA,
 * comments and processing instructions, with the well-formedness checks a reader needs (one
 * root, tags that match, nothing but white space outside the root, quoted attributes, known
 * character references, no characters XML forbids). DOCTYPE is refused: OOXML forbids it, and
 * it is how entity-expansion bombs get in. Names are not checked character by character.
 *
 * It works on the decoded text with indexOf and charCodeAt and allocates nothing per element
 * but the name and attribute strings: a province's sheet has millions of cells, and a general
 * parser (saxes, with namespaces) spent about twice as long on them, much of it building objects.
 */

/** Receives the document as the scanner meets it; attributes are read from `attrs` during `open`. */
export interface ScanHandler {
  open(name: string, attrs: Attributes, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
  /**
   * A plain cell, `<c r="B2" s="1" t="n"><v>2.25</v></c>` or `<c r="B2" s="1"/>`, whole in the text
   * inside the root: taken in one step if the handler will (true), instead of as its five events.
   * It has no other attribute, no reference or line break: read the long way, it would say the same.
   * Its reference comes as numbers (column from 0, row from 1), its style as the number written.
   */
  plainCell?(column: number, row: number, s: number | undefined, t: string | undefined, v: string | undefined): boolean;
}

/**
 * A plain cell as Excel, WPS and LibreOffice write most of a sheet's cells: attributes r, s, t in
 * this order. Matched without capturing (a match's array and its four texts were a quarter of what
 * reading a province allocated); its parts are then read off at their known places.
 */
const PLAIN_CELL = /<c r="[A-Z]{1,3}[0-9]{1,7}"(?: s="[0-9]{1,6}")?(?: t="[a-z]{1,9}")?(?:\/>|><v>[^<&\r\n]{0,400}<\/v><\/c>)/y;
/** Lengths in a plain cell: `<c r="` before the reference, ` s="` or ` t="` before a value, `><v>` and `</v></c>` around the value. */
const PLAIN_LENGTHS = { cellOpening: 6, attributeOpening: 4, valueOpening: 4, valueClosing: 8 } as const;
/** Longer than any plain cell: when this much text follows `<c ` and it is not one, it is read the long way. */
const PLAIN_CELL_MAX = 512;
const C = 99;
const SPACE = 32;

/** The attributes of the tag being opened: names and values in one reused array. */
export class Attributes {
  readonly list: string[] = [];
  count = 0;

  get(name: string): string | undefined {
    const list = this.list;
    for (let i = 0; i < this.count * 2; i += 2) if (list[i] === name) return list[i + 1];
    return undefined;
  }

  add(name: string, value: string): void {
    if (this.get(name) !== undefined) throw new XmlSyntaxError(`duplicate attribute: ${name}`);
    this.list[this.count * 2] = name;
    this.list[this.count * 2 + 1] = value;
    this.count++;
  }
}

export class XmlSyntaxError extends Error {}

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const QUOTE = 34;
const APOS = 39;
const AMP = 38;
const LOWER_S = 115;
const LOWER_T = 116;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Characters XML 1.0 does not allow anywhere (Excel writes them as _xHHHH_ escapes instead). */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/** Characters that end a name: white space, / > = < quotes and &. */
const NAME_END = new Uint8Array(128);
for (const c of ' \t\r\n/>=<"\'&') NAME_END[c.charCodeAt(0)] = 1;

function endsName(c: number): boolean {
  return c < 128 && NAME_END[c] === 1;
}

/** No start tag an office writes comes near this; one that does is not waited for chunk after chunk. */
const MAX_TAG = 1024 * 1024;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its references (&lt; &#20013; &#x4E2D;) replaced; an unknown one is not XML. */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&<\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlSyntaxError(`unterminated reference: ${whole}`);
    const named = ENTITIES[ref];
    if (named !== undefined && Object.hasOwn(ENTITIES, ref)) return named;
    const code = /^#x[0-9A-Fa-f]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
    if (!(code === 9 || code === 10 || code === 13 || (code >= 32 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff))) {
      throw new XmlSyntaxError(`undefined entity: ${whole}`);
    }
    return String.fromCodePoint(code);
  });
}

/** Attribute values: references decoded, then tabs and line breaks read as spaces (XML 1.0 §3.3.3). */
function attributeValue(s: string, from: number, to: number): string {
  let plain = true;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LT) throw new XmlSyntaxError('< in attribute value');
    if (c === AMP || c === 9 || c === 10 || c === 13) plain = false;
  }
  const raw = s.slice(from, to);
  return plain ? raw : decodeReferences(raw.replace(/[\t\n\r]/g, ' '));
}

export class XmlScanner {
  private carry = '';
  private pending = '';
  private readonly open: string[] = [];
  private sawRoot = false;
  private started = false;
  /** Line breaks in the text consumed so far, for the line of an error. */
  private lines = 1;
  private readonly attrs = new Attributes();
  /** Off while the text kept at the end is read at close: there, only the long way says what is wrong. */
  private plainCells = true;

  constructor(private readonly handler: ScanHandler) {}

  /** The line the scanner has reached (1-based). */
  get line(): number {
    return this.lines;
  }

  write(chunk: string): void {
    // One search per chunk rather than one per text: the line is then the chunk's, which is enough to find it.
    if (FORBIDDEN.test(chunk)) throw new XmlSyntaxError('disallowed character');
    const s = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    let i = 0;
    try {
      while (i < s.length) {
        const lt = s.indexOf('<', i);
        if (lt < 0) {
          this.pending += s.slice(i);
          i = s.length;
          break;
        }
        if (lt > i) this.pending = this.pending === '' ? s.slice(i, lt) : this.pending + s.slice(i, lt);
        i = lt;
        const end = this.markup(s, lt);
        if (end < 0) break;
        i = end;
      }
    } finally {
      this.lines += countLines(s, i);
    }
    if (i < s.length) this.keep(s.slice(i));
  }

  /** Markup cut by the end of a chunk waits for the next; a start tag longer than any office writes is refused. */
  private keep(rest: string): void {
    if (rest.length > MAX_TAG && rest.charCodeAt(1) !== BANG) throw new XmlSyntaxError('tag too long');
    this.carry = rest;
  }

  close(): void {
    if (this.carry !== '' && this.handler.plainCell) {
      // A plain cell waited here for its end, which never came: the rest is read the long way.
      this.plainCells = false;
      this.write('');
    }
    if (this.carry !== '') throw new XmlSyntaxError('unexpected end of document inside a tag');
    this.flushText();
    if (!this.sawRoot) throw new XmlSyntaxError('document must contain a root element');
    if (this.open.length > 0) throw new XmlSyntaxError(`unclosed tag: ${this.open[this.open.length - 1]}`);
  }

  /** Handles the markup at `lt`; returns where the next text starts, or -1 when the markup is not complete yet. */
  private markup(s: string, lt: number): number {
    const next = s.charCodeAt(lt + 1);
    if (Number.isNaN(next)) return -1;
    if (next !== QUESTION) this.started = true;
    if (next === SLASH) return this.endTag(s, lt);
    if (next === BANG) return this.declaration(s, lt);
    if (next === QUESTION) return this.instruction(s, lt);
    if (next === C && lt + 2 < s.length && s.charCodeAt(lt + 2) === SPACE && this.plainCells && this.handler.plainCell) {
      const end = this.plainCell(s, lt);
      if (end !== 0) return end;
    }
    return this.startTag(s, lt);
  }

  /** A plain cell at `lt`, taken whole: its end, 0 when it is not one (or not taken), -1 when it may be one cut by the chunk's end. */
  private plainCell(s: string, lt: number): number {
    if (this.open.length === 0) return 0;
    PLAIN_CELL.lastIndex = lt;
    if (!PLAIN_CELL.test(s)) return s.length - lt < PLAIN_CELL_MAX ? -1 : 0;
    const end = PLAIN_CELL.lastIndex;
    // What the expression matched: letters A–Z, digits, then each attribute's opening and value.
    let i = lt + PLAIN_LENGTHS.cellOpening;
    let column = 0;
    for (let c = s.charCodeAt(i); c >= 65; c = s.charCodeAt(++i)) column = column * 26 + (c - 64);
    let row = 0;
    for (let c = s.charCodeAt(i); c !== QUOTE; c = s.charCodeAt(++i)) row = row * 10 + (c - 48);
    // Row 0 (A0) is no reference: the long way refuses it, naming it.
    if (row === 0) return 0;
    i++;
    let style: number | undefined;
    if (s.charCodeAt(i + 1) === LOWER_S) {
      style = 0;
      for (let c = s.charCodeAt((i += PLAIN_LENGTHS.attributeOpening)); c !== QUOTE; c = s.charCodeAt(++i)) style = style * 10 + (c - 48);
      i++;
    }
    let type: string | undefined;
    if (s.charCodeAt(i + 1) === LOWER_T) {
      const quote = s.indexOf('"', i + PLAIN_LENGTHS.attributeOpening);
      type = s.slice(i + PLAIN_LENGTHS.attributeOpening, quote);
      i = quote + 1;
    }
    const value = s.charCodeAt(i) === SLASH ? undefined : s.slice(i + PLAIN_LENGTHS.valueOpening, end - PLAIN_LENGTHS.valueClosing);
    this.flushText();
    return this.handler.plainCell!(column - 1, row, style, type, value) ? end : 0;
  }

  private flushText(): void {
    const text = this.pending;
    if (text === '') return;
    this.pending = '';
    if (this.open.length === 0) {
      if (text.trim() !== '') throw new XmlSyntaxError(this.sawRoot ? 'text data outside of root node' : 'text data before root node');
      return;
    }
    this.handler.text(decodeReferences(text));
  }

  private endTag(s: string, lt: number): number {
    const top = this.open[this.open.length - 1];
    // The usual case, compared in place: the name of the element open last, then '>'.
    if (top !== undefined && s.startsWith(top, lt + 2)) {
      let j = lt + 2 + top.length;
      while (isSpace(s.charCodeAt(j))) j++;
      if (j >= s.length) return -1;
      if (s.charCodeAt(j) === GT) {
        this.flushText();
        this.open.pop();
        this.handler.close(top);
        return j + 1;
      }
    }
    const gt = s.indexOf('>', lt);
    if (gt < 0) return -1;
    const name = s.slice(lt + 2, gt).trimEnd();
    throw new XmlSyntaxError(top === undefined ? `unexpected close tag: ${name}` : `unexpected close tag: ${name} (expected ${top})`);
  }

  /** Comments, CDATA sections; a DOCTYPE is refused. */
  private declaration(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      if (end < 0) return -1;
      if (s.slice(lt + 4, end).includes('--')) throw new XmlSyntaxError('-- in comment');
      return end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.open.length === 0) throw new XmlSyntaxError('CDATA outside of root node');
      this.flushText();
      this.handler.text(s.slice(lt + 9, end));
      return end + 3;
    }
    if (s.length - lt < 9) return -1;
    throw new XmlSyntaxError(s.startsWith('<!DOCTYPE', lt) ? 'DOCTYPE is not allowed' : 'invalid markup after <!');
  }

  private instruction(s: string, lt: number): number {
    const end = s.indexOf('?>', lt + 2);
    if (end < 0) return -1;
    const target = /^[^\s?]*/.exec(s.slice(lt + 2, end))![0];
    if (target.toLowerCase() === 'xml' && (this.started || this.pending !== '')) throw new XmlSyntaxError('XML declaration not at the start');
    this.started = true;
    return end + 2;
  }

  private startTag(s: string, lt: number): number {
    const len = s.length;
    let j = lt + 1;
    while (j < len && !endsName(s.charCodeAt(j))) j++;
    if (j >= len) return -1;
    if (j === lt + 1) throw new XmlSyntaxError('missing tag name');
    const name = s.slice(lt + 1, j);
    const end = this.attributes(s, j);
    if (end < 0) return -1;
    this.flushText();
    if (this.open.length === 0 && this.sawRoot) throw new XmlSyntaxError('documents may contain only one root');
    this.sawRoot = true;
    const selfClosing = s.charCodeAt(end - 2) === SLASH;
    if (!selfClosing) this.open.push(name);
    this.handler.open(name, this.attrs, selfClosing);
    if (selfClosing) this.handler.close(name);
    return end;
  }

  /**
   * The attributes from `j` (just after the name) to the tag's end, read in one pass; returns the
   * index after '>' or '/>', or -1 when the tag goes on past the chunk (it is read again whole).
   */
  private attributes(s: string, from: number): number {
    const attrs = this.attrs;
    const len = s.length;
    attrs.count = 0;
    let j = from;
    for (;;) {
      const before = j;
      while (isSpace(s.charCodeAt(j))) j++;
      if (j >= len) return -1;
      const c = s.charCodeAt(j);
      if (c === GT) return j + 1;
      if (c === SLASH) {
        if (j + 1 >= len) return -1;
        if (s.charCodeAt(j + 1) !== GT) throw new XmlSyntaxError('/ inside a tag');
        return j + 2;
      }
      if (j === before) throw new XmlSyntaxError(before === from ? 'disallowed character in tag name' : 'no white space between attributes');
      j = this.attribute(s, j);
      if (j < 0) return -1;
    }
  }

  /** One name="value" (or name='value') at `j`; returns the index after the closing quote, or -1 at the chunk's end. */
  private attribute(s: string, from: number): number {
    const len = s.length;
    let j = from;
    while (j < len && !endsName(s.charCodeAt(j))) j++;
    if (j >= len) return -1;
    const name = s.slice(from, j);
    while (isSpace(s.charCodeAt(j))) j++;
    if (j >= len) return -1;
    if (name === '' || s.charCodeAt(j) !== EQUALS) throw new XmlSyntaxError('attribute without value');
    j++;
    while (isSpace(s.charCodeAt(j))) j++;
    if (j >= len) return -1;
    const quote = s.charCodeAt(j);
    if (quote !== QUOTE && quote !== APOS) throw new XmlSyntaxError('unquoted attribute value');
    const close = s.indexOf(quote === QUOTE ? '"' : "'", j + 1);
    if (close < 0) return -1;
    this.attrs.add(name, attributeValue(s, j + 1, close));
    return close + 1;
  }
}

function countLines(s: string, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
