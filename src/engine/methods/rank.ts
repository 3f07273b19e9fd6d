import { Rational, ZERO } from '../../core/rational.js';
import type { Indicator } from '../model.js';
import { plain, type ScoresMethod } from './method.js';

export interface RankDetail {
  method: 'rank';
  place?: Rational;
  step?: Rational;
  floor: Rational;
  proportional?: Rational;
  /** By position out of N (末位 or 百分位): N. */
  of?: Rational;
}

/**
 * Points of place `place` of `n` (issue 14: 位次 out of the group's size): linear from full marks at
 * the first to 末位 at the last, or the first 百分位 band whose share covers place ÷ n. Tied units
 * share a place, so they share the points.
 */
export function pointsAtPosition(leaf: Indicator, place: Rational, n: Rational): Rational {
  const { last, percentiles } = leaf.params;
  if (last !== undefined) return n.lte(1) ? leaf.points : leaf.points.minus(place.minus(1).mul(leaf.points.minus(last)).div(n.minus(1)));
  const share = place.div(n).mul(100);
  return percentiles?.find((b) => share.lte(b.upTo))?.points ?? ZERO;
}

/** 「位次 3 / 共 12：10 − (3 − 1) × (10 − 4) ÷ (12 − 1) = 8.91」, or the 百分位 band the place falls in. */
export function positionText(leaf: Indicator, place: Rational, n: Rational, points: Rational, fmt: (x: Rational) => string): string {
  const { last, percentiles } = leaf.params;
  if (last !== undefined) {
    if (n.lte(1)) return `只有 1 个位次，得满分 ${fmt(leaf.points)}`;
    return `${fmt(leaf.points)} − (${fmt(place)} − 1) × (${fmt(leaf.points)} − ${fmt(last)}) ÷ (${fmt(n)} − 1) = ${fmt(points)}`;
  }
  const share = place.div(n).mul(100);
  const band = percentiles?.find((b) => share.lte(b.upTo));
  return `${fmt(place)} ÷ ${fmt(n)} = ${fmt(share)}%，${band ? `在前 ${fmt(band.upTo)}% 一档，${fmt(band.points)} 分` : '不在任何一档，0 分'}`;
}

/** What the 参数 say about points by position out of N, for forms. */
export function positionHelp(leaf: Indicator): string {
  const { last, percentiles } = leaf.params;
  if (last !== undefined) return `第 1 名 ${plain(leaf.points)} 分，最后一名 ${plain(last)} 分，其间按位次均匀递减`;
  return (percentiles ?? []).map((b) => `前 ${plain(b.upTo)}% 得 ${plain(b.points)} 分`).join('，');
}

/**
 * 位次 (000 优政: 按同行业所处位次): first place full marks, each place below loses a step, down to a
 * floor; or, with 共=N (同行业共几个单位), by position out of N: linear to 末位, or by 百分位 bands.
 */
export const rank: ScoresMethod<RankDetail, 'rank'> = {
  name: 'rank',
  title: '位次',
  aliases: ['位次', '排名', '排序'],
  params: {
    takes: ['step', 'floor', 'last', 'percentiles', 'of'], needs: [], oneOf: ['step', 'last', 'percentiles'], pairs: [['last', 'of'], ['percentiles', 'of']],
    example: '例如：步长=0.5；最低=5，或 共=12；末位=4，或 共=12；百分位=20:10、50:8、100:5',
  },
  sheet: 'scores',
  targets: false,
  entry: {
    check: (leaf, v) => {
      if (!v.isInteger() || !v.gte(1)) return { code: 'E_BAD_PLACE', message: `位次应为 1、2、3 这样的正整数，现为 ${v.toString()}。` };
      const of = leaf.params.of;
      return of && v.gt(of) ? { code: 'E_BAD_PLACE', message: `位次 ${v.toString()} 超过了总数 ${of.toString()}（参数「共」）。` } : undefined;
    },
  },
  form: {
    words: () => '位次',
    help: (leaf) => (leaf.params.step
      ? `填位次 1、2、3…；第 1 名 ${plain(leaf.points)} 分，每降一位减 ${plain(leaf.params.step)} 分${leaf.params.floor ? `，最低 ${plain(leaf.params.floor)} 分` : ''}。`
      : `填位次 1、2、3…（共 ${plain(leaf.params.of ?? ZERO)} 个）；${positionHelp(leaf)}。`),
    validation: (leaf, prompt) => ({ type: 'whole', min: '1', ...(leaf.params.of ? { max: leaf.params.of.toString() } : {}), prompt }),
  },
  score: (leaf, entries) => {
    const place = entries.values.get(leaf.code) ?? ZERO;
    if (!leaf.params.step) return leaf.params.of && place.gte(1) ? pointsAtPosition(leaf, place, leaf.params.of) : ZERO;
    return Rational.max(leaf.params.floor ?? ZERO, leaf.points.minus(place.minus(1).mul(leaf.params.step)));
  },
  detail: (leaf, entries) => {
    const place = entries.values.get(leaf.code);
    const { step, of } = leaf.params;
    if (!step) return { method: 'rank', place, floor: ZERO, ...(of ? { of } : {}) };
    return { method: 'rank', place, step, floor: leaf.params.floor ?? ZERO, proportional: leaf.points.minus((place ?? ZERO).minus(1).mul(step)) };
  },
  explain: (t, d, n) => {
    if (d.place === undefined) return '未填写位次，0 分';
    if (d.of) return `位次 ${n(d.place)} / 共 ${n(d.of)}：${positionText(t.leaf, d.place, d.of, t.points, n)}`;
    const formula = `位次 ${n(d.place)}：${n(t.leaf.points)} − (${n(d.place)} − 1) × ${n(d.step ?? ZERO)} = ${n(d.proportional ?? t.points)}`;
    return d.proportional !== undefined && d.proportional.lt(d.floor) ? `${formula}，最低 ${n(d.floor)} 分` : formula;
  },
  doc: {
    aliases: '位次、排名、排序', scoring: '第 1 名满分，每降一位减一个步长，不低于最低分（优政：按同行业所处位次）；写 `共` 时按「第几名 / 共几名」：到末位均匀递减，或按百分位分档',
    entry: '位次 1、2、3…', params: '`步长=0.5`；`最低=5`；或 `共=12`（同行业共几个单位）与 `末位=4` 或 `百分位=20:10、50:8、100:5` 之一',
  },
};
