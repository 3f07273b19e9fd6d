import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';

/**
 * Workbooks written by hand, part by part, to hold what no office writes (`<v>5O</v>`, a shared
 * string that does not exist, an ISO date cell): the reader must meet them as they are.
 */
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface HandSheet {
  name: string;
  /** The children of `<sheetData>`: `<row r="1">…</row>…`. */
  rows: string;
}

export interface HandBook {
  sheets: HandSheet[];
  /** The `<si>` texts, raw XML inside each `<si>` (e.g. `<t>甲</t>`). */
  sharedStrings?: string[];
  /** `<numFmts>` and `<cellXfs>` content of styles.xml, e.g. `<xf numFmtId="14"/>`. */
  cellXfs?: string[];
  numFmts?: string;
}

const xmlText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A string cell written inline (the text as it should read; XML-escaped here). */
export const inlineCell = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
/** A cell with a stored value `<v>`, of type `t` (none: a number). */
export const valueCell = (ref: string, v: string, t?: string, s?: number): string =>
  `<c r="${ref}"${t ? ` t="${t}"` : ''}${s !== undefined ? ` s="${s}"` : ''}><v>${v}</v></c>`;

/** A row of a header or data: strings inline, anything else as written. */
export function row(n: number, cells: string[]): string {
  return `<row r="${n}">${cells.join('')}</row>`;
}

export async function writeHandBook(file: string, book: HandBook): Promise<string> {
  const zip = new JSZip();
  const sheets = book.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`);
  const rels = book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (book.sharedStrings) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (book.cellXfs) rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  book.sheets.forEach((s, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${s.rows}</sheetData></worksheet>`));
  if (book.sharedStrings) {
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${book.sharedStrings.map((x) => `<si>${x}</si>`).join('')}</sst>`);
  }
  if (book.cellXfs) {
    zip.file('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${book.numFmts ?? ''}<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="${book.cellXfs.length}">${book.cellXfs.join('')}</cellXfs></styleSheet>`);
  }
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

/** The minimal book (方案, 指标体系 A 60 / B 40, 单位名单 一镇 二镇) with a 得分表 of hand-written rows. */
export function minimalBook(scoreRows: string, extra: Partial<HandBook> & { scheme?: string; units?: string[] } = {}): HandBook {
  const lines = (text: string): string => text.split('\n').map((line, i) => row(i + 1, [inlineCell(`A${i + 1}`, line)])).join('');
  const table = (rows: (string | number)[][]): string =>
    rows.map((r, i) => row(i + 1, r.map((v, k) => (typeof v === 'number' ? valueCell(`${String.fromCharCode(65 + k)}${i + 1}`, String(v)) : inlineCell(`${String.fromCharCode(65 + k)}${i + 1}`, v))))).join('');
  return {
    ...extra,
    sheets: [
      { name: '方案', rows: lines(extra.scheme ?? 'name: 测试\ncategories: [乡镇]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格') },
      { name: '指标体系', rows: table([['编码', '一级指标', '分值'], ['A', '甲', 60], ['B', '乙', 40]]) },
      { name: '单位名单', rows: table([['单位名称', '类别'], ['一镇', '乡镇'], ['二镇', '乡镇'], ...(extra.units ?? []).map((u) => [u, '乡镇'])]) },
      { name: '得分表', rows: scoreRows },
      ...(extra.sheets ?? []),
    ],
  };
}
