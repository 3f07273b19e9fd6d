import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tempDir } from '../support/cli.js';
import { writeBook } from '../support/workbook.js';

describe('messages and texts a clerk can act on', () => {
  // Before: commander showed the general help and exited 0.
  it('score help nonexist exits 2 with a Chinese message naming the commands', async () => {
    const run = await runCli(['help', 'nonexist']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有命令「nonexist」');
    expect(run.stderr).toMatch(/可用的命令：check、init、template、merge/);
    expect((await runCli(['help', 'check'])).code).toBe(0);
  });

  // Before: the title =2+2 and the issuer +3 began lines of 通报.txt as they were, a formula when pasted.
  it('a notice title =2+2 is neutralised where it starts a line, and is text in the workbook', async () => {
    const dir = tempDir();
    const book = await writeBook(path.join(dir, 'book.xlsx'), {
      方案: 'name: "=1+1"\ncategories: [乡镇]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\nnotice:\n  title: "=2+2"\n  issuer: "+3"\n',
      指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 60], ['B', '乙', 40]],
      单位名单: [['单位名称', '类别'], ['一镇', '乡镇'], ['二镇', '乡镇']],
      得分表: [['单位名称', 'A', 'B'], ['一镇', 50, 30], ['二镇', 40, 20]],
    });
    expect((await runCli([book])).code).toBe(0);
    const lines = readFileSync(path.join(dir, 'book.通报.txt'), 'utf8').split('\n');
    expect(lines.filter((l) => /^[=+\-@]/.test(l))).toEqual([]);
    expect(lines).toEqual(expect.arrayContaining(["'=2+2", "'+3", "'=1+1分档情况"]));
    // In the middle of a sentence nothing is read as a formula, and nothing is changed.
    expect(lines.some((l) => l.includes('现将=1+1情况通报如下'))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'book.通报.xlsx'));
    expect(wb.getWorksheet('附件')!.getCell('A2').value).toBe('=1+1分档情况');
  });
});
