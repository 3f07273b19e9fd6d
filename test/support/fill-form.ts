import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * Filling a form the way another program would: the sheet XML edited in place, text as inline
 * strings (openpyxl), no shared strings added, styles and validations left as they were. What
 * the form's writer put there (exceljs) is not used to read or write the values.
 */
export type Fill = Map<string, Map<string, string | number>>;

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnNumber(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function rowNumber(ref: string): number {
  return Number(/\d+$/.exec(ref)![0]);
}

function cellXml(ref: string, style: string, value: string | number): string {
  return typeof value === 'number'
    ? `<c r="${ref}"${style}><v>${value}</v></c>`
    : `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

function fillSheetXml(xml: string, cells: Map<string, string | number>): string {
  const start = xml.indexOf('<sheetData');
  const open = xml.indexOf('>', start) + 1;
  const selfClosing = xml[open - 2] === '/';
  const end = selfClosing ? open : xml.indexOf('</sheetData>');
  const body = selfClosing ? '' : xml.slice(open, end);
  const rows = new Map<number, { attrs: string; cells: Map<number, string> }>();
  for (const m of body.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const n = Number(/\br="(\d+)"/.exec(m[1]!)![1]);
    const row = { attrs: m[1]!.replace(/\s*spans="[^"]*"/, ''), cells: new Map<number, string>() };
    for (const c of (m[2] ?? '').matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
      row.cells.set(columnNumber(/\br="([A-Z]+\d+)"/.exec(c[0])![1]!), c[0]);
    }
    rows.set(n, row);
  }
  for (const [ref, value] of cells) {
    const r = rowNumber(ref);
    const row = rows.get(r) ?? { attrs: ` r="${r}"`, cells: new Map<number, string>() };
    rows.set(r, row);
    const previous = row.cells.get(columnNumber(ref));
    const style = previous ? (/\ss="\d+"/.exec(previous)?.[0] ?? '') : '';
    row.cells.set(columnNumber(ref), cellXml(ref, style, value));
  }
  const rebuilt = [...rows.entries()].sort((a, b) => a[0] - b[0])
    .map(([, row]) => `<row${row.attrs}>${[...row.cells.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c).join('')}</row>`).join('');
  const head = selfClosing ? `${xml.slice(0, start)}<sheetData>` : xml.slice(0, open);
  return `${head}${rebuilt}</sheetData>${xml.slice(selfClosing ? open : end + '</sheetData>'.length)}`;
}

/** Writes `fill` (sheet name → cell → value) into the workbook at `file`, in place. */
export async function fillXlsx(file: string, fill: Fill): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  for (const [sheetName, cells] of fill) {
    const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((s) => s.includes(`name="${escapeXml(sheetName)}"`));
    if (!sheet) throw new Error(`no sheet ${sheetName} in ${file}`);
    const rid = /r:id="([^"]+)"/.exec(sheet)![1];
    const target = new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*>`).exec(rels)![0];
    const partName = `xl/${/Target="([^"]+)"/.exec(target)![1]!.replace(/^\/?xl\//, '')}`;
    const xml = await zip.file(partName)!.async('string');
    zip.file(partName, fillSheetXml(xml, cells));
  }
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A sheet's header texts (row 2 of a form) and the unit name of each data row. */
export async function formLayout(file: string): Promise<Map<string, { headers: string[]; units: Map<string, number>; rows: number }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, { headers: string[]; units: Map<string, number>; rows: number }>();
  for (const ws of wb.worksheets) {
    const headers: string[] = [];
    ws.getRow(2).eachCell({ includeEmpty: true }, (cell, c) => (headers[c - 1] = cell.text));
    const units = new Map<string, number>();
    for (let r = 3; r <= ws.rowCount; r++) {
      const name = ws.getCell(r, 1).text;
      if (name !== '') units.set(name, r);
    }
    out.set(ws.name, { headers, units, rows: ws.rowCount });
  }
  return out;
}
