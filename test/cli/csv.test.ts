import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { runCli, tempDir } from '../support/cli.js';
import { writeBook, type Rows } from '../support/workbook.js';

const SCHEME = 'name: 测试\ncategories: [乡镇]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n';
const BASE: Record<string, Rows | string> = {
  方案: SCHEME,
  指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 60], ['B', '乙', 40]],
  单位名单: [['单位名称', '类别'], ['新安镇', '乡镇'], ['田楼乡', '乡镇'], ['中  行', '乡镇']],
};
const SCORES = '单位名称,A,B\n新安镇,50,30.5\n田楼乡,40,15\n中行,"55",35\n';

async function scoreWith(csv: Buffer): Promise<{ code: number; text: string; stderr: string }> {
  const dir = tempDir();
  await writeBook(path.join(dir, 'base.xlsx'), BASE);
  writeFileSync(path.join(dir, '得分表.csv'), csv);
  const run = await runCli([path.join(dir, 'base.xlsx'), path.join(dir, '得分表.csv')]);
  return { code: run.code, stderr: run.stderr, text: run.code === 0 ? readFileSync(path.join(dir, 'base.通报.txt'), 'utf8') : '' };
}

describe('CSV inputs', () => {
  it('reads UTF-8, UTF-8 with BOM and GBK alike, the same as the workbook', async () => {
    const dir = tempDir();
    await writeBook(path.join(dir, 'all.xlsx'), { ...BASE, 得分表: SCORES.trim().split('\n').map((l, r) => l.replace(/"/g, '').split(',').map((v, i) => (r > 0 && i > 0 ? Number(v) : v))) });
    const all = await runCli([path.join(dir, 'all.xlsx')]);
    expect(all.stderr).not.toMatch(/^错误 .*（代码 E_/m);
    expect(all.code).toBe(0);
    const want = readFileSync(path.join(dir, 'all.通报.txt'), 'utf8');
    expect(want).toContain('合格单位2个：中行、新安镇；不合格单位1个：田楼乡');
    for (const bytes of [Buffer.from(SCORES, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SCORES)]), iconv.encode(SCORES, 'gbk')]) {
      const got = await scoreWith(bytes);
      expect(got.stderr).not.toMatch(/^错误 .*（代码 E_/m);
      expect(got.code).toBe(0);
      expect(got.text).toBe(want);
    }
  });

  it('names a bad CSV cell as Excel shows it: sheet from the file name, row and column', async () => {
    const got = await scoreWith(iconv.encode('单位名称,A,B\n新安镇,50,30\n田楼乡,四十,15\n中行,55,35\n', 'gbk'));
    expect(got.code).toBe(1);
    expect(got.stderr).toMatch(/\S+ 得分表!B3：单位「田楼乡」指标「A」：单元格内容「四十」不是数字[^\n]*（代码 E_NOT_A_NUMBER）/);
  });

  it('uses --encoding when given', async () => {
    const dir = tempDir();
    await writeBook(path.join(dir, 'base.xlsx'), BASE);
    writeFileSync(path.join(dir, '得分表.csv'), iconv.encode(SCORES, 'gbk'));
    const wrong = await runCli([path.join(dir, 'base.xlsx'), path.join(dir, '得分表.csv'), '--encoding', 'latin1']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('E_HEADER_NOT_FOUND');
    const unknown = await runCli([path.join(dir, 'base.xlsx'), path.join(dir, '得分表.csv'), '--encoding', 'klingon']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('不认识的编码「klingon」');
  });
});
