import type { Decimal } from 'decimal.js';
import { D, ZERO, roundHalfUp, sum } from '../core/decimal.js';
import { appliesTo, type Indicator, type IndicatorTree, type UnitEntries } from './model.js';

export interface Rounding {
  decimals: number;
  roundParts: boolean;
}

export interface UnitScore {
  /** Leaf code → points earned, exact. */
  leaves: Map<string, Decimal>;
  /** One per root indicator (一级), in tree order; null where the root does not apply to the unit's category. */
  parts: (Decimal | null)[];
  /** Sum of the parts as added (rounded first when the scheme says so), before rounding. */
  exact: Decimal;
  /** The published total: `exact` rounded half-up to the scheme's decimals. */
  total: Decimal;
}

/** Points of one leaf from its entries (domain.md, "Scoring methods"). */
export function scoreLeaf(leaf: Indicator, entries: UnitEntries): Decimal {
  const max = leaf.points;
  switch (leaf.method) {
    case 'direct':
      return entries.values.get(leaf.code) ?? ZERO;
    case 'deduct': {
      // 001, 004: 扣分制 — max minus the listed deductions, never below 0.
      const deducted = sum((entries.deductions.get(leaf.code) ?? []).map((d) => d.points));
      return D.max(ZERO, max.minus(deducted));
    }
    case 'ratio': {
      // 002 正定: 达到及超过标准值的计满分，低于标准值的按实际完成比例折算.
      const actual = entries.values.get(leaf.code) ?? ZERO;
      const target = entries.targets.get(leaf.code);
      if (target === undefined || target.isZero()) return ZERO;
      return D.min(max, max.mul(actual).div(target));
    }
  }
}

function scoreNode(node: Indicator, entries: UnitEntries, leaves: Map<string, Decimal>): Decimal {
  if (node.children.length === 0) {
    const points = scoreLeaf(node, entries);
    leaves.set(node.code, points);
    return points;
  }
  const category = entries.unit.category;
  return sum(node.children.filter((c) => appliesTo(c, category)).map((c) => scoreNode(c, entries, leaves)));
}

export function scoreUnit(tree: IndicatorTree, entries: UnitEntries, rounding: Rounding): UnitScore {
  const leaves = new Map<string, Decimal>();
  const parts = tree.roots.map((root) => (appliesTo(root, entries.unit.category) ? scoreNode(root, entries, leaves) : null));
  const added = parts.filter((p): p is Decimal => p !== null).map((p) => (rounding.roundParts ? roundHalfUp(p, rounding.decimals) : p));
  const exact = sum(added);
  return { leaves, parts, exact, total: roundHalfUp(exact, rounding.decimals) };
}
