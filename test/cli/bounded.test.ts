import path from 'node:path';
import { error, warning, type Diagnostic } from '../../src/core/diagnostic.js';
import { boundDiagnostics } from '../../src/report/bound-diagnostics.js';
import { runCli, tempDir } from '../support/cli.js';
import { inlineCell, minimalBook, row, valueCell, writeHandBook } from '../support/hand-xlsx.js';

describe('boundDiagnostics', () => {
  const bad = (n: number): Diagnostic => error('E_UNKNOWN_UNIT', { file: 'a.xlsx', sheet: '得分表', cell: `A${n}` }, `单位「${n}」不在单位名单中。`);

  it('keeps the first of each kind and counts the rest in one line right after them', () => {
    const list = [...Array.from({ length: 30 }, (_, i) => bad(i + 2)), warning('W_UNKNOWN_SHEET', {}, '另一类。')];
    const bounded = boundDiagnostics(list, 5);
    expect(bounded.map((d) => d.code)).toEqual(['E_UNKNOWN_UNIT', 'E_UNKNOWN_UNIT', 'E_UNKNOWN_UNIT', 'E_UNKNOWN_UNIT', 'E_UNKNOWN_UNIT', 'E_UNKNOWN_UNIT', 'W_UNKNOWN_SHEET']);
    expect(bounded[5]).toMatchObject({ severity: 'error', where: { file: 'a.xlsx', sheet: '得分表' }, message: '同类问题（E_UNKNOWN_UNIT）另有 25 处未逐条列出，从 得分表!A7 到 得分表!A31。' });
  });

  it('shows a single leftover itself, not a line that counts one', () => {
    expect(boundDiagnostics(Array.from({ length: 6 }, (_, i) => bad(i + 2)), 5)).toEqual(Array.from({ length: 6 }, (_, i) => bad(i + 2)));
  });
});

describe('50,000 bad rows in a score sheet', () => {
  // Before: 385 s and 10 MB of messages with a roster of 2,000 (a suggestion per row against every unit).
  // Speed is bench/'s to measure (ratios, separate processes), not a timed test's: this holds the report's size.
  it('make a report of a few kilobytes', async () => {
    const units = Array.from({ length: 2000 }, (_, i) => `某某单位${i}`);
    const rows = [row(1, [inlineCell('A1', '单位名称'), inlineCell('B1', 'A'), inlineCell('C1', 'B')])];
    for (let r = 2; r < 50_002; r++) rows.push(row(r, [inlineCell(`A${r}`, `未知单位${r}`), valueCell(`B${r}`, '10'), valueCell(`C${r}`, '10')]));
    const file = await writeHandBook(path.join(tempDir(), 'rows.xlsx'), minimalBook(rows.join(''), { units }));
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr.length).toBeLessThan(20_000);
    expect(run.stderr).toContain('同类问题（E_UNKNOWN_UNIT）另有 49980 处未逐条列出，从 得分表!A22 到 得分表!A50001。');
    expect(run.stderr).toMatch(/错误 5\d{4} 个/);
  }, 300_000);
});
