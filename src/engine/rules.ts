import { NONE } from '../core/code-map.js';
import { Rational, roundHalfUp } from '../core/rational.js';
import { normalizeName } from '../core/text.js';
import type { Award, Condition, Scheme } from '../scheme/schema.js';
import type { IndicatorTree, PartRule, Unit } from './model.js';
import type { UnitScore } from './score-unit.js';

/** What a single-indicator award or a condition is on: a part (by index of tree.parts) or a leaf (by code). */
export type Target = { kind: 'part'; index: number; name: string } | { kind: 'leaf'; code: string; name: string };

/** The part (一级指标 name or code) or leaf (code) a scheme's `on` names; undefined when none. */
export function targetOf(tree: IndicatorTree, on: string): Target | undefined {
  const key = normalizeName(on);
  const index = tree.parts.findIndex((p) => p === key || tree.roots.some((r) => r.code === key && r.path[0] === p));
  if (index >= 0) return { kind: 'part', index, name: tree.parts[index]! };
  const leaf = tree.leaves.find((l) => l.code === key);
  return leaf ? { kind: 'leaf', code: leaf.code, name: leaf.path[leaf.path.length - 1] ?? leaf.code } : undefined;
}

/** A unit's exact score on a target; undefined where its category has no such part or leaf. */
export function targetScore(score: UnitScore, target: Target): Rational | undefined {
  return target.kind === 'part' ? score.parts[target.index] ?? undefined : score.leaves.get(target.code);
}

/**
 * The most a unit can score on a target: a leaf's points; a part's points as counted in the total
 * (× its weight, or × the sum of its periods' percentages).
 */
export function targetFull(tree: IndicatorTree, target: Target, category: string, rule: PartRule | undefined): Rational | undefined {
  if (target.kind === 'leaf') return tree.leaves.find((l) => l.code === target.code)?.points;
  const root = tree.roots.find((r) => r.path[0] === target.name && (r.categories === undefined || r.categories.includes(category)));
  if (!root) return undefined;
  const share = rule?.periods ? rule.periods.reduce((s, p) => s.plus(p.weight), Rational.of(0)) : rule?.weight ?? Rational.of(1);
  return root.points.mul(share);
}

/** The number a rule compares, as ranks compare totals: published (rounded to the scheme's decimals), or exact under rankOn: exact. */
export function compared(scheme: Scheme, value: Rational): Rational {
  return scheme.rounding.rankOn === 'exact' ? value : roundHalfUp(value, scheme.rounding.decimals);
}

/** A condition a unit falls under: its value (points, or % of full points) against the line. */
export interface ConditionHit {
  condition: Condition;
  target: Target;
  value: Rational;
}

/** Whether a unit's value on the condition's target is under (or at most) its line; the value compared. */
export function conditionHit(scheme: Scheme, condition: Condition, target: Target, score: UnitScore, full: Rational | undefined): ConditionHit | undefined {
  const raw = targetScore(score, target);
  if (raw === undefined) return undefined;
  if (condition.percent && (full === undefined || full.isZero())) return undefined;
  const value = compared(scheme, condition.percent ? raw.div(full!).mul(100) : raw);
  const hit = condition.under !== undefined ? value.lt(Rational.of(condition.under)) : value.lte(Rational.of(condition.atMost!));
  return hit ? { condition, target, value } : undefined;
}

/** One unit as awards see it. */
export interface AwardEntrant {
  unit: Unit;
  score: UnitScore;
  eligible: boolean;
}

/**
 * Single-indicator awards (003 单项工作先进奖): in each group the best `count` eligible units on
 * the target, compared as published; all units tied at the last place take it. Returns unit → awards.
 */
export function giveAwards(scheme: Scheme, tree: IndicatorTree, entrants: readonly AwardEntrant[]): Map<Unit, string[]> {
  const out = new Map<Unit, string[]>();
  for (const award of scheme.awards) {
    const target = targetOf(tree, award.on);
    if (!target) continue;
    for (const members of awardGroups(scheme, award, entrants)) {
      const pool = members
        .map((e) => ({ e, v: targetScore(e.score, target) }))
        .filter((x): x is { e: AwardEntrant; v: Rational } => x.e.eligible && x.v !== undefined)
        .map((x) => ({ unit: x.e.unit, v: compared(scheme, x.v) }))
        .sort((a, b) => b.v.comparedTo(a.v) || a.unit.order - b.unit.order);
      const last = pool[Math.min(award.count, pool.length) - 1];
      if (!last) continue;
      for (const x of pool.filter((y) => y.v.gte(last.v))) out.set(x.unit, [...(out.get(x.unit) ?? []), award.name]);
    }
  }
  return out;
}

function awardGroups(scheme: Scheme, award: Award, entrants: readonly AwardEntrant[]): AwardEntrant[][] {
  return award.scope === 'all' ? [[...entrants]] : scheme.categories.map((c) => entrants.filter((e) => e.unit.category === c));
}

/** One earlier year's result, as read from its 通报 (the hidden 记录 sheet). */
export interface PreviousResult {
  /** Where it came from (the file's name), for messages. */
  label: string;
  year?: number;
  units: { unit: string; category: string; rank: number; band: string }[];
}

/** The unit's line in an earlier result: by its name, or one of its aliases. */
export function previousOf(unit: Unit, previous: PreviousResult): PreviousResult['units'][number] | undefined {
  const names = new Set([unit.name, ...unit.aliases].map(normalizeName));
  return previous.units.find((u) => names.has(normalizeName(u.unit)));
}

/** Rank against the latest previous year, same category: positive is 进位 (up), negative 退位; undefined when not comparable. */
export function rankChange(unit: Unit, rank: number, previous: readonly PreviousResult[]): number | undefined {
  const last = previous[0];
  const before = last ? previousOf(unit, last) : undefined;
  return before && before.category === unit.category ? before.rank - rank : undefined;
}

/** 进3位、退1位、持平; — when there is nothing to compare with. */
export function rankChangeText(change: number | undefined): string {
  if (change === undefined) return '—';
  return change > 0 ? `进${change}位` : change < 0 ? `退${-change}位` : '持平';
}

/** The conditions a unit falls under (conditions, in the scheme's order). */
export function conditionsOf(scheme: Scheme, tree: IndicatorTree, rules: (part: string, category: string) => PartRule | undefined, unit: Unit, score: UnitScore): ConditionHit[] {
  const hits: ConditionHit[] = [];
  for (const condition of scheme.conditions) {
    const target = targetOf(tree, condition.on);
    if (!target) continue;
    const full = condition.percent ? targetFull(tree, target, unit.category, target.kind === 'part' ? rules(target.name, unit.category) : undefined) : undefined;
    const hit = conditionHit(scheme, condition, target, score, full);
    if (hit) hits.push(hit);
  }
  return hits.length > 0 ? hits : NONE;
}

/** What a condition hit says of a unit: 「满意率」 55% 低于 60%，取消评优资格、标记「满意率低于60%」. */
export function conditionText(hit: ConditionHit, decimals: number): string {
  const c = hit.condition;
  const unit = c.percent ? '%' : ' 分';
  const line = c.under !== undefined ? `低于 ${c.under}${unit}` : `不超过 ${c.atMost}${unit}`;
  const effects = c.effects.map((e) => (e === 'ineligible' ? '取消评优资格' : `标记「${c.name}」`)).join('、');
  return `「${hit.target.name}」${c.percent ? '得分率' : '得分'} ${hit.value.toFixed(decimals)}${unit}，${line}（${c.name}）：${effects}`;
}
