import { sum, type Rational } from '../core/rational.js';
import type { Scheme } from '../scheme/schema.js';
import { partRules } from './assess.js';
import type { Indicator, IndicatorTree, UnitEntries } from './model.js';
import { isMissing, leafPoints } from './score-unit.js';

/** One leaf a unit self-assessed (自评), beside what the audit gave it (审核); `audited` undefined: 缺项. */
export interface SelfLine {
  leaf: Indicator;
  self: Rational;
  audited?: Rational;
  /** 自评 − 审核: positive where the unit asked for more than it got. */
  difference?: Rational;
}

/**
 * 004 先自评、牵头部门审核: each leaf the unit self-assessed, in the tree's order, against the leaf's
 * audited points out of its own points (before 缺项折算 and the part's weight), the scale a unit
 * proposes on. A leaf of a part scored per period (components) is compared with the periods'
 * points averaged by their shares. Nothing here counts in the total.
 */
export function selfReview(scheme: Scheme, tree: IndicatorTree, entries: UnitEntries): SelfLine[] {
  const own = entries.selfAssessed;
  if (!own || own.size === 0) return [];
  const rules = partRules(scheme);
  return tree.leaves.flatMap((leaf): SelfLine[] => {
    const self = own.get(leaf.code);
    if (self === undefined) return [];
    const audited = auditedPoints(leaf, entries, rules(leaf.path[0]!, entries.unit.category)?.periods);
    return [audited === undefined ? { leaf, self } : { leaf, self, audited, difference: self.minus(audited) }];
  });
}

function auditedPoints(leaf: Indicator, entries: UnitEntries, periods: readonly { name: string; weight: Rational }[] | undefined): Rational | undefined {
  if (!periods) return isMissing(leaf, entries) ? undefined : leafPoints(leaf, entries);
  const counted = periods.filter((p) => entries.periods?.get(p.name) && !isMissing(leaf, entries.periods.get(p.name)!));
  const total = sum(counted.map((p) => p.weight));
  if (total.isZero()) return undefined;
  return sum(counted.map((p) => leafPoints(leaf, entries.periods!.get(p.name)!).mul(p.weight))).div(total);
}
