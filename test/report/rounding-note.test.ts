import path from 'node:path';
import { copySample, runCli } from '../support/cli.js';
import { dumpSheet, type DumpValue } from '../support/workbook.js';

// Issue 9: where the figures a table shows do not add up to the total it shows (each rounded on
// its own, the total once from the exact sum), a note under the table says so and names the units.
// Checked against the sheet's own cells, added up here as integers of hundredths.

const hundredths = (v: DumpValue): bigint => {
  const [whole, part = ''] = String(v).split('.');
  const sign = whole!.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole!.replace('-', '')) * 100n + BigInt(part.padEnd(2, '0').slice(0, 2)));
};

async function detail(sample: string): Promise<{ off: string[]; note: string | undefined }> {
  const dir = copySample(sample);
  expect((await runCli([path.join(dir, 'annual.xlsx')])).code).toBeLessThanOrEqual(1);
  const rows = await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '指标得分');
  const head = rows[0]!.map(String);
  const total = head.indexOf('总分');
  const units = rows.slice(1).filter((r) => typeof r[total] === 'number');
  const off = units.filter((r) => {
    const shown = r.slice(2, total).filter((v) => typeof v === 'number').reduce((s: bigint, v) => s + hundredths(v), 0n);
    return shown !== hundredths(r[total]!);
  }).map((r) => String(r[1]));
  const note = rows.map((r) => r[0]).find((v): v is string => typeof v === 'string' && v.startsWith('注：总分由精确值相加'));
  return { off, note };
}

describe('the 指标得分 rounding note', () => {
  it('names the units whose shown figures do not add up to their shown total (suqian)', async () => {
    const { off, note } = await detail('suqian');
    expect(off.length).toBeGreaterThan(0);
    expect(note).toContain(`因此${off.slice(0, 5).join('、')}${off.length > 5 ? `等 ${off.length} 个单位` : ''}的各指标得分相加`);
  });

  it('is not there when every unit\'s figures add up (guannan-2009)', async () => {
    const { off, note } = await detail('guannan-2009');
    expect([off, note]).toEqual([[], undefined]);
  });
});
