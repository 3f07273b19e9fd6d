import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli, SAMPLES, tempDir } from '../support/cli.js';
import { fillForm, sampleData } from '../support/fill-form.js';
import { unlocated } from '../support/locations.js';

// FUZZ_CASES=2000 npm run fuzz for a long run; CI runs a bounded number with a fixed seed.
const CASES = Number(process.env.FUZZ_CASES ?? 48);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

/** A small deterministic generator (mulberry32), so a failing case can be replayed by its number. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES: ExcelJS.CellValue[] = [null, '', -5, 0, 1e9, 'abc', '８５．５', '85%', '85分', { error: '#N/A' } as ExcelJS.CellErrorValue,
  { formula: 'A1*2' } as ExcelJS.CellFormulaValue, new Date(Date.UTC(2020, 0, 1)), true, '=1+1', '县'.repeat(5000), 0.1 + 0.2, '新安镇', '__proto__', 'A1', 99.995,
  '\x1b[31m新安镇\x1b[0m', '\u202e镇安新', '县'.repeat(40_000), '*先进单位', '上半年/中期', 'label: *先进单位', 'fullMarks: 1e400'];

/** Stored values no office writes, put straight into a sheet's XML: the reader must refuse them at their cell. */
const RAW = ['<v>5O</v>', '<v>0x32</v>', '<v>INF</v>', '<v>1e400</v>', '<v></v>', '<v>2024-05-04T00:00:00</v>'];
const TYPES = ['', ' t="d"', ' t="b"', ' t="s"', ' t="x"', ' t="e"', ' t="str"'];

/** One to four `<c>` of a random sheet rewritten with a RAW value and a random type. */
async function mutateXml(rand: () => number, source: string, target: string): Promise<void> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const zip = await JSZip.loadAsync(readFileSync(source));
  const part = pick(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)));
  let xml = await zip.file(part)!.async('string');
  const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(\/>|>.*?<\/c>)/g)];
  for (let n = 1 + Math.floor(rand() * 4); n > 0 && cells.length > 0; n--) {
    const cell = pick(cells);
    xml = xml.replace(cell[0], `<c r="${cell[1]}"${pick(TYPES)}>${pick(RAW)}</c>`);
  }
  zip.file(part, xml);
  writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
const SAMPLE_NAMES = ['guannan-2009', 'zhengding', 'qitai', 'hang-1000'];

async function mutate(rand: () => number, source: string, target: string): Promise<string> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const kind = pick(['cells', 'cells', 'rows', 'bytes', 'xml']);
  if (kind === 'xml') {
    await mutateXml(rand, source, target);
    return kind;
  }
  if (kind === 'bytes') {
    const bytes = Buffer.from(readFileSync(source));
    if (rand() < 0.5) writeFileSync(target, bytes.subarray(0, Math.floor(rand() * bytes.length)));
    else {
      for (let i = 0; i < 8; i++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      writeFileSync(target, bytes);
    }
    return 'bytes';
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) {
    const ws = pick(wb.worksheets);
    const row = 1 + Math.floor(rand() * Math.max(1, ws.rowCount));
    if (kind === 'rows') ws.spliceRows(row, 1);
    else ws.getCell(row, 1 + Math.floor(rand() * Math.max(1, ws.columnCount))).value = pick(VALUES);
  }
  await wb.xlsx.writeFile(target);
  return kind;
}

/** What Excel requires of a written workbook: sheet names it accepts, cells within 32,767 characters, no control characters. */
async function expectExcelOpens(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = [...(await zip.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]!.replace(/&[a-z]+;/g, '&'));
  for (const n of names) expect(n.length <= 31 && !/[:\\/?*[\]]/.test(n)).toBe(true);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  for (const m of strings.matchAll(/<t[^>]*>([^<]*)<\/t>/g)) expect(m[1]!.replace(/&[a-z]+;/g, '&').length).toBeLessThanOrEqual(32767);
  expect(strings).not.toMatch(/\x1b|_x001B_/i);
}

describe('fuzz: mutated samples never crash, never half-write, never touch the input', () => {
  const rand = random(SEED);
  const plan = Array.from({ length: CASES }, (_, i) => ({ i, sample: SAMPLE_NAMES[Math.floor(rand() * SAMPLE_NAMES.length)]!, seed: Math.floor(rand() * 2 ** 31) }));

  it.each(plan)('case $i ($sample)', async ({ sample, seed }) => {
    const dir = tempDir();
    for (const f of readdirSync(path.join(SAMPLES, sample))) if (f.endsWith('.txt') && !f.includes('.通报.')) copyFileSync(path.join(SAMPLES, sample, f), path.join(dir, f));
    const input = path.join(dir, 'annual.xlsx');
    await mutate(random(seed), path.join(SAMPLES, sample, 'annual.xlsx'), input);
    const hash = createHash('sha256').update(readFileSync(input)).digest('hex');
    const forms = path.join(dir, 'forms');
    let templateCode = -1;
    for (const args of [['check', input], [input], ['template', input, '--by-department', '-o', forms]]) {
      const run = await runCli(args, { SCORE_DEBUG: '1' });
      if (args[0] === 'template') templateCode = run.code;
      if (run.code === 70) throw new Error(`internal error on ${args.join(' ')}:\n${run.stderr}`);
      expect(run.stderr).not.toContain('E_INTERNAL');
      expect([0, 1, 2, 3]).toContain(run.code);
      // (SCORE_DEBUG shows a stack only for internal errors, which the line above already refuses.)
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(unlocated(run.stderr)).toEqual([]);
      // No control character of the input reaches the terminal; the report stays bounded.
      expect(run.stdout + run.stderr).not.toContain('\x1b');
      expect(run.stderr.length).toBeLessThan(200_000);
    }
    const outputs = ['annual.通报.xlsx', 'annual.通报.txt'].map((f) => existsSync(path.join(dir, f)));
    expect(outputs[0]).toBe(outputs[1]); // both or neither
    if (outputs[0]) await expectExcelOpens(path.join(dir, 'annual.通报.xlsx'));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(createHash('sha256').update(readFileSync(input)).digest('hex')).toBe(hash);
    // Forms are written as a set or not at all.
    const written = existsSync(forms) ? readdirSync(forms) : [];
    expect(written.filter((f) => !f.endsWith('.xlsx'))).toEqual([]);
    expect(written.length > 0).toBe(templateCode === 0);
    for (const f of written) await expectExcelOpens(path.join(forms, f));
  });
});

/** The sample's forms by department, filled from its own numbers: made once per sample. */
const filledForms = new Map<string, Promise<string[]>>();
function formsOf(sample: string): Promise<string[]> {
  if (!filledForms.has(sample)) {
    filledForms.set(sample, (async () => {
      const dir = tempDir();
      const run = await runCli(['template', path.join(SAMPLES, sample, 'annual.xlsx'), '--by-department', '-o', dir]);
      if (run.code !== 0) throw new Error(run.stderr);
      const data = await sampleData(path.join(SAMPLES, sample, 'annual.xlsx'));
      const files = readdirSync(dir).map((f) => path.join(dir, f));
      for (const f of files) await fillForm(f, data);
      return files;
    })());
  }
  return filledForms.get(sample)!;
}

describe('fuzz: merge of filled forms, one of them mutated, never crashes or half-writes', () => {
  const rand = random(SEED + 1);
  const plan = Array.from({ length: Math.ceil(CASES / 2) }, (_, i) => ({ i, sample: SAMPLE_NAMES[Math.floor(rand() * SAMPLE_NAMES.length)]!, seed: Math.floor(rand() * 2 ** 31) }));

  it.each(plan)('case $i ($sample)', async ({ sample, seed }) => {
    const dir = tempDir();
    const sources = await formsOf(sample);
    const forms = sources.map((f) => path.join(dir, path.basename(f)));
    sources.forEach((f, k) => copyFileSync(f, forms[k]!));
    const r = random(seed);
    const victim = forms[Math.floor(r() * forms.length)]!;
    await mutate(r, victim, victim);
    const hashes = forms.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'));
    const merged = path.join(dir, 'merged.xlsx');
    const run = await runCli(['merge', ...forms, '-o', merged], { SCORE_DEBUG: '1' });
    if (run.code === 70) throw new Error(`internal error on merge (seed ${seed}):\n${run.stderr}`);
    expect([0, 1, 2, 3]).toContain(run.code);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(merged)).toBe(run.code === 0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(forms.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'))).toEqual(hashes);
  });
});
