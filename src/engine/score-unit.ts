import { Rational, ZERO, roundHalfUp, sum } from '../core/rational.js';
import { methodOf } from './methods/index.js';
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

/** Points of one leaf from its entries, by its method's module (engine/methods). */
export function scoreLeaf(leaf: Indicator, entries: UnitEntries): Rational {
  return methodOf(leaf).score(leaf, entries);
}

/**
 * Points of a leaf for the year: by its method, or, for a leaf scored per period below the part
 * level (scheme `nodes`), the weighted mean of its points in each period; a period the unit has no
 * entries for counts 0 (reading reported the missing row).
 */
export function leafPoints(leaf: Indicator, entries: UnitEntries): Rational {
  if (!leaf.periods) return scoreLeaf(leaf, entries);
  return sum(leaf.periods.map((p) => {
    const period = entries.periods?.get(p.name);
    return period ? scoreLeaf(leaf, period).mul(p.weight) : ZERO;
  }));
}

function scoreNode(node: Indicator, entries: UnitEntries, leaves: Map<string, Rational>, share: Rational): Rational {
  if (node.children.length === 0) {
    const points = leafPoints(node, entries);
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
