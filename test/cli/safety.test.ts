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

/** Runs `body` with the clock an hour and a day ahead: what it writes must not carry the time. */
async function later<T>(body: () => Promise<T>): Promise<T> {
  const Real = Date;
  const shift = 25 * 3600 * 1000 + 1000;
  class Later extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(Real.now() + shift);
      else super(...(args as [number]));
    }
    static override now(): number {
      return Real.now() + shift;
    }
  }
  globalThis.Date = Later as DateConstructor;
  try {
    return await body();
  } finally {
    globalThis.Date = Real;
  }
}

/** Every file of a folder, as bytes. */
function bytesOf(dir: string): Record<string, Buffer> {
  return Object.fromEntries(filesIn(dir).map((f) => [f, readFileSync(path.join(dir, f))]));
}

describe('the same inputs give the same bytes, at any time', () => {
  it.each([
    ['score', (input: string, out: string) => [input, '-o', out]],
    ['template', (input: string, out: string) => ['template', input, '--by-department', '-o', out]],
    ['init', (_: string, out: string) => ['init', out, '--preset', 'zhengding']],
  ])('%s', async (_, args) => {
    const input = path.join(copySample('zhengding'), 'annual.xlsx');
    const [a, b] = [tempDir(), tempDir()];
    expect((await runCli(args(input, a))).code).toBe(0);
    expect((await later(() => runCli(args(input, b)))).code).toBe(0);
    expect(Object.keys(bytesOf(a)).length).toBeGreaterThan(0);
    expect(bytesOf(b)).toEqual(bytesOf(a));
  });

  it('merge', async () => {
    const dir = copySample('guannan-2009');
    expect((await runCli(['template', path.join(dir, 'annual.xlsx'), '-o', path.join(dir, 'forms')])).code).toBe(0);
    const form = path.join(dir, 'forms', '得分填报表.xlsx');
    const [a, b] = [path.join(tempDir(), 'm.xlsx'), path.join(tempDir(), 'm.xlsx')];
    expect((await runCli(['merge', form, '-o', a])).code).toBe(0);
    expect((await later(() => runCli(['merge', form, '-o', b]))).code).toBe(0);
    expect(readFileSync(b)).toEqual(readFileSync(a));
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
