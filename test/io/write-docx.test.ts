import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { NoticeDoc } from '../../src/report/notice-doc.js';
import type { CellModel } from '../../src/report/sheet-model.js';
import { writeDocx } from '../../src/io/write-docx.js';
import { tempDir } from '../support/cli.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Every part as text, by name. */
async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  return new Map(await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')] as const)));
}

/** Parsed by saxes with namespaces (development dependency): throws on anything not well-formed, an undeclared prefix included. */
function strict(xml: string): { texts: string[]; elements: string[] } {
  const texts: string[] = [];
  const elements: string[] = [];
  let inText = false;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    elements.push(`${tag.uri === W ? 'w:' : ''}${tag.local}`);
    inText = tag.uri === W && tag.local === 't';
    if (inText) texts.push('');
  });
  parser.on('closetag', () => {
    inText = false;
  });
  parser.on('text', (t) => {
    if (inText) texts[texts.length - 1] += t;
  });
  parser.write(xml).close();
  return { texts, elements };
}

const appendix: NoticeDoc['appendix'] = {
  name: '附件',
  rows: [
    [{ v: '附件：', s: 'note' }],
    [{ v: '名次', s: 'header' }, { v: '单位 & <部门>', s: 'header' }],
    [{ v: 1, s: 'center' }, { v: '"甲"\u0007局', s: 'body' }],
    [{ v: '  注：两个空格开头', s: 'note' }],
  ],
  merges: [],
  widths: [6, 20],
};

const doc: NoticeDoc = {
  issuer: 'A&B 办公室',
  title: ['关于 <甲> & "乙" 的\u0001通报'],
  body: ['第一行\n第二行\t制表', '尾部空格  '],
  closing: ['2026年1月1日'],
  appendix,
};

describe('the .docx appendix from a streamed body', () => {
  it('keeps every row of a body that fills one array again for every row (StreamedRows allows it)', async () => {
    const dir = tempDir();
    const names = ['甲局', '乙局', '丙局'];
    const streamed: NoticeDoc['appendix'] = {
      ...appendix!,
      rows: appendix!.rows.slice(0, 2),
      body: {
        count: names.length,
        *rows() {
          const rank: CellModel = { v: 0, s: 'center' };
          const name: CellModel = { v: '', s: 'body' };
          const row = [rank, name];
          for (const [i, n] of names.entries()) {
            rank.v = i + 1;
            name.v = n;
            yield row;
          }
        },
      },
    };
    await writeDocx(path.join(dir, 'b.docx'), { ...doc, appendix: streamed });
    const xml = (await parts(path.join(dir, 'b.docx'))).get('word/document.xml')!;
    const found = names.map((n) => xml.indexOf(n));
    expect(found.every((at) => at > 0)).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
  });
});

describe('the .docx written by our own code', () => {
  let dir: string;
  let all: Map<string, string>;

  beforeAll(async () => {
    dir = tempDir();
    await writeDocx(path.join(dir, 'a.docx'), doc);
    all = await parts(path.join(dir, 'a.docx'));
  });

  it('has every XML part well-formed, every part typed in [Content_Types].xml and every relationship\'s target present', () => {
    expect([...all.keys()].sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'word/_rels/document.xml.rels',
      'word/document.xml', 'word/footer1.xml', 'word/footer2.xml', 'word/settings.xml', 'word/styles.xml',
    ]);
    const malformed = [...all].filter(([, xml]) => {
      try {
        strict(xml);
        return false;
      } catch {
        return true;
      }
    });
    expect(malformed.map(([name]) => name)).toEqual([]);
    const types = all.get('[Content_Types].xml')!;
    for (const name of all.keys()) {
      if (!name.endsWith('.rels') && name !== '[Content_Types].xml') expect(types).toContain(`PartName="/${name}"`);
    }
    for (const [rels, base] of [['_rels/.rels', ''], ['word/_rels/document.xml.rels', 'word/']] as const) {
      const targets = [...all.get(rels)!.matchAll(/Target="([^"]+)"/g)].map((m) => base + m[1]);
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) expect(all.has(t)).toBe(true);
    }
    // The footers the sections name are the ones related.
    const ids = [...all.get('word/document.xml')!.matchAll(/<w:footerReference [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(all.get('word/_rels/document.xml.rels')).toContain(`Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"`);
  });

  it('keeps & < > " in the text, leaves out what XML 1.0 cannot carry, and makes line breaks and tabs Word\'s own', () => {
    const { texts, elements } = strict(all.get('word/document.xml')!);
    expect(texts).toContain('A&B 办公室');
    expect(texts).toContain('关于 <甲> & "乙" 的通报');
    expect(texts).toContain('单位 & <部门>');
    expect(texts).toContain('"甲"局');
    expect(texts).toEqual(expect.arrayContaining(['第一行', '第二行', '制表']));
    expect(elements.filter((e) => e === 'w:br')).toHaveLength(1);
    expect(elements.filter((e) => e === 'w:tab')).toHaveLength(1);
    expect(strict(all.get('docProps/core.xml')!).elements).toContain('title');
    expect(all.get('docProps/core.xml')).toContain('<dc:title>关于 &lt;甲&gt; &amp; "乙" 的通报</dc:title>');
  });

  it('marks text with spaces at its ends to keep them', () => {
    const document = all.get('word/document.xml')!;
    expect(document).toContain('<w:t xml:space="preserve">  注：两个空格开头</w:t>');
    expect(document).toContain('<w:t xml:space="preserve">尾部空格  </w:t>');
    expect(document).toContain('<w:t>第一行</w:t>');
  });

  it('gives the same bytes for the same notice', async () => {
    await writeDocx(path.join(dir, 'b.docx'), doc);
    expect(readFileSync(path.join(dir, 'b.docx')).equals(readFileSync(path.join(dir, 'a.docx')))).toBe(true);
  });
});
