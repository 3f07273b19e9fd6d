import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * Filling a form the way another program would: the sheet XML edited in place, text as inline
 * strings (openpyxl), no shared strings added, styles and validations left as they were. What
 * the form's writer put there (exceljs) is not used to read or write the values.
 */
export type FillValue = string | number | { error: string } | { formula: string };
export type Fill = Map<string, Map<string, FillValue>>;

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnNumber(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function rowNumber(ref: string): number {
  return Number(/\d+$/.exec(ref)![0]);
}

function cellXml(ref: string, style: string, value: FillValue): string {
  if (typeof value === 'object') {
    return 'error' in value ? `<c r="${ref}"${style} t="e"><v>${escapeXml(value.error)}</v></c>` : `<c r="${ref}"${style}><f>${escapeXml(value.formula)}</f></c>`;
  }
  return typeof value === 'number'
    ? `<c r="${ref}"${style}><v>${value}</v></c>`
    : `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

function fillSheetXml(xml: string, cells: Map<string, FillValue>): string {
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

type Value = string | number;
export interface SampleData {
  wide: Map<string, Map<string, Map<string, Value>>>;
  lists: Map<string, { headers: string[]; rows: (Value | null)[][] }>;
  departmentOf: Map<string, string>;
  /** 简称 and 别名 → the roster's name: the sample's sheets may use either. */
  nameOf: Map<string, string>;
}

const WIDE = /^(得分表|目标值)/;
// The names the engine takes for the unit column and the roster sheet (a sample of projects writes 考核对象).
const UNIT_HEADERS = ['单位名称', '单位', '考核对象', '项目名称', '名称'];
const ROSTERS = ['单位名单', '单位', '考核对象'];
const LIST = /^(扣分明细|评议|加减分|一票否决)/;

function plain(v: ExcelJS.CellValue): Value | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return plain(v.result as ExcelJS.CellValue);
  return String(v);
}

/** The numbers the sample scores from, by sheet, unit and code (wide) or by row (lists). */
export async function sampleData(file: string): Promise<SampleData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const data: SampleData = { wide: new Map(), lists: new Map(), departmentOf: new Map(), nameOf: new Map() };
  for (const ws of wb.worksheets) {
    let headerRow = 0;
    for (let r = 1; r <= 5 && headerRow === 0; r++) if (ws.getRow(r).values && (ws.getRow(r).values as unknown[]).some((v) => UNIT_HEADERS.includes(String(v)) || v === '编码')) headerRow = r;
    if (headerRow === 0) continue;
    const headers: string[] = [];
    ws.getRow(headerRow).eachCell({ includeEmpty: true }, (cell, c) => (headers[c - 1] = cell.text.trim()));
    const rows: (Value | null)[][] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const values = headers.map((_, c) => plain(ws.getCell(r, c + 1).value));
      if (values.some((v) => v !== null)) rows.push(values);
    }
    if (ROSTERS.includes(ws.name)) {
      for (const row of rows) {
        for (const h of ['简称', '别名']) {
          const at = headers.indexOf(h);
          for (const alias of at >= 0 ? String(row[at] ?? '').split(/[、,，]/).filter(Boolean) : []) data.nameOf.set(alias, String(row[0]));
        }
      }
    } else if (ws.name === '指标体系') {
      const code = headers.indexOf('编码');
      const dept = headers.indexOf('牵头部门');
      for (const row of rows) if (row[code] !== null) data.departmentOf.set(String(row[code]), dept >= 0 ? String(row[dept] ?? '') : '');
    } else if (WIDE.test(ws.name)) {
      const units = new Map<string, Map<string, Value>>();
      for (const row of rows) {
        const cells = new Map<string, Value>();
        headers.forEach((h, c) => {
          if (c > 0 && h !== '类别' && row[c] !== null) cells.set(h.split(/\s/)[0]!, row[c]!);
        });
        const written = String(row[0]).replace(/[\s\u3000]/g, '');
        units.set(data.nameOf.get(written) ?? written, cells);
      }
      data.wide.set(ws.name, units);
    } else if (LIST.test(ws.name)) data.lists.set(ws.name, { headers, rows });
  }
  return data;
}

/** Fills a department's form from the sample: its cells, and the list rows of its indicators. */
export async function fillForm(form: string, data: SampleData, asText = false): Promise<number> {
  // 得分填报表-<部门>.xlsx holds one department's indicators; 得分填报表.xlsx every one.
  const department = /得分填报表-(.+)\.xlsx$/.exec(path.basename(form))?.[1];
  const owns = (code: string): boolean => department === undefined || (data.departmentOf.get(code) ?? '').replace(/[\\/:*?"<>|]/g, '_') === department;
  const layout = await formLayout(form);
  const fillIn: Fill = new Map();
  let count = 0;
  for (const [sheet, { headers, units }] of layout) {
    const cells = new Map<string, Value>();
    if (WIDE.test(sheet)) {
      const source = data.wide.get(sheet);
      for (const [unit, row] of units) {
        headers.forEach((h, c) => {
          const v = c >= 2 ? source?.get(unit)?.get(h.split('\n')[0]!) : undefined;
          if (v !== undefined) cells.set(`${String.fromCharCode(65 + c)}${row}`, asText ? String(v) : v);
        });
      }
    } else if (LIST.test(sheet)) {
      const source = data.lists.get(sheet);
      const codeColumn = source?.headers.indexOf('指标编码') ?? -1;
      const mine = (source?.rows ?? []).filter((r) => (codeColumn < 0 ? department === undefined || department === '加减分和一票否决' : owns(String(r[codeColumn]))));
      mine.forEach((r, i) => headers.forEach((h, c) => {
        // The form's unit column may be named otherwise than the sample's (单位名称 / 考核对象).
        const at = UNIT_HEADERS.includes(h) ? source!.headers.findIndex((x) => UNIT_HEADERS.includes(x)) : source!.headers.indexOf(h);
        if (at >= 0 && r[at] !== null) cells.set(`${String.fromCharCode(65 + c)}${3 + i}`, r[at]!);
      }));
    }
    if (cells.size > 0) fillIn.set(sheet, cells);
    count += cells.size;
  }
  await fillXlsx(form, fillIn);
  return count;
}

