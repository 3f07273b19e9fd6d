import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { XmlScanner, XmlSyntaxError } from '../../src/io/xml-scanner.js';
import { SAMPLES } from '../support/cli.js';

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** Adjacent texts joined: where a parser splits a text is its own business. */
function push(events: Event[], e: Event): void {
  const last = events[events.length - 1];
  if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
  else events.push(e);
}

function scan(chunks: string[]): Event[] {
  const events: Event[] = [];
  const scanner = new XmlScanner({
    open: (name, attrs) => push(events, ['open', name, Object.fromEntries(Array.from({ length: attrs.count }, (_, i) => [attrs.list[2 * i]!, attrs.list[2 * i + 1]!]))]),
    close: (name) => push(events, ['close', name]),
    text: (t) => push(events, ['text', t]),
  });
  chunks.forEach((c) => scanner.write(c));
  scanner.close();
  return events;
}

/** The same document read by saxes (development dependency), as the reference. */
function saxes(xml: string): Event[] {
  const events: Event[] = [];
  const parser = new SaxesParser();
  let depth = 0;
  parser.on('opentag', (tag) => {
    depth++;
    push(events, ['open', tag.name, { ...tag.attributes } as Record<string, string>]);
  });
  parser.on('closetag', (tag) => {
    depth--;
    push(events, ['close', tag.name]);
  });
  const text = (t: string): void => {
    if (depth > 0) push(events, ['text', t]);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.write(xml).close();
  return events;
}

const pieces = (xml: string, size: number): string[] => Array.from({ length: Math.ceil(xml.length / size) }, (_, i) => xml.slice(i * size, (i + 1) * size));

describe('XmlScanner', () => {
  const doc = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- 注释 --><a xmlns="urn:x" k='v "q"' t="1&amp;2&#x4E2D;&#20013;&#9;x\ny"><b/><c>甲&lt;乙&gt;<![CDATA[<&>]]></c><?pi x?><d e = "f" >text</d ></a>\n`;

  it('reads elements, attributes, references, CDATA; skips comments and instructions', () => {
    expect(scan([doc])).toEqual([
      ['open', 'a', { xmlns: 'urn:x', k: 'v "q"', t: '1&2中中\tx y' }],
      ['open', 'b', {}], ['close', 'b'],
      ['open', 'c', {}], ['text', '甲<乙><&>'], ['close', 'c'],
      ['open', 'd', { e: 'f' }], ['text', 'text'], ['close', 'd'],
      ['close', 'a'],
    ]);
  });

  // Chunks end anywhere: inside a name, an attribute, a reference, a CDATA section, a comment.
  it('gives the same events however the text is cut into chunks', () => {
    const whole = scan([doc]);
    for (const size of [1, 2, 3, 5, 7, 13]) expect(scan(pieces(doc, size))).toEqual(whole);
  });

  it('agrees with saxes on every XML part of every sample, in chunks of any size', async () => {
    const files = [...readdirSync(SAMPLES).map((s) => path.join(SAMPLES, s, 'annual.xlsx'))];
    for (const file of files) {
      const zip = await JSZip.loadAsync(readFileSync(file));
      for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
        const xml = await zip.file(name)!.async('string');
        const want = saxes(xml);
        expect([name, scan([xml])]).toEqual([name, want]);
        expect([name, scan(pieces(xml, 97))]).toEqual([name, want]);
      }
    }
  });

  it.each([
    ['text outside the root', '<a/>x', /outside of root/],
    ['text before the root', 'x<a/>', /before root/],
    ['an unclosed tag', '<a><b></a>', /unexpected close tag/],
    ['a tag never closed', '<a><b>', /unclosed tag: b/],
    ['two roots', '<a/><b/>', /only one root/],
    ['no root', '<?xml version="1.0"?>', /root element/],
    ['a DOCTYPE (entity expansion)', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /DOCTYPE/],
    ['an undefined entity', '<a>&nbsp;</a>', /undefined entity/],
    ['a bare ampersand', '<a>A & B</a>', /unterminated reference/],
    ['< in an attribute', '<a b="<"/>', /< in attribute value/],
    ['an unquoted attribute', '<a b=1/>', /unquoted/],
    ['a duplicate attribute', '<a b="1" b="2"/>', /duplicate attribute/],
    ['attributes without space', '<a b="1"c="2"/>', /no white space/],
    ['a control character', '<a>\u0001</a>', /disallowed character/],
    ['a declaration not at the start', '<a/><?xml version="1.0"?>', /XML declaration/],
    ['a cut document', '<a><b x="1', /unexpected end/],
  ])('refuses %s', (_, xml, message) => {
    expect(() => scan([xml])).toThrow(XmlSyntaxError);
    expect(() => scan([xml])).toThrow(message);
    // saxes, the reference, refuses each of them too.
    expect(() => saxes(xml)).toThrow();
  });

  it('counts lines to the error', () => {
    const scanner = new XmlScanner({ open() {}, close() {}, text() {} });
    expect(() => {
      scanner.write('<a>\n<b>\n</c>');
    }).toThrow(XmlSyntaxError);
    expect(scanner.line).toBe(3);
  });
});
