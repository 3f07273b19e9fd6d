import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { copySample, runCli, SAMPLES } from '../support/cli.js';
import { unlocated } from '../support/locations.js';
import { dumpSheet } from '../support/workbook.js';

// Every sample with expected results is scored and compared: samples never go stale.
const samples = readdirSync(SAMPLES).filter((name) => existsSync(path.join(SAMPLES, name, 'expected')));

describe.each(samples)('sample %s', (name) => {
  let dir: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  const expected = path.join(SAMPLES, name, 'expected');

  beforeAll(async () => {
    dir = copySample(name);
    run = await runCli([path.join(dir, 'annual.xlsx')]);
  }, 120_000); // a whole sample scored (86 units for 宿迁) on a shared machine: longer than jest's 30 s default

  it('scores without errors', () => {
    expect(run.stderr).not.toMatch(/^错误 .*（代码 E_/m);
    expect(run.code).toBe(0);
  });

  it('names the file of everything it reports', () => {
    expect(unlocated(run.stderr)).toEqual([]);
  });

  it('writes the expected notice text', () => {
    expect(readFileSync(path.join(dir, 'annual.通报.txt'), 'utf8')).toBe(readFileSync(path.join(expected, '通报.txt'), 'utf8'));
  });

  it('lays out the expected 附件 sheet', async () => {
    const want = JSON.parse(readFileSync(path.join(expected, '附件.json'), 'utf8')) as { rows: unknown[][] };
    expect(await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '附件')).toEqual(want.rows);
  });

  it('keeps the embedded 方案 sheet equal to scheme.yaml', async () => {
    const lines = (await dumpSheet(path.join(SAMPLES, name, 'annual.xlsx'), '方案')).map((r) => r[0] ?? '');
    expect(`${lines.join('\n')}\n`).toBe(readFileSync(path.join(SAMPLES, name, 'scheme.yaml'), 'utf8'));
  });
});

describe('sample zhengding: the rules behind the result', () => {
  it('names every unit of the roster in the ranking and explains the vetoes, caps and the tie', async () => {
    const dir = copySample('zhengding');
    const run = await runCli([path.join(dir, 'annual.xlsx')]);
    const rows = new Map((await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '排名')).map((r) => [r[2], r]));
    expect(rows.size - 1).toBe(48);
    expect(rows.get('南牛乡')?.slice(8, 10)).toEqual([95.5, '合格']);
    expect(rows.get('农开办')?.slice(8, 10)).toEqual([82, '不合格']);
    expect(rows.get('新城铺镇')?.[11]).toBe('加分合计 5 分，超过上限 4 分，按 4 分计');
    expect(rows.get('县行政服务中心')?.slice(7, 9)).toEqual([4, 66]);
    expect(rows.get('县行政服务中心')?.[11]).toBe('减分合计 4.5 分，超过上限 4 分，按 4 分计');
    expect([rows.get('科技局')?.[1], rows.get('民政局(宗教局)')?.[1]]).toEqual([9, 9]);
    expect(rows.get('国土分局')?.slice(8, 10)).toEqual([95.5, '合格']);
    expect(run.stderr).toContain('类别「乡镇」共 7 个单位，「先进」名额 1.75 个，按方案进一为 2 个');
    expect(run.stderr).toContain('科技局、民政局(宗教局) 总分同为 92.00，按方案依次比较指标评估，科技局 入选');
  }, 120_000);
});
