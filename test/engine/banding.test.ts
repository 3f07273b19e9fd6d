import { Rational } from '../../src/core/rational.js';
import { assignBands, cutAt, quotaPlaces, type Contender } from '../../src/engine/banding.js';
import { awardHonours, bottomFlag, giveHonours, type HonourStanding } from '../../src/engine/honours.js';
import type { Band, Honour } from '../../src/scheme/schema.js';

/** Contenders from totals, best first as ranking gives them; id = position. */
function field(totals: (string | [string, ...string[]])[], veto: Record<number, 'ineligible' | 'fail'> = {}): Contender[] {
  return totals.map((t, id) => {
    const [total, ...keys] = Array.isArray(t) ? t : [t];
    const c: Contender = { id, total: Rational.of(total), basis: Rational.of(total), tieKeys: keys.map((k) => Rational.of(k)) };
    if (veto[id]) c.veto = veto[id];
    return c;
  });
}

function bandsOf(placements: ReturnType<typeof assignBands>['placements']): string[] {
  return [...placements.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => (p.kind === 'band' ? p.band : `待定:${p.between.join('/')}`));
}

const threshold: Band[] = [{ name: '先进', atLeast: '80' }, { name: '达标', atLeast: '60' }, { name: '未达标' }];
const exclusive: Band[] = [{ name: '先进', above: '80' }, { name: '达标', above: '60' }, { name: '未达标' }];

describe('bands by threshold', () => {
  it.each([['80', '先进', '达标'], ['80.01', '先进', '先进'], ['79.99', '达标', '达标'], ['60', '达标', '未达标'], ['0', '未达标', '未达标'], ['100', '先进', '先进']])(
    'puts %s in %s when the boundary is included and %s when it is not', (score, withBound, withoutBound) => {
      expect(bandsOf(assignBands(field([score]), threshold).placements)).toEqual([withBound]);
      expect(bandsOf(assignBands(field([score]), exclusive).placements)).toEqual([withoutBound]);
    });
});

describe('quotas (002 正定)', () => {
  const zhengding = (rounding: 'up' | 'down' | 'half-up'): Band[] => [{ name: '先进', atLeast: '90', quota: { percent: '25', rounding } }, { name: '合格', atLeast: '60' }, { name: '不合格' }];

  it('rounds 25% of 7 as the scheme says: up and half-up give 2, down gives 1', () => {
    expect(quotaPlaces({ percent: '25', rounding: 'up' }, 7).places).toBe(2);
    expect(quotaPlaces({ percent: '25', rounding: 'half-up' }, 7).places).toBe(2);
    expect(quotaPlaces({ percent: '25', rounding: 'down' }, 7).places).toBe(1);
    expect(quotaPlaces({ percent: '25', rounding: 'up' }, 32).places).toBe(8);
    expect(quotaPlaces({ percent: '25', rounding: 'up' }, 7).exact.toString()).toBe('1.75');
  });

  it('gives the top 2 of 7 乡镇 先进, the rest by score', () => {
    const { placements } = assignBands(field(['96', '93', '92', '88', '75', '61', '58']), zhengding('up'));
    expect(bandsOf(placements)).toEqual(['先进', '先进', '合格', '合格', '合格', '合格', '不合格']);
  });

  it('never lets the quota override the 90 floor: fewer 先进 when fewer reach 90', () => {
    const { placements, events } = assignBands(field(['91', '89.99', '85', '70', '65', '64', '63']), zhengding('up'));
    expect(bandsOf(placements)).toEqual(['先进', '合格', '合格', '合格', '合格', '合格', '合格']);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'quota-short', band: '先进', quota: 2, got: 1 }));
  });

  it('takes 3–5 at ≥ 95 (古城): at most 5, fewer when fewer reach 95', () => {
    const gucheng: Band[] = [{ name: '先进', atLeast: '95', quota: { min: 3, max: 5 } }, { name: '合格', atLeast: '60' }, { name: '不合格' }];
    expect(bandsOf(assignBands(field(['99', '98', '97', '96', '96.5', '95', '80']), gucheng).placements).filter((b) => b === '先进')).toHaveLength(5);
    const few = assignBands(field(['99', '97', '94', '80']), gucheng);
    expect(bandsOf(few.placements)).toEqual(['先进', '先进', '合格', '合格']);
    expect(few.events).toContainEqual(expect.objectContaining({ kind: 'quota-short', min: 3, got: 2 }));
  });
});

describe('ties at a cut', () => {
  const two: Band[] = [{ name: '先进', atLeast: '90', quota: { count: 2 } }, { name: '合格', atLeast: '60' }, { name: '不合格' }];

  it('leaves units tied for the last place pending and says so, when nothing decides', () => {
    const { placements, events } = assignBands(field(['95', '91.5', '91.5', '80']), two);
    expect(bandsOf(placements)).toEqual(['先进', '待定:先进/合格', '待定:先进/合格', '合格']);
    expect(events).toContainEqual({ kind: 'tie-undecided', band: '先进', ids: [1, 2], places: 1 });
  });

  it('decides by the declared tie-break (the higher 指标评估)', () => {
    const { placements, events } = assignBands(field(['95', ['91.5', '80'], ['91.5', '81'], '80']), two);
    expect(bandsOf(placements)).toEqual(['先进', '合格', '先进', '合格']);
    expect(events).toContainEqual({ kind: 'tie-decided', band: '先进', ids: [2, 1], taken: [2] });
  });

  it('goes on to the next tie-break part when the first is also equal', () => {
    const { placements } = assignBands(field(['95', ['91.5', '80', '9'], ['91.5', '80', '10'], '80']), two);
    expect(bandsOf(placements)).toEqual(['先进', '合格', '先进', '合格']);
  });

  it('keeps pending only those still equal after the tie-break', () => {
    const cut = cutAt(field(['95', ['91', '5'], ['91', '7'], ['91', '7'], '90']), 2, '先进');
    expect(cut.taken.map((c) => c.id)).toEqual([0]);
    expect(cut.pending.map((c) => c.id)).toEqual([2, 3]);
  });

  it('is no tie when the equal totals sit wholly inside or outside the quota', () => {
    expect(cutAt(field(['95', '95', '90', '90']), 2, '先进')).toEqual({ taken: field(['95', '95']), pending: [] });
  });
});

describe('vetoes (一票否决)', () => {
  it('keeps an ineligible unit out of the top band only, and puts a failed unit in the last band', () => {
    const { placements } = assignBands(field(['98', '97', '96'], { 0: 'ineligible', 1: 'fail' }), threshold);
    expect(bandsOf(placements)).toEqual(['达标', '未达标', '先进']);
  });

  it('gives the quota place of a vetoed unit to the next in line', () => {
    const bands: Band[] = [{ name: '先进', atLeast: '90', quota: { count: 1 } }, { name: '合格', atLeast: '60' }, { name: '不合格' }];
    expect(bandsOf(assignBands(field(['98', '95'], { 0: 'ineligible' }), bands).placements)).toEqual(['合格', '先进']);
  });
});

describe('honours and bottom flags', () => {
  const honours = [{ name: '一等奖', count: 1, scope: 'all' as const }, { name: '二等奖', count: 2, scope: 'all' as const }, { name: '三等奖', count: 3, scope: 'all' as const }];

  it('gives 一等奖 1, 二等奖 2, 三等奖 3 by rank (杭)', () => {
    const titles = giveHonours(field(['990', '980', '970', '960', '950', '940', '930', '920']), honours);
    expect([...titles.given.entries()]).toEqual([[0, '一等奖'], [1, '二等奖'], [2, '二等奖'], [3, '三等奖'], [4, '三等奖'], [5, '三等奖']]);
  });

  it('leaves a tie across an honour cut pending between the two honours', () => {
    const titles = giveHonours(field(['990', '980', '980', '980', '950']), honours);
    expect(titles.given.get(0)).toBe('一等奖');
    expect([...titles.pending.entries()]).toEqual([[1, ['二等奖', '三等奖']], [2, ['二等奖', '三等奖']], [3, ['二等奖', '三等奖']]]);
  });

  it('flags the bottom three (宿迁 后三位)', () => {
    const result = bottomFlag(field(['90', '85', '80', '75', '70']), { name: '诫勉谈话', bottom: 3, scope: 'category' });
    expect(result.flagged.sort()).toEqual([2, 3, 4]);
  });

  it('flags only those of the bottom three also at most 60 (正定 "60分以下且后三名")', () => {
    const result = bottomFlag(field(['90', '85', '62', '60', '55']), { name: '报组织部', bottom: 3, atMost: '60', scope: 'category' });
    expect(result.flagged.sort()).toEqual([3, 4]);
  });

  it('reports a tie at the bottom cut instead of choosing', () => {
    const result = bottomFlag(field(['90', '70', '70', '60', '50']), { name: '诫勉谈话', bottom: 3, scope: 'category' });
    expect(result.flagged.sort()).toEqual([3, 4]);
    expect(result.pending.sort()).toEqual([1, 2]);
    expect(result.event).toMatchObject({ kind: 'tie-undecided', places: 1 });
  });
});

describe('cutAt: the tie-break settles what it can', () => {
  it('takes both units that the tie-break puts ahead when they fit', () => {
    const cut = cutAt(field(['95', ['91', '5'], ['91', '7'], ['91', '7'], '90']), 3, '先进');
    expect(cut.taken.map((c) => c.id).sort()).toEqual([0, 2, 3]);
    expect(cut.pending).toEqual([]);
  });
});

describe('a last band by rank (003 宿迁: 后三位 → 诫勉)', () => {
  const suqian: Band[] = [{ name: '先进', atLeast: '90', quota: { count: 2 } }, { name: '达标' }, { name: '诫勉', bottom: 3 }];

  it('puts the bottom three in 诫勉 whatever their scores, the rest by the other bands', () => {
    const { placements } = assignBands(field(['96', '94', '93', '91', '90.5', '90.2']), suqian);
    expect(bandsOf(placements)).toEqual(['先进', '先进', '达标', '诫勉', '诫勉', '诫勉']);
  });

  it('leaves a tie at the bottom cut pending between 达标 and 诫勉', () => {
    const { placements, events } = assignBands(field(['96', '94', '85', '85', '80', '70']), suqian);
    expect(bandsOf(placements)).toEqual(['先进', '先进', '待定:达标/诫勉', '待定:达标/诫勉', '诫勉', '诫勉']);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'tie-undecided', band: '诫勉', places: 1 }));
  });
});

describe('a tie left to a person at one quota takes places of the next', () => {
  it('gives the next band one place fewer for each tied unit that will drop into it', () => {
    const bands: Band[] = [{ name: '优秀', atLeast: '0', quota: { count: 1 } }, { name: '良好', atLeast: '0', quota: { count: 2 } }, { name: '一般' }];
    // 90 and 90 tie for the one 优秀 place; the one not chosen is 良好, so 良好 has one place left: 85.
    expect(bandsOf(assignBands(field(['90', '90', '85', '80', '70']), bands).placements)).toEqual(['待定:优秀/良好', '待定:优秀/良好', '良好', '一般', '一般']);
  });
});

describe('ties whose losers carry past the next band (docs: 名额 — 多出的继续落入再下一个等次)', () => {
  const three: Band[] = [{ name: '优秀', atLeast: '80', quota: { count: 1 } }, { name: '良好', atLeast: '70', quota: { count: 1 } }, { name: '合格', atLeast: '60', quota: { count: 1 } }, { name: '不合格' }];

  it('gives the two that drop 良好\'s and 合格\'s places, so 90 is 不合格, and lists all three bands in the 待定', () => {
    expect(bandsOf(assignBands(field(['95', '95', '95', '90']), three).placements)).toEqual(['待定:优秀/良好/合格', '待定:优秀/良好/合格', '待定:优秀/良好/合格', '不合格']);
  });

  it('stops at the band that takes them all: two tied for 优秀, one drops into 良好', () => {
    expect(bandsOf(assignBands(field(['95', '95', '90', '85']), three).placements)).toEqual(['待定:优秀/良好', '待定:优秀/良好', '合格', '不合格']);
  });
});

describe('a tie at the bottom cut (docs: bottom — 未入选的按分数评定)', () => {
  it('leaves the tied units between the band their score earns and the last', () => {
    const bands: Band[] = [{ name: '优秀', atLeast: '90' }, { name: '良好', atLeast: '80' }, { name: '达标' }, { name: '诫勉', bottom: 1 }];
    const { placements, events } = assignBands(field(['95', '85', '85']), bands);
    expect(bandsOf(placements)).toEqual(['优秀', '待定:良好/诫勉', '待定:良好/诫勉']);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'tie-undecided', band: '诫勉' }));
  });

  it('is no tie when the tied units are in the last band by their score anyway', () => {
    const bands: Band[] = [{ name: '先进', atLeast: '90' }, { name: '达标', atLeast: '60' }, { name: '诫勉', bottom: 2 }];
    const { placements, events } = assignBands(field(['95', '50', '50', '40']), bands);
    expect(bandsOf(placements)).toEqual(['先进', '诫勉', '诫勉', '诫勉']);
    expect(events.filter((e) => e.kind === 'tie-undecided')).toEqual([]);
  });
});

describe('quota {min} alone (docs: 至少几个，不限最多)', () => {
  it('takes every unit over the floor, and says so when fewer than the minimum reach it', () => {
    const bands: Band[] = [{ name: '先进', atLeast: '95', quota: { min: 3 } }, { name: '合格', atLeast: '60' }, { name: '不合格' }];
    expect(bandsOf(assignBands(field(['99', '98', '97', '96', '95']), bands).placements)).toEqual(['先进', '先进', '先进', '先进', '先进']);
    const few = assignBands(field(['99', '94', '80']), bands);
    expect(bandsOf(few.placements)).toEqual(['先进', '合格', '合格']);
    expect(few.events).toContainEqual(expect.objectContaining({ kind: 'quota-short', min: 3, got: 1 }));
  });
});

describe('awardHonours: every honour in the scheme\'s order (docs: 荣誉)', () => {
  const standingOf = (categories: string[], bands: string[][], vetoed: number[] = []) => (c: Contender): HonourStanding => ({ eligible: !vetoed.includes(c.id), category: categories[c.id]!, bands: bands[c.id]! });
  const award = (totals: string[], categories: string[], bands: string[][], honours: Honour[]) =>
    awardHonours(field(totals), standingOf(categories, bands), honours, [...new Set(categories)], (c) => c.id);
  const entries = (t: ReturnType<typeof awardHonours>) => ({ given: Object.fromEntries(t.given), pending: Object.fromEntries(t.pending) });

  it('gives honours without `from` to a unit whose band is 待定 as to any other, by score', () => {
    const t = award(['95', '95', '90', '85'], ['部门', '部门', '部门', '部门'], [['先进', '合格'], ['先进', '合格'], ['合格'], ['合格']],
      [{ name: '一等奖', count: 1, scope: 'category' }, { name: '二等奖', count: 2, scope: 'category' }]);
    expect(entries(t)).toEqual({ given: { 2: '二等奖' }, pending: { 0: ['一等奖', '二等奖'], 1: ['一等奖', '二等奖'] } });
  });

  it('gives one honour a unit: 全县十佳 first, then 类别先进 to the best of each category without one', () => {
    const t = award(['98', '90', '95', '91'], ['乡镇', '乡镇', '部门', '部门'], [['合格'], ['合格'], ['合格'], ['合格']],
      [{ name: '全县十佳', count: 1, scope: 'all' }, { name: '类别先进', count: 1, scope: 'category' }]);
    expect(entries(t)).toEqual({ given: { 0: '全县十佳', 1: '类别先进', 2: '类别先进' }, pending: {} });
  });

  it('counts a unit whose band is 待定 both ways for an honour `from` that band: 待定（先进单位）, the sure ones as they are', () => {
    const t = award(['98', '92', '92', '80'], ['部门', '部门', '部门', '部门'], [['优秀'], ['优秀', '合格'], ['优秀', '合格'], ['合格']],
      [{ name: '先进单位', count: 2, from: '优秀', scope: 'category' }]);
    expect(entries(t)).toEqual({ given: { 0: '先进单位' }, pending: { 1: ['先进单位'], 2: ['先进单位'] } });
  });

  it('leaves 待定 a unit below the uncertain ones whose honour hangs on them (scope: all)', () => {
    // 一局 and 二局 tie for 优秀 in 部门; 一镇 (乡镇, 优秀 for sure) scores less: the second place is its only if both drop.
    const t = award(['99', '93', '93', '92'], ['乡镇', '部门', '部门', '乡镇'], [['优秀'], ['优秀', '合格'], ['优秀', '合格'], ['优秀']],
      [{ name: '先进单位', count: 2, from: '优秀', scope: 'all' }]);
    expect(entries(t)).toEqual({ given: { 0: '先进单位' }, pending: { 1: ['先进单位'], 2: ['先进单位'], 3: ['先进单位'] } });
  });

  it('lets units tied for the last honour of one scope compete, 待定, for the next of another', () => {
    const t = award(['98', '98', '90', '85'], ['乡镇', '乡镇', '部门', '部门'], [['合格'], ['合格'], ['合格'], ['合格']],
      [{ name: '全县十佳', count: 1, scope: 'all' }, { name: '类别先进', count: 1, scope: 'category' }]);
    expect(entries(t)).toEqual({ given: { 2: '类别先进' }, pending: { 0: ['全县十佳', '类别先进'], 1: ['全县十佳', '类别先进'] } });
  });
});
