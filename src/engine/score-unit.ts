import { codeIndexOf, CodeMap, type CodeTable } from '../core/code-map.js';
import { Rational, RationalPool, ZERO, roundHalfUp, sum } from '../core/rational.js';
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
  leaves: CodeTable<Rational>;
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
  const counted = countedPeriods(leaf, entries);
  return sum(counted.map(({ period, weight }) => (period ? scoreLeaf(leaf, period).mul(weight) : ZERO)));
}

/**
 * The periods a leaf scored per period counts, with their shares: a period where the unit has the
 * leaf as 缺项 is left out and the others' shares rescaled to 1 (缺项折算 over time).
 */
export function countedPeriods(leaf: Indicator, entries: UnitEntries): { name: string; weight: Rational; period?: UnitEntries }[] {
  const kept = (leaf.periods ?? []).filter((p) => !entries.periods?.get(p.name)?.missing?.has(leaf.code));
  const total = sum(kept.map((p) => p.weight));
  return kept.map((p) => ({ name: p.name, weight: p.weight.div(total), period: entries.periods?.get(p.name) }));
}

/** A leaf the unit has as 缺项 (in every period of its own, for a leaf scored per period). */
export function isMissing(leaf: Indicator, entries: UnitEntries): boolean {
  if (!leaf.periods) return entries.missing?.has(leaf.code) === true;
  return leaf.periods.every((p) => entries.periods?.get(p.name)?.missing?.has(leaf.code) === true);
}

/** The leaves of a node that apply to the unit's category. */
export function leavesUnder(node: Indicator, category: string): Indicator[] {
  if (node.children.length === 0) return [node];
  return node.children.filter((c) => appliesTo(c, category)).flatMap((c) => leavesUnder(c, category));
}

/**
 * 缺项折算: where the unit has leaves of a part as missing items, the others' points are rescaled
 * to the part's: × (points of all its leaves) ÷ (points of those it has). Undefined when none is missing.
 */
export function rescaleOf(root: Indicator, entries: UnitEntries): { missing: Indicator[]; full: Rational; present: Rational; factor: Rational } | undefined {
  // Most units have no 缺项 at all: nothing to look for leaf by leaf.
  if (!hasMissing(entries)) return undefined;
  const all = leavesUnder(root, entries.unit.category);
  const missing = all.filter((l) => isMissing(l, entries));
  if (missing.length === 0) return undefined;
  const full = sum(all.map((l) => l.points));
  const present = sum(all.filter((l) => !missing.includes(l)).map((l) => l.points));
  // Reading refuses a part all of whose leaves are missing (E_ALL_MISSING).
  return { missing, full, present, factor: present.isZero() ? ZERO : full.div(present) };
}

/** A part's score from these entries: the sum of its leaves, rescaled where the unit has 缺项. */
function partScore(root: Indicator, entries: UnitEntries, leaves: CodeTable<Rational>, share: Rational): Rational {
  const factor = rescaleOf(root, entries)?.factor ?? ONE;
  // Each leaf is recorded rescaled too, so that 指标得分 adds up to the part.
  return scoreNode(root, entries, leaves, share.mul(factor)).mul(factor);
}

function scoreNode(node: Indicator, entries: UnitEntries, leaves: CodeTable<Rational>, share: Rational): Rational {
  if (node.children.length === 0) {
    // A missing item has no points of its own: its cell in 指标得分 stays empty.
    if (isMissing(node, entries)) return ZERO;
    const points = leafPoints(node, entries);
    leaves.set(node.code, (leaves.get(node.code) ?? ZERO).plus(points.mul(share)));
    return points;
  }
  const category = entries.unit.category;
  let total = ZERO;
  for (const c of node.children) if (appliesTo(c, category)) total = total.plus(scoreNode(c, entries, leaves, share));
  return total;
}

/**
 * Where every leaf's points are the very numbers entered (every leaf `direct`, nothing rescaled or
 * weighted below the part), the unit's entries are its leaf points: one table kept, not two (a
 * province holds 300,000 of them).
 */
function sameTable(leaves: CodeMap<Rational>, values: CodeTable<Rational>): boolean {
  // A Map (tests, small inputs) iterates in the order set, not the indicator system's.
  if (values instanceof Map || values.size !== leaves.size) return false;
  let same = true;
  leaves.forEach((v, code) => {
    if (same && values.get(code) !== v) same = false;
  });
  return same;
}

/** Whether the unit has any leaf as 缺项, for the year or in a period. */
function hasMissing(entries: UnitEntries): boolean {
  if (entries.missing !== undefined && entries.missing.size > 0) return true;
  for (const period of entries.periods?.values() ?? []) if (period.missing !== undefined && period.missing.size > 0) return true;
  return false;
}

const ONE = Rational.of(1);

/** What one part adds to the total: its score × weight, or Σ over periods of the period's score × its weight. */
function partContribution(root: Indicator, rule: PartRule | undefined, entries: UnitEntries, leaves: CodeTable<Rational>): Rational {
  if (rule?.periods) {
    return sum(rule.periods.map((p) => {
      const periodEntries = entries.periods?.get(p.name);
      return periodEntries ? partScore(root, periodEntries, leaves, p.weight).mul(p.weight) : ZERO;
    }));
  }
  const weight = rule?.weight ?? ONE;
  return partScore(root, entries, leaves, weight).mul(weight);
}

/** Each unit's parts and totals are kept for the whole run: one object for each value they repeat. */
const KEPT = new RationalPool();
const kept = (x: Rational | null): Rational | null => (x === null ? null : KEPT.of(x));

export function scoreUnit(tree: IndicatorTree, entries: UnitEntries, rounding: Rounding, rules: (part: string, category: string) => PartRule | undefined = () => undefined, adjustments?: Adjustments): UnitScore {
  const leaves = new CodeMap<Rational>(codeIndexOf(tree));
  const category = entries.unit.category;
  const parts = tree.parts.map((part) => {
    const root = rootFor(tree, part, category);
    if (!root) return null;
    const contribution = partContribution(root, rules(part, category), entries, leaves);
    return kept(rounding.roundParts ? roundHalfUp(contribution, rounding.decimals) : contribution);
  });
  let exact = sum(parts.filter((p): p is Rational => p !== null));
  const score: UnitScore = { leaves: sameTable(leaves, entries.values) ? entries.values : leaves, parts, exact, total: ZERO };
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
  score.exact = KEPT.of(exact);
  score.total = KEPT.of(roundHalfUp(exact, rounding.decimals));
  return score;
}
