import { Rational, ZERO } from '../../core/rational.js';
import type { Indicator, UnitEntries } from '../model.js';
import type { ScoresMethod } from './method.js';
import { pointsAtPosition, positionHelp, positionText } from './rank.js';

export interface PositionDetail {
  method: 'position';
  value?: Rational;
  /** The unit's place among the values of its category (ties share the best place: 1, 2, 2, 4), and how many there are. */
  place?: Rational;
  of?: Rational;
}

/** The place of `value` among its peers': one more than the number of higher values, so ties share it. */
function placeOf(leaf: Indicator, entries: UnitEntries): { value: Rational; place: Rational; of: Rational } | undefined {
  const value = entries.values.get(leaf.code);
  const peers = entries.peers?.get(leaf.code) ?? [];
  if (value === undefined || peers.length === 0) return undefined;
  // Highest first; 越小越好: lowest first. Either way the units ahead are those strictly better.
  const ahead = leaf.params.lowerFirst ? peers.filter((p) => p.lt(value)) : peers.filter((p) => p.gt(value));
  return { value, place: Rational.of(1 + ahead.length), of: Rational.of(peers.length) };
}

/**
 * 位次 among the peers (issue 14: 位次 → points by position out of N): the units of a category are
 * placed by the value entered, highest first, tied values sharing a place as the ranking does; the
 * place p of N earns points linearly down to 末位, or by 百分位 bands (前 20% 满分…).
 */
export const position: ScoresMethod<PositionDetail, 'position'> = {
  name: 'position',
  title: '按位次计分',
  aliases: ['按位次计分', '位次计分', '名次计分', '同类排位', '百分位'],
  params: { takes: ['last', 'percentiles', 'lowerFirst'], needs: [], oneOf: ['last', 'percentiles'], example: '例如：末位=4（最后一名 4 分），或 百分位=20:10、50:8、100:5；越小越好=是（发案率等）' },
  sheet: 'scores',
  targets: false,
  peers: true,
  entry: { negative: true, check: () => undefined },
  form: {
    words: () => '完成值',
    help: (leaf) => `填完成值；同类单位按完成值从${leaf.params.lowerFirst ? '低到高' : '高到低'}排位（相同的并列），${positionHelp(leaf)}。`,
    validation: (_leaf, prompt) => ({ type: 'decimal', prompt }),
  },
  score: (leaf, entries) => {
    const at = placeOf(leaf, entries);
    return at ? pointsAtPosition(leaf, at.place, at.of) : ZERO;
  },
  detail: (leaf, entries) => ({ method: 'position', ...placeOf(leaf, entries) }),
  explain: (t, d, n) => {
    if (d.value === undefined || d.place === undefined || d.of === undefined) return '未填写，0 分';
    return `完成值 ${n(d.value)}，同类 ${n(d.of)} 个单位中第 ${n(d.place)} 位：${positionText(t.leaf, d.place, d.of, t.points, n)}`;
  },
  json: (d, s) => ({ value: d.value ? s(d.value) : null, place: d.place ? s(d.place) : null, of: d.of ? s(d.of) : null }),
  doc: {
    aliases: '按位次计分、位次计分、名次计分、同类排位、百分位', scoring: '同类别单位按完成值从高到低排位（`越小越好=是` 时从低到高；相同的并列），第 p 位 / 共 N 位：到末位均匀递减，或按百分位分档',
    entry: '完成值', params: '`末位=4` 或 `百分位=20:10、50:8、100:5`（必写其一）；`越小越好=是`',
  },
};


