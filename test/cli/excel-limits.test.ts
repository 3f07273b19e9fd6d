import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { CELL_TEXT_MAX, distinctSheetNames, excelCellText, excelSheetName } from '../../src/core/excel-text.js';
import { periodSuffixes } from '../../src/input/sheet-names.js';
import { runCli, tempDir } from '../support/cli.js';
import { writeBook } from '../support/workbook.js';

/** The sheet names and every text of a written workbook, shared or in its cell, as Excel will read them. */
async function partsOf(file: string): Promise<{ sheets: string[]; strings: string[] }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const unxml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const sheets = [...(await zip.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unxml(m[1]!));
  const texts = await Promise.all(zip.file(/^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/).map((f) => f.async('string')));
  const strings = texts.flatMap((xml) => [...xml.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => unxml(m[1]!)));
  return { sheets, strings };
}

/** What Excel requires of sheet names: at most 31 characters, none of : \ / ? * [ ], distinct ignoring case. */
function expectExcelSheetNames(names: string[]): void {
  for (const n of names) {
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n).not.toMatch(/[:\\/?*[\]]/);
  }
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
}

const LONG = `第三期${'很长的期次名称'.repeat(6)}`;

describe('sheet names Excel opens', () => {
  it('are made from any text deterministically: forbidden characters full-width, long ones cut, taken ones numbered', () => {
    expect(excelSheetName('得分表（上半年/中期）')).toBe('得分表（上半年／中期）');
    expect(excelSheetName('[中期]?*:\\')).toBe('［中期］？＊：＼');
    expect(excelSheetName('a'.repeat(40))).toBe(`${'a'.repeat(30)}…`);
    expect(excelSheetName("'引号'")).toBe('’引号’');
    expect(excelSheetName('History')).toBe('History（表）');
    expect(distinctSheetNames(['表', 'Sheet', 'sheet', '表'])).toEqual(['表', 'Sheet', 'sheet（2）', '表（2）']);
    expect(periodSuffixes(['上/半年', '上／半年', LONG])).toEqual(new Map([['上/半年', '上／半年'], ['上／半年', '上／半年2'], [LONG, `${LONG.slice(0, 24)}…`]]));
  });

  // Before: 得分表（上半年/中期） and 得分表（[年终]?） were written as they are, and Excel refused the file.
  it('template writes period sheets Excel opens, says so, and check reads them back as those periods', async () => {
    const dir = tempDir();
    const book = await writeBook(path.join(dir, 'book.xlsx'), {
      方案: `name: 测试\ncategories: [乡镇]\nperiods: ["上半年/中期", "[年终]?", "${LONG}"]\ncomponents:\n  - part: 甲\n    periods: {"上半年/中期": 50, "[年终]?": 50}\n  - part: 乙\n    periods: {"${LONG}": 100}\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n`,
      指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 60], ['B', '乙', 40]],
      单位名单: [['单位名称', '类别'], ['一镇', '乡镇'], ['二镇', '乡镇']],
    });
    const run = await runCli(['template', book]);
    expect(run.code).toBe(0);
    expect(run.stderr.match(/W_SHEET_RENAMED/g)).toHaveLength(3);
    expect(run.stderr).toContain('期次「上半年/中期」含 Excel 工作表名不允许的字符');
    const form = path.join(dir, '得分填报表.xlsx');
    const { sheets } = await partsOf(form);
    expectExcelSheetNames(sheets);
    expect(sheets).toEqual(expect.arrayContaining(['得分表（上半年／中期）', '得分表（［年终］？）', `得分表（${LONG.slice(0, 24)}…）`]));
    const check = await runCli(['check', form]);
    expect(check.stderr).not.toMatch(/W_UNKNOWN_SHEET|W_UNKNOWN_PERIOD|E_MISSING_SHEET/);
    expect(check.stderr).toContain("'得分表（上半年／中期）'!C3");
    expect(check.stderr).toContain(`得分表（${LONG.slice(0, 24)}…）`);
    const merged = path.join(dir, '合并.xlsx');
    const merge = await runCli(['merge', form, '-o', merged]);
    expect(merge.stderr).not.toMatch(/W_UNKNOWN_SHEET|W_UNKNOWN_PERIOD|^错误 E_/m);
    expect((await partsOf(merged)).sheets).toEqual(expect.arrayContaining(['得分表（上半年／中期）', '得分表（［年终］？）']));
  });
});

describe('cells Excel opens', () => {
  it('a text over 32,767 characters is cut with a note saying how long it was', () => {
    const cut = excelCellText('县'.repeat(40_000));
    expect(cut.length).toBe(CELL_TEXT_MAX);
    expect(cut.endsWith('……（以下从略：原文共 40000 字，超过 Excel 单元格的上限 32767 字）')).toBe(true);
    expect(excelCellText('一镇')).toBe('一镇');
  });

  // Before: a 40,000-character unit name went into 排名 and 指标得分 whole, and Excel refused the file.
  it('score writes a 40,000-character unit name as a cell Excel opens', async () => {
    const dir = tempDir();
    const long = '县'.repeat(40_000);
    const book = await writeBook(path.join(dir, 'book.xlsx'), {
      方案: 'name: 测试\ncategories: [乡镇]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n',
      指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 60], ['B', '乙', 40]],
      单位名单: [['单位名称', '类别'], [long, '乡镇'], ['二镇', '乡镇']],
      得分表: [['单位名称', 'A', 'B'], [long, 50, 30], ['二镇', 40, 20]],
    });
    const run = await runCli([book]);
    expect(run.code).toBe(0);
    const { strings } = await partsOf(path.join(dir, 'book.通报.xlsx'));
    expect(Math.max(...strings.map((s) => s.length))).toBeLessThanOrEqual(CELL_TEXT_MAX);
    expect(strings.some((s) => s.endsWith('超过 Excel 单元格的上限 32767 字）'))).toBe(true);
  });
});
