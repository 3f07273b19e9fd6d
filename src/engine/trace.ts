import { Rational, ZERO, sum } from '../core/rational.js';
import { methodOf, type Detail } from './methods/index.js';
import { appliesTo, rootFor, type Indicator, type IndicatorTree, type PartRule, type PeriodShare, type UnitEntries } from './model.js';
import { countedPeriods, isMissing, leafPoints, rescaleOf, scoreLeaf } from './score-unit.js';

/**
 * How a unit's score came about, leaf by leaf, for `score explain` and the 反馈单. The points of
 * every leaf are scoreLeaf's own, so the trace cannot tell another story than the score; what it
 * adds is what went in (完成值/目标值, the raters' scores and which were dropped, the deductions)
 * and the intermediate figures (the proportion before its cap).
 */
export type LeafDetail = Detail;

export interface LeafTrace {
  leaf: Indicator;
  /** Points earned on the leaf's own scale (before any part weight or period weight). */
  points: Rational;
  detail: LeafDetail;
  /** A leaf scored per period below the part level: each period's points; `points` is their weighted mean. */
  periods?: LeafPeriodTrace[];
  /** 缺项: the unit has no entry for it, and the part's other leaves are rescaled. */
  missing?: boolean;
}

/** 缺项折算 of a part: the leaves missing, the sum of the others, and the factor that brings it to the part's points. */
export interface Rescale {
  missing: Indicator[];
  /** Points of all the part's leaves, and of those the unit has. */
  full: Rational;
  present: Rational;
  raw: Rational;
  factor: Rational;
}

export interface LeafPeriodTrace {
  name: string;
  weight: Rational;
  points: Rational;
  detail: LeafDetail;
  /** The period's sheets had no row for the unit: 0 there. */
  missing: boolean;
  /** 缺项 in this period: left out of the mean, whose other shares are rescaled (`weight` is the share counted). */
  skipped?: boolean;
}

export interface PeriodTrace {
  name: string;
  /** Share of this period's score that counts in the total (中期 50% → 1/2). */
  weight: Rational;
  /** The part's score in this period: the sum of its leaves. */
  score: Rational;
  leaves: LeafTrace[];
  /** The period's sheets had no row for the unit: the part scores nothing there. */
  missing: boolean;
  rescale?: Rescale;
}

export interface PartTrace {
  name: string;
  root: Indicator;
  /** Share of the part's score that counts (1 for a plain points sum); parts scored per period have `periods` instead. */
  weight: Rational;
  periods?: PeriodTrace[];
  /** Leaves of a part scored once for the year (empty when scored per period). */
  leaves: LeafTrace[];
  /** The part's own score for the year (Σ leaves, rescaled where the unit has 缺项), when not scored per period. */
  score?: Rational;
  rescale?: Rescale;
  /** What the part adds to the total, exact, before any rounding of parts. */
  contribution: Rational;
}

/** Per part of the tree (tree.parts order); null where the part does not apply to the unit's category. */
export function traceUnit(tree: IndicatorTree, entries: UnitEntries, rules: (part: string, category: string) => PartRule | undefined): (PartTrace | null)[] {
  const category = entries.unit.category;
  return tree.parts.map((name) => {
    const root = rootFor(tree, name, category);
    if (!root) return null;
    const rule = rules(name, category);
    if (rule?.periods) {
      const periods = rule.periods.map((p): PeriodTrace => {
        const periodEntries = entries.periods?.get(p.name);
        const leaves = periodEntries ? traceLeaves(root, periodEntries) : [];
        const rescale = periodEntries ? rescaled(root, periodEntries, leaves) : undefined;
        const score = rescale ? rescale.raw.mul(rescale.factor) : sum(leaves.map((l) => l.points));
        return { name: p.name, weight: p.weight, score, leaves, missing: periodEntries === undefined, ...(rescale ? { rescale } : {}) };
      });
      return { name, root, weight: Rational.ONE, periods, leaves: [], contribution: sum(periods.map((p) => p.score.mul(p.weight))) };
    }
    const weight = rule?.weight ?? Rational.ONE;
    const leaves = traceLeaves(root, entries);
    const rescale = rescaled(root, entries, leaves);
    const score = rescale ? rescale.raw.mul(rescale.factor) : sum(leaves.map((l) => l.points));
    return { name, root, weight, leaves, score, contribution: score.mul(weight), ...(rescale ? { rescale } : {}) };
  });
}

function rescaled(root: Indicator, entries: UnitEntries, leaves: readonly LeafTrace[]): Rescale | undefined {
  const r = rescaleOf(root, entries);
  return r && { ...r, raw: sum(leaves.map((l) => l.points)) };
}

/** The leaves under `node` that apply to the unit's category, in the tree's order (as scoreUnit walks them). */
function traceLeaves(node: Indicator, entries: UnitEntries): LeafTrace[] {
  if (node.children.length === 0) {
    if (isMissing(node, entries)) return [{ leaf: node, points: ZERO, detail: { method: node.method }, missing: true }];
    return [node.periods ? periodLeaf(node, node.periods, entries) : { leaf: node, points: scoreLeaf(node, entries), detail: leafDetail(node, entries) }];
  }
  return node.children.filter((c) => appliesTo(c, entries.unit.category)).flatMap((c) => traceLeaves(c, entries));
}

/** A leaf scored per period (scheme `nodes`): what went in each period; the deductions of every period together. */
function periodLeaf(leaf: Indicator, shares: readonly PeriodShare[], entries: UnitEntries): LeafTrace {
  const counted = new Map(countedPeriods(leaf, entries).map((p) => [p.name, p.weight]));
  const periods = shares.map((p): LeafPeriodTrace => {
    const period = entries.periods?.get(p.name);
    const weight = counted.get(p.name);
    if (weight === undefined) return { name: p.name, weight: ZERO, points: ZERO, detail: { method: leaf.method }, missing: false, skipped: true };
    if (!period) return { name: p.name, weight, points: ZERO, detail: { method: leaf.method }, missing: true };
    return { name: p.name, weight, points: scoreLeaf(leaf, period), detail: leafDetail(leaf, period), missing: false };
  });
  const deductions = periods.flatMap((p) => p.detail.deductions ?? []);
  return { leaf, points: leafPoints(leaf, entries), detail: { method: leaf.method, ...(deductions.length > 0 ? { deductions } : {}) }, periods };
}

/** What went into one leaf, by its method's module (engine/methods). */
export function leafDetail(leaf: Indicator, entries: UnitEntries): LeafDetail {
  return methodOf(leaf).detail(leaf, entries);
}
