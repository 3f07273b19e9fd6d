import { info, type Diagnostic } from '../core/diagnostic.js';
import { fixed } from '../core/decimal.js';
import type { Scheme } from '../scheme/schema.js';
import { bandOf, toBandRules, type BandResult } from './band.js';
import type { IndicatorTree, Unit, UnitEntries } from './model.js';
import { rank } from './rank.js';
import { scoreUnit, type UnitScore } from './score-unit.js';

export interface UnitResult {
  unit: Unit;
  score: UnitScore;
  /** Rank within the unit's category; equal totals share a rank. */
  rank: number;
  band: string;
  onBoundary?: BandResult['onBoundary'];
}

export interface Assessment {
  scheme: Scheme;
  tree: IndicatorTree;
  /** Category order of the scheme, then rank, then roster order. */
  results: UnitResult[];
  /** Units that did not take part (不参与评比), as the scheme names them. */
  excluded: string[];
  diagnostics: Diagnostic[];
}

/**
 * The whole calculation: every unit scored, ranked within its category on the published total,
 * and banded. Pure: the same entries give the same result.
 */
export function assess(scheme: Scheme, tree: IndicatorTree, entries: readonly UnitEntries[]): Assessment {
  const rounding = { decimals: scheme.rounding.decimals, roundParts: scheme.rounding.roundParts };
  const rules = toBandRules(scheme.bands);
  const scored = entries.map((e) => ({ unit: e.unit, score: scoreUnit(tree, e, rounding) }));
  const results: UnitResult[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const category of scheme.categories) {
    const members = scored.filter((s) => s.unit.category === category).map((s) => ({ score: s.score.total, order: s.unit.order, scored: s }));
    for (const { item, rank: r } of rank(members)) {
      const { unit, score } = item.scored;
      const banded = bandOf(score.total, rules);
      const result: UnitResult = { unit, score, rank: r, band: banded.band };
      if (banded.onBoundary) {
        result.onBoundary = banded.onBoundary;
        const b = banded.onBoundary;
        diagnostics.push(info('I_ON_BOUNDARY', unit.source,
          `单位「${unit.name}」总分 ${fixed(score.total, rounding.decimals)} 恰好等于「${b.band}」的分界 ${b.bound.toString()}（方案：${b.inclusive ? '含' : '不含'}该分数），评为「${banded.band}」。`));
      }
      results.push(result);
    }
  }
  return { scheme, tree, results, excluded: [...scheme.excluded.units], diagnostics };
}
