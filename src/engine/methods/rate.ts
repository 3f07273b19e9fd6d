import { Rational, ZERO } from '../../core/rational.js';
import type { Indicator } from '../model.js';
import { type ScoresMethod } from './method.js';

export interface RateDetail {
  method: 'rate';
  rate?: Rational;
  tier?: { from: Rational; points: Rational };
  proportional?: Rational;
}

const tierOf = (leaf: Indicator, rate: Rational): { from: Rational; points: Rational } | undefined => leaf.params.tiers?.find((t) => rate.gte(t.from));

/** 比率 (002 公众评估): a rate in percent × the points, or the points of the first tier it reaches. */
export const rate: ScoresMethod<RateDetail, 'rate'> = {
  name: 'rate',
  title: '比率',
  aliases: ['比率', '满意率', '达标率'],
  params: { takes: ['tiers'], needs: [] },
  sheet: 'scores',
  targets: false,
  entry: {
    percent: true,
    check: (_leaf, v, explicitPercent) => {
      if (v.gt(100)) return { code: 'E_RATE_RANGE', message: `比率 ${v.toString()} 超过 100%。`, hint: '比率按百分数填写，例如 92 或 92%。' };
      if (v.gt(0) && v.lt(1) && !explicitPercent) {
        return { code: 'E_RATE_RANGE', message: `比率 ${v.toString()} 按百分数理解只有 ${v.toString()}%，不像实际的比率。`,
          hint: '比率按百分数填写，例如 92 或 92%；若本意是 92%，请填 92，或把单元格设为「百分比」格式（显示为 92%）。' };
      }
      return undefined;
    },
  },
  form: {
    words: () => '百分数',
    help: () => '填 0 到 100 之间的百分数，如 92 或 92%。',
    validation: (_leaf, prompt) => ({ type: 'decimal', min: '0', max: '100', prompt }),
  },
  score: (leaf, entries) => {
    const value = entries.values.get(leaf.code) ?? ZERO;
    if (leaf.params.tiers) return tierOf(leaf, value)?.points ?? ZERO;
    return Rational.min(leaf.points, leaf.points.mul(value).div(100));
  },
  detail: (leaf, entries) => {
    const entered = entries.values.get(leaf.code);
    return leaf.params.tiers
      ? { method: 'rate', rate: entered, tier: tierOf(leaf, entered ?? ZERO) }
      : { method: 'rate', rate: entered, proportional: leaf.points.mul(entered ?? ZERO).div(100) };
  },
  explain: (t, d, n) => {
    const shown = d.rate === undefined ? '未填写' : `${n(d.rate)}%`;
    if (d.proportional === undefined) {
      return d.tier ? `比率 ${shown}，达到「${n(d.tier.from)}% 以上」一档，${n(d.tier.points)} 分` : `比率 ${shown}，未达到任何一档，0 分`;
    }
    const formula = `比率 ${shown}：${n(t.leaf.points)} × ${shown} = ${n(d.proportional)}`;
    return d.proportional.gt(t.leaf.points) ? `${formula}，最高 ${n(t.leaf.points)} 分` : formula;
  },
  doc: { aliases: '比率、满意率、达标率', scoring: '分值 × 比率；或按档次取分', entry: '百分数，如 92 或 92%（0 到 100）', params: '`档次=95:30、90:25、80:20、0:10`（比率达到多少得多少分）' },
};
