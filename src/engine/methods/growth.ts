import { ZERO, type Rational } from '../../core/rational.js';
import type { Indicator } from '../model.js';
import { plain, type ScoresMethod } from './method.js';

export interface GrowthDetail {
  method: 'growth';
  rate?: Rational;
  tier?: { from: Rational; points: Rational };
}

const tierOf = (leaf: Indicator, rate: Rational): GrowthDetail['tier'] => leaf.params.tiers?.find((t) => rate.gte(t.from));

/**
 * 增长率 (issue 14: `rate` for values beyond 100): a percentage that may exceed 100 or fall below 0,
 * scored by the first tier it reaches (档次=20:10、10:8、0:5、-10:2); below every tier, 0.
 */
export const growth: ScoresMethod<GrowthDetail, 'growth'> = {
  name: 'growth',
  title: '增长率',
  aliases: ['增长率', '增幅', '增速'],
  params: { takes: ['tiers'], needs: ['tiers'], example: '例如：档次=20:10、10:8、0:5、-10:2（增长率达到多少得多少分）' },
  sheet: 'scores',
  targets: false,
  entry: { percent: true, negative: true, check: () => undefined },
  form: {
    words: () => '增长率（%）',
    help: (leaf) => `填增长率（百分数，可超过 100，可为负），如 12.5 或 12.5%；${(leaf.params.tiers ?? []).map((t) => `达到 ${plain(t.from)}% 得 ${plain(t.points)} 分`).join('，')}。`,
    validation: (_leaf, prompt) => ({ type: 'decimal', min: '-100', prompt }),
  },
  score: (leaf, entries) => tierOf(leaf, entries.values.get(leaf.code) ?? ZERO)?.points ?? ZERO,
  detail: (leaf, entries) => {
    const rate = entries.values.get(leaf.code);
    return { method: 'growth', rate, tier: rate && tierOf(leaf, rate) };
  },
  explain: (_t, d, n) => {
    if (d.rate === undefined) return '未填写，0 分';
    return d.tier ? `增长率 ${n(d.rate)}%，达到「${n(d.tier.from)}% 以上」一档，${n(d.tier.points)} 分` : `增长率 ${n(d.rate)}%，未达到任何一档，0 分`;
  },
  doc: {
    aliases: '增长率、增幅、增速', scoring: '按档次取分；增长率可以超过 100%，也可以为负', entry: '百分数，如 12.5、12.5% 或 −3',
    params: '`档次=20:10、10:8、0:5、-10:2`（必填）',
  },
};
