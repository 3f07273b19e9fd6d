import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { instantAnswer } from '../../src/cli/instant.js';
import { helpTextsSource } from '../../src/cli/help-texts-source.js';
import { commandNames, main } from '../../src/cli/main.js';
import { BIN } from '../support/files.js';

/** What the whole tool prints on stdout and exits with for these arguments (stderr must stay empty). */
async function whole(argv: string[]): Promise<{ text: string; code: number }> {
  let text = '';
  let other = '';
  const code = await main(argv, { stdout: { write: (t: string) => (text += t) }, stderr: { write: (t: string) => (other += t) }, env: {}, cwd: '.' });
  expect(other).toBe('');
  return { text, code };
}

describe('help and version answered before the tool loads', () => {
  it('help-texts.ts is what the commands render now (npm run help:texts rewrites it)', async () => {
    expect(readFileSync(new URL('../../src/cli/help-texts.ts', import.meta.url), 'utf8')).toBe(await helpTextsSource());
  });

  const asked = [[], ['--help'], ['-h'], ['help'], ['--version'], ['-V'], ...commandNames().flatMap((c) => [[c, '--help'], [c, '-h'], ['help', c]])];
  it.each(asked.map((argv) => [argv]))('score %j: the same text and exit code as the whole tool gives', async (argv) => {
    const instant = instantAnswer(argv, {});
    expect(instant).toBeDefined();
    expect(instant).toEqual(await whole(argv));
    expect(instant!.text.length).toBeGreaterThan(5);
  });

  it.each([
    [['check', 'a.xlsx']], [['a.xlsx', '--help']], [['--no-color', '--help']], [['--help', '--no-color']], [['help', 'nonexist']],
    [['--version', 'x']], [['check']], [['-x', '--help']], [['constructor', '--help']], [['help', '__proto__']], [['toString', '-h']],
  ])('score %j is left to the whole tool', (argv) => {
    expect(instantAnswer(argv, {})).toBeUndefined();
  });

  it('a console asking for GBK output (SCORE_OUTPUT_ENCODING) goes the whole way, which encodes; UTF-8 does not', () => {
    expect(instantAnswer(['--help'], { SCORE_OUTPUT_ENCODING: 'gbk' })).toBeUndefined();
    expect(instantAnswer(['--help'], { SCORE_OUTPUT_ENCODING: 'UTF-8' })).toBeDefined();
    expect(instantAnswer(['--help'], { SCORE_OUTPUT_ENCODING: '' })).toBeDefined();
  });

  it('the process prints it whole with its exit code; a bare score is a usage error (2)', () => {
    for (const [argv, code] of [[['--help'], 0], [[], 2], [['merge', '-h'], 0], [['--version'], 0]] as const) {
      const r = spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect([r.status, r.stdout, r.stderr]).toEqual([code, instantAnswer(argv, {})!.text, '']);
    }
  });

  it('a full disk (> /dev/full) is a Chinese sentence and exit 3; a reader that goes away is not an error', () => {
    const full = openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('错误 E_OUTPUT_STREAM 无法写入「标准输出」：磁盘已满。\n    → 请检查输出转到的文件或磁盘（如「> 文件」所在的磁盘是否已满）。\n');
    const gone = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --help | head -c 1 >/dev/null`], { encoding: 'utf8' });
    expect([gone.status, gone.stderr]).toEqual([0, '']);
  });
});
