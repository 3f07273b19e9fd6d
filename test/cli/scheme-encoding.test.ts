import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { runCli, tempDir } from '../support/cli.js';
import { writeBook } from '../support/workbook.js';

const SCHEME = 'name: 测试\ncategories: [乡镇]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n';

async function withScheme(bytes: Buffer): Promise<string[]> {
  const dir = tempDir();
  const book = await writeBook(path.join(dir, 'book.xlsx'), {
    指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 60], ['B', '乙', 40]],
    单位名单: [['单位名称', '类别'], ['一镇', '乡镇'], ['二镇', '乡镇']],
    得分表: [['单位名称', 'A', 'B'], ['一镇', 50, 30], ['二镇', 40, 20]],
  });
  writeFileSync(path.join(dir, '方案.yaml'), bytes);
  return ['check', book, '--scheme', path.join(dir, '方案.yaml')];
}

describe('a --scheme file saved in another encoding', () => {
  // Before: GBK read as UTF-8 gave 「方案的类别：����」, UTF-16 gave 「方案为空」.
  it.each([
    ['GBK (Windows 「ANSI」)', iconv.encode(SCHEME, 'gbk')],
    ['UTF-16 LE with BOM (Windows 「Unicode」)', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SCHEME, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SCHEME, 'utf16be')])],
    ['UTF-16 LE without BOM', iconv.encode(SCHEME, 'utf16le')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SCHEME)])],
  ])('is read: %s', async (_, bytes) => {
    const run = await runCli(await withScheme(bytes));
    expect(run.stderr).toContain('检查通过');
    expect(run.code).toBe(0);
  });

  it('that no encoding reads is said, with the encoding to save in', async () => {
    const run = await runCli(await withScheme(Buffer.concat([Buffer.from(SCHEME), Buffer.from([0xff, 0xfe, 0xff])])));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/.*方案.yaml.*编码无法识别[^\n]*（代码 E_TEXT_ENCODING）/);
    expect(run.stderr).toContain('「UTF-8」');
  });

  it('that is a workbook is said to be one', async () => {
    const args = await withScheme(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const run = await runCli(args);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('是压缩文件（如 Excel 工作簿），不是文本文件');
  });
});
