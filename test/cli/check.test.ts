import path from 'node:path';
import { copySample, filesIn, runCli } from '../support/cli.js';
import { columnOf, editWorkbook, rowOf } from '../support/workbook.js';

describe('score check', () => {
  it('passes the sample and writes nothing', async () => {
    const dir = copySample('guannan-2009');
    const before = filesIn(dir);
    const run = await runCli(['check', path.join(dir, 'annual.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('检查通过');
    expect(filesIn(dir)).toEqual(before);
  });

  it('names the roster cell where a unit is listed: for a unit without a score row, and for one listed twice', async () => {
    const dir = copySample('guannan-2009');
    const file = path.join(dir, 'bad.xlsx');
    let listed = 0;
    let first = 0;
    let again = 0;
    await editWorkbook(path.join(dir, 'annual.xlsx'), file, (wb) => {
      const roster = wb.getWorksheet('单位名单')!;
      listed = rowOf(roster, '田楼乡').number;
      first = rowOf(roster, '新安镇').number;
      again = roster.rowCount + 1;
      roster.getRow(again).values = ['新安镇', '乡镇'];
      const scores = wb.getWorksheet('得分表')!;
      scores.spliceRows(rowOf(scores, '田楼乡').number, 1);
    });
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`bad.xlsx 单位名单!A${listed}：单位「田楼乡」在「得分表」中没有得分行`);
    expect(run.stderr).toContain(`bad.xlsx 单位名单!A${again}：单位「新安镇」在单位名单中出现了两次（另见 单位名单!A${first}）`);
  });

  it('reports an unknown unit, a score above its maximum, an empty cell and text, each with its cell', async () => {
    const dir = copySample('guannan-2009');
    const file = path.join(dir, 'bad.xlsx');
    await editWorkbook(path.join(dir, 'annual.xlsx'), file, (wb) => {
      const ws = wb.getWorksheet('得分表')!;
      const a1 = columnOf(ws, /^A1/);
      rowOf(ws, '新安镇').getCell(1).value = '新安真';
      rowOf(ws, '田楼乡').getCell(a1).value = 6;
      rowOf(ws, '新集乡').getCell(a1).value = null;
      rowOf(ws, '五队乡').getCell(a1).value = '优秀';
    });
    const before = filesIn(dir);
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\S*bad\.xlsx 得分表!A3：单位「新安真」不在单位名单中。[^\n]*（代码 E_UNKNOWN_UNIT）\n\s+→ 是否应为：「新安镇」/);
    expect(run.stderr).toMatch(/\S*bad\.xlsx 得分表!C4：.*田楼乡.*6 超过分值 5[^\n]*（代码 E_ABOVE_MAX）/);
    expect(run.stderr).toMatch(/\S*bad\.xlsx 得分表!C5：.*新集乡.*单元格为空[^\n]*（代码 E_EMPTY_CELL）/);
    expect(run.stderr).toMatch(/\S*bad\.xlsx 得分表!C6：.*五队乡.*「优秀」不是数字[^\n]*（代码 E_NOT_A_NUMBER）/);
    // 新安镇 has no score row under its own name now: reported, not dropped.
    expect(run.stderr).toMatch(/.*单位「新安镇」在「得分表」中没有得分行[^\n]*（代码 E_MISSING_UNIT_ROW）/);
    expect(filesIn(dir)).toEqual(before);

    const scoring = await runCli([file]);
    expect(scoring.code).toBe(1);
    expect(filesIn(dir)).toEqual(before);
  });

  it('prints every diagnostic as JSON with --json', async () => {
    const dir = copySample('guannan-2009');
    const run = await runCli(['check', '--json', path.join(dir, 'annual.xlsx')]);
    const doc = JSON.parse(run.stdout) as { ok: boolean; diagnostics: { code: string; sheet: string | null; cell: string | null }[] };
    expect(doc.ok).toBe(true);
    expect(doc.diagnostics).toContainEqual(expect.objectContaining({ code: 'W_NAME_ALIAS', sheet: '得分表', cell: 'A35' }));
  });
});
