import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { BIN } from '../support/files.js';
import { writeBook, type Rows } from '../support/workbook.js';

const SCHEME = 'name: 测试\ncategories: [乡镇]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n';
const STACK = /\n\s+at .+:\d+:\d+/;

/** A sound book, or (`unknown` > 0) one whose score sheet names that many units not on the roster. */
async function book(dir: string, unknown = 0): Promise<string> {
  const scores: Rows = [['单位名称', 'A', 'B'], ['一镇', 50, 30], ['二镇', 40, 20]];
  for (let i = 0; i < unknown; i++) scores.push([`不在名单上的单位${i}`, 1, 1]);
  return writeBook(path.join(dir, 'book.xlsx'), {
    方案: SCHEME, 指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 60], ['B', '乙', 40]], 单位名单: [['单位名称', '类别'], ['一镇', '乡镇'], ['二镇', '乡镇']], 得分表: scores,
  });
}

interface Child {
  stdout: string;
  stderr: string;
  code: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
  /** Ends the pause of SCORE_TEST_PAUSE_BEFORE_COMMIT. */
  resume(): void;
  /** Resolves once stderr holds `text`. */
  said(text: string): Promise<void>;
}

function start(args: string[], options: { env?: Record<string, string>; stdout?: number | 'pipe'; onStdout?: (c: ReturnType<typeof spawn>) => void } = {}): Child {
  const c = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['pipe', options.stdout ?? 'pipe', 'pipe'] });
  const out: Child = {
    stdout: '', stderr: '',
    code: new Promise((resolve) => c.on('exit', (code) => resolve(code))),
    kill: (signal) => c.kill(signal),
    resume: () => c.stdin!.end('\n'),
    said: (text) => new Promise((resolve) => {
      const look = (): void => { if (out.stderr.includes(text)) resolve(); };
      c.stderr!.on('data', look);
      look();
    }),
  };
  c.stdout?.on('data', (d: Buffer) => { out.stdout += d.toString(); });
  c.stderr!.on('data', (d: Buffer) => { out.stderr += d.toString(); });
  options.onStdout?.(c);
  return out;
}

describe('closed and full output streams', () => {
  it('a reader that stops early (| head -1) ends the run quietly with its own status', async () => {
    const file = await book(tempDir(), 3000);
    const run = start(['check', file, '--json'], { onStdout: (c) => c.stdout!.once('data', () => c.stdout!.destroy()) });
    expect(await run.code).toBe(1);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.stderr).toBe('');
  });

  it('a full disk (> /dev/full) is a Chinese sentence and exit 3', async () => {
    const file = await book(tempDir());
    const full = openSync('/dev/full', 'w');
    const run = start(['check', file, '--json'], { stdout: full });
    closeSync(full);
    expect(await run.code).toBe(3);
    expect(run.stderr).toContain('磁盘已满');
    expect(run.stderr).not.toMatch(STACK);
  });
});

describe('interrupted while writing', () => {
  const OLD = { 'book.通报.xlsx': 'old xlsx', 'book.通报.txt': 'old txt' };
  async function paused(): Promise<{ dir: string; file: string; run: Child }> {
    const dir = tempDir();
    const file = await book(dir);
    for (const [name, text] of Object.entries(OLD)) writeFileSync(path.join(dir, name), text);
    const run = start([file], { env: { SCORE_TEST_PAUSE_BEFORE_COMMIT: '1' } });
    await run.said('SCORE_PAUSED');
    // Staged, not yet committed: the new outputs are in a hidden folder beside the old ones.
    expect(readdirSync(dir).filter((n) => n.startsWith('.score-'))).toHaveLength(1);
    return { dir, file, run };
  }

  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s before the commit: the staging folder is removed, the earlier outputs stay', async (signal, status) => {
    const { dir, run } = await paused();
    run.kill(signal);
    expect(await run.code).toBe(status);
    expect(run.stderr).toContain('已中断');
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'book.通报.txt', 'book.通报.xlsx']);
    for (const [name, text] of Object.entries(OLD)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text);
  });

  it('killed outright (SIGKILL): the next run removes what was left and writes the outputs whole', async () => {
    const { dir, file, run } = await paused();
    run.kill('SIGKILL');
    await run.code;
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toHaveLength(1);
    for (const [name, text] of Object.entries(OLD)) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(text);
    const next = await runCli([file]);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('I_RECOVERED');
    // The earlier pair was not made by score (no record): it is kept in 历史, moved in the same commit.
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'book.通报.docx', 'book.通报.txt', 'book.通报.xlsx', '历史']);
    const kept = readdirSync(path.join(dir, '历史'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(dir, '历史', kept[0]!, 'book.通报.txt'), 'utf8')).toBe('old txt');
    expect(readFileSync(path.join(dir, 'book.通报.txt'), 'utf8')).not.toBe('old txt');
  });

  it('let go at the same point, it publishes the outputs and leaves nothing hidden', async () => {
    const { dir, run } = await paused();
    run.resume();
    expect(await run.code).toBe(0);
    // The earlier pair was not made by score (no record): it is kept in 历史, moved in the same commit.
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'book.通报.docx', 'book.通报.txt', 'book.通报.xlsx', '历史']);
    const kept = readdirSync(path.join(dir, '历史'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(dir, '历史', kept[0]!, 'book.通报.txt'), 'utf8')).toBe('old txt');
    expect(readFileSync(path.join(dir, 'book.通报.txt'), 'utf8')).not.toBe('old txt');
  });
});
