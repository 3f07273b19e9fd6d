import { cpSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { runCli, SAMPLES, tempDir } from '../support/cli.js';

// Issue 10.8: several independent assessments in one go, going on past a broken one.

describe('score batch', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    cpSync(path.join(SAMPLES, 'qitai', 'annual.xlsx'), path.join(dir, '奇台.xlsx'));
    cpSync(path.join(SAMPLES, 'hang-1000', 'annual.xlsx'), path.join(dir, '杭.xlsx'));
    writeFileSync(path.join(dir, '坏的.xlsx'), 'not a workbook');
  });

  it('scores both good workbooks, names the broken one and exits non-zero', async () => {
    const run = await runCli(['batch', dir]);
    expect(run.code).toBe(3);
    expect(existsSync(path.join(dir, '奇台.通报.xlsx'))).toBe(true);
    expect(existsSync(path.join(dir, '杭.通报.xlsx'))).toBe(true);
    expect(existsSync(path.join(dir, '坏的.通报.xlsx'))).toBe(false);
    expect(run.stdout).toContain('共 3 个工作簿，成功 2 个，未完成 1 个。');
    expect(run.stdout).toMatch(/「坏的\.xlsx」：错误 .*（代码 E_NOT_XLSX）/);
    expect(run.stdout).toMatch(/奇台\.xlsx │ 14 +│ 优秀 5、良好 3、合格 3、不合格 3/);
  });

  it('says what changed since the last batch, and gives a JSON summary for scripts', async () => {
    const run = await runCli(['batch', dir, '--json']);
    const json = JSON.parse(run.stdout) as { ok: boolean; workbooks: { workbook: string; code: number; units: number; changes: string | null }[] };
    expect(json.ok).toBe(false);
    const byName = new Map(json.workbooks.map((w) => [path.basename(w.workbook), w]));
    expect(byName.get('奇台.xlsx')).toMatchObject({ code: 0, units: 14, changes: '无变化' });
    expect(byName.get('坏的.xlsx')).toMatchObject({ code: 3, units: 0, changes: null });
    expect(byName.has('奇台.通报.xlsx')).toBe(false);
  });

  it('draws a progress bar on a terminal', async () => {
    let stderr = '';
    const terminal = { write: (s: string) => ((stderr += s), true), isTTY: true };
    await main(['batch', dir], { stdout: { write: () => true }, stderr: terminal, env: { NO_COLOR: '1' }, cwd: process.cwd() });
    expect(stderr).toMatch(/计算中 \[.*\] 3\/3 完成/);
  });

  it('refuses an empty folder with a sentence', async () => {
    const run = await runCli(['batch', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('没有工作簿');
  });
});
