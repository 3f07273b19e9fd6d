import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir, type Run } from './cli.js';
import { writeBook, type Rows } from './workbook.js';

const SCHEME = 'name: 测试\ncategories: [乡镇]\nbands:\n  - name: 合格\n    atLeast: 60\n  - name: 不合格\n';
export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'score.js');

/** A minimal sound book; `scheme` is added to the 方案 sheet (from row 7), `departments` fill 牵头部门. */
export async function smallBook(dir: string, options: { name?: string; scheme?: string; departments?: string[] } = {}): Promise<string> {
  const departments = options.departments ?? ['甲局', '乙局'];
  const indicators: Rows = [['编码', '一级指标', '分值', '牵头部门'], ...departments.map((d, i): (string | number)[] => [`A${i + 1}`, `指标${i + 1}`, i === 0 ? 100 - 10 * (departments.length - 1) : 10, d])];
  const scores: Rows = [['单位名称', ...departments.map((_, i) => `A${i + 1}`)], ['一镇', ...departments.map(() => 5)], ['二镇', ...departments.map(() => 4)]];
  return writeBook(path.join(dir, options.name ?? 'book.xlsx'), {
    方案: SCHEME + (options.scheme ?? ''), 指标体系: indicators, 单位名单: [['单位名称', '类别'], ['一镇', '乡镇'], ['二镇', '乡镇']], 得分表: scores,
  });
}

/** Everything in a folder, hidden entries included: what must be unchanged after a refusal. */
export function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

export function expectNoInternalError(run: Run): void {
  expect(run.stderr).not.toContain('E_INTERNAL');
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

/** The real CLI in a child process, killed if it hangs: a test of "does not wait forever". */
export function runChild(args: string[], cwd = tempDir()): { code: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}
