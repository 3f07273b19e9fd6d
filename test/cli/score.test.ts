import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { copySample, filesIn, runCli, tempDir } from '../support/cli.js';
import { columnOf, dumpSheet, editWorkbook, rowOf } from '../support/workbook.js';

/** The band of a unit in both outputs: the 排名 sheet and the notice text. */
async function bandOf(dir: string, unit: string): Promise<{ sheet: unknown; text: string }> {
  const ranking = await dumpSheet(path.join(dir, 'variant.通报.xlsx'), '排名');
  const row = ranking.find((r) => r[2] === unit);
  const text = readFileSync(path.join(dir, 'variant.通报.txt'), 'utf8');
  const paragraph = /先进单位\d+个：([^；]*)；/.exec(text)?.[1] ?? '';
  return { sheet: row?.[9], text: paragraph.split('、').includes(unit) ? '先进' : '达标' };
}

async function variant(dir: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const target = path.join(dir, 'variant.xlsx');
  await editWorkbook(path.join(dir, 'annual.xlsx'), target, edit);
  return target;
}

/** Adds `delta` to one direct score of a unit (column A2, 5 points). */
function shift(unit: string, delta: number) {
  return (wb: ExcelJS.Workbook): void => {
    const ws = wb.getWorksheet('得分表')!;
    const cell = rowOf(ws, unit).getCell(columnOf(ws, /^A2/));
    cell.value = Number(cell.value) + delta;
  };
}

function editScheme(edit: (line: string) => string) {
  return (wb: ExcelJS.Workbook): void => {
    wb.getWorksheet('方案')!.eachRow((row) => {
      const cell = row.getCell(1);
      cell.value = edit(cell.text);
    });
  };
}

describe('score: bands follow the scores and the declared boundaries', () => {
  it('moves a unit across 80 in both outputs', async () => {
    const dir = copySample('guannan-2009');
    // 司法局 81.25 → 79.25; 三口镇 79.50 → 81.50
    const file = await variant(dir, (wb) => {
      shift('司法局', -2)(wb);
      shift('三口镇', 2)(wb);
    });
    expect((await runCli([file])).code).toBe(0);
    expect(await bandOf(dir, '司法局')).toEqual({ sheet: '达标', text: '达标' });
    expect(await bandOf(dir, '三口镇')).toEqual({ sheet: '先进', text: '先进' });
  });

  it('puts a unit at exactly 80.00 in 先进 when 80 is included, 达标 when it is not', async () => {
    const dir = copySample('guannan-2009');
    const inclusive = await variant(dir, () => undefined);
    const run = await runCli([inclusive]);
    expect(run.code).toBe(0);
    expect(await bandOf(dir, '百禄镇')).toEqual({ sheet: '先进', text: '先进' });
    expect(run.stderr).toContain('百禄镇」总分 80.00 恰好等于「先进」的分界 80');

    await variant(dir, editScheme((l) => l.replace('atLeast: 80', 'above: 80')));
    expect((await runCli([path.join(dir, 'variant.xlsx')])).code).toBe(0);
    expect(await bandOf(dir, '百禄镇')).toEqual({ sheet: '达标', text: '达标' });
    expect(readFileSync(path.join(dir, 'variant.通报.txt'), 'utf8')).toContain('超过80分为先进单位');
  });

  it('takes the scheme from --scheme over the embedded sheet', async () => {
    const dir = copySample('guannan-2009');
    const yaml = readFileSync(path.join(dir, 'scheme.yaml'), 'utf8').replace('atLeast: 80', 'atLeast: 95');
    writeFileSync(path.join(dir, 'strict.yaml'), yaml);
    const file = await variant(dir, () => undefined);
    const run = await runCli([file, '--scheme', path.join(dir, 'strict.yaml')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/先进\s*│ 0\s*│ 0\s*│ 1\s*│ 1/);
  });

  it('writes into --out and never over an input', async () => {
    const dir = copySample('guannan-2009');
    const out = tempDir();
    expect((await runCli([path.join(dir, 'annual.xlsx'), '-o', out])).code).toBe(0);
    expect(filesIn(out)).toEqual(['annual.通报.docx', 'annual.通报.txt', 'annual.通报.xlsx']);
  });
});

describe('score: unreadable inputs', () => {
  it.each([
    ['a missing file', () => path.join(tempDir(), 'nope.xlsx'), 'E_FILE_NOT_FOUND', /找不到文件/],
    ['a text file', () => write('scores.xlsx', '单位,得分\n新安镇,90\n'), 'E_NOT_XLSX', /不是 Excel 工作簿/],
    ['an old .xls', () => write('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 'E_OLD_XLS', /旧版 Excel/],
    ['an empty file', () => write('empty.xlsx', ''), 'E_EMPTY_FILE', /空文件/],
    // A folder inside a folder of its own: the folder watched for stray outputs is not the shared /tmp,
    // where other test workers create folders at the same time.
    ['a directory', () => { const d = path.join(tempDir(), 'folder.xlsx'); mkdirSync(d); return d; }, 'E_IS_DIRECTORY', /文件夹/],
    ['a corrupt zip', () => write('broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])), 'E_CORRUPT_XLSX', /已损坏/],
  ])('says so in Chinese for %s, exits 3 and writes nothing', async (_, make, code, message) => {
    const file = make();
    const before = existsSync(path.dirname(file)) ? filesIn(path.dirname(file)) : [];
    const run = await runCli([file]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    if (existsSync(path.dirname(file))) expect(filesIn(path.dirname(file))).toEqual(before);
  });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

describe('score: scheme and indicators from separate files', () => {
  it('reads the indicators from --indicators and reports a points mismatch there with its cells', async () => {
    const dir = copySample('guannan-2009');
    const indicators = path.join(dir, 'indicators.xlsx');
    // A workbook holding only the indicator system, with one leaf's points changed.
    await editWorkbook(path.join(dir, 'annual.xlsx'), indicators, (wb) => {
      for (const ws of [...wb.worksheets]) if (ws.name !== '指标体系') wb.removeWorksheet(ws.id);
      const ws = wb.getWorksheet('指标体系')!;
      ws.getCell('E3').value = 6; // A1 领导小组 5 → 6
    });
    const scores = await variant(dir, (wb) => wb.removeWorksheet(wb.getWorksheet('指标体系')!.id));
    const run = await runCli(['check', scores, '--indicators', indicators]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\S*indicators\.xlsx 指标体系!A2：指标「健全组织」分值为 20，其下级指标合计 21[^\n]*（代码 E_POINTS_CHILDREN）/);
    expect(run.stderr).toContain('A1 6（指标体系!A3）');
  });

  it('says which sheet is missing and how to supply it', async () => {
    const dir = copySample('guannan-2009');
    const file = await variant(dir, (wb) => wb.removeWorksheet(wb.getWorksheet('方案')!.id));
    const run = await runCli([file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('缺少工作表「方案」');
    expect(run.stderr).toContain('--scheme');
  });

  it('exits 2 for an unusable scheme and names the line', async () => {
    const dir = copySample('guannan-2009');
    const file = await variant(dir, editScheme((l) => l.replace('categories:', 'categoies:')));
    const run = await runCli([file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\S*variant\.xlsx 方案!A7 categoies：方案中有未知的键「categoies」。[^\n]*（代码 E_SCHEME_UNKNOWN_KEY）\n\s+→ 是否应为：「categories」/);
  });
});
