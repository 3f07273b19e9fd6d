import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { dumpSheet, writeBook } from '../support/workbook.js';

// docs/scheme.md「荣誉和标记的并列」: a tie at an honour's or a flag's cut shows 待定 in its cell, never a blank.
const units = ['甲局', '乙局', '丙局', '丁局', '戊局'];

async function score(titles: string, totals: number[]): Promise<{ code: number; stderr: string; rows: Map<unknown, unknown[]>; notice: string }> {
  const file = await writeBook(path.join(tempDir(), 'p.xlsx'), {
    方案: `name: 并列
categories: [部门]
bands:
  - name: 合格
    atLeast: 60
  - name: 不合格
${titles}`,
    指标体系: [['编码', '一级指标', '分值'], ['A', '工作', 100]],
    单位名单: [['单位名称', '类别'], ...units.map((u) => [u, '部门'])],
    得分表: [['单位名称', 'A'], ...units.map((u, i) => [u, totals[i]!])],
  });
  const run = await runCli([file]);
  const rows = new Map((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名')).map((r) => [r[2], r]));
  return { ...run, rows, notice: readFileSync(file.replace('.xlsx', '.通报.txt'), 'utf8') };
}

describe('honours tied at a cut', () => {
  // 甲局 and 乙局 tie at 95 for the one 一等奖: whichever is not chosen is 二等奖, so one 二等奖 place is left, for 丙局.
  const honours = 'honours:\n  - {name: 一等奖, count: 1}\n  - {name: 二等奖, count: 2}\n';

  it('shows 待定（一等奖或二等奖） in the 荣誉 cell, and keeps a 二等奖 place for the one not chosen', async () => {
    const run = await score(honours, [95, 95, 90, 85, 80]);
    expect(run.code).toBe(1);
    // 类别, 名次, 单位名称, 工作, 总分, 等次, 荣誉, 说明
    expect(units.map((u) => run.rows.get(u)?.[6])).toEqual(['待定（一等奖或二等奖）', '待定（一等奖或二等奖）', '二等奖', '', '']);
    expect(run.rows.get('甲局')?.[7]).toBe('一等奖或二等奖待研究决定');
    expect(run.stderr).toMatch(/.*「一等奖」还剩 1 个名额，甲局、乙局 总分同为 95\.00[^\n]*（代码 E_TIE_UNDECIDED）/);
    expect(run.notice).toContain('甲局、乙局因并列待研究决定');
  });
});

describe('flags tied at a cut', () => {
  it('shows 待定（报组织部） in the 标记 cell of both units tied for the last place, in the scheme\'s order of flags', async () => {
    const run = await score('flags:\n  - {name: 报组织部, bottom: 1}\n  - {name: 约谈, bottom: 3}\n', [95, 94, 90, 80, 80]);
    expect(run.code).toBe(1);
    // docs/scheme.md 末位标记: 按方案中 flags 的顺序列出，待定的标记在它的位置上.
    expect(units.map((u) => run.rows.get(u)?.[6])).toEqual(['', '', '约谈', '待定（报组织部）、约谈', '待定（报组织部）、约谈']);
    expect(run.rows.get('丁局')?.[7]).toBe('是否报组织部待研究决定');
  });
});
