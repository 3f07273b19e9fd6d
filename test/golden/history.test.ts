import path from 'node:path';
import { standingsFromRows, writeAssessment } from '../support/differential.mjs';
import { runCli, tempDir } from '../support/cli.js';
import { reckon } from '../support/reckoning.mjs';
import { dumpSheet } from '../support/workbook.js';

// Rules across years (docs/scheme.md 往年结果; 002 奇台 连续两年被评为差, 003 连续三年落后, 进位/退位):
// each year's workbook is scored by the CLI, the later one with --previous the earlier 通报; what it
// shows is held to an independent calculation: each year reckoned from the docs (reckoning.mjs, exact
// fractions), then the units matched by name or alias, the rank change and the runs of 差 counted here.

const BANDS = 'bands:\n  - {name: 优秀, atLeast: 90}\n  - {name: 合格, atLeast: 60}\n  - {name: 差}\n';

/** One year's assessment: a one-part scheme; units [name, total, aliases?]. */
function year(y: number, units: [string, number, string?][], more = '') {
  const yaml = `name: 年度考评\nyear: ${y}\ncategories: [部门]\n${BANDS}${more}`;
  return {
    seed: 0, yaml, notes: [`${y}`],
    sheets: {
      方案: yaml,
      指标体系: [['编码', '一级指标', '二级指标', '三级指标', '分值', '评分方法', '参数', '适用类别'], ['A', '工作', null, null, 100, null, null, null]],
      单位名单: [['单位名称', '类别', '别名'], ...units.map(([n, , alias]) => [n, '部门', alias ?? null])],
      得分表: [['单位名称', 'A'], ...units.map(([n, t]) => [n, t])],
    },
  };
}

type Year = ReturnType<typeof year>;

/** Scores each year with the CLI, every earlier 通报 given to the later ones; the last year's 排名 and run. */
async function scoreYears(years: Year[], previousOrder: (files: string[]) => string[] = (f) => f) {
  const dir = tempDir();
  const results: string[] = [];
  let last;
  for (const [i, g] of years.entries()) {
    const file = path.join(dir, `${i}.xlsx`);
    await writeAssessment(file, g);
    const run = await runCli([file, ...(results.length > 0 ? ['--previous', ...previousOrder([...results].reverse())] : [])]);
    if (run.code > 1) throw new Error(run.stderr);
    results.push(file.replace(/\.xlsx$/, '.通报.xlsx'));
    last = { run, rows: await dumpSheet(results.at(-1)!, '排名') };
  }
  return last!;
}

/** The independent calculation: each year reckoned, units matched by name or alias, latest previous year first. */
function expected(years: Year[], rule?: { name: string; band: string; years: number }) {
  const reckoned = years.map((g) => reckon(g.yaml, g.sheets));
  const now = reckoned.at(-1)!;
  const before = reckoned.slice(0, -1).reverse();
  const aliasOf = new Map((years.at(-1)!.sheets.单位名单.slice(1) as (string | null)[][]).map((r) => [r[0]!, r[2]]));
  const find = (r: (typeof reckoned)[number], name: string) => r.units.find((u) => u.name === name || u.name === aliasOf.get(name));
  return new Map(now.units.map((u) => {
    const last = before[0] && find(before[0], u.name);
    const change = last ? last.rank - u.rank : undefined;
    const run = rule !== undefined && before.length >= rule.years - 1 && u.band === rule.band && before.slice(0, rule.years - 1).every((r) => find(r, u.name)?.band === rule.band);
    return [u.name, { change: change === undefined ? '—' : change > 0 ? `进${change}位` : change < 0 ? `退${-change}位` : '持平', flags: run ? rule!.name : '' }];
  }));
}

function shown(rows: unknown[][]) {
  const got = standingsFromRows(rows);
  return new Map([...got.units].map(([name, u]) => [name, { change: (u as unknown as { cell: (c: string) => string | undefined }).cell('名次变化') ?? '（无此列）', flags: u.flags.join('、') }]));
}

describe('rules across years (--previous)', () => {
  const rule = { name: '连续两年为差', band: '差', years: 2 };
  const history = `history:\n  rankChange: true\n  rules:\n    - {name: ${rule.name}, band: ${rule.band}, years: ${rule.years}}\n`;

  it('flags a unit 差 this year and last, shows 进位/退位, and knows a renamed unit by its alias (奇台)', async () => {
    const years = [
      year(2023, [['一局', 50], ['二局', 70], ['三局', 95], ['旧四局', 80]]),
      year(2024, [['一局', 55], ['二局', 40], ['三局', 85], ['四局', 92, '旧四局']], history),
    ];
    const want = expected(years, rule);
    // 2023: 三局 1, 旧四局 2, 二局 3, 一局 4; 2024: 四局 1, 三局 2, 一局 3, 二局 4.
    expect(want.get('一局')).toEqual({ change: '进1位', flags: '连续两年为差' });
    expect(want.get('四局')).toEqual({ change: '进1位', flags: '' });
    expect(want.get('三局')).toEqual({ change: '退1位', flags: '' });
    const { run, rows } = await scoreYears(years);
    expect(run.code).toBe(0);
    expect(shown(rows)).toEqual(want);
  });

  it('counts three years in a row (003 连续三年落后), the previous results ordered by their year whatever the order given', async () => {
    const three = { name: '连续三年落后', band: '差', years: 3 };
    const years = [
      year(2022, [['一局', 50], ['二局', 55], ['三局', 95]]),
      year(2023, [['一局', 52], ['二局', 75], ['三局', 58]]),
      year(2024, [['一局', 40], ['二局', 45], ['三局', 59]], `history:\n  rules:\n    - {name: ${three.name}, band: ${three.band}, years: 3}\n`),
    ];
    const want = expected(years, three);
    expect([...want].filter(([, v]) => v.flags !== '').map(([n]) => n)).toEqual(['一局']);
    const { rows } = await scoreYears(years, (files) => [...files].reverse());
    expect(new Map([...shown(rows)].map(([n, v]) => [n, v.flags]))).toEqual(new Map([...want].map(([n, v]) => [n, v.flags])));
  });

  it('flags nobody and says why when fewer years are given than the rule counts', async () => {
    const years = [
      year(2023, [['一局', 50], ['二局', 70]]),
      year(2024, [['一局', 55], ['二局', 40]], 'history:\n  rules:\n    - {name: 连续三年为差, band: 差, years: 3}\n'),
    ];
    const { run, rows } = await scoreYears(years);
    expect(run.stderr).toContain('W_HISTORY_SHORT');
    expect([...shown(rows).values()].map((v) => v.flags)).toEqual(['', '']);
  });

  it('refuses a rule on a band the scheme does not have, and an award on no indicator', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.xlsx');
    await writeAssessment(file, year(2024, [['一局', 55]], 'history:\n  rules:\n    - {name: 连续两年为差, band: 较差, years: 2}\n'));
    const run = await runCli([file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('E_SCHEME_UNKNOWN_BAND');
    await writeAssessment(file, year(2024, [['一局', 55]], 'awards:\n  - {name: 招商单项奖, on: 招商引资}\n'));
    const award = await runCli([file]);
    expect(award.code).toBe(1);
    expect(award.stderr).toContain('E_SCHEME_TARGET');
  });
});
