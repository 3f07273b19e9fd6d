import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { textFile } from '../../src/io/atomic-write.js';
import { commitFiles, recoverOutputs, type Owner, type PendingFile } from '../../src/io/commit.js';
import { nodeOps, type FileOps } from '../../src/io/file-ops.js';
import { tempDir } from '../support/cli.js';

/** The writer whose commit is cut short, and a later run that finds it (the writer is gone). */
const WRITER: Owner = { pid: 4_000_001, isAlive: () => true };
const LATER: Owner = { pid: 4_000_002, isAlive: () => false };

type Files = Record<string, string>;

/** Every file below `dir` (hidden ones included) with its content. */
function contents(dir: string, under = ''): Files {
  const out: Files = {};
  for (const name of readdirSync(path.join(dir, under))) {
    const rel = path.join(under, name);
    if (statSync(path.join(dir, rel)).isDirectory()) Object.assign(out, contents(dir, rel), { [`${rel}/`]: '' });
    else out[rel] = readFileSync(path.join(dir, rel), 'utf8');
  }
  return out;
}

/** The process "dies" at an operation: it and every later one throw, so no cleanup can run either. */
class Death extends Error {}

interface Faulty {
  ops: FileOps;
  wrap(f: PendingFile): PendingFile;
  /** Operations seen so far. */
  count(): number;
}

/** File operations where the k-th one dies (or throws once: an EIO the process lives through). */
function faultAt(k: number, mode: 'dies' | 'throws'): Faulty {
  let n = 0;
  let dead = false;
  const step = (): void => {
    if (dead) throw new Death('dead');
    if (++n !== k) return;
    if (mode === 'dies') dead = true;
    throw mode === 'dies' ? new Death('killed') : Object.assign(new Error('injected'), { code: 'EIO' });
  };
  const ops = Object.fromEntries(Object.entries(nodeOps).map(([name, fn]) => [name, (...args: unknown[]) => {
    step();
    return (fn as (...a: unknown[]) => unknown)(...args);
  }])) as unknown as FileOps;
  // A staged file's writing counts as two steps: before it starts, and once it is complete.
  const wrap = (f: PendingFile): PendingFile => ({ target: f.target, write: async (temp) => {
    step();
    await f.write(temp);
    step();
  } });
  return { ops, wrap, count: () => n };
}

interface Scenario {
  name: string;
  before: Files;
  keep?: string;
  /** The complete sets a clerk may find afterwards (the input included). */
  outcomes: Files[];
}

const INPUT = { 'a.xlsx': 'input' };
const NEW = { 'a.通报.xlsx': 'new xlsx', 'a.通报.txt': 'new txt' };
const OLD = { 'a.通报.xlsx': 'old xlsx', 'a.通报.txt': 'old txt' };
const SCENARIOS: Scenario[] = [
  { name: 'over an earlier pair', before: { ...INPUT, ...OLD }, outcomes: [{ ...INPUT, ...OLD }, { ...INPUT, ...NEW }] },
  { name: 'into an empty folder', before: INPUT, outcomes: [INPUT, { ...INPUT, ...NEW }] },
  { name: 'over half an earlier pair', before: { ...INPUT, 'a.通报.txt': 'old txt' }, outcomes: [{ ...INPUT, 'a.通报.txt': 'old txt' }, { ...INPUT, ...NEW }] },
  { name: 'keeping the earlier pair in 历史/1', keep: '历史/1', before: { ...INPUT, ...OLD },
    outcomes: [{ ...INPUT, ...OLD }, { ...INPUT, ...NEW, '历史/': '', '历史/1/': '', '历史/1/a.通报.xlsx': 'old xlsx', '历史/1/a.通报.txt': 'old txt' }] },
];

function setUp(s: Scenario): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(s.before)) writeFileSync(path.join(dir, name), text);
  return dir;
}

async function commit(dir: string, s: Scenario, faulty?: Faulty): Promise<void> {
  const files = Object.entries(NEW).map(([name, text]) => textFile(path.join(dir, name), text));
  await commitFiles(faulty ? files.map(faulty.wrap) : files, { owner: WRITER, ...(s.keep ? { keepPrevious: s.keep } : {}), ...(faulty ? { ops: faulty.ops } : {}) });
}

/** A complete set, and nothing hidden left behind. */
function expectWhole(dir: string, s: Scenario): void {
  const found = contents(dir);
  expect(Object.keys(found).filter((p) => p.split(path.sep).some((part) => part.startsWith('.')))).toEqual([]);
  expect(s.outcomes).toContainEqual(found);
}

/** How many file operations a whole commit makes in this scenario. */
async function operations(s: Scenario): Promise<number> {
  const counter = faultAt(0, 'throws');
  await commit(setUp(s), s, counter);
  return counter.count();
}

describe('commitFiles', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('publishes the new set whole %s', async (_, s) => {
    const dir = setUp(s);
    await commit(dir, s);
    expect(contents(dir)).toEqual(s.outcomes[1]);
  });

  // A fault before every operation of the commit (so between every pair of them, and before the
  // first): the process dies there, then the next run recovers; or the operation fails and the
  // process itself settles at once. Either way a clerk finds the whole old set or the whole new one.
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('is whole after a fault at every step %s', async (_, s) => {
    const steps = await operations(s);
    expect(steps).toBeGreaterThanOrEqual(12);
    for (let k = 1; k <= steps; k++) {
      const killed = setUp(s);
      await expect(commit(killed, s, faultAt(k, 'dies'))).rejects.toBeDefined();
      recoverOutputs(killed, LATER);
      expectWhole(killed, s);

      const failed = setUp(s);
      await expect(commit(failed, s, faultAt(k, 'throws'))).rejects.toMatchObject({ exitCode: 3 });
      expectWhole(failed, s);
    }
  });

  // Recovery is cut short too, at each of its own steps: the run after it still finishes the job.
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('recovers even when recovery itself is cut short %s', async (_, s) => {
    const steps = await operations(s);
    let recoverySteps = 0;
    for (let k = 1; k <= steps; k++) {
      for (let j = 1; ; j++) {
        const dir = setUp(s);
        await expect(commit(dir, s, faultAt(k, 'dies'))).rejects.toBeDefined();
        const cut = faultAt(j, 'dies');
        try {
          recoverOutputs(dir, LATER, cut.ops);
        } catch {
          // Killed during recovery.
        }
        recoverOutputs(dir, LATER);
        expectWhole(dir, s);
        recoverySteps++;
        if (cut.count() < j) break;
      }
    }
    expect(recoverySteps).toBeGreaterThan(steps);
  });

  it('leaves the staging folder of a live writer alone, and settles one whose writer is gone', async () => {
    const s = SCENARIOS[0]!;
    const dir = setUp(s);
    // Killed once the first output is staged (operations: 2 checks, mkdir, the write's start and end, then here).
    await expect(commit(dir, s, faultAt(6, 'dies'))).rejects.toBeDefined();
    const hidden = readdirSync(dir).filter((n) => n.startsWith('.'));
    expect(hidden).toHaveLength(1);
    expect(recoverOutputs(dir, { pid: 1, isAlive: (pid) => pid === WRITER.pid })).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual(hidden);
    expect(recoverOutputs(dir, LATER)).toEqual([{ staging: path.join(dir, hidden[0]!), outcome: 'discarded' }]);
    expectWhole(dir, s);
  });

  /** The new pair as files whose writing is logged, and runs `during(i)` while the i-th is being written. */
  function logged(dir: string, events: string[], during: (i: number) => void): PendingFile[] {
    return Object.entries(NEW).map(([name, text], i) => ({ target: path.join(dir, name), write: async (temp) => {
      events.push(`write ${i}`);
      during(i);
      await writeFile(temp, text, { flag: 'wx' });
    } }));
  }

  it('flushes each staged file while the next one is written, and all of them before the journal', async () => {
    const dir = setUp(SCENARIOS[1]!);
    const events: string[] = [];
    let secondStarted!: () => void;
    const started = new Promise<void>((resolve) => (secondStarted = resolve));
    // The first file's flush finishes only once the second file is being written: one after the other, it never would.
    const ops: FileOps = { ...nodeOps,
      flush: async (file) => {
        if (path.basename(file) === '0') await started;
        await nodeOps.flush(file);
        events.push(`flushed ${path.basename(file)}`);
      },
      writeFile: (file, text) => {
        events.push(`journal ${path.basename(file)}`);
        nodeOps.writeFile(file, text);
      } };
    await commitFiles(logged(dir, events, (i) => i === 1 && secondStarted()), { owner: WRITER, ops });
    expect(events.indexOf('write 1')).toBeLessThan(events.indexOf('flushed 0'));
    expect(events.slice(-1)).toEqual(['journal journal.tmp']);
    expect(events.filter((e) => e.startsWith('flushed')).sort()).toEqual(['flushed 0', 'flushed 1']);
    expect(contents(dir)).toEqual(SCENARIOS[1]!.outcomes[1]);
  });

  it('a flush that fails while the next file is written is told for its file, and the earlier pair stays', async () => {
    const s = SCENARIOS[0]!;
    const dir = setUp(s);
    const unhandled: unknown[] = [];
    const listener = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', listener);
    let failFirst!: () => void;
    const failing = new Promise<void>((resolve) => (failFirst = resolve));
    const ops: FileOps = { ...nodeOps,
      flush: async (file) => {
        if (path.basename(file) !== '0') return nodeOps.flush(file);
        await failing;
        throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      } };
    // The first flush fails while the second file is still being written, before anything awaits it.
    const files = logged(dir, [], () => undefined);
    files[1] = { ...files[1]!, write: async (temp) => {
      failFirst();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await writeFile(temp, 'new txt', { flag: 'wx' });
    } };
    try {
      await expect(commitFiles(files, { owner: WRITER, ops })).rejects.toMatchObject({ exitCode: 3, diagnostics: [expect.objectContaining({ where: { file: path.join(dir, 'a.通报.xlsx') } })] });
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect(unhandled).toEqual([]);
    expectWhole(dir, s);
  });

  it('refuses a folder where an output should go, before writing anything', async () => {
    const s = SCENARIOS[1]!;
    const dir = setUp(s);
    mkdirSync(path.join(dir, 'a.通报.xlsx'));
    await expect(commit(dir, s)).rejects.toMatchObject({ exitCode: 2, diagnostics: [expect.objectContaining({ code: 'E_OUTPUT_NOT_FILE' })] });
    expect(contents(dir)).toEqual({ ...INPUT, 'a.通报.xlsx/': '' });
  });

  it.each([
    ['cut off', '{"targets": ["a.通报.txt"]'],
    ['naming a file elsewhere', '{"targets": ["../a.xlsx"], "keep": null}'],
    ['keeping outside the folder', '{"targets": ["a.通报.txt"], "keep": "../elsewhere"}'],
  ])('does not act on a journal it cannot trust (%s)', (_, text) => {
    const dir = setUp(SCENARIOS[0]!);
    const staging = path.join(dir, '.score-4000001-abcdef');
    mkdirSync(staging);
    writeFileSync(path.join(staging, 'journal'), text);
    writeFileSync(path.join(staging, 'old-0'), 'planted');
    expect(() => recoverOutputs(dir, LATER)).toThrow(expect.objectContaining({ diagnostics: [expect.objectContaining({ code: 'E_RECOVERY_FAILED' })] }));
    expect(readFileSync(path.join(dir, 'a.通报.txt'), 'utf8')).toBe('old txt');
  });

  it('keeps the earlier outputs only in a folder below the outputs\' folder', async () => {
    const dir = setUp(SCENARIOS[0]!);
    await expect(commit(dir, { ...SCENARIOS[0]!, keep: '../历史' })).rejects.toThrow('keepPrevious');
    expect(contents(dir)).toEqual({ ...INPUT, ...OLD });
  });
});
