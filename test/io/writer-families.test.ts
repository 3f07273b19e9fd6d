import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { copySample, runCli, SAMPLES } from '../support/cli.js';
import { COMMITTED_SAMPLE, FAMILIES, FIXTURES, makeFixture, sampleNames } from '../support/make-writer-fixtures.mjs';

/**
 * Every sheet of a 通报 workbook as rows of plain values, read with exceljs (not the reader under
 * test). The 记录 sheet names the inputs by SHA-256, which differ by construction, and messages name
 * the temporary folder: both are masked.
 */
async function dumpOutputs(file: string, dir: string): Promise<Record<string, unknown[][]>> {
  const mask = (v: string): string => v.replaceAll(dir, '«dir»').replace(/\b[0-9a-f]{64}\b/g, '«sha256»');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? mask(v) : v ?? null))));
    out[ws.name] = rows;
  });
  return out;
}

interface Scored {
  code: number;
  stderr: string;
  notice: string;
  sheets: Record<string, unknown[][]>;
}

/** Scores a sample's folder with `annual.xlsx` replaced by `bytes` (the original when absent). */
async function score(sample: string, bytes?: Buffer): Promise<Scored> {
  const dir = copySample(sample);
  const file = path.join(dir, 'annual.xlsx');
  if (bytes) writeFileSync(file, bytes);
  const run = await runCli([file]);
  const sheets = await dumpOutputs(path.join(dir, 'annual.通报.xlsx'), dir);
  return { code: run.code, stderr: run.stderr.replaceAll(dir, '«dir»'), notice: readFileSync(path.join(dir, 'annual.通报.txt'), 'utf8'), sheets };
}

describe.each(sampleNames())('sample %s written by other programs', (sample) => {
  let original: Scored;
  const source = readFileSync(path.join(SAMPLES, sample, 'annual.xlsx'));

  beforeAll(async () => {
    original = await score(sample);
  });

  it.each(Object.keys(FAMILIES))('%s: scores exactly like the sample (every output sheet, the notice, the messages)', async (family) => {
    const fixture = await makeFixture(source, family);
    const got = await score(sample, fixture);
    expect(got.code).toBe(original.code);
    expect(got.stderr).toBe(original.stderr);
    expect(got.notice).toBe(original.notice);
    expect(Object.keys(got.sheets)).toEqual(Object.keys(original.sheets));
    for (const name of Object.keys(original.sheets)) expect([name, got.sheets[name]]).toEqual([name, original.sheets[name]]);
  });
});

describe('committed writer fixtures', () => {
  it.each(Object.keys(FAMILIES))('%s is what the script makes from the sample today', async (family) => {
    const made = await makeFixture(readFileSync(path.join(SAMPLES, COMMITTED_SAMPLE, 'annual.xlsx')), family);
    expect(readFileSync(path.join(FIXTURES, family, `${COMMITTED_SAMPLE}.xlsx`)).equals(made)).toBe(true);
  });
});
