// Workbooks as other writers produce them, made from the samples: the same cells, spelt the way
// 腾讯文档, .NET's Open XML SDK, strict-OOXML savers, openpyxl-style writers and Excel's fill-down
// write them. Each must score exactly like the sample it came from (test/io/writer-families.test.ts).
//
//   node test/support/make-writer-fixtures.mjs           writes test/fixtures/writers/<family>/<sample>.xlsx
//   node test/support/make-writer-fixtures.mjs --check   only checks that the committed files are current
//
// The XML is parsed with saxes (a development dependency, not the reader under test) into a small
// tree, changed, and written back; the zip is written with fixed dates so the bytes are stable.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLES = path.join(ROOT, 'samples');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'writers');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const STRICT = { [MAIN]: 'http://purl.oclc.org/ooxml/spreadsheetml/main', [REL]: 'http://purl.oclc.org/ooxml/officeDocument/relationships' };

// --- a small XML tree -------------------------------------------------------------------------

function parse(xml) {
  const parser = new SaxesParser();
  const root = { name: '#document', attrs: [], children: [] };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const node = { name: tag.name, attrs: Object.entries(tag.attributes), children: [] };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => stack.pop());
  parser.on('text', (t) => stack.length > 1 && stack[stack.length - 1].children.push(t));
  parser.write(xml).close();
  return root.children[0];
}

const escapeText = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (t) => escapeText(t).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

function serialize(node) {
  if (typeof node === 'string') return escapeText(node);
  const attrs = node.attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  if (node.children.length === 0) return `<${node.name}${attrs}/>`;
  return `<${node.name}${attrs}>${node.children.map(serialize).join('')}</${node.name}>`;
}

const document = (root, encoding = 'UTF-8') => `<?xml version="1.0" encoding="${encoding}" standalone="yes"?>\n${serialize(root)}`;
const attr = (node, name) => node.attrs.find(([k]) => k === name)?.[1];
const setAttr = (node, name, value) => {
  const i = node.attrs.findIndex(([k]) => k === name);
  if (value === undefined) { if (i >= 0) node.attrs.splice(i, 1); } else if (i >= 0) node.attrs[i][1] = value; else node.attrs.push([name, value]);
};
const elements = (node) => node.children.filter((c) => typeof c !== 'string');
function walk(node, visit) {
  if (typeof node === 'string') return;
  visit(node);
  node.children.forEach((c) => walk(c, visit));
}

function column(ref) {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)[0]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}
const letters = (i) => (i < 26 ? String.fromCharCode(65 + i) : letters(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
/** Fixed dates and no folder entries (JSZip would date them now): the same input gives the same bytes. */
const STAMP = { date: new Date(Date.UTC(2020, 0, 1)), createFolders: false };
const isXml = (name) => /\.(xml|rels)$/.test(name);
const isSheet = (name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name);

// --- the families ----------------------------------------------------------------------------

/** 腾讯文档 and .NET: SpreadsheetML under x:, relationship ids under ns:, package relationships under ns0:. */
function prefixed(name, root) {
  if (attr(root, 'xmlns') === MAIN) {
    walk(root, (n) => { if (!n.name.includes(':')) n.name = `x:${n.name}`; });
    setAttr(root, 'xmlns', undefined);
    root.attrs.unshift(['xmlns:x', MAIN]);
    if (attr(root, 'xmlns:r') === REL) {
      setAttr(root, 'xmlns:r', undefined);
      root.attrs.push(['xmlns:ns', REL]);
      walk(root, (n) => n.attrs.forEach((a) => { if (a[0].startsWith('r:')) a[0] = `ns:${a[0].slice(2)}`; }));
    }
  }
  if (name.endsWith('.rels')) {
    walk(root, (n) => { n.name = `ns0:${n.name}`; });
    setAttr(root, 'xmlns', undefined);
    root.attrs.unshift(['xmlns:ns0', PKG]);
  }
  return root;
}

/** Writers that leave out the optional r= on rows and cells: every gap is written as an empty row or cell. */
function withoutR(name, root) {
  if (!isSheet(name)) return root;
  const data = elements(root).find((n) => n.name === 'sheetData');
  const rows = [];
  for (const row of elements(data)) {
    while (rows.length + 1 < Number(attr(row, 'r'))) rows.push({ name: 'row', attrs: [], children: [] });
    const cells = [];
    for (const cell of elements(row)) {
      while (cells.length < column(attr(cell, 'r'))) cells.push({ name: 'c', attrs: [], children: [] });
      setAttr(cell, 'r', undefined);
      cells.push(cell);
    }
    setAttr(row, 'r', undefined);
    setAttr(row, 'spans', undefined);
    row.children = cells;
    rows.push(row);
  }
  data.children = rows;
  return root;
}

/** Strict OOXML (ISO 29500 strict): the purl.oclc.org namespaces and relationship types. */
function strict(name, root) {
  walk(root, (n) => n.attrs.forEach((a) => {
    if (a[0].startsWith('xmlns') && STRICT[a[1]]) a[1] = STRICT[a[1]];
    if (a[0] === 'Type') a[1] = a[1].replace(`${REL}/`, `${STRICT[REL]}/`);
  }));
  if (name === 'xl/workbook.xml') root.attrs.push(['conformance', 'strict']);
  return root;
}

/** openpyxl-style writers: every text in the cell itself (t="inlineStr"), no shared strings part. */
function inlineStrings(name, root, strings) {
  if (!isSheet(name)) return root;
  walk(root, (n) => {
    if (n.name !== 'c' || attr(n, 't') !== 's') return;
    const si = strings[Number(elements(n)[0].children[0])];
    setAttr(n, 't', 'inlineStr');
    n.children = [{ name: 'is', attrs: [], children: si.children.map((c) => structuredClone(c)) }];
  });
  return root;
}

/** Excel after a fill-down: numbers as formulas with cached results, equal neighbours in a row sharing one. */
function sharedFormulas(name, root) {
  if (!isSheet(name)) return root;
  let si = 0;
  walk(root, (row) => {
    if (row.name !== 'row') return;
    const numeric = (c) => c && (attr(c, 't') ?? 'n') === 'n' && elements(c).length === 1 && elements(c)[0].name === 'v';
    const cells = elements(row);
    for (let i = 0; i < cells.length; i++) {
      if (!numeric(cells[i])) continue;
      const value = elements(cells[i])[0].children.join('');
      let j = i;
      while (numeric(cells[j + 1]) && elements(cells[j + 1])[0].children.join('') === value && column(attr(cells[j + 1], 'r')) === column(attr(cells[j], 'r')) + 1) j++;
      const f = j > i ? { name: 'f', attrs: [['t', 'shared'], ['ref', `${attr(cells[i], 'r')}:${attr(cells[j], 'r')}`], ['si', String(si)]], children: [value] } : { name: 'f', attrs: [], children: [value] };
      cells[i].children.unshift(f);
      for (let k = i + 1; k <= j; k++) cells[k].children.unshift({ name: 'f', attrs: [['t', 'shared'], ['si', String(si)]], children: [] });
      if (j > i) si++;
      i = j;
    }
  });
  return root;
}

export const FAMILIES = {
  prefixed: { about: '腾讯文档 / .NET Open XML SDK：x: 前缀、ns:id、.rels 中的 ns0:', transform: prefixed },
  'no-r': { about: '行和单元格都不写 r=，位置由顺序决定', transform: withoutR },
  utf16: { about: '各部分为 UTF-16（工作表大端，其余小端，带 BOM）', transform: (_, root) => root, encode: 'utf16' },
  strict: { about: 'Strict OOXML（purl.oclc.org 命名空间）', transform: strict },
  'inline-strings': { about: '全部文字写在单元格内（inlineStr），没有 sharedStrings.xml', transform: inlineStrings, dropSharedStrings: true },
  'shared-formulas': { about: '数字都是带缓存结果的公式，行内相同的相邻数字共用一个公式', transform: sharedFormulas },
};

function encodePart(name, xml, family) {
  if (family.encode !== 'utf16') return xml;
  const text = xml.replace(/encoding="UTF-8"/, 'encoding="UTF-16"');
  return isSheet(name) ? Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')]) : Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
}

function dropSharedStrings(name, xml) {
  if (name === 'xl/_rels/workbook.xml.rels') return xml.replace(/<(\w+:)?Relationship [^>]*sharedStrings\.xml"\/>/g, '');
  if (name === '[Content_Types].xml') return xml.replace(/<Override [^>]*sharedStrings\.xml"[^>]*\/>/g, '');
  return xml;
}

/** The sample's workbook as the family writes it. */
export async function makeFixture(sampleXlsx, familyName) {
  const family = FAMILIES[familyName];
  const source = await JSZip.loadAsync(sampleXlsx);
  const sst = source.file('xl/sharedStrings.xml');
  const strings = sst ? elements(parse(await sst.async('string'))) : [];
  const out = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name];
    if (entry.dir || (family.dropSharedStrings && name === 'xl/sharedStrings.xml')) continue;
    if (!isXml(name)) {
      out.file(name, await entry.async('nodebuffer'), STAMP);
      continue;
    }
    let xml = document(family.transform(name, parse(await entry.async('string')), strings));
    if (family.dropSharedStrings) xml = dropSharedStrings(name, xml);
    out.file(name, encodePart(name, xml, family), STAMP);
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Samples that have expected results, by folder name. */
export function sampleNames() {
  return readdirSync(SAMPLES).filter((n) => existsSync(path.join(SAMPLES, n, 'expected')));
}

/** Sample guannan-2009's fixtures are committed, to be opened by hand; the test makes every sample's afresh. */
export const COMMITTED_SAMPLE = 'guannan-2009';

async function main(check) {
  let stale = 0;
  for (const family of Object.keys(FAMILIES)) {
    const target = path.join(FIXTURES, family, `${COMMITTED_SAMPLE}.xlsx`);
    const bytes = await makeFixture(readFileSync(path.join(SAMPLES, COMMITTED_SAMPLE, 'annual.xlsx')), family);
    if (check) {
      if (!existsSync(target) || !readFileSync(target).equals(bytes)) { stale++; console.error(`stale: ${target}`); }
    } else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      console.log(`${target} (${bytes.length} bytes)`);
    }
  }
  if (stale > 0) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main(process.argv.includes('--check'));
