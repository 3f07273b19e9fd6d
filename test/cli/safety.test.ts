import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { copySample, filesIn, runCli, tempDir } from '../support/cli.js';
import { dumpSheet } from '../support/workbook.js';

describe('determinism', () => {
  it('gives byte-identical text and identical workbook contents for the same inputs', async () => {
    const dir = copySample('zhengding');
    const [a, b] = [tempDir(), tempDir()];
    expect((await runCli([path.join(dir, 'annual.xlsx'), '-o', a])).code).toBe(0);
    expect((await runCli([path.join(dir, 'annual.xlsx'), '-o', b])).code).toBe(0);
    expect(readFileSync(path.join(a, 'annual.通报.txt'))).toEqual(readFileSync(path.join(b, 'annual.通报.txt')));
    for (const sheet of ['排名', '附件', '指标得分', '加减分核算', '问题']) {
      expect(await dumpSheet(path.join(a, 'annual.通报.xlsx'), sheet)).toEqual(await dumpSheet(path.join(b, 'annual.通报.xlsx'), sheet));
    }
  });
});

describe('inputs are safe', () => {
  it('refuses to write over an input', async () => {
    const dir = copySample('guannan-2009');
    // The second workbook is named like the first one's output.
    copyFileSync(path.join(dir, 'annual.xlsx'), path.join(dir, 'annual.通报.xlsx'));
    const before = readFileSync(path.join(dir, 'annual.通报.xlsx'));
    const run = await runCli([path.join(dir, 'annual.xlsx'), path.join(dir, 'annual.通报.xlsx')]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('E_OUTPUT_IS_INPUT');
    expect(readFileSync(path.join(dir, 'annual.通报.xlsx'))).toEqual(before);
  });

  it('leaves every input byte-identical after score and check', async () => {
    const dir = copySample('zhengding');
    const input = path.join(dir, 'annual.xlsx');
    const before = readFileSync(input);
    await runCli(['check', input]);
    await runCli([input]);
    expect(readFileSync(input)).toEqual(before);
    expect(filesIn(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
