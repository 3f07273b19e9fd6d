import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { visibleControls } from '../../src/core/text.js';
import { runCli, tempDir } from '../support/cli.js';
import { writeBook } from '../support/workbook.js';

const ESC = '\x1b';
const RED = `${ESC}[31m一镇${ESC}[0m`;

describe('visibleControls', () => {
  it('shows C0, DEL, C1 and bidi controls visibly, keeps tabs and line breaks', () => {
    expect(visibleControls(RED)).toBe('␛[31m一镇␛[0m');
    expect(visibleControls('a\x00b\x07c\x7fd')).toBe('a␀b␇c␡d');
    expect(visibleControls('\x9b31m\u202e反')).toBe('<U+009B>31m<U+202E>反');
    expect(visibleControls('一\t二\n三\r\n四\r')).toBe('一\t二\n三\n四␍');
    expect(visibleControls('普通文字')).toBe('普通文字');
  });
});

describe('control characters in unit names (\\x1b[31m…)', () => {
  // Before: the ESC sequences reached the terminal (red text) and 通报.txt.
  it('are shown as ␛ on the terminal, in the notice and the workbook, with a warning naming each cell', async () => {
    const dir = tempDir();
    const book = await writeBook(path.join(dir, 'book.xlsx'), {
      方案: 'name: 测试\ncategories: [乡镇]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n',
      指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 60], ['B', '乙', 40]],
    });
    writeFileSync(path.join(dir, '单位名单.csv'), `单位名称,类别\n${RED},乡镇\n二镇,乡镇\n`);
    writeFileSync(path.join(dir, '得分表.csv'), `单位名称,A,B\n${RED},50,30\n二镇,40,20\n`);
    const run = await runCli([book, path.join(dir, '单位名单.csv'), path.join(dir, '得分表.csv')]);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(ESC);
    expect(run.stderr).toMatch(/.*单位名单!A2：.*「␛\[31m一镇␛\[0m」[^\n]*（代码 W_CONTROL_CHARS）/);
    expect(run.stderr).toMatch(/.*得分表!A2：[^\n]*（代码 W_CONTROL_CHARS）/);
    const notice = readFileSync(path.join(dir, 'book.通报.txt'), 'utf8');
    expect(notice).not.toContain(ESC);
    expect(notice).toContain('␛[31m一镇␛[0m');
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'book.通报.xlsx')));
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('␛[31m一镇␛[0m');
    expect(strings).not.toMatch(/\x1b|_x001B_/i);
  });

  it('in a file name are shown visibly in the message', async () => {
    const run = await runCli(['check', path.join(tempDir(), `${ESC}[2J清屏.xlsx`)]);
    expect(run.code).toBe(3);
    expect(run.stderr).not.toContain(ESC);
    expect(run.stderr).toContain('␛[2J清屏.xlsx');
  });
});
