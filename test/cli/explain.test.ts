import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadInputs } from '../../src/cli/load.js';
import { Rational, roundHalfUp } from '../../src/core/rational.js';
import { assess } from '../../src/engine/assess.js';
import { explanationJson } from '../../src/report/explain-json.js';
import { explainUnit } from '../../src/report/explain-model.js';
import { copySample, runCli, SAMPLES } from '../support/cli.js';
import { columnOf, dumpSheet, editWorkbook, rowOf } from '../support/workbook.js';

/** `score explain`: the calculation of one unit, line by line, and the same as JSON that adds up exactly. */

const sample = (name: string): string => path.join(SAMPLES, name, 'annual.xlsx');

describe('score explain (text)', () => {
  it('walks 灌南 汤沟镇 from raw values to the published total, band and margin', async () => {
    const run = await runCli(['explain', sample('guannan-2009'), '汤沟镇']);
    expect(run.code).toBe(0);
    const text = run.stdout;
    expect(text).toContain('C1 干部网上绩效覆盖（10 分）：完成值 28，目标值 30：10 × 28 ÷ 30 = 9.33（精确值 28/3）');
    expect(text).toContain('D1 按时准确报送（15 分）：15 − 1 = 14');
    expect(text).toContain('扣 1 分：半年绩效材料迟报〔annual.xlsx 扣分明细!C21〕');
    expect(text).toContain('扣 0.5 分：档案分类不规范');
    expect(text).toContain('健全组织 7 + 内部绩效 17.5 + 网上绩效 15.33（精确值 46/3） + 材料报送 14 + 档案管理 14.5 = 68.33（精确值 205/3）');
    expect(text).toContain('四舍五入保留 2 位小数，公布总分 68.33');
    expect(text).toContain('名次 13 / 类别「乡镇」14 个单位');
    expect(text).toContain('总分 68.33 未达到「先进」线 80 分（含）');
    expect(text).toContain('距「先进」线 80 分（含）还差 11.67 分');
    // Never a long decimal tail, never a float's digits.
    expect(text).not.toMatch(/\d\.\d{3,}/);
  });

  it('shows 正定 新城铺镇\'s periods, trimmed raters, capped ratio, capped bonus with 事由 and 依据, and its quota place', async () => {
    const run = await runCli(['explain', sample('zhengding'), '新城铺镇']);
    expect(run.code).toBe(0);
    const text = run.stdout;
    expect(text).toContain('指标评估（90 分，中期50%+年终50%）');
    expect(text).toContain('Z13 固定资产投资（15 分）：完成值 108，目标值 100：15 × 108 ÷ 100 = 16.2，达到目标计满分 15');
    expect(text).toContain('ZL 领导评估（10 分）：6 人评分 8.5、9、9.5、8.5、8、7，去掉最高 9.5、最低 7：(8.5 + 9 + 8.5 + 8) ÷ 4 = 8.5');
    expect(text).toContain('计入：79.25 × 50% + 81.25 × 50% = 80.25');
    expect(text).toContain('省委省政府表彰 3 分：被评为省级文明乡镇；依据：冀文明委〔2013〕5号');
    expect(text).toContain('加分合计 5 分，超过上限 4 分，削减 1 分');
    expect(text).toContain('指标评估 80.25 + 领导评估 9 + 加分 4 = 93.25');
    expect(text).toContain('名额 7 × 25% = 1.75，进一为 2 个，本单位为入选的 2 个单位中的第 1 个');
  });

  it('names the veto, the tie-break and the quota cut behind a band', async () => {
    const [vetoed, failed, taken, left, outOfQuota] = await Promise.all([
      runCli(['explain', sample('zhengding'), '南牛乡']),
      runCli(['explain', sample('zhengding'), '农开办']),
      runCli(['explain', sample('zhengding'), '科技局']),
      runCli(['explain', sample('zhengding'), '民政局(宗教局)']),
      runCli(['explain', sample('zhengding'), '国土分局']),
    ]);
    expect(vetoed.stdout).toMatch(/一票否决「特大生产安全事故」（.+）：取消评先资格，不能评为「先进」/);
    expect(vetoed.stdout).toContain('等次：合格');
    expect(failed.stdout).toMatch(/一票否决「失职渎职造成重大损失」（.+）：不论得分，定为最低等次「不合格」/);
    expect(taken.stdout).toContain('按方案依次比较指标评估（科技局 56、民政局(宗教局) 53），入选');
    expect(left.stdout).toContain('按方案依次比较指标评估（科技局 56、民政局(宗教局) 53），未入选');
    expect(left.stdout).toContain('「先进」名额线：第 9 名 科技局 92.00 分，与本单位同分');
    expect(outOfQuota.stdout).toContain('总分 95.50 达到「先进」线 95 分（含），但名额 3—5 个，已由排在前面的单位占满（名额线：第 5 名 城区街道办事处 96.00 分）');
    expect(outOfQuota.stdout).toContain('「先进」名额线：第 5 名 城区街道办事处 96.00 分，相差 0.5 分');
  });

  it('calls the assessed by the scheme\'s noun in the rank and the quota lines (unitNoun: 项目)', async () => {
    const dir = copySample('zhengding');
    writeFileSync(path.join(dir, 'noun.yaml'), `${readFileSync(path.join(dir, 'scheme.yaml'), 'utf8')}\nunitNoun: 项目\n`);
    const run = await runCli(['explain', path.join(dir, 'annual.xlsx'), '国土分局', '--scheme', path.join(dir, 'noun.yaml')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('名次 6 / 类别「古城」9 个项目，等次「合格」');
    expect(run.stdout).toContain('但名额 3—5 个，已由排在前面的项目占满（名额线：第 5 名 城区街道办事处 96.00 分）');
    expect(run.stdout).not.toContain('单位');
  });

  it('explains weights, item caps and source caps (奇台, 杭), bottom bands and honours (宿迁, 杭)', async () => {
    const qitai = await runCli(['explain', sample('qitai'), '吉布库镇']);
    expect(qitai.stdout).toContain('公众评议（100 分，×10%）');
    expect(qitai.stdout).toContain('小计：80；计入 80 × 10% = 8');
    expect(qitai.stdout).toContain('X6 专项绩效考核（10 分）：等级「一般」（5—6 分），评 5.5 分');
    expect(qitai.stdout).toContain('项目「投诉查处」 2.5 分，超过上限 2 分，削减 0.5 分');
    expect(qitai.stdout).toContain('距「良好」线 满分的 80%（80 分，含）还差 5.3 分');
    const hang = await runCli(['explain', sample('hang-1000'), '村建站']);
    expect(hang.stdout).toContain('来源「效能明察暗访」 55 分，超过上限 50 分，削减 5 分');
    expect(hang.stdout).toContain('减分计入：63 → 58 分');
    const second = await runCli(['explain', sample('hang-1000'), '经济发展办']);
    expect(second.stdout).toContain('荣誉：「二等奖」');
    expect(second.stdout).toContain('距「一等奖」：末位 党政办 972.00 分，相差 26 分');
    const bottom = await runCli(['explain', sample('suqian'), '市委研究室']);
    expect(bottom.stdout).toContain('第 16 名，在类别「党群机关」18 个单位的后 3 名之内，不论得分评为「诫勉」');
    expect(bottom.stdout).toContain('脱离后 3 名须超过第 15 名 台办 的 77.32 分，相差 0.1 分');
    expect(bottom.stdout).toContain('公务员优秀比例：12%（随等次「诫勉」）');
  });
});

describe('score explain of a tie nobody decided', () => {
  it('says the unit is 待定 between two bands and why the scheme cannot decide', async () => {
    // 灌南 with 先进 limited to 2 places, and 教育局 brought level with 财政局 on the second one.
    const dir = copySample('guannan-2009');
    const file = path.join(dir, 'annual.xlsx');
    const yaml = readFileSync(path.join(dir, 'scheme.yaml'), 'utf8').replace('    atLeast: 80\n', '    atLeast: 80\n    quota: {count: 2}\n').replace(/\n$/, '').split('\n');
    await editWorkbook(file, file, (wb) => {
      const scheme = wb.getWorksheet('方案')!;
      scheme.eachRow((row) => (row.getCell(1).value = null));
      yaml.forEach((line, i) => (scheme.getCell(i + 1, 1).value = line));
      const ws = wb.getWorksheet('得分表')!;
      const cell = rowOf(ws, '教育局').getCell(columnOf(ws, /^A2/));
      cell.value = Number(cell.value) - 1.75;
    });
    const run = await runCli(['explain', file, '财政局']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('等次「待定（先进或达标）」');
    expect(run.stdout).toContain('与教育局同为 92.50 分，并列在「先进」与「达标」之间的名额线上，方案未规定并列时如何取舍：待定（先进或达标），需人工研究决定');
    const json = JSON.parse((await runCli(['explain', file, '财政局', '--json'])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ band: null, pending: { between: ['先进', '达标'] } });
  });
});

describe('score explain --json', () => {
  it('gives 正定 新城铺镇 as exact strings that add up', async () => {
    const run = await runCli(['explain', sample('zhengding'), '新城铺镇', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ unit: '新城铺镇', category: '乡镇', total: '93.25', exact: '93.25', rank: 2, groupSize: 7, band: '先进' });
    expect(json.parts).toMatchObject([{ name: '指标评估', points: '80.25' }, { name: '领导评估', points: '9' }]);
    expect(json.adjustments).toMatchObject([{ name: '加分', points: '4', raw: '5', cap: '4' }, { name: '减分', points: '0' }]);
    const leader = (json.parts as { periods: { leaves: Record<string, unknown>[] }[] }[])[1]!.periods[0]!.leaves[0]!;
    expect(leader).toMatchObject({ code: 'ZL', points: '8.5', raters: { scores: ['8.5', '9', '9.5', '8.5', '8', '7'], dropped: ['9.5', '7'] } });
  });

  it('writes an unending quotient as n/d, never as a float', async () => {
    const json = JSON.parse((await runCli(['explain', sample('guannan-2009'), '汤沟镇', '--json'])).stdout) as { exact: string; total: string; parts: { name: string; points: string }[] };
    expect(json.exact).toBe('205/3');
    expect(json.total).toBe('68.33');
    expect(json.parts.find((p) => p.name === '网上绩效')?.points).toBe('46/3');
  });
});

/** "205/3" or "68.5" as an exact Rational. */
function exactOf(text: string): Rational {
  const [n, d] = text.split('/');
  return d === undefined ? Rational.parse(n!) : Rational.fraction(BigInt(n!), BigInt(d));
}

const samples = readdirSync(SAMPLES).filter((s) => !s.startsWith('.')).map((s) => [s, '', '']);
// The same with parts rounded before they are added (roundParts), and ranks on the exact total: the
// rounded parts are what adds up then.
const variants = [['qitai', '(roundParts, rankOn: exact)', 'rounding:\n  decimals: 1\n  roundParts: true\n  rankOn: exact\n'], ['zhengding', '(roundParts)', 'rounding:\n  decimals: 1\n  roundParts: true\n']];

describe.each([...samples, ...variants])('every unit of %s explained %s', (name, _label, rounding) => {
  it('adds up exactly: parts and adjustments make the exact total, whose rounding is the 排名 sheet\'s total', async () => {
    const dir = copySample(name);
    const file = path.join(dir, 'annual.xlsx');
    const scheme = path.join(dir, 'scheme.yaml');
    if (rounding) writeFileSync(scheme, readFileSync(scheme, 'utf8').replace(/^rounding:\n(  .*\n)*/m, '') + rounding);
    const options = rounding ? { scheme } : {};
    expect((await runCli([file, ...(rounding ? ['--scheme', scheme] : [])])).code).toBeLessThanOrEqual(1);
    const ranking = await dumpSheet(path.join(dir, 'annual.通报.xlsx'), '排名');
    const totalAt = ranking[0]!.indexOf('总分');
    const published = new Map(ranking.slice(1).map((r) => [r[2], r[totalAt]]));
    const assembled = await loadInputs([file], options);
    expect(assembled.scheme!.rounding.roundParts).toBe(rounding !== '');
    const a = assess(assembled.scheme!, assembled.tree!, assembled.entries, { vetoes: assembled.vetoes, tieBreak: assembled.tieBreak });
    expect(a.results.length).toBeGreaterThan(0);
    for (const result of a.results) {
      const entries = assembled.entries.find((e) => e.unit === result.unit)!;
      const e = explainUnit(a, entries, result);
      const json = explanationJson(e) as { unit: string; exact: string; total: string; parts: { points: string; exact: string }[]; adjustments: { points: string }[] };
      const sum = [...json.parts.map((p) => p.points), ...json.adjustments.map((x) => x.points)].map(exactOf).reduce((x, y) => x.plus(y), Rational.ZERO);
      expect([json.unit, sum.toString()]).toEqual([json.unit, json.exact]);
      expect([json.unit, roundHalfUp(exactOf(json.exact), a.scheme.rounding.decimals).toString()]).toEqual([json.unit, Rational.of(published.get(json.unit) as number).toString()]);
      expect(Rational.parse(json.total).eq(exactOf(String(published.get(json.unit))))).toBe(true);
      // The trace walks the tree as the score does: each part's exact contribution is the engine's.
      for (const p of e.parts) expect(roundHalfUp(p.trace.contribution, a.scheme.rounding.decimals).eq(roundHalfUp(p.counted, a.scheme.rounding.decimals))).toBe(true);
      if (!a.scheme.rounding.roundParts) for (const p of e.parts) expect(p.trace.contribution.eq(p.counted)).toBe(true);
    }
  }, 60_000);
});

describe('score explain finds the unit as everywhere else', () => {
  it('takes an alias, a 简称 and spaces in a name', async () => {
    const [alias, short, spaced] = await Promise.all([
      runCli(['explain', sample('guannan-2009'), '中国银行灌南支行']),
      runCli(['explain', sample('guannan-2009'), '信用社']),
      runCli(['explain', sample('guannan-2009'), '汤  沟镇']),
    ]);
    expect(alias.stdout).toMatch(/^中行（类别「部门」）/);
    expect(short.stdout).toMatch(/^信用联社（类别「部门」）/);
    expect(spaced.stdout).toMatch(/^汤沟镇（类别「乡镇」）/);
  });

  it('names the nearest unit for a typo and exits 1, writing nothing to stdout', async () => {
    const run = await runCli(['explain', sample('zhengding'), '新城铺']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('E_UNKNOWN_UNIT');
    expect(run.stderr).toContain('单位「新城铺」不在单位名单中');
    expect(run.stderr).toContain('是否应为：「新城铺镇」');
  });

  it('says a unit that did not take part is not scored', async () => {
    const run = await runCli(['explain', sample('guannan-2009'), '纪委']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('「纪委」不参与评比（纪组宣、四大办等部门未参与评比）');
    const json = await runCli(['explain', sample('guannan-2009'), '纪委', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ unit: '纪委', excluded: true });
  });

  it('is a usage error without a unit', async () => {
    const run = await runCli(['explain', sample('guannan-2009')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('缺少单位名称');
  });

  it('has Chinese help with an example', async () => {
    const run = await runCli(['explain', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('用法：');
    expect(run.stdout).toContain('例：');
    expect(run.stdout).toContain('--json');
  });
});
