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
      return D.max(ZERO, max.minus(deducted));
    }
    case 'ratio': {
      // 002 正定: 达到及超过标准值的计满分，低于标准值的按实际完成比例折算; 003 宿迁: 超额不加分.
      const target = entries.targets.get(leaf.code);
      if (target === undefined || target.isZero()) return ZERO;
      return D.min(leaf.params.cap ?? max, max.mul(value ?? ZERO).div(target));
    }
    case 'inverse': {
      // Lower is better (energy use, complaints): max × target / actual, capped; nothing used is full marks.
      const target = entries.targets.get(leaf.code);
      if (target === undefined || value === undefined) return ZERO;
      return value.isZero() ? max : D.min(max, max.mul(target).div(value));
    }
    case 'rate':
      return rateScore(leaf, value ?? ZERO);
    case 'rank': {
      // 000 优政: 按同行业所处位次 — first place full marks, each place below loses a step.
      const place = value ?? ZERO;
      const floor = leaf.params.floor ?? ZERO;
      return D.max(floor, max.minus(place.minus(1).mul(leaf.params.step ?? ZERO)));
    }
    case 'raters':
      return ratersMean(entries.raters.get(leaf.code) ?? [], leaf.params.trim === true);
  }
}

/** A rate in percent: × max, or the points of the first tier it reaches (002 公众评估 by 档次). */
function rateScore(leaf: Indicator, rate: Decimal): Decimal {
  const tiers = leaf.params.tiers;
  if (tiers) return tiers.find((t) => rate.gte(t.from))?.points ?? ZERO;
  return D.min(leaf.points, leaf.points.mul(rate).div(100));
}

/** The mean of the raters' scores, dropping one highest and one lowest when asked (去掉最高最低分). */
export function ratersMean(scores: readonly Decimal[], trim: boolean): Decimal {
  const sorted = [...scores].sort((a, b) => a.comparedTo(b));
  const kept = trim && sorted.length >= 3 ? sorted.slice(1, -1) : sorted;
  return kept.length === 0 ? ZERO : sum(kept).div(kept.length);
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
