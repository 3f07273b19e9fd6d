import { Rational } from '../core/rational.js';
import type { AdjustmentResult } from '../engine/adjust.js';
import { partRules, type Assessment, type UnitResult } from '../engine/assess.js';
import type { AdjustmentEntry, UnitEntries } from '../engine/model.js';
import { traceUnit, type PartTrace } from '../engine/trace.js';
import { selfReview, type SelfLine } from '../engine/self-review.js';
import type { Scheme } from '../scheme/schema.js';
import { bandReasons, margins } from './explain-band.js';
import { titleLines } from './explain-titles.js';
import { bandText } from './result-sheets.js';

/**
 * The whole calculation of one unit as plain data: what `score explain` prints (text or JSON) and
 * what its 反馈单 lays out. One model, two renderers, so the two never tell different stories.
 */
export interface Explanation {
  scheme: Scheme;
  result: UnitResult;
  /** Units ranked in the unit's category. */
  groupSize: number;
  /** Others sharing the unit's rank. */
  tiedWith: string[];
  parts: PartLine[];
  adjustments: AdjustmentLine[];
  /** The band as a clerk reads it (a pending unit shows where it may go). */
  band: string;
  /** Why the unit is in its band: the lines, vetoes, quotas and ties, in order. */
  reasons: string[];
  /** How far the unit is from the next band or cut, and how far above its own. */
  margins: string[];
  /** Honours, flags and the figures that follow the band. */
  titles: string[];
  /** Leaves the unit self-assessed (自评), beside the audited points that counted. */
  selfAssessment: SelfLine[];
}

export interface PartLine {
  trace: PartTrace;
  /** What the part adds to the total, as the score counts it (rounded first under roundParts). */
  counted: Rational;
  /** The part was rounded before adding (roundParts) and rounding changed it. */
  rounded: boolean;
  /** 健全组织（20 分）; 公众评议（100 分，×10%）; 指标评估（90 分，中期50%+年终50%）. */
  heading: string;
}

export interface AdjustmentLine {
  side: 'bonus' | 'deduction';
  name: '加分' | '减分';
  items: readonly AdjustmentEntry[];
  result: AdjustmentResult;
  /** What it adds to the total: the applied 加分, or minus the applied 减分. */
  signed: Rational;
  /** The scheme's cap on the side's total, where there is one. */
  cap?: Rational;
}

const SIDES = { bonus: '加分', deduction: '减分' } as const;

/** Explains `result` (one of `a.results`) from the entries it was scored from. */
export function explainUnit(a: Assessment, entries: UnitEntries, result: UnitResult): Explanation {
  const { scheme } = a;
  const group = a.results.filter((r) => r.unit.category === result.unit.category);
  const traces = traceUnit(a.tree, entries, partRules(scheme));
  const parts = traces.flatMap((trace, i): PartLine[] => {
    const counted = result.score.parts[i];
    if (!trace || counted === null || counted === undefined) return [];
    return [{ trace, counted, rounded: !counted.eq(trace.contribution), heading: partHeading(trace) }];
  });
  return {
    scheme,
    result,
    groupSize: group.length,
    tiedWith: group.filter((r) => r !== result && r.rank === result.rank).map((r) => r.unit.name),
    parts,
    adjustments: adjustmentLines(scheme, entries, result),
    band: bandText(result),
    reasons: bandReasons(a, result),
    margins: margins(a, result),
    titles: titleLines(a, result),
    selfAssessment: selfReview(scheme, a.tree, entries),
  };
}

function partHeading(t: PartTrace): string {
  const max = `${t.root.points.toString()} 分`;
  if (t.periods) return `${t.name}（${max}，${t.periods.map((p) => `${p.name}${percent(p.weight)}`).join('+')}）`;
  return t.weight.eq(1) ? `${t.name}（${max}）` : `${t.name}（${max}，×${percent(t.weight)}）`;
}

/** A share as the scheme wrote it: 1/2 → 50%, 1/3 → 33.33…%: shares come from whole percents, so this is short. */
export function percent(share: Rational): string {
  return `${share.mul(100).toString()}%`;
}

function adjustmentLines(scheme: Scheme, entries: UnitEntries, result: UnitResult): AdjustmentLine[] {
  return (['bonus', 'deduction'] as const).flatMap((side): AdjustmentLine[] => {
    const applied = result.score[side];
    if (!applied) return [];
    const cap = scheme.adjustments?.[side]?.cap;
    return [{
      side,
      name: SIDES[side],
      items: (entries.adjustments ?? []).filter((e) => e.side === side),
      result: applied,
      signed: side === 'bonus' ? applied.applied : applied.applied.neg(),
      ...(cap === undefined ? {} : { cap: Rational.of(cap) }),
    }];
  });
}
