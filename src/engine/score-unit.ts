import { Rational, ZERO, roundHalfUp, sum } from '../core/rational.js';
import type { Adjustments } from '../scheme/schema.js';
import { applyCaps, type AdjustmentResult } from './adjust.js';
import { appliesTo, rootFor, type Indicator, type IndicatorTree, type PartRule, type UnitEntries } from './model.js';

export interface Rounding {
  decimals: number;
  roundParts: boolean;
}

export interface UnitScore {
  /** Leaf code → points earned, exact (for a part scored per period: the period-weighted points). */
  leaves: Map<string, Rational>;
  /**
   * One per part (tree.parts), what it adds to the total after weights and periods; null where
   * the part does not apply to the unit's category. Rounded first when the scheme says so.
   */
  parts: (Rational | null)[];
  /** 加分 and 减分 after their caps, where the scheme has them and they apply to the unit. */
  bonus?: AdjustmentResult;
  deduction?: AdjustmentResult;
  /** Sum of the parts, plus bonus, minus deduction, before rounding. */
  exact: Rational;
  /** The published total: `exact` rounded half-up to the scheme's decimals. */
  total: Rational;
}

/** Points of one leaf from its entries (docs/domain.md「评分方法」). */
export function scoreLeaf(leaf: Indicator, entries: UnitEntries): Rational {
  const max = leaf.points;
  const value = entries.values.get(leaf.code);
  switch (leaf.method) {
    case 'direct':
    case 'pass':
    case 'grade':
      // The entry is already the points (a pass or grade label was turned into points when read).
      return value ?? ZERO;
    case 'deduct': {
      // 001, 004: 扣分制 — max minus the listed deductions, never below 0.
      const deducted = sum((entries.deductions.get(leaf.code) ?? []).map((d) => d.points));
      return Rational.max(ZERO, max.minus(deducted));
    }
    case 'ratio': {
      // 002 正定: 达到及超过标准值的计满分，低于标准值的按实际完成比例折算; 003 宿迁: 超额不加分.
      return Rational.min(leaf.params.cap ?? max, max.mul(value ?? ZERO).div(targetOf(leaf, entries)));
    }
    case 'inverse': {
      // Lower is better (energy use, complaints): max × target / actual, capped; nothing used is full marks.
      const target = targetOf(leaf, entries);
      if (value === undefined) return ZERO;
      return value.isZero() ? max : Rational.min(max, max.mul(target).div(value));
    }
    case 'rate':
      return rateScore(leaf, value ?? ZERO);
    case 'rank': {
      // 000 优政: 按同行业所处位次 — first place full marks, each place below loses a step.
      const place = value ?? ZERO;
      const floor = leaf.params.floor ?? ZERO;
      return Rational.max(floor, max.minus(place.minus(1).mul(leaf.params.step ?? ZERO)));
    }
    case 'raters':
      return ratersMean(entries.raters.get(leaf.code) ?? [], leaf.params.trim === true);
  }
}

/**
 * The target of a ratio or inverse leaf. Reading refuses a missing or zero target with the cell
 * (E_MISSING_TARGET, E_BAD_TARGET): a ratio to nothing is no score at all, never a silent 0.
 */
function targetOf(leaf: Indicator, entries: UnitEntries): Rational {
  const target = entries.targets.get(leaf.code);
  if (target === undefined || !target.gt(0)) throw new Error(`单位「${entries.unit.name}」指标「${leaf.code}」没有大于 0 的目标值，不能计分（读取时应已报错）。`);
  return target;
}

/** A rate in percent: × max, or the points of the first tier it reaches (002 公众评估 by 档次). */
function rateScore(leaf: Indicator, rate: Rational): Rational {
  const tiers = leaf.params.tiers;
  if (tiers) return tiers.find((t) => rate.gte(t.from))?.points ?? ZERO;
  return Rational.min(leaf.points, leaf.points.mul(rate).div(100));
}

/** The mean of the raters' scores, dropping one highest and one lowest when asked (去掉最高最低分). */
export function ratersMean(scores: readonly Rational[], trim: boolean): Rational {
  const sorted = [...scores].sort((a, b) => a.comparedTo(b));
  const kept = trim && sorted.length >= 3 ? sorted.slice(1, -1) : sorted;
  return kept.length === 0 ? ZERO : sum(kept).div(kept.length);
}

function scoreNode(node: Indicator, entries: UnitEntries, leaves: Map<string, Rational>, share: Rational): Rational {
  if (node.children.length === 0) {
    const points = scoreLeaf(node, entries);
    leaves.set(node.code, (leaves.get(node.code) ?? ZERO).plus(points.mul(share)));
    return points;
  }
  const category = entries.unit.category;
  return sum(node.children.filter((c) => appliesTo(c, category)).map((c) => scoreNode(c, entries, leaves, share)));
}

const ONE = Rational.of(1);

/** What one part adds to the total: its score × weight, or Σ over periods of the period's score × its weight. */
function partContribution(root: Indicator, rule: PartRule | undefined, entries: UnitEntries, leaves: Map<string, Rational>): Rational {
  if (rule?.periods) {
    return sum(rule.periods.map((p) => {
      const periodEntries = entries.periods?.get(p.name);
      return periodEntries ? scoreNode(root, periodEntries, leaves, p.weight).mul(p.weight) : ZERO;
    }));
  }
  const weight = rule?.weight ?? ONE;
  return scoreNode(root, entries, leaves, weight).mul(weight);
}

export function scoreUnit(tree: IndicatorTree, entries: UnitEntries, rounding: Rounding, rules: (part: string, category: string) => PartRule | undefined = () => undefined, adjustments?: Adjustments): UnitScore {
  const leaves = new Map<string, Rational>();
  const category = entries.unit.category;
  const parts = tree.parts.map((part) => {
    const root = rootFor(tree, part, category);
    if (!root) return null;
    const contribution = partContribution(root, rules(part, category), entries, leaves);
    return rounding.roundParts ? roundHalfUp(contribution, rounding.decimals) : contribution;
  });
  let exact = sum(parts.filter((p): p is Rational => p !== null));
  const score: UnitScore = { leaves, parts, exact, total: ZERO };
  // 002 正定: 综合得分 = 指标评估 + 领导评估 + 加分 − 减分, where the adjustments apply to the category.
  if (adjustments && (adjustments.categories === undefined || adjustments.categories.includes(category))) {
    const items = entries.adjustments ?? [];
    if (adjustments.bonus) {
      score.bonus = applyCaps(items.filter((i) => i.side === 'bonus'), adjustments.bonus);
      exact = exact.plus(score.bonus.applied);
    }
    if (adjustments.deduction) {
      score.deduction = applyCaps(items.filter((i) => i.side === 'deduction'), adjustments.deduction);
      exact = exact.minus(score.deduction.applied);
    }
  }
  score.exact = exact;
  score.total = roundHalfUp(exact, rounding.decimals);
  return score;
}
