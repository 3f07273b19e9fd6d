import { error, type Diagnostic } from '../core/diagnostic.js';
import { appended, NONE } from '../core/code-map.js';
import { Rational, roundHalfUp } from '../core/rational.js';
import { componentFor, type Flag, type Scheme } from '../scheme/schema.js';
import { assignBands, type BandingEvent, type Contender } from './banding.js';
import { describeEvents, boundaryNote } from './describe.js';
import { awardHonours, bottomFlag, type HonourStanding } from './honours.js';
import { decisionText, type Decision, type IndicatorTree, type PartRule, type Unit, type UnitEntries, type VetoEntry } from './model.js';
import { rank } from './rank.js';
import { applyHistory, conditionNotes } from './history.js';
import { conditionsOf, giveAwards, rankChange, type ConditionHit, type PreviousResult } from './rules.js';
import { scoreUnit, type UnitScore } from './score-unit.js';

export interface UnitResult {
  unit: Unit;
  score: UnitScore;
  /** Rank within the unit's category; equal totals share a rank. */
  rank: number;
  /** Undefined while the unit is tied at a cut that a person must decide. */
  band?: string;
  /** Tied at a cut: the bands it may still take (best first) and the units tied with it. */
  pending?: { between: string[]; tiedWith: string[] };
  vetoes: VetoEntry[];
  /** Decisions recorded for the unit's ties; `applied` once a tie they decide was found. */
  decisions: (Decision & { applied: boolean })[];
  honour?: string;
  honourPending?: string[];
  /** Flags given (bottom-N, conditions, history), and those tied at a cut. */
  flags: string[];
  flagsPending: string[];
  /** Single-indicator awards (单项奖). */
  awards: string[];
  /** Conditions on a part's or leaf's score the unit falls under (满意率低于60%). */
  conditions: ConditionHit[];
  /** Rank against the latest previous year (--previous): positive 进位, negative 退位. */
  rankChange?: number;
}

export interface Assessment {
  scheme: Scheme;
  tree: IndicatorTree;
  /** Category order of the scheme, then rank, then roster order. */
  results: UnitResult[];
  /** Units that did not take part (不参与评比), as the scheme names them. */
  excluded: string[];
  /** Problems and notes of the calculation: boundaries, quotas, ties (an undecided tie is an error). */
  diagnostics: Diagnostic[];
  /** What happened at each group's cuts (quotas, ties, honours, flags), for explaining one unit (score explain). */
  events?: GroupEvents[];
  /** Names of the parts that decided ties, in order (the scheme's tieBreak). */
  tieParts?: string[];
}

/** The events of one group: a category, or '' for every unit together. */
export interface GroupEvents {
  group: string;
  events: BandingEvent[];
}

export interface AssessOptions {
  vetoes?: ReadonlyMap<Unit, VetoEntry[]>;
  /** Ties decided by a person (决定 sheet), applied on every run while the tie exists. */
  decisions?: ReadonlyMap<Unit, Decision[]>;
  /** Indexes of the tree's parts that break ties, in order. */
  tieBreak?: readonly number[];
  /** Earlier years' results (--previous), the latest first. */
  previous?: readonly PreviousResult[];
}

/**
 * The whole calculation: every unit scored; ranked, banded, honoured and flagged within its group
 * on the published total. Pure: the same entries give the same result.
 */
export function assess(scheme: Scheme, tree: IndicatorTree, entries: readonly UnitEntries[], options: AssessOptions = {}): Assessment {
  const rounding = { decimals: scheme.rounding.decimals, roundParts: scheme.rounding.roundParts };
  const full = Rational.of(scheme.fullMarks);
  const tieBreak = options.tieBreak ?? [];
  const results: UnitResult[] = [];
  const contenders: Contender[] = [];
  const diagnostics: Diagnostic[] = [];
  const events: GroupEvents[] = [];
  const rules = partRules(scheme);
  const scored = entries.map((e) => ({ unit: e.unit, score: scoreUnit(tree, e, rounding, rules, scheme.adjustments) }));
  for (const category of scheme.categories) {
    const onExact = scheme.rounding.rankOn === 'exact';
    const members = scored.filter((s) => s.unit.category === category).map((s) => ({ score: onExact ? s.score.exact : s.score.total, order: s.unit.order, scored: s }));
    const ranked = rank(members).map(({ item, rank: r }) => {
      // Most units have no veto, decision, award or condition: they share one empty list.
      const vetoes = options.vetoes?.get(item.scored.unit) ?? NONE;
      const decisions = options.decisions?.get(item.scored.unit)?.map((d) => ({ ...d, applied: false })) ?? NONE;
      const result: UnitResult = { unit: item.scored.unit, score: item.scored.score, rank: r, vetoes, decisions, flags: NONE, flagsPending: NONE, awards: NONE, conditions: conditionsOf(scheme, tree, rules, item.scored.unit, item.scored.score) };
      const change = rankChange(item.scored.unit, r, options.previous ?? []);
      if (change !== undefined) result.rankChange = change;
      const contender = contenderOf(results.length, result, full, scheme, tieBreak);
      results.push(result);
      contenders.push(contender);
      return contender;
    });
    const bands = scheme.bandsOf.get(category)!;
    const banded = assignBands(ranked, bands);
    events.push({ group: category, events: banded.events });
    for (const [id, placement] of banded.placements) {
      const r = results[id]!;
      if (placement.kind === 'band') r.band = placement.band;
      else r.pending = { between: placement.between, tiedWith: placement.tiedWith.map((t) => results[t]!.unit.name) };
    }
    diagnostics.push(...describeEvents(banded.events, category, results, scheme, tieBreak.map((i) => tree.parts[i]!)));
    for (const c of ranked) {
      const note = boundaryNote(results[c.id]!, c.basis, bands, scheme);
      if (note) diagnostics.push(note);
    }
  }
  const titles: TitleContext = { scheme, results, contenders, diagnostics, events, tieParts: tieBreak.map((i) => tree.parts[i]!) };
  applyHonours(titles);
  for (const flag of scheme.flags) applyFlag(titles, flag);
  const awards = giveAwards(scheme, tree, contenders.map((c) => ({ unit: results[c.id]!.unit, score: results[c.id]!.score, eligible: c.veto === undefined })));
  for (const r of results) r.awards = awards.get(r.unit) ?? NONE;
  for (const r of results) for (const hit of r.conditions) if (hit.condition.effects.includes('flag')) r.flags = appended(r.flags, hit.condition.name);
  diagnostics.push(...conditionNotes(results, scheme), ...applyHistory(results, scheme, options.previous ?? []));
  diagnostics.push(...unusedDecisions(results, contenders));
  return { scheme, tree, results, excluded: [...scheme.excluded.units], diagnostics, events, tieParts: titles.tieParts };
}

/** The scheme's components as fractions: weight 10 → 0.1; periods {中期: 50, 年终: 50} → 0.5 each, in the scheme's period order. */
export function partRules(scheme: Scheme): (part: string, category: string) => PartRule | undefined {
  return (part, category) => {
    const c = componentFor(scheme, part, category);
    if (!c) return undefined;
    const periods = c.periods;
    return periods
      ? { weight: Rational.of(1), periods: scheme.periods.filter((p) => periods[p] !== undefined).map((p) => ({ name: p, weight: Rational.of(periods[p]!).div(100) })) }
      : { weight: Rational.of(c.weight ?? 100).div(100) };
  };
}

function contenderOf(id: number, r: UnitResult, full: Rational, scheme: Scheme, tieBreak: readonly number[]): Contender {
  const onExact = scheme.rounding.rankOn === 'exact';
  const total = onExact ? r.score.exact : r.score.total;
  // The tie-break parts are compared as the totals are: published (rounded to the scheme's decimals)
  // by default, so that a tie is never settled by digits nobody sees; exact under rankOn: exact.
  const key = (part: Rational | null | undefined): Rational => (part == null ? Rational.of(0) : onExact ? part : roundHalfUp(part, scheme.rounding.decimals));
  const c: Contender = {
    id,
    total,
    basis: scheme.bandBasis === 'percent' ? total.div(full).mul(100) : total,
    tieKeys: tieBreak.length === 0 ? NONE : tieBreak.map((i) => key(r.score.parts[i])),
  };
  if (r.decisions.length > 0) c.decisions = { outcomes: new Map(r.decisions.map((d) => [d.kind, d.outcome])), used: new Set() };
  // 002 正定: 失职渎职 makes a unit 不合格 whatever its score; other vetoes take away 评先 eligibility.
  if (r.vetoes.some((v) => v.effect === 'fail')) c.veto = 'fail';
  else if (r.vetoes.length > 0 || r.conditions.some((h) => h.condition.effects.includes('ineligible'))) c.veto = 'ineligible';
  return c;
}

/**
 * A decision whose tie no longer exists (scores changed since, or the unit was never tied there)
 * is refused, never applied silently to something else.
 */
function unusedDecisions(results: UnitResult[], contenders: readonly Contender[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of contenders) {
    const r = results[c.id]!;
    for (const d of r.decisions) {
      d.applied = c.decisions?.used.has(d.kind) === true;
      if (!d.applied) {
        out.push(error('E_DECISION_UNUSED', d.source, `「决定」表中单位「${r.unit.name}」的决定「${decisionText(d)}」没有用上：该单位现在不在需要人工决定的并列之中（原先的并列已不存在，或决定的不是这一项）。`,
          '请核对后删除或改正这一行；分数更正后并列可能已经消失，需要时重新研究决定。'));
      }
    }
  }
  return out;
}

interface TitleContext {
  scheme: Scheme;
  results: UnitResult[];
  contenders: Contender[];
  diagnostics: Diagnostic[];
  events: GroupEvents[];
  tieParts: string[];
}

/** The groups titles are given in: each category, or every unit together ranked by total. */
function groupsOf(t: TitleContext, scope: 'category' | 'all'): [string, Contender[]][] {
  if (scope === 'category') return t.scheme.categories.map((c) => [c, t.contenders.filter((x) => t.results[x.id]!.unit.category === c)]);
  const unit = (c: Contender) => t.results[c.id]!.unit;
  return [['', [...t.contenders].sort((a, b) => b.total.comparedTo(a.total) || unit(a).order - unit(b).order)]];
}

/** Honours by rank in the scheme's order (awardHonours); vetoed units take none. */
function applyHonours(t: TitleContext): void {
  if (t.scheme.honours.length === 0) return;
  const standing = (c: Contender): HonourStanding => {
    const r = t.results[c.id]!;
    return { eligible: c.veto === undefined, category: r.unit.category, bands: r.band !== undefined ? [r.band] : r.pending!.between };
  };
  const titles = awardHonours(t.contenders, standing, t.scheme.honours, t.scheme.categories, (c) => t.results[c.id]!.unit.order);
  for (const [id, name] of titles.given) t.results[id]!.honour = name;
  for (const [id, names] of titles.pending) t.results[id]!.honourPending = names;
  for (const { group, events } of titles.events) {
    t.events.push({ group, events });
    t.diagnostics.push(...describeEvents(events, group, t.results, t.scheme, t.tieParts));
  }
}

/** A bottom-N flag, within the categories it names (正定: 只对承担日常工作的乡镇、部门和单位). */
function applyFlag(t: TitleContext, flag: Flag): void {
  for (const [group, all] of groupsOf(t, flag.scope)) {
    const members = flag.categories ? all.filter((c) => flag.categories!.includes(t.results[c.id]!.unit.category)) : all;
    const { flagged, pending, event } = bottomFlag(members, flag);
    for (const id of flagged) t.results[id]!.flags = appended(t.results[id]!.flags, flag.name);
    for (const id of pending) t.results[id]!.flagsPending = appended(t.results[id]!.flagsPending, flag.name);
    if (event) t.events.push({ group, events: [event] });
    if (event) t.diagnostics.push(...describeEvents([event], group, t.results, t.scheme, t.tieParts));
  }
}
