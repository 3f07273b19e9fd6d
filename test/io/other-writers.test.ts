import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { runCli, SAMPLES, tempDir } from '../support/cli.js';
import { writeBook } from '../support/workbook.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

describe('workbooks written by other programs', () => {
  it('scores the 灌南 sample saved by LibreOffice exactly like the original', async () => {
    const dir = tempDir();
    for (const f of ['annual.xlsx', '通报模板.txt']) copyFileSync(path.join(FIXTURES, 'libreoffice', f), path.join(dir, f));
    const run = await runCli([path.join(dir, 'annual.xlsx')]);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(dir, 'annual.通报.txt'), 'utf8')).toBe(readFileSync(path.join(SAMPLES, 'guannan-2009', 'expected', '通报.txt'), 'utf8'));
  });

  it('reads an openpyxl-style workbook: inline strings, no styles part', async () => {
    const file = await writeBook(path.join(tempDir(), 'plain.xlsx'), {
      方案: 'name: 测试\ncategories: [乡镇]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n',
      指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 60], ['B', '乙', 40]],
      单位名单: [['单位名称', '类别'], ['一镇', '乡镇'], ['二镇', '乡镇']],
      得分表: [['单位名称', 'A', 'B'], ['一镇', 50, 30.5], ['二镇', 40, 15]],
    });
    const zip = await JSZip.loadAsync(readFileSync(file));
    const strings = [...(await zip.file('xl/sharedStrings.xml')!.async('string')).matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]!);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = (await zip.file(name)!.async('string'))
        .replace(/<c r="([A-Z]+\d+)"( s="\d+")? t="s"><v>(\d+)<\/v><\/c>/g, (_, ref: string, __, i: string) => `<c r="${ref}" t="inlineStr"><is><t>${strings[Number(i)]}</t></is></c>`)
        .replace(/ s="\d+"/g, '');
      zip.file(name, xml);
    }
    zip.remove('xl/sharedStrings.xml');
    zip.remove('xl/styles.xml');
    zip.file('xl/_rels/workbook.xml.rels', (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(/<Relationship [^>]*(styles|sharedStrings)\.xml"\/>/g, ''));
    zip.file('[Content_Types].xml', (await zip.file('[Content_Types].xml')!.async('string')).replace(/<Override [^>]*(styles|sharedStrings)\.xml"[^>]*\/>/g, ''));
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(await zip.file('xl/worksheets/sheet4.xml')!.async('string')).toContain('inlineStr');
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    expect(readFileSync(file.replace('.xlsx', '.通报.txt'), 'utf8')).toContain('合格单位1个：一镇；不合格单位1个：二镇。');
  });
});
