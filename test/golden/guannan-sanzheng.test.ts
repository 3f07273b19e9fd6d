import path from 'node:path';
import { copySample, runCli } from '../support/cli.js';
import { dumpSheet } from '../support/workbook.js';

// samples/guannan-sanzheng writes 000's rules as they are (its README「规则」): periods on second-level
// indicators, 述绩 by rater groups, 业务拓展能力 by place out of the trade's 8. The totals are pinned by
// expected/numbers.json (numbers.test.ts); this holds the sample to using those rules.
describe('sample guannan-sanzheng: 000 without workarounds', () => {
  let dir: string;
  beforeAll(async () => {
    dir = copySample('guannan-sanzheng');
    expect((await runCli([path.join(dir, 'annual.xlsx')])).code).toBe(0);
  }, 120_000);

  it('ranks on the four parts of 000: 勤政, 优政, 廉政 and 述绩', async () => {
    const head = (await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '排名'))[0];
    expect(head?.slice(3, 8)).toEqual(['勤政（40）', '优政（30）', '廉政（15）', '述绩（上半年50%+下半年50%）', '总分']);
  });

  it('scores 社会满意程度 once a year inside the quarterly 勤政, and the trade place out of 8', async () => {
    const text = (await runCli(['explain', path.join(dir, 'annual.xlsx'), '北陈集镇'])).stdout;
    expect(text).toContain('QZ1 经济发展程度（8 分）：一季度（25%）评分 7；二季度（25%）评分 6；三季度（25%）评分 6.5；四季度（25%）评分 6.5；各期加权 = 6.5');
    expect(text).toContain('QZ5 社会满意程度（8 分）：比率 85%：8 × 85% = 6.8');
    expect(text).toContain('H1 合作共事能力（6 分）：上半年（50%）评分 5；下半年（50%）评分 4；各期加权 = 4.5');
    expect(text).toContain('Y2 业务拓展能力（6 分）：位次 4 / 共 8：4 ÷ 8 = 50%，在前 50% 一档，5 分');
    expect(text).toContain('总分 79.80，名次 4 / 类别「乡镇」6 个单位，等次「达标」');
  });

  it('weighs the four rater groups of 述绩 equally whatever their size', async () => {
    const text = (await runCli(['explain', path.join(dir, 'annual.xlsx'), '教育局'])).stdout;
    expect(text).toContain('县领导（25%）3 人评分 13.5、15、14：(13.5 + 15 + 14) ÷ 3 = 14.17（精确值 85/6）');
    expect(text).toContain('计入：14.5 × 50% + 14.42（精确值 173/12） × 50% = 14.46（精确值 347/24）');
  });
});
