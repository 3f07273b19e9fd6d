import { Rational, ZERO, sum } from '../core/rational.js';
import type { AdjustmentSide } from '../scheme/schema.js';
import type { AdjustmentEntry } from './model.js';

/** A cap that cut something: by source, by item kind, or in total. */
export interface CapCut {
  scope: 'source' | 'item' | 'total';
  name: string;
  cap: Rational;
  before: Rational;
  cut: Rational;
}

export interface AdjustmentResult {
  /** The items as entered, summed. */
  raw: Rational;
  /** What counts after every cap. */
  applied: Rational;
  cuts: CapCut[];
}

/** Caps `groups` (name → points) at `caps`, recording every cut; returns the capped points per group. */
function capGroups(groups: Map<string, Rational>, caps: ReadonlyMap<string, Rational>, scope: CapCut['scope'], cuts: CapCut[]): Map<string, Rational> {
  const out = new Map<string, Rational>();
  for (const [name, points] of groups) {
    const cap = caps.get(name);
    if (cap !== undefined && points.gt(cap)) {
      cuts.push({ scope, name, cap, before: points, cut: points.minus(cap) });
      out.set(name, cap);
    } else out.set(name, points);
  }
  return out;
}

/**
 * The 加分 or 减分 of one unit: items summed, then capped by source (杭 察访核验: 效能办 ≤ 50 …),
 * by item kind (奇台: 查访核验 ≤ 2, 投诉查处 ≤ 2), and in total (正定: ≤ 4). Where a source cap
 * cuts, each of that source's items counts in proportion before the kind caps; every cut is
 * reported with what it cut.
 */
export function applyCaps(entries: readonly AdjustmentEntry[], side: AdjustmentSide): AdjustmentResult {
  const cuts: CapCut[] = [];
  const raw = sum(entries.map((e) => e.points));
  // By source first: what one reporter can take away or give.
  const bySource = new Map<string, Rational>();
  for (const e of entries) bySource.set(e.source, (bySource.get(e.source) ?? ZERO).plus(e.points));
  const sourceCaps = new Map(side.sources.map((s) => [s.name, Rational.of(s.cap)]));
  const afterSources = capGroups(bySource, sourceCaps, 'source', cuts);
  const sourceFactor = (source: string): Rational => {
    const before = bySource.get(source)!;
    return before.isZero() ? ZERO : afterSources.get(source)!.div(before);
  };
  // Then by item kind, on what the source caps left of each item.
  const byItem = new Map<string, Rational>();
  for (const e of entries) byItem.set(e.item, (byItem.get(e.item) ?? ZERO).plus(e.points.mul(sourceFactor(e.source))));
  const itemCaps = new Map(side.items.filter((i) => i.cap !== undefined).map((i) => [i.name, Rational.of(i.cap!)]));
  const afterItems = sum(capGroups(byItem, itemCaps, 'item', cuts).values());
  if (side.cap !== undefined && afterItems.gt(side.cap)) {
    const cap = Rational.of(side.cap);
    cuts.push({ scope: 'total', name: '合计', cap, before: afterItems, cut: afterItems.minus(cap) });
    return { raw, applied: cap, cuts };
  }
  return { raw, applied: afterItems, cuts };
}
