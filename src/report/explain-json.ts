import { fixed, type Rational } from '../core/rational.js';
import { methodOf } from '../engine/methods/index.js';
import { nameOf } from '../engine/model.js';
import type { LeafTrace, Rescale } from '../engine/trace.js';
import { sourceText } from './deductions-sheet.js';
import { leafRule } from './explain-leaf.js';
import type { AdjustmentLine, Explanation, PartLine } from './explain-model.js';

/**
 * `score explain --json`: the same model for scripts. Every number is a string: exact values as
 * a terminating decimal or "n/d" (never a float), the published total with the scheme's decimals.
 * The parts' `points` and the adjustments' `points` add up to `exact`.
 */
export function explanationJson(e: Explanation): Record<string, unknown> {
  const r = e.result;
  const d = e.scheme.rounding.decimals;
  return {
    unit: r.unit.name,
    category: r.unit.category,
    total: fixed(r.score.total, d),
    exact: r.score.exact.toString(),
    rank: r.rank,
    groupSize: e.groupSize,
    tiedWith: e.tiedWith,
    band: r.band ?? null,
    ...(r.pending ? { pending: { between: r.pending.between, tiedWith: r.pending.tiedWith } } : {}),
    parts: e.parts.map((p) => partJson(p, d)),
    adjustments: e.adjustments.map((x) => adjustmentJson(x)),
    vetoes: r.vetoes.map((v) => ({ item: v.item, effect: v.effect, note: v.note, source: sourceText(v.source) })),
    honour: r.honour ?? null,
    flags: r.flags,
    reasons: e.reasons,
    margins: e.margins,
    titles: e.titles,
    ...(e.selfAssessment.length > 0 ? { selfAssessment: e.selfAssessment.map((x) => ({ code: x.leaf.code, self: s(x.self), audited: x.audited ? s(x.audited) : null, difference: x.difference ? s(x.difference) : null })) } : {}),
  };
}

const s = (x: Rational): string => x.toString();

function partJson(p: PartLine, d: number): Record<string, unknown> {
  const t = p.trace;
  return {
    name: t.name,
    max: s(t.root.points),
    points: s(p.counted),
    exact: s(t.contribution),
    ...(t.periods
      ? { periods: t.periods.map((x) => ({ name: x.name, weight: s(x.weight), score: s(x.score), leaves: x.leaves.map((l) => leafJson(l, d)), ...(x.rescale ? { rescale: rescaleJson(x.rescale) } : {}) })) }
      : { weight: s(t.weight), score: s(t.score!), leaves: t.leaves.map((l) => leafJson(l, d)), ...(t.rescale ? { rescale: rescaleJson(t.rescale) } : {}) }),
  };
}

function leafJson(t: LeafTrace, d: number): Record<string, unknown> {
  const lost = t.leaf.points.minus(t.points);
  const detail = t.detail;
  return {
    code: t.leaf.code,
    name: nameOf(t.leaf),
    method: t.leaf.method,
    max: s(t.leaf.points),
    points: s(t.points),
    lost: s(lost.isNegative() ? lost.mul(0) : lost),
    rule: leafRule(t, d),
    ...(t.missing ? { missing: true } : {}),
    ...(detail.deductions ? { deductions: detail.deductions.map((x) => ({ points: s(x.points), reason: x.reason, evidence: x.evidence ?? '', source: sourceText(x.source) })) } : {}),
    ...(t.periods
      ? { periods: t.periods.map((p) => ({ name: p.name, weight: s(p.weight), points: s(p.points), missing: p.missing, ...(p.missing ? {} : methodOf(t.leaf).json?.(p.detail, s) ?? {}) })) }
      : t.missing ? {} : methodOf(t.leaf).json?.(detail, s) ?? {}),
  };
}

/** 缺项折算: the leaves missing, and Σ of the others × full ÷ present. */
function rescaleJson(r: Rescale): Record<string, unknown> {
  return { missing: r.missing.map((l) => l.code), raw: s(r.raw), full: s(r.full), present: s(r.present), factor: s(r.factor) };
}

function adjustmentJson(x: AdjustmentLine): Record<string, unknown> {
  return {
    name: x.name,
    points: s(x.signed),
    raw: s(x.result.raw),
    cap: x.cap ? s(x.cap) : null,
    cuts: x.result.cuts.map((c) => ({ scope: c.scope, name: c.name, cap: s(c.cap), before: s(c.before), cut: s(c.cut) })),
    items: x.items.map((i) => ({ item: i.item, points: s(i.points), reason: i.reason, evidence: i.evidence, source: i.source, where: sourceText(i.where) })),
  };
}
