import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { copySample, runCli } from '../support/cli.js';
import { columnOf, dumpSheet, editWorkbook, rowOf } from '../support/workbook.js';
import { partsOf, writeZip } from '../support/xlsx-parts.js';

// Issue 10: a re-run keeps the earlier result, says what changed and why; diff reads the records.

async function setScore(file: string, unit: string, code: string, value: number): Promise<void> {
  await editWorkbook(file, file, (wb) => {
    const ws = wb.getWorksheet('得分表')!;
    rowOf(ws, unit).getCell(columnOf(ws, new RegExp(`^${code}`))).value = value;
  });
}

describe('re-scoring after a correction', () => {
  let dir: string;
  let book: string;
  let result: string;
  let second: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    dir = copySample('guannan-2009');
    book = path.join(dir, 'annual.xlsx');
    result = path.join(dir, 'annual.通报.xlsx');
    expect((await runCli([book])).code).toBe(0);
    // 汤沟镇 68.33 (达标): its C2 (网上绩效, 10 points) goes from 6 to 10.
    await setScore(book, '汤沟镇', 'C2', 10);
    second = await runCli([book]);
  });

  it('keeps the earlier pair in 历史 and writes the new one', () => {
    expect(second.code).toBe(0);
    const kept = readdirSync(path.join(dir, '历史'));
    expect(kept).toHaveLength(1);
    expect(readdirSync(path.join(dir, '历史', kept[0]!)).sort()).toEqual(['annual.通报.docx', 'annual.通报.txt', 'annual.通报.xlsx']);
    expect(second.stdout).toContain(`原有的通报已保存到：${path.join(dir, '历史', kept[0]!)}`);
  });

  it('names the unit and the indicator that changed, on screen and in the 变更 sheet', async () => {
    // 汤沟镇: C2 6 → 10 adds 4 points: 68.33 → 72.33, still 达标, so only its total changes.
    expect(second.stdout).toMatch(/0 个单位等次变化，\d+ 个单位名次变化，总分变化 1 个；输入文件变化：annual\.xlsx（修改）。/);
    expect(second.stdout).toMatch(/汤沟镇 +│ 乡镇 +│ 总分 68\.33 → 72\.33.*│ 得分表 C2：6 → 10/);
    const changes = await dumpSheet(result, '变更');
    const row = changes.find((r) => r[1] === '汤沟镇');
    expect(row?.[2]).toMatch(/^总分 68\.33 → 72\.33/);
    expect(row?.[3]).toBe('得分表 C2：6 → 10');
    // Printed with the assessment's name at the top of every page (issue 13).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result);
    expect(wb.getWorksheet('变更')!.headerFooter.oddHeader).toBe('&C&14&B全县乡科级单位2009年绩效管理组织工作评估 结果变更');
  });

  it('says which units moved only because another did', async () => {
    const changes = await dumpSheet(result, '变更');
    const others = changes.filter((r) => r[3] === '本单位数据未变，因其他单位得分变化');
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(r[2]).toMatch(/^名次 \d+ → \d+$/);
  });

  it('score diff reads the two records: the unit, the code, and nothing for a result with itself', async () => {
    const kept = readdirSync(path.join(dir, '历史'))[0]!;
    const earlier = path.join(dir, '历史', kept, 'annual.通报.xlsx');
    const diff = await runCli(['diff', earlier, result, '--json']);
    expect(diff.code).toBe(0);
    const json = JSON.parse(diff.stdout) as { changed: boolean; units: { unit: string; causes: string[]; total?: string[] }[] };
    expect(json.changed).toBe(true);
    expect(json.units.find((u) => u.unit === '汤沟镇')).toMatchObject({ causes: ['得分表 C2：6 → 10'], total: ['68.33', '72.33'] });
    const same = await runCli(['diff', result, result]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('两次结果相同');
    expect(JSON.parse((await runCli(['diff', result, result, '--json'])).stdout)).toMatchObject({ changed: false, units: [], inputs: [], scheme: [] });
  });

  it('writes a 更正通报 text from the template', async () => {
    const kept = readdirSync(path.join(dir, '历史'))[0]!;
    const text = (await runCli(['diff', path.join(dir, '历史', kept, 'annual.通报.xlsx'), result, '--correction'])).stdout;
    expect(text).toContain('汤沟镇：总分 68.33 → 72.33');
    expect(text).toContain('更正通报');
  });

  it('a run with nothing changed writes the same bytes and keeps no copy', async () => {
    const before = readFileSync(result);
    const run = await runCli([book]);
    expect(run.code).toBe(0);
    // The same results as the last run: its 变更 sheet goes (nothing changed since), and no copy is kept.
    expect(readFileSync(result).equals(before)).toBe(false);
    expect(run.stdout).toContain('0 个单位等次变化，0 个单位名次变化，总分变化 0 个；输入文件未变。');
    const again = readFileSync(result);
    expect((await runCli([book])).code).toBe(0);
    expect(readFileSync(result).equals(again)).toBe(true);
    expect(readdirSync(path.join(dir, '历史'))).toHaveLength(1);
  });
});

describe('comparing with an earlier result', () => {
  it('reads only its record: a damaged 排名 sheet in it does not stop the comparison', async () => {
    const dir = copySample('qitai');
    const book = path.join(dir, 'annual.xlsx');
    const result = path.join(dir, 'annual.通报.xlsx');
    expect((await runCli([book])).code).toBe(0);
    const parts = await partsOf(result);
    parts['xl/worksheets/sheet1.xml'] = Buffer.from('<worksheet><sheetData><row');
    await writeZip(result, parts);
    const run = await runCli([book]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('与上次结果相比：0 个单位等次变化');
    expect(run.stdout).not.toContain('本次不作比较');
  });
});

describe('comparing with a result that has no record', () => {
  it('keeps it and says it cannot be compared', async () => {
    const dir = copySample('qitai');
    const book = path.join(dir, 'annual.xlsx');
    // A 通报 workbook from before records existed: any workbook without a 记录 sheet.
    await editWorkbook(book, path.join(dir, 'annual.通报.xlsx'), () => undefined);
    const run = await runCli([book]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('原有的「annual.通报.xlsx」');
    expect(run.stdout).toContain('本次不作比较');
    expect(existsSync(path.join(dir, '历史'))).toBe(true);
    const diff = await runCli(['diff', book, path.join(dir, 'annual.通报.xlsx')]);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain('E_NO_RECORD');
  });
});
