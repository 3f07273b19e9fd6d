import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tempDir } from '../support/cli.js';
import { writeBook } from '../support/workbook.js';

const NAMES = ['__proto__', 'constructor', 'toString', '=SUM(A1:A9)', '+86局', '-1办', '@所'];

describe('unit names that are object keys or look like formulas', () => {
  it('are ordinary units: scored, written as text, neutralised in the notice', async () => {
    const file = await writeBook(path.join(tempDir(), 'names.xlsx'), {
      方案: 'name: 名称\ncategories: [部门]\nbands:\n  - name: constructor\n    atLeast: 60\n  - name: toString\nfigures:\n  - name: 比例\n    values: {constructor: 18%}\n',
      指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 100]],
      单位名单: [['单位名称', '类别'], ...NAMES.map((n) => [n, '部门'])],
      得分表: [['单位名称', 'A'], ...NAMES.map((n, i) => [n, 90 - i * 10])],
    });
    const run = await runCli([file]);
    expect(run.stderr).not.toMatch(/^错误 .*（代码 E_/m);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.replace('.xlsx', '.通报.xlsx'));
    const names: unknown[] = [];
    const bands: unknown[] = [];
    const figures: unknown[] = [];
    wb.getWorksheet('排名')!.eachRow((row, n) => {
      if (n === 1) return;
      names.push(row.getCell(3).value);
      bands.push(row.getCell(6).value);
      figures.push(row.getCell(7).value);
    });
    expect(names).toEqual(NAMES); // strings, never formulas
    expect(bands).toEqual(['constructor', 'constructor', 'constructor', 'constructor', 'toString', 'toString', 'toString']);
    expect(figures).toEqual(['18%', '18%', '18%', '18%', '', '', '']);
    const text = readFileSync(file.replace('.xlsx', '.通报.txt'), 'utf8');
    expect(text).toContain("'=SUM(A1:A9)");
    expect(text).toContain("'+86局");
    expect(text).not.toMatch(/[：、]=SUM/);
  });
});
