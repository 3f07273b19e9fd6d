import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesIn, runCli, tempDir } from '../support/cli.js';
import { dumpSheet } from '../support/workbook.js';

describe('score init', () => {
  it('writes a commented scheme, the indicator workbook and an empty score workbook that check can read', async () => {
    const dir = path.join(tempDir(), '新考评');
    const run = await runCli(['init', dir, '--preset', 'guannan-2009']);
    expect(run.code).toBe(0);
    expect(filesIn(dir)).toEqual(['指标体系.xlsx', '得分表.xlsx', '方案.yaml', '通报模板.txt'].sort());
    expect(readFileSync(path.join(dir, '方案.yaml'), 'utf8')).toContain('# 60分处原文有歧义');
    // The roster is kept; the score sheet keeps its title and header, without data.
    expect((await dumpSheet(path.join(dir, '得分表.xlsx'), '单位名单')).length).toBe(44);
    const scores = await dumpSheet(path.join(dir, '得分表.xlsx'), '得分表');
    expect(scores.map((r) => r[0])).toEqual(['全县乡科级单位2009年绩效管理组织工作评估得分表', '单位名称']);
    const check = await runCli(['check', path.join(dir, '得分表.xlsx'), '--scheme', path.join(dir, '方案.yaml'), '--indicators', path.join(dir, '指标体系.xlsx'), '--json']);
    const codes = new Set((JSON.parse(check.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code));
    expect([...codes]).toEqual(['E_NO_SCORE_ROWS']);
  });

  it('never overwrites, and names the presets when one is unknown', async () => {
    const dir = tempDir();
    expect((await runCli(['init', dir])).code).toBe(0);
    const before = readFileSync(path.join(dir, '方案.yaml'));
    const again = await runCli(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('E_WOULD_OVERWRITE');
    expect(readFileSync(path.join(dir, '方案.yaml'))).toEqual(before);
    const unknown = await runCli(['init', tempDir(), '--preset', 'nowhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`可用的样例：${['budget-performance', 'guannan-2009', 'guannan-sanzheng', 'hang-1000', 'jiangsu-2013', 'qitai', 'suqian', 'zhengding'].join('、')}`);
  });
});
