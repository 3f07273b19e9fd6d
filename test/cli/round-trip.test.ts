import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { copySample, runCli, SAMPLES, tempDir } from '../support/cli.js';
import { fillForm, sampleData } from '../support/fill-form.js';
import { dumpSheet } from '../support/workbook.js';

/**
 * A clerk's round trip: init → template --by-department → every department fills its form in
 * another program → merge → score. The result must equal scoring the sample's own numbers.
 */

const OUTPUT_SHEETS = ['排名', '附件', '指标得分', '加减分核算'];

async function outputs(base: string): Promise<{ notice: string; sheets: Record<string, unknown> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(`${base}.xlsx`);
  const sheets: Record<string, unknown> = {};
  for (const name of OUTPUT_SHEETS) if (wb.getWorksheet(name)) sheets[name] = await dumpSheet(`${base}.xlsx`, name);
  return { notice: readFileSync(`${base}.txt`, 'utf8'), sheets };
}

/** Scoring `workbook` gives the notice and result sheets that scoring the sample itself gives. */
async function expectScoresLikeSample(workbook: string, sample: string): Promise<void> {
  const scored = await runCli([workbook]);
  expect(scored.stderr).not.toMatch(/错误 [1-9]/);
  const direct = copySample(sample);
  const directRun = await runCli([path.join(direct, 'annual.xlsx')]);
  expect(scored.code).toBe(directRun.code);
  const fromForms = await outputs(workbook.replace(/\.xlsx$/, '.通报'));
  const fromSample = await outputs(path.join(direct, 'annual.通报'));
  expect(fromForms.notice).toBe(fromSample.notice);
  expect(fromForms.sheets).toEqual(fromSample.sheets);
}

/** What the clerk does after init: each 【待填】 line given the sample's own value, or dropped where the sample has none. */
function fillPlaceholders(scheme: string, sample: string): void {
  const own = readFileSync(path.join(SAMPLES, sample, 'scheme.yaml'), 'utf8').split('\n');
  const lines = readFileSync(scheme, 'utf8').split('\n').flatMap((line) => {
    if (!line.includes('【待填】') || line.startsWith('#')) return [line];
    const key = /^(\s*[A-Za-z]+):/.exec(line)![1]!;
    return own.filter((l) => l.startsWith(`${key}:`)).slice(0, 1);
  });
  writeFileSync(scheme, lines.join('\n'));
}

const samples = readdirSync(SAMPLES).filter((s) => !s.startsWith('.'));

describe.each(samples)('round trip of %s', (sample) => {
  test('init → template --by-department → filled elsewhere → merge → score equals scoring directly', async () => {
    const dir = tempDir();
    const init = await runCli(['init', dir, '--preset', sample]);
    expect(init.code).toBe(0);
    fillPlaceholders(path.join(dir, '方案.yaml'), sample);
    const forms = path.join(dir, '填报');
    const template = await runCli(['template', path.join(dir, '得分表.xlsx'), '--scheme', path.join(dir, '方案.yaml'), '--indicators', path.join(dir, '指标体系.xlsx'), '--by-department', '-o', forms]);
    expect(template.stderr).not.toMatch(/错误/);
    expect(template.code).toBe(0);
    const files = readdirSync(forms).map((f) => path.join(forms, f));
    expect(files.length).toBeGreaterThan(0);
    const data = await sampleData(path.join(SAMPLES, sample, 'annual.xlsx'));
    let filled = 0;
    // One department types every number as text, as some programs and clerks do.
    for (const [i, f] of files.entries()) filled += await fillForm(f, data, i === 0);
    expect(filled).toBeGreaterThan(10);
    const merged = path.join(dir, '合并得分表.xlsx');
    const merge = await runCli(['merge', ...files, '-o', merged]);
    expect(merge.stderr).not.toMatch(/W_UNFILLED|错误 [1-9]/);
    expect(merge.code).toBe(0);
    await expectScoresLikeSample(merged, sample);
  }, 60_000);

  test('a whole-year form, filled elsewhere, scores on its own: it carries its scheme, indicators and roster', async () => {
    const dir = tempDir();
    const template = await runCli(['template', path.join(SAMPLES, sample, 'annual.xlsx'), '-o', dir]);
    expect(template.code).toBe(0);
    const form = path.join(dir, '得分填报表.xlsx');
    await fillForm(form, await sampleData(path.join(SAMPLES, sample, 'annual.xlsx')));
    // The scheme may name a notice template beside it.
    for (const f of readdirSync(path.join(SAMPLES, sample))) if (f.endsWith('.txt') && !f.includes('.通报.')) writeFileSync(path.join(dir, f), readFileSync(path.join(SAMPLES, sample, f)));
    await expectScoresLikeSample(form, sample);
  }, 60_000);
});
