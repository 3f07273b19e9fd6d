import { Attributes, XmlScanner } from './xml-scanner.js';
import { XlsxProblem } from './xlsx-problem.js';

/**
 * Namespaces by URI, never by prefix: `<x:worksheet xmlns:x="…">` (腾讯文档, .NET's Open XML SDK)
 * is the same element as `<worksheet xmlns="…">`. Transitional and strict OOXML name the same
 * things with different URIs; both map to one short name here.
 */
const NAMESPACES = new Map<string, string>([
  ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'main'],
  ['http://purl.oclc.org/ooxml/spreadsheetml/main', 'main'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'rel'],
  ['http://purl.oclc.org/ooxml/officeDocument/relationships', 'rel'],
  ['http://schemas.openxmlformats.org/package/2006/relationships', 'pkg'],
  ['http://schemas.openxmlformats.org/markup-compatibility/2006', 'mc'],
]);

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** What an mc:Choice may require for us to take it: the namespaces this reader understands. */
const UNDERSTOOD = new Set(['main', 'rel']);

/** Elements of other namespaces (x14 extensions, drawings) are skipped with all they contain, as mc:Ignorable asks. */
const READ = new Set(['main', 'rel', 'pkg']);

/**
 * No cell Excel writes holds more than 32,767 characters; a run of text or of one tag 500 times
 * that is not a workbook, and would otherwise be gathered whole in memory by the parser.
 */
export const MAX_TEXT_RUN = 16 * 1024 * 1024;

/** The element being opened, as a part's reader sees it. */
export interface XmlElement {
  /** An attribute without a prefix: SpreadsheetML's own attributes are unqualified, whatever the element's prefix. */
  attr(name: string): string | undefined;
  /** r:id, by the relationships namespace URI, under whatever prefix (r:id, ns:id, d2p1:id). */
  relId(): string | undefined;
}

/** What a part's reader does with its elements; `ns` is a short name above or the URI itself. */
export interface XmlHandler {
  /** The root element, before anything is skipped: a part whose root is not what it should be is not that part. */
  root?(ns: string, local: string): void;
  open(ns: string, local: string, element: XmlElement): void;
  text?(text: string): void;
  close(ns: string, local: string): void;
  /**
   * A plain SpreadsheetML cell (`c` with no attribute but r, s and t, and at most a `v` of plain
   * text), if the handler takes it in one step: what open, text and close would have done with it.
   */
  plainCell?(column: number, row: number, s: number | undefined, t: string | undefined, v: string | undefined): boolean;
}

export function nsOf(uri: string): string {
  return NAMESPACES.get(uri) ?? uri;
}

/**
 * Namespace scopes (Namespaces in XML 1.0): each element's xmlns declarations hold for it and
 * what it contains; an element or attribute prefix nobody declared is not well-formed.
 */
class Namespaces {
  private scope = new Map<string, string>([['xml', XML_NS]]);
  private readonly saved: (Map<string, string> | undefined)[] = [];
  /** The short names of the scope's prefixes, made when the scope changes (rarely: on the root, mostly). */
  private short = new Map<string, string>();
  private defaultNs = '';

  enter(attrs: Attributes): void {
    let next: Map<string, string> | undefined;
    let prefixed = false;
    const { list, count } = attrs;
    for (let i = 0; i < count * 2; i += 2) {
      const key = list[i]!;
      const colon = key.indexOf(':');
      if (key === 'xmlns') (next ??= new Map(this.scope)).set('', list[i + 1]!);
      else if (colon === 5 && key.startsWith('xmlns')) (next ??= new Map(this.scope)).set(key.slice(6), list[i + 1]!);
      else if (colon > 0) prefixed = true;
    }
    this.saved.push(next === undefined ? undefined : this.scope);
    if (next !== undefined) this.use(next);
    if (prefixed) for (let i = 0; i < count * 2; i += 2) this.check(list[i]!);
  }

  leave(): void {
    const previous = this.saved.pop();
    if (previous !== undefined) this.use(previous);
  }

  private use(scope: Map<string, string>): void {
    this.scope = scope;
    this.short = new Map([...scope].map(([prefix, uri]) => [prefix, nsOf(uri)]));
    this.defaultNs = this.short.get('') ?? '';
  }

  resolve(prefix: string): string | undefined {
    return this.scope.get(prefix);
  }

  /** The namespace (short name) of an element's qualified name, refusing an undeclared prefix as the XML standard does. */
  nsOfName(name: string): string {
    const colon = name.indexOf(':');
    if (colon < 0) return this.defaultNs;
    return this.short.get(name.slice(0, colon)) ?? unbound(name);
  }

  private check(key: string): void {
    const colon = key.indexOf(':');
    if (colon > 0 && !key.startsWith('xmlns:') && this.resolve(key.slice(0, colon)) === undefined) unbound(key);
  }
}

/** A root check for XmlHandler.root: the part's root must be one of `locals` in namespace `ns`. */
export function rootIs(ns: string, ...locals: string[]): (found: string, local: string) => void {
  return (foundNs, local) => {
    if (foundNs !== ns || !locals.includes(local)) throw new Error(`wrong root element: ${local} (${foundNs || 'no namespace'})`);
  };
}

function unbound(name: string): never {
  throw new Error(`unbound namespace prefix: ${name}`);
}

function localOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** One view of the element being opened, reused for every element (no object per cell). */
class ElementView implements XmlElement {
  attrs = new Attributes();
  constructor(private readonly ns: Namespaces) {}

  attr(name: string): string | undefined {
    return this.attrs.get(name);
  }

  relId(): string | undefined {
    const { list, count } = this.attrs;
    for (let i = 0; i < count * 2; i += 2) {
      const key = list[i]!;
      const colon = key.indexOf(':');
      if (colon > 0 && key.slice(colon + 1) === 'id' && nsOf(this.ns.resolve(key.slice(0, colon)) ?? '') === 'rel') return list[i + 1];
    }
    return undefined;
  }
}

/**
 * Markup compatibility (ECMA-376 part 3): of an mc:AlternateContent, the first mc:Choice whose
 * required namespaces we understand is read, else the mc:Fallback; the other branches are skipped.
 */
class Compatibility {
  private skip = 0;
  private readonly chosen: boolean[] = [];

  /** Whether the element is passed on to the part's reader. */
  open(ns: string, local: string, element: XmlElement, namespaces: Namespaces): boolean {
    if (this.skip > 0) return (this.skip++, false);
    if (ns !== 'mc') {
      if (READ.has(ns)) return true;
      this.skip = 1;
      return false;
    }
    if (local === 'AlternateContent') this.chosen.push(false);
    else if ((local === 'Choice' || local === 'Fallback') && this.chosen.length > 0) {
      const requires = (element.attr('Requires') ?? '').split(/\s+/).filter(Boolean);
      const canRead = requires.length > 0 && requires.every((p) => UNDERSTOOD.has(nsOf(namespaces.resolve(p) ?? '')));
      const take = !this.chosen[this.chosen.length - 1] && (local === 'Fallback' || canRead);
      if (take) this.chosen[this.chosen.length - 1] = true;
      else this.skip = 1;
    }
    return false;
  }

  close(ns: string, local: string): boolean {
    if (this.skip > 0) return (this.skip--, false);
    if (ns !== 'mc') return true;
    if (local === 'AlternateContent') this.chosen.pop();
    return false;
  }

  get skipping(): boolean {
    return this.skip > 0;
  }
}

function scannerFor(handler: XmlHandler): XmlScanner {
  const namespaces = new Namespaces();
  const view = new ElementView(namespaces);
  const compat = new Compatibility();
  const onText = handler.text?.bind(handler);
  let first = true;
  return new XmlScanner({
    open(name, attrs) {
      namespaces.enter(attrs);
      view.attrs = attrs;
      const ns = namespaces.nsOfName(name);
      const local = localOf(name);
      if (first) {
        first = false;
        handler.root?.(ns, local);
      }
      if (compat.open(ns, local, view, namespaces)) handler.open(ns, local, view);
    },
    close(name) {
      const ns = namespaces.nsOfName(name);
      namespaces.leave();
      const local = localOf(name);
      if (compat.close(ns, local)) handler.close(ns, local);
    },
    text(t) {
      if (onText && !compat.skipping) onText(t);
    },
    // Only where the long way would hand the part's reader a SpreadsheetML `c`: nothing skipped, `c` in that namespace.
    ...(handler.plainCell ? { plainCell: (column: number, row: number, s: number | undefined, t: string | undefined, v: string | undefined) => !compat.skipping && namespaces.nsOfName('c') === 'main' && handler.plainCell!(column, row, s, t, v) } : {}),
  });
}

/** Parses a part's text with the handler; a document that is not well-formed XML is refused with its line. */
export async function parseXml(chunks: AsyncIterable<string>, part: string, handler: XmlHandler): Promise<void> {
  const scanner = scannerFor(handler);
  let run = 0;
  for await (const chunk of chunks) {
    // '<' cannot appear in text or attribute values (only in CDATA and comments), so it ends a run.
    const markup = chunk.lastIndexOf('<');
    run = markup < 0 ? run + chunk.length : chunk.length - markup - 1;
    if (run > MAX_TEXT_RUN) throw new XlsxProblem('text-run', { part, limit: MAX_TEXT_RUN });
    write(scanner, chunk, part);
  }
  write(scanner, null, part);
}

function write(scanner: XmlScanner, chunk: string | null, part: string): void {
  try {
    if (chunk === null) scanner.close();
    else scanner.write(chunk);
  } catch (e) {
    // A reader's own refusal (a bad cell) comes through the scanner's callbacks as is; the rest is the XML's.
    if (e instanceof XlsxProblem) throw e;
    throw new XlsxProblem('bad-xml', { part, line: scanner.line, found: (e as Error).message }, e);
  }
}
