import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesIn, runCli, tempDir } from '../support/cli.js';
import { runChild } from '../support/files.js';
import { dumpSheet } from '../support/workbook.js';

describe('score init', () => {
  it('writes a commented scheme, the indicator workbook and an empty score workbook that check can read', async () => {
    const dir = path.join(tempDir(), '新考评');
    const run = await runCli(['init', dir, '--preset', 'guannan-2009']);
    expect(run.code).toBe(0);
    expect(filesIn(dir)).toEqual(['指标体系.xlsx', '得分表.xlsx', '方案.yaml', '通报模板.txt'].sort());
    const scheme = readFileSync(path.join(dir, '方案.yaml'), 'utf8');
    expect(scheme).toContain('roundParts: false    # 各部分不先取舍，总分计算后再取舍');
    expect(scheme).toMatch(/^name: 【待填】/m);
    // The roster is kept; the score sheet keeps its title and header, without data.
    expect((await dumpSheet(path.join(dir, '得分表.xlsx'), '单位名单')).length).toBe(44);
    const scores = await dumpSheet(path.join(dir, '得分表.xlsx'), '得分表');
    // The sample's year is not carried into a new year's title: it is marked to fill in, as in the scheme.
    expect(scores.map((r) => r[0])).toEqual(['全县乡科级单位【待填】年绩效管理组织工作评估得分表', '单位名称']);
    const check = await runCli(['check', path.join(dir, '得分表.xlsx'), '--scheme', path.join(dir, '方案.yaml'), '--indicators', path.join(dir, '指标体系.xlsx'), '--json']);
    const codes = new Set((JSON.parse(check.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code));
    expect([...codes].sort()).toEqual(['E_NO_SCORE_ROWS', 'W_SCHEME_PLACEHOLDER']);
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

  it.each(['guannan-2009', 'zhengding', 'qitai', 'hang-1000', 'suqian', 'jiangsu-2013'])('%s: a scheme free of sample notes, its year, name, titles, 文号 and date marked to fill in', async (preset) => {
    const dir = tempDir();
    expect((await runCli(['init', dir, '--preset', preset])).code).toBe(0);
    const scheme = readFileSync(path.join(dir, '方案.yaml'), 'utf8');
    expect(scheme).not.toMatch(/种子|测试会核对|本样例|annual\.xlsx/);
    for (const key of ['name', 'year', '  title', '  appendixTitle', '  docNumber', '  date']) expect(scheme).toMatch(new RegExp(`^${key}: .*【待填】`, 'm'));
    const check = await runCli(['check', path.join(dir, '得分表.xlsx'), '--scheme', path.join(dir, '方案.yaml'), '--indicators', path.join(dir, '指标体系.xlsx')]);
    expect(check.stderr.split('\n').filter((l) => l.includes('W_SCHEME_PLACEHOLDER'))).toHaveLength(6);
  });

  it('prints next steps that run exactly as printed from where init was run', () => {
    const cwd = tempDir();
    const init = runChild(['init', '2026 年度'], cwd);
    expect(init.code).toBe(0);
    const printed = /检查：score (check .*)/.exec(init.stdout)?.[1];
    expect(printed).toBe('check "2026 年度/得分表.xlsx" --scheme "2026 年度/方案.yaml" --indicators "2026 年度/指标体系.xlsx"');
    const args = [...printed!.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    const check = runChild(args, cwd);
    // The starter has a roster and no scores yet: that, and the placeholders, are all check finds.
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('E_NO_SCORE_ROWS');
    expect(check.stderr).not.toMatch(/E_FILE_NOT_FOUND|E_MISSING_SHEET/);
  });
});
