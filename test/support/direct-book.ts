import path from 'node:path';
import { loadInputs } from '../../src/cli/load.js';
import { assess } from '../../src/engine/assess.js';
import { tempDir } from './cli.js';
import { writeBook, type Rows } from './workbook.js';

/**
 * Thirty units each leaf scored as entered (direct), as a province's score sheet mostly is: their
 * leaves are the numbers read (one slab table kept, not two). `blank`: a unit whose C is left blank.
 */
export async function directBook(options: { blank?: number } = {}) {
  const rows: Rows = [['单位名称', 'A', 'B', 'C']];
  for (let i = 0; i < 30; i++) rows.push([`单位${i}`, (i * 7) % 41, 10 + ((i * 13) % 30) / 4, i === options.blank ? null : 20.5]);
  const book = await writeBook(path.join(tempDir(), 'book.xlsx'), {
    方案: 'name: 测试\ncategories: [乡镇]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n',
    指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 40], ['B', '乙', 30], ['C', '丙', 30]],
    单位名单: [['单位名称', '类别'], ...rows.slice(1).map((r) => [r[0]!, '乡镇'])],
    得分表: rows,
  });
  const assembled = await loadInputs([book], {});
  return { assembled, a: assess(assembled.scheme!, assembled.tree!, assembled.entries, {}) };
}
