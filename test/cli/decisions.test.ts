import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { dumpSheet, writeBook, type Rows } from '../support/workbook.js';

// Issue 10.7: a tie the scheme cannot break is decided by a person once, recorded in a 决定 sheet,
// applied on every later run, and refused when the tie it decides is gone.

const SCHEME = `name: 决定
categories: [部门]
bands:
  - name: 先进
    atLeast: 80
    quota: {count: 1}
  - name: 合格
    atLeast: 60
  - name: 不合格
honours:
  - {name: 一等奖, count: 1}
  - {name: 二等奖, count: 1}
`;

async function run(scores: Rows, decisions?: Rows): Promise<{ code: number; stderr: string; rows: Map<unknown, unknown[]>; file: string }> {
  const file = await writeBook(path.join(tempDir(), 'd.xlsx'), {
    方案: SCHEME,
    指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 100]],
    单位名单: [['单位名称', '类别'], ['一局', '部门'], ['二局', '部门'], ['三局', '部门']],
    得分表: [['单位名称', 'A'], ...scores],
    ...(decisions ? { 决定: [['单位名称', '决定', '依据'], ...decisions] } : {}),
  });
  const r = await runCli([file]);
  const rows = new Map((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名').catch(() => [])).map((x) => [x[2], x]));
  return { code: r.code, stderr: r.stderr, rows, file };
}

const tied: Rows = [['一局', 90], ['二局', 90], ['三局', 70]];

describe('decisions of ties', () => {
  it('leaves the tie pending without a decision', async () => {
    const r = await run(tied);
    expect(r.code).toBe(1);
    expect(r.rows.get('一局')?.[5]).toBe('待定（先进或合格）');
    expect(r.stderr).toContain('「决定」表');
  });

  it('applies a decision for one of the tied units, the other drops, and says on what basis', async () => {
    const r = await run(tied, [['二局', '先进', '县绩效委〔2026〕3号纪要'], ['二局', '一等奖', '县绩效委〔2026〕3号纪要']]);
    expect(r.code).toBe(0);
    expect(r.rows.get('二局')?.slice(5, 7)).toEqual(['先进', '一等奖']);
    expect(r.rows.get('一局')?.slice(5, 7)).toEqual(['合格', '二等奖']);
    expect(r.rows.get('二局')?.[7]).toContain('按人工决定评为先进（依据：县绩效委〔2026〕3号纪要）');
    expect(r.stderr).toContain('I_TIE_BY_DECISION');
    expect(r.stderr).toContain('按人工决定（依据：县绩效委〔2026〕3号纪要），二局 入选');
    // explain and check take the same decisions
    expect((await runCli(['explain', r.file, '一局'])).stdout).toContain('按人工决定（依据：县绩效委〔2026〕3号纪要）未入选');
    expect((await runCli(['check', r.file])).code).toBe(0);
  });

  it('refuses a decision whose tie no longer exists (scores corrected since)', async () => {
    const r = await run([['一局', 91], ['二局', 90], ['三局', 70]], [['二局', '先进', '县绩效委〔2026〕3号纪要']]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/.*决定!B2[^\n]*（代码 E_DECISION_UNUSED）/);
    expect(r.rows.get('一局')?.[5]).toBe('先进');
    expect(r.rows.get('二局')?.[5]).toBe('合格');
  });

  it('refuses more units decided in than there are places, and unknown outcomes and missing bases', async () => {
    const both = await run(tied, [['一局', '先进', '纪要1'], ['二局', '先进', '纪要1']]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/E_DECISION_UNUSED/);
    expect(both.rows.get('一局')?.[5]).toBe('待定（先进或合格）');
    const bad = await run(tied, [['一局', '优秀', '纪要1'], ['二局', '先进', '']]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/.*决定!B2：决定「优秀」不是方案中的等次、荣誉或标记[^\n]*（代码 E_DECISION）/);
    expect(bad.stderr).toMatch(/.*决定!C3：单位「二局」的决定「先进」没有填写依据[^\n]*（代码 E_DECISION）/);
  });
});
