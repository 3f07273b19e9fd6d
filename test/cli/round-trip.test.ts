import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { copySample, runCli, SAMPLES, tempDir } from '../support/cli.js';
import { fillXlsx, formLayout, type Fill } from '../support/fill-form.js';
import { dumpSheet } from '../support/workbook.js';

/**
 * A clerk's round trip: init → template --by-department → every department fills its form in
 * another program → merge → score. The result must equal scoring the sample's own numbers.
 */

type Value = string | number;
interface SampleData {
  wide: Map<string, Map<string, Map<string, Value>>>;
  lists: Map<string, { headers: string[]; rows: (Value | null)[][] }>;
  departmentOf: Map<string, string>;
  /** 简称 and 别名 → the roster's name: the sample's sheets may use either. */
  nameOf: Map<string, string>;
}

const WIDE = /^(得分表|目标值)/;
const LIST = /^(扣分明细|评议|加减分|一票否决)/;

function plain(v: ExcelJS.CellValue): Value | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return plain(v.result as ExcelJS.CellValue);
  return String(v);
}

/** The numbers the sample scores from, by sheet, unit and code (wide) or by row (lists). */
async function sampleData(sample: string): Promise<SampleData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, sample, 'annual.xlsx'));
  const data: SampleData = { wide: new Map(), lists: new Map(), departmentOf: new Map(), nameOf: new Map() };
  for (const ws of wb.worksheets) {
    let headerRow = 0;
    for (let r = 1; r <= 5 && headerRow === 0; r++) if (ws.getRow(r).values && (ws.getRow(r).values as unknown[]).some((v) => v === '单位名称' || v === '编码')) headerRow = r;
    if (headerRow === 0) continue;
    const headers: string[] = [];
    ws.getRow(headerRow).eachCell({ includeEmpty: true }, (cell, c) => (headers[c - 1] = cell.text.trim()));
    const rows: (Value | null)[][] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const values = headers.map((_, c) => plain(ws.getCell(r, c + 1).value));
      if (values.some((v) => v !== null)) rows.push(values);
    }
    if (ws.name === '单位名单') {
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
async function fill(form: string, data: SampleData, asText: boolean): Promise<number> {
  const department = /得分填报表-(.+)\.xlsx$/.exec(path.basename(form))![1]!;
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
      const mine = (source?.rows ?? []).filter((r) => (codeColumn < 0 ? department === '加减分和一票否决' : data.departmentOf.get(String(r[codeColumn])) === department));
      mine.forEach((r, i) => headers.forEach((h, c) => {
        const at = source!.headers.indexOf(h);
        if (at >= 0 && r[at] !== null) cells.set(`${String.fromCharCode(65 + c)}${3 + i}`, r[at]!);
      }));
    }
    if (cells.size > 0) fillIn.set(sheet, cells);
    count += cells.size;
  }
  await fillXlsx(form, fillIn);
  return count;
}

const OUTPUT_SHEETS = ['排名', '附件', '指标得分', '加减分核算'];

async function outputs(base: string): Promise<{ notice: string; sheets: Record<string, unknown> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(`${base}.xlsx`);
  const sheets: Record<string, unknown> = {};
  for (const name of OUTPUT_SHEETS) if (wb.getWorksheet(name)) sheets[name] = await dumpSheet(`${base}.xlsx`, name);
  return { notice: readFileSync(`${base}.txt`, 'utf8'), sheets };
}

const samples = readdirSync(SAMPLES).filter((s) => !s.startsWith('.'));

describe.each(samples)('round trip of %s', (sample) => {
  test('init → template --by-department → filled elsewhere → merge → score equals scoring directly', async () => {
    const dir = tempDir();
    const init = await runCli(['init', dir, '--preset', sample]);
    expect(init.code).toBe(0);
    const forms = path.join(dir, '填报');
    const template = await runCli(['template', path.join(dir, '得分表.xlsx'), '--scheme', path.join(dir, '方案.yaml'), '--indicators', path.join(dir, '指标体系.xlsx'), '--by-department', '-o', forms]);
    expect(template.stderr).not.toMatch(/错误/);
    expect(template.code).toBe(0);
    const files = readdirSync(forms).map((f) => path.join(forms, f));
    expect(files.length).toBeGreaterThan(0);
    const data = await sampleData(sample);
    let filled = 0;
    // One department types every number as text, as some programs and clerks do.
    for (const [i, f] of files.entries()) filled += await fill(f, data, i === 0);
    expect(filled).toBeGreaterThan(10);
    const merged = path.join(dir, '合并得分表.xlsx');
    const merge = await runCli(['merge', ...files, '-o', merged]);
    expect(merge.stderr).not.toMatch(/W_UNFILLED|错误 [1-9]/);
    expect(merge.code).toBe(0);
    const scored = await runCli([merged]);
    expect(scored.stderr).not.toMatch(/错误 [1-9]/);
    const direct = copySample(sample);
    const directRun = await runCli([path.join(direct, 'annual.xlsx')]);
    expect(scored.code).toBe(directRun.code);
    const fromForms = await outputs(path.join(dir, '合并得分表.通报'));
    const fromSample = await outputs(path.join(direct, 'annual.通报'));
    expect(fromForms.notice).toBe(fromSample.notice);
    expect(fromForms.sheets).toEqual(fromSample.sheets);
  }, 60_000);
});
