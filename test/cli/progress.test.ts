import { jest } from '@jest/globals';
import { progressFor } from '../../src/cli/progress.js';
import type { Context } from '../../src/cli/context.js';

function terminal(isTTY: boolean): { written: string[]; ctx: Context } {
  const written: string[] = [];
  const stream = { write: (s: string) => written.push(s), isTTY };
  return { written, ctx: { stdout: stream, stderr: stream, env: {}, cwd: '/' } };
}

describe('the progress line', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('shows the stage with its count and seconds once a run has taken a second, and clears its line at the end', () => {
    const { written, ctx } = terminal(true);
    const p = progressFor(ctx, false);
    p.stage('计分：20000 个单位');
    jest.advanceTimersByTime(500);
    expect(written).toEqual([]);
    jest.advanceTimersByTime(1000);
    expect(written.at(-1)).toBe('\r\x1b[K计分：20000 个单位……（1 秒）');
    p.done();
    expect(written.at(-1)).toBe('\r\x1b[K');
    const count = written.length;
    jest.advanceTimersByTime(5000);
    expect(written).toHaveLength(count);
  });

  it.each([
    ['not a terminal', false, false, {}],
    ['--quiet', true, true, {}],
    ['TERM=dumb', true, false, { TERM: 'dumb' }],
  ])('says nothing when %s', (_, isTTY, quiet, env) => {
    const { written, ctx } = terminal(isTTY);
    const p = progressFor({ ...ctx, env }, quiet);
    p.stage('读取 1 个文件');
    jest.advanceTimersByTime(5000);
    p.done();
    expect(written).toEqual([]);
  });
});
