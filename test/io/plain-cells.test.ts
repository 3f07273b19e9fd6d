import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { readXlsx } from '../../src/io/read-workbook.js';
import { parseXml, type XmlHandler } from '../../src/io/xml-events.js';
import { columnLetter } from '../../src/core/raw-sheet.js';
import { SAMPLES, tempDir } from '../support/cli.js';
import { sheetXml, workbookParts, writeParts } from '../support/xlsx-parts.js';

/**
 * A plain cell (`<c r="B2" s="1"><v>2.25</v></c>`) is handed to a part's reader in one step
 * (XmlHandler.plainCell) instead of as its open, text and close: the reader must learn exactly
 * what the long way tells it, wherever the chunks are cut, in whatever namespace, skipped or not.
 */

type Event = string;

/** A reader that writes down what it is told; with `plain`, it takes plain cells in one step and writes down their long form. */
function recorder(plain: boolean): { handler: XmlHandler; events: Event[]; taken: () => number } {
  const events: Event[] = [];
  let taken = 0;
  const text = (t: string): void => {
    const last = events.length - 1;
    if (last >= 0 && events[last]!.startsWith('text ')) events[last] += t;
    else events.push(`text ${t}`);
  };
  const handler: XmlHandler = {
    open: (ns, local, e) => events.push(`open ${ns} ${local} r=${e.attr('r')} s=${e.attr('s')} t=${e.attr('t')}`),
    text,
    close: (ns, local) => events.push(`close ${ns} ${local}`),
  };
  if (plain) {
    handler.plainCell = (column, row, s, t, v) => {
      taken++;
      events.push(`open main c r=${columnLetter(column)}${row} s=${s} t=${t}`);
      if (v !== undefined) {
        events.push('open main v r=undefined s=undefined t=undefined');
        if (v !== '') text(v);
        events.push('close main v');
      }
      events.push('close main c');
      return true;
    };
  }
  return { handler, events, taken: () => taken };
}

async function read(xml: string, size: number, plain: boolean): Promise<{ events: Event[]; taken: number; error?: string }> {
  const r = recorder(plain);
  async function* chunks(): AsyncGenerator<string> {
    for (let i = 0; i < xml.length; i += size) yield xml.slice(i, i + size);
  }
  try {
    await parseXml(chunks(), 'xl/worksheets/sheet1.xml', r.handler);
    return { events: r.events, taken: r.taken() };
  } catch (e) {
    return { events: r.events, taken: r.taken(), error: `${(e as Error).message} ${JSON.stringify((e as { place?: unknown }).place ?? '')}` };
  }
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const CELLS = [
  '<c r="A1" s="1" t="s"><v>0</v></c>', '<c r="B1"/>', '<c r="C1" s="2"/>', '<c r="D1"><v></v></c>', '<c r="E1" t="e"><v>#N/A</v></c>',
  '<c r="F1"><v>2.25</v></c>', '<c r="G1" t="b"><v>1</v></c>', '<c r="H1" t="str"><v>单位 甲</v></c>',
  // Not plain: each goes the long way, and must still come out the same.
  '<c r="I1" t="str"><v>a&amp;b</v></c>', '<c r="J1"><f>1+1</f><v>2</v></c>', '<c r="K1" t="s" s="1"><v>0</v></c>', '<c r="L1" s="1" ><v>1</v></c>',
  '<c r="M1"><v>1\n</v></c>', '<c  r="N1"><v>1</v></c>', '<c r="O1" t="inlineStr"><is><t>甲</t></is></c>', '<c r="P1" cm="1"><v>3</v></c>',
  '<c r="Q1"><v>4</v></c >', '<c r="R1"><v>5</v> </c>', '<c r="S1" />',
];

function sheet(cells: string[], opening = `<worksheet xmlns="${MAIN}">`, closing = '</worksheet>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${opening}<sheetData><row r="1">${cells.join('')}</row>\n<row r="2">${cells.map((c) => c.replace(/1"/, '2"')).join('\n')}</row></sheetData>${closing}`;
}

describe('plain cells taken in one step', () => {
  const documents: [string, string][] = [
    ['cells of every kind', sheet(CELLS)],
    // Unprefixed c in another namespace: the long way skips it, so must the short one.
    ['a prefixed sheet whose default namespace is another', sheet(CELLS, `<x:worksheet xmlns:x="${MAIN}" xmlns="urn:other">`, '</x:worksheet>').replace(/<(\/?)(sheetData|row)/g, '<$1x:$2')],
    ['cells in an mc:Choice not taken', sheet([`<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14"><c r="A1"><v>9</v></c></mc:Choice><mc:Fallback><c r="A1"><v>8</v></c></mc:Fallback></mc:AlternateContent>`, ...CELLS])],
    ['cells outside any row', `<worksheet xmlns="${MAIN}"><c r="A1"><v>1</v></c><sheetData/></worksheet>`],
  ];

  it.each(documents)('%s: the same events in chunks of any size', async (_, xml) => {
    const want = await read(xml, xml.length, false);
    expect(want.error).toBeUndefined();
    let taken = 0;
    for (const size of [xml.length, 1, 2, 3, 7, 31, 97, 511, 513]) {
      const got = await read(xml, size, true);
      expect([size, got.events, got.error]).toEqual([size, want.events, undefined]);
      taken = Math.max(taken, got.taken);
    }
    // The short way was taken where it may be (the long-way-only documents have none to take in the main namespace).
    if (xml.includes(`<worksheet xmlns="${MAIN}"><sheetData>`)) expect(taken).toBeGreaterThanOrEqual(8);
  });

  it.each([
    ['cut inside a plain cell', sheet(CELLS).slice(0, sheet(CELLS).indexOf('<c r="F2"') + 12)],
    ['cut after a plain cell', sheet(CELLS).slice(0, sheet(CELLS).indexOf('<c r="F2"') + 25)],
    ['a bad reference in a plain cell', sheet(['<c r="A1"><v>1</v></c>', '<c r="A0"><v>1</v></c>'])],
    ['a cell left open at the end', `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v>`],
  ])('%s: the same refusal, with the same line', async (_, xml) => {
    for (const size of [xml.length, 1, 5, 64]) {
      const long = await read(xml, size, false);
      const short = await read(xml, size, true);
      expect(short.error ?? '(no error)').toBe(long.error ?? '(no error)');
      expect(short.events).toEqual(long.events);
    }
  });

  it('every worksheet of every sample reads the same', async () => {
    let taken = 0;
    for (const s of readdirSync(SAMPLES)) {
      const zip = await JSZip.loadAsync(readFileSync(path.join(SAMPLES, s, 'annual.xlsx')));
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.*\.xml$/.test(n))) {
        const xml = await zip.file(name)!.async('string');
        const got = await read(xml, 4096, true);
        expect([s, name, got.events]).toEqual([s, name, (await read(xml, 4096, false)).events]);
        taken += got.taken;
      }
    }
    expect(taken).toBeGreaterThan(1000);
  });
});

describe('plain cells taken in one step, in the worksheet reader', () => {
  /** The same workbook with every cell's `<c r=` written `<c  r=`: the XML says the same, and no cell is plain. */
  async function bothWays(file: string): Promise<[unknown, unknown]> {
    const zip = await JSZip.loadAsync(readFileSync(file));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.*\.xml$/.test(n))) {
      zip.file(name, (await zip.file(name)!.async('string')).replace(/<c r=/g, '<c  r='));
    }
    const long = path.join(tempDir(), 'long.xlsx');
    writeFileSync(long, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const strip = (sheets: Awaited<ReturnType<typeof readXlsx>>) => sheets.map((s) => ({ ...s, file: '' }));
    return [strip(await readXlsx(file)), strip(await readXlsx(long))];
  }

  it('every sheet of every sample reads the same whether its cells are plain or not', async () => {
    for (const s of readdirSync(SAMPLES)) {
      const [short, long] = await bothWays(path.join(SAMPLES, s, 'annual.xlsx'));
      expect([s, short]).toEqual([s, long]);
    }
  });

  it('percentages, dates, shared strings, errors, booleans, columns out of order, a row without r and a cell naming another row read the same', async () => {
    const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>';
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="1"><v>0.925</v></c><c r="B1" s="2"><v>45000</v></c></row>'
      + '<row><c r="A2" t="e"><v>#DIV/0!</v></c><c r="B2" t="b"><v>1</v></c><c r="D2"><v>5O</v></c><c r="E2" t="s"><v>7</v></c><c r="F2" s="1"/></row>'
      + '<row r="9"><c r="XFD9"><v>1</v></c></row><row r="12"><c r="A13"><v>3</v></c></row>';
    const file = await writeParts(path.join(tempDir(), 'cells.xlsx'), workbookParts([['得分表', sheetXml(rows)]], { sharedStrings: '<si><t>单位</t></si>', styles }));
    const [short, long] = await bothWays(file);
    expect(short).toEqual(long);
    expect(JSON.stringify(short)).toContain('0.925');
  });

  it('a column past XFD is refused the same way', async () => {
    const file = await writeParts(path.join(tempDir(), 'wide.xlsx'), workbookParts([['得分表', sheetXml('<row r="1"><c r="XFE1"><v>1</v></c></row>')]]));
    const error = async (f: string) => readXlsx(f).then(() => 'read', (e: unknown) => JSON.stringify(e).replaceAll(f, 'FILE'));
    const zip = await JSZip.loadAsync(readFileSync(file));
    zip.file('xl/worksheets/sheet1.xml', (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(/<c r=/g, '<c  r='));
    const long = path.join(tempDir(), 'wide.xlsx');
    writeFileSync(long, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const [a, b] = [await error(file), await error(long)];
    expect(a).toBe(b);
    expect(a).toContain('E_TOO_MANY_COLUMNS');
  });
});
