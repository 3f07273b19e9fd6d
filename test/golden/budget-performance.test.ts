import path from 'node:path';
import { copySample, runCli } from '../support/cli.js';
import { selfDifferences } from '../support/make-budget-performance.mjs';
import { dumpSheet } from '../support/workbook.js';

// samples/budget-performance assesses projects (unitNoun: 项目), self-assessed by the offices in charge
// (002「自评和外部评价相结合」) and evaluated by the 财政局, whose points count.
describe('sample budget-performance: projects, self-assessed', () => {
  let dir: string;
  let stderr: string;
  beforeAll(async () => {
    dir = copySample('budget-performance');
    const run = await runCli([path.join(dir, 'annual.xlsx')]);
    expect(run.code).toBe(0);
    stderr = run.stderr;
  }, 120_000);

  it('calls the assessed 项目 in the ranking, the other sheets and the notes', async () => {
    const out = path.join(dir, 'annual.通报.xlsx');
    expect((await dumpSheet(out, '排名'))[0]?.[2]).toBe('项目名称');
    expect((await dumpSheet(out, '指标得分'))[0]?.[1]).toBe('项目名称');
    expect((await dumpSheet(out, '扣分明细'))[0]?.[1]).toBe('项目名称');
    expect(stderr).toContain('考核对象!A6：项目「农田水利设施维护」总分 80.00 恰好等于「良」的分界 80');
  });

  it('lists where a self-assessment differs from the evaluation, as the generator reckons it', async () => {
    const sheet = await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '自评对照');
    const rows = sheet.slice(1, -1).map((r) => [r[1], r[2], ...[r[5], r[6], r[7]].map((v) => Number(v).toFixed(2))]);
    const want = selfDifferences();
    expect(want.length).toBeGreaterThan(10);
    expect(rows).toEqual(want);
    expect(sheet.at(-1)?.[0]).toBe(`12 个项目共 84 项自评，与审核不同的 ${want.length} 项列于上表（差额 = 自评 − 审核）；计入总分的是审核分。`);
  });

  it('keeps the roster named 考核对象 when a new year starts from the sample', async () => {
    const to = path.join(dir, '新年度');
    expect((await runCli(['init', to, '--preset', 'budget-performance'])).code).toBe(0);
    const roster = await dumpSheet(path.join(to, '得分表.xlsx'), '考核对象');
    expect(roster.map((r) => r[0])).toContain('农田水利设施维护');
    expect(roster).toHaveLength(13);
    expect((await dumpSheet(path.join(to, '得分表.xlsx'), '自评')).length).toBe(1);
  });
});
