import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { planFeedback } from '../../src/cli/feedback.js';
import { loadInputs } from '../../src/cli/load.js';
import { assess } from '../../src/engine/assess.js';
import { writeAllAtomically } from '../../src/io/atomic-write.js';
import { nodeOps, type FileOps } from '../../src/io/file-ops.js';
import { feedbackFileNames } from '../../src/report/feedback.js';
import { copySample, runCli } from '../support/cli.js';
import { dumpSheet } from '../support/workbook.js';

/** `score <workbook> --feedback DIR`: one printable 反馈单 per ranked unit, written as a set. */

const texts = (rows: unknown[][]): string => rows.flat().filter((v) => v !== null).join('\n');

describe('score --feedback', () => {
  it('writes one 反馈单 per ranked unit of 灌南, none for the units that did not take part', async () => {
    const dir = copySample('guannan-2009');
    const out = path.join(dir, '反馈单');
    const run = await runCli([path.join(dir, 'annual.xlsx'), '--feedback', out]);
    expect(run.code).toBe(0);
    const files = readdirSync(out).sort();
    const ranking = await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '排名');
    const ranked = ranking.slice(1).filter((r) => r[1] !== '—' && r[0] !== null && r[2] !== null).map((r) => String(r[2]));
    expect(files).toHaveLength(43);
    expect(files).toEqual(ranked.map((u) => `${u}.反馈单.xlsx`).sort());
    for (const excluded of ['纪委', '组织部', '政协办']) expect(files).not.toContain(`${excluded}.反馈单.xlsx`);
    expect(run.stdout).toContain('已生成反馈单 43 份');
    const form = texts(await dumpSheet(path.join(out, '汤沟镇.反馈单.xlsx'), '反馈单'));
    for (const want of ['68.33', '第 13 名（类别「乡镇」共 14 个单位）', '达标', '距「先进」线 80 分（含）还差 11.67 分', '扣 1 分：半年绩效材料迟报', '扣 0.5 分：档案分类不规范',
      '完成值 28，目标值 30：10 × 28 ÷ 30 = 9.33（精确值 28/3）', '2010年2月20日']) expect(form).toContain(want);
  });

  it('prints on A4 portrait, fitted to the page width, the table header on every page, pages numbered', async () => {
    const dir = copySample('zhengding');
    const out = path.join(dir, 'fb');
    expect((await runCli([path.join(dir, 'annual.xlsx'), '--feedback', out])).code).toBe(0);
    expect(readdirSync(out)).toHaveLength(48);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, '新城铺镇.反馈单.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    const titleRow = Number(/^(\d+):\1$/.exec(String(ws.pageSetup.printTitlesRow))?.[1]);
    expect(ws.getRow(titleRow).getCell(1).value).toBe('编码');
    expect(ws.getRow(titleRow).getCell(6).value).toBe('计算与失分原因');
    const form = texts(await dumpSheet(path.join(out, '新城铺镇.反馈单.xlsx'), '反馈单'));
    for (const want of ['正定县政府绩效管理办公室', '2014年1月28日', '6 人评分 8.5、9、9.5、8.5、8、7，去掉最高 9.5、最低 7', '加分合计 5 分，超过上限 4 分，按 4 分计', '依据：冀文明委〔2013〕5号']) expect(form).toContain(want);
    const vetoed = texts(await dumpSheet(path.join(out, '农开办.反馈单.xlsx'), '反馈单'));
    expect(vetoed).toMatch(/一票否决[\s\S]*失职渎职造成重大损失/);
  });

  it('writes the set whole or not at all: a failed re-run leaves the earlier set as it was', async () => {
    const dir = copySample('guannan-2009');
    const file = path.join(dir, 'annual.xlsx');
    const out = path.join(dir, 'fb');
    mkdirSync(out);
    writeFileSync(path.join(out, '汤沟镇.反馈单.xlsx'), 'earlier');
    const assembled = await loadInputs([file], {});
    const a = assess(assembled.scheme!, assembled.tree!, assembled.entries, { vetoes: assembled.vetoes, decisions: assembled.decisions, tieBreak: assembled.tieBreak });
    const set = await planFeedback(out, a, assembled.entries, [file]);
    if (!Array.isArray(set)) throw new Error(set.message);
    expect(set).toHaveLength(43);
    // The commit fails half-way through putting the files in place (a file open in Excel, say).
    let renames = 0;
    const failing: FileOps = { ...nodeOps, rename: (from, to) => { if (++renames === 20) throw Object.assign(new Error('busy'), { code: 'EBUSY' }); nodeOps.rename(from, to); } };
    await expect(writeAllAtomically(set, { owner: { pid: process.pid, isAlive: () => false }, ops: failing })).rejects.toMatchObject({ exitCode: 3 });
    expect(readdirSync(out)).toEqual(['汤沟镇.反馈单.xlsx']);
    expect(readFileSync(path.join(out, '汤沟镇.反馈单.xlsx'), 'utf8')).toBe('earlier');
  });

  it('refuses a folder that is a file before writing anything', async () => {
    const dir = copySample('guannan-2009');
    const file = path.join(dir, '反馈单');
    writeFileSync(file, '');
    const run = await runCli([path.join(dir, 'annual.xlsx'), '--feedback', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E_OUT_NOT_FOLDER');
    expect(existsSync(path.join(dir, 'annual.通报.xlsx'))).toBe(false);
  });
});

describe('feedback file names and help', () => {
  it('are safe on every file system and unique even where case is ignored', () => {
    expect(feedbackFileNames(['中行', 'A/B:C*?', 'abc', 'ABC', '党办. ', 'CON', '中行'])).toEqual([
      '中行.反馈单.xlsx', 'A_B_C__.反馈单.xlsx', 'abc.反馈单.xlsx', 'ABC（2）.反馈单.xlsx', '党办.反馈单.xlsx', 'CON_.反馈单.xlsx', '中行（2）.反馈单.xlsx',
    ]);
    // A file name holds at most 255 bytes: a long name is cut, and its temporary name still fits.
    expect(Buffer.byteLength(`.${feedbackFileNames(['局'.repeat(100)])[0]}.12345678.tmp`)).toBeLessThanOrEqual(255);
  });

  it('score --help names --feedback, with an example', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toContain('--feedback <文件夹>');
    expect(run.stdout).toMatch(/例：\n {2}score samples\/guannan-2009\/annual\.xlsx .*--feedback 反馈单/);
  });
});
