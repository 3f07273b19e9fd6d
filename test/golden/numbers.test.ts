import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { copySample, runCli, SAMPLES } from '../support/cli.js';

// Every unit's published numbers, held to the sample generator's own exact reckoning
// (test/support/make-*.mjs --expected writes expected/numbers.json), not only band membership:
// an engine that drops a cap, a trim, a period weight or 四舍五入 moves a total and fails here.

interface Expected {
  category: string;
  name: string;
  total: string;
  rank: number;
  band: string;
  honour: string;
  flags: string[];
  figures?: Record<string, string>;
}

interface Numbers {
  generator: string;
  decimals: number;
  figures: string[];
  excluded: string[];
  units: (Expected & { exact: string })[];
}

const ROOT = path.dirname(SAMPLES);
/** A whole sample scored (86 units for 宿迁) on a machine shared with other runs: longer than jest's 30 s default. */
const SAMPLE_RUN = 120_000;
const withExpected = readdirSync(SAMPLES).filter((name) => existsSync(path.join(SAMPLES, name, 'expected')));
const read = (name: string): Numbers => JSON.parse(readFileSync(path.join(SAMPLES, name, 'expected', 'numbers.json'), 'utf8')) as Numbers;

/**
 * A score cell as the clerk sees it: the number in the cell's own format (0.00 → "93.50"), so
 * the comparison is of published text, never of floats; without a fixed format, as Excel's General shows it.
 */
function shown(cell: ExcelJS.Cell): string {
  if (typeof cell.value !== 'number') return cell.text;
  const zeros = /^0(?:\.(0+))?$/.exec(cell.numFmt ?? '');
  return zeros ? cell.value.toFixed(zeros[1]?.length ?? 0) : String(cell.value);
}

/** The 排名 sheet read back, one entry a unit in sheet order, in the shape of numbers.json. */
async function published(file: string, numbers: Numbers): Promise<{ units: Expected[]; excluded: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('排名')!;
  const head = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (name: string): number => head.indexOf(name);
  const units: Expected[] = [];
  const excluded: string[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const at = (name: string): ExcelJS.Cell | undefined => (col(name) > 0 ? row.getCell(col(name)) : undefined);
    // The name column is called after the scheme's unitNoun: 单位名称, 项目名称.
    const name = row.getCell(head.findIndex((h, i) => i > 0 && h.endsWith('名称'))).text;
    if (at('等次')!.text === '不参与评比' && at('名次')!.text === '—' && at('总分')!.text === '—') {
      excluded.push(name);
      continue;
    }
    const flags = at('标记')?.text ?? '';
    units.push({
      category: at('类别')!.text,
      name,
      total: shown(at('总分')!),
      rank: at('名次')!.value as number,
      band: at('等次')!.text,
      honour: at('荣誉')?.text ?? '',
      flags: flags === '' ? [] : flags.split('、'),
      ...(numbers.figures.length > 0 ? { figures: Object.fromEntries(numbers.figures.map((f) => [f, at(f)?.text ?? '（无此列）'])) } : {}),
    });
  }
  return { units, excluded };
}

describe('golden numbers', () => {
  it('every sample with expected results pins its numbers', () => {
    expect(withExpected.filter((name) => !existsSync(path.join(SAMPLES, name, 'expected', 'numbers.json')))).toEqual([]);
  });
});

describe.each(withExpected)('numbers of sample %s', (name) => {
  it('numbers.json is what the generator reckons from the data today', () => {
    const numbers = read(name);
    const run = spawnSync(process.execPath, [numbers.generator, '--expected', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  }, SAMPLE_RUN);

  it('the 排名 sheet publishes every unit\'s total, rank, band, honour and flags as reckoned', async () => {
    const numbers = read(name);
    const dir = copySample(name);
    await runCli([path.join(dir, 'annual.xlsx')]);
    const got = await published(path.join(dir, 'annual.通报.xlsx'), numbers);
    const want = numbers.units.map(({ exact: _exact, ...rest }) => rest);
    expect(got).toEqual({ units: want, excluded: numbers.excluded });
  }, SAMPLE_RUN);
});
