import { Rational } from '../core/rational.js';
import type { Band, Quota } from '../scheme/schema.js';

/** One ranked unit as banding sees it. */
export interface Contender {
  id: number;
  /** The published total (the exact one under rankOn: exact): ranks, bands and quotas use it. */
  total: Rational;
  /** What the band boundaries are compared with: the total, or its percentage of full marks. */
  basis: Rational;
  /** Scores of the scheme's tie-break parts, in order, as published (or exact under rankOn: exact). */
  tieKeys: Rational[];
  veto?: 'ineligible' | 'fail';
  /** Decisions of ties for this unit, by kind of cut ('band', 'honour', 'flag:…'); `used` notes which were applied. */
  decisions?: { outcomes: ReadonlyMap<string, string>; used: Set<string> };
}

export type Placement =
  | { kind: 'band'; band: string }
  /** Tied at a cut that nothing in the scheme decides: a person must choose. */
  /** `between`: the bands it may still take, best first (two or more). */
  | { kind: 'pending'; between: string[]; tiedWith: number[] };

/** Something about the banding a clerk must be told. */
export type BandingEvent =
  | { kind: 'tie-decided'; band: string; ids: number[]; taken: number[] }
  | { kind: 'tie-undecided'; band: string; ids: number[]; places: number }
  /** Tied at the cut and settled by the decisions recorded for them. */
  | { kind: 'tie-by-decision'; band: string; ids: number[]; taken: number[]; decisionKind: string }
  | { kind: 'quota-short'; band: string; quota: number; min?: number; got: number }
  | { kind: 'quota'; band: string; exact: Rational; places: number; groupSize: number };

/** Places a quota gives in a group of `size` units; a percentage is rounded as the scheme declares. */
export function quotaPlaces(quota: Quota, size: number): { places: number; exact: Rational } {
  if (quota.count !== undefined) return { places: quota.count, exact: Rational.of(quota.count) };
  if (quota.percent !== undefined) {
    const exact = Rational.of(quota.percent).mul(size).div(100);
    return { places: exact.round(0, quota.rounding ?? 'half-up').toNumber(), exact };
  }
  return { places: quota.max ?? size, exact: Rational.of(quota.max ?? size) };
}

function meets(c: Contender, band: Band): boolean {
  if (band.atLeast !== undefined) return c.basis.gte(band.atLeast);
  if (band.above !== undefined) return c.basis.gt(band.above);
  return true;
}

function compareKeys(a: Contender, b: Contender): number {
  for (let i = 0; i < a.tieKeys.length; i++) {
    const d = b.tieKeys[i]!.comparedTo(a.tieKeys[i]!);
    if (d !== 0) return d;
  }
  return 0;
}

export interface Cut {
  taken: Contender[];
  /** Tied across the cut, undecided. */
  pending: Contender[];
  event?: BandingEvent;
}

/**
 * The best `places` of `ranked` (best first). Equal totals straddling the cut are ordered by the
 * tie-break keys; those still equal at the cut are left pending, never chosen silently.
 */
export function cutAt(ranked: readonly Contender[], places: number, band: string, kind = 'band'): Cut {
  if (ranked.length <= places) return { taken: [...ranked], pending: [] };
  if (places <= 0) return { taken: [], pending: [] };
  const cutTotal = ranked[places - 1]!.total;
  if (!ranked[places]!.total.eq(cutTotal)) return { taken: ranked.slice(0, places), pending: [] };
  const above = ranked.filter((c) => c.total.gt(cutTotal));
  const tied = ranked.filter((c) => c.total.eq(cutTotal)).sort(compareKeys);
  const left = places - above.length;
  const boundary = tied[left - 1];
  const after = tied[left]!;
  if (boundary !== undefined && compareKeys(boundary, after) !== 0) {
    const taken = tied.slice(0, left);
    return { taken: [...above, ...taken], pending: [], event: { kind: 'tie-decided', band, ids: tied.map((c) => c.id), taken: taken.map((c) => c.id) } };
  }
  // Still equal at the cut: those strictly better by the keys are in, the equal ones pending.
  const key = boundary ?? after;
  const better = tied.filter((c) => compareKeys(c, key) < 0);
  const pending = tied.filter((c) => compareKeys(c, key) === 0);
  const decided = byDecision(pending, left - better.length, band, kind);
  if (decided) return { taken: [...above, ...better, ...decided.taken], pending: decided.pending, event: decided.event };
  return {
    taken: [...above, ...better],
    pending,
    event: { kind: 'tie-undecided', band, ids: pending.map((c) => c.id), places: left - better.length },
  };
}

/**
 * A tie settled by the decisions recorded for the tied units: those decided into `band` are in,
 * those decided elsewhere out, and the undecided rest are in only when the places left take them
 * all. More decided in than there are places is no settlement: the tie stays pending (and the
 * decisions unused, which the clerk is told).
 */
function byDecision(pending: readonly Contender[], places: number, band: string, kind: string): { taken: Contender[]; pending: Contender[]; event: BandingEvent } | undefined {
  const outcome = (c: Contender): string | undefined => c.decisions?.outcomes.get(kind);
  const chosen = pending.filter((c) => outcome(c) === band);
  const declined = pending.filter((c) => outcome(c) !== undefined && outcome(c) !== band);
  if ((chosen.length === 0 && declined.length === 0) || chosen.length > places) return undefined;
  const open = pending.filter((c) => outcome(c) === undefined);
  const rest = places - chosen.length;
  // The undecided go in when the places left take them all, out when none is left, else stay pending.
  const taken = open.length <= rest ? [...chosen, ...open] : chosen;
  const still = open.length <= rest || rest === 0 ? [] : open;
  for (const c of [...chosen, ...declined]) c.decisions!.used.add(kind);
  const ids = pending.map((c) => c.id);
  if (still.length > 0) return { taken, pending: still, event: { kind: 'tie-undecided', band, ids: still.map((c) => c.id), places: rest } };
  return { taken, pending: [], event: { kind: 'tie-by-decision', band, ids, taken: taken.map((c) => c.id), decisionKind: kind } };
}

/**
 * The worst `places` of `ranked` (best first): the same cut on a mirrored order, so ties at the
 * bottom are settled — or left pending — exactly as at the top (tie-break keys reversed).
 */
export function cutFromBottom(ranked: readonly Contender[], places: number, band: string, kind = 'band'): Cut {
  const mirrored = [...ranked].reverse().map((c) => ({ ...c, total: c.total.neg(), tieKeys: c.tieKeys.map((k) => k.neg()) }));
  const original = new Map(ranked.map((c) => [c.id, c]));
  const cut = cutAt(mirrored, places, band, kind);
  const back = (list: Contender[]): Contender[] => list.map((c) => original.get(c.id)!);
  return { taken: back(cut.taken), pending: back(cut.pending), ...(cut.event ? { event: cut.event } : {}) };
}

/** Units tied at a cut that will drop (`count` of them), carried down until some band's places take them. */
interface Carry {
  units: Contender[];
  count: number;
  /** The bands they may still take, from the one they were tied for down. */
  bands: string[];
}

/**
 * Bands one category, top band first: a unit must meet the band's floor, be eligible (a veto
 * `ineligible` keeps it out of the top band, `fail` puts it in the last), and fit in the quota.
 * Those not taken go on to the next band.
 */
export function assignBands(ranked: readonly Contender[], bands: readonly Band[]): { placements: Map<number, Placement>; events: BandingEvent[] } {
  const placements = new Map<number, Placement>();
  const events: BandingEvent[] = [];
  let remaining = [...ranked];
  // 003 宿迁: the last band takes the bottom N whatever their scores (后三位 → 诫勉).
  const last = bands[bands.length - 1]!;
  let bottomTie: { pending: Contender[]; event?: BandingEvent } = { pending: [] };
  if (last.bottom !== undefined && bands.length > 1) {
    // A unit a veto puts in the last band (fail) is already one of the N, whatever its score: the
    // band holds N units, as the rule says, and the rest of its places go to the lowest totals.
    const failed = ranked.filter((c) => c.veto === 'fail');
    const cut = cutFromBottom(ranked.filter((c) => c.veto !== 'fail'), Math.max(0, last.bottom - failed.length), last.name);
    for (const c of [...failed, ...cut.taken]) placements.set(c.id, { kind: 'band', band: last.name });
    // Those tied at the bottom cut go through the other bands by score: a unit not chosen for the
    // last band takes the band its score earns (docs: the bottom N 归入最后一个等次, the rest by the other bands).
    bottomTie = { pending: cut.pending, ...(cut.event ? { event: cut.event } : {}) };
    if (cut.event && cut.event.kind !== 'tie-undecided') events.push(cut.event);
    const done = new Set([...failed, ...cut.taken].map((c) => c.id));
    remaining = remaining.filter((c) => !done.has(c.id));
  }
  // Units tied at a quota's cut that will drop once a person decides rank above everyone left, so
  // they take the next band's places first (two tied for the last 先进 place: the one not chosen is
  // 良好, and 良好's quota has one place fewer for the others); more than it has go on down.
  const carries: Carry[] = [];
  bands.forEach((band, i) => {
    const open = carries.filter((g) => g.count > 0);
    if (i === bands.length - 1) {
      for (const c of remaining) placements.set(c.id, { kind: 'band', band: band.name });
      for (const g of open) { g.bands.push(band.name); g.count = 0; }
      return;
    }
    const eligible = remaining.filter((c) => c.veto !== 'fail' && !(c.veto === 'ineligible' && i === 0) && meets(c, band));
    let cut: Cut = { taken: eligible, pending: [] };
    if (band.quota) {
      const { places, exact } = quotaPlaces(band.quota, ranked.length);
      if (band.quota.percent !== undefined) events.push({ kind: 'quota', band: band.name, exact, places, groupSize: ranked.length });
      let room = places;
      for (const g of open) {
        g.bands.push(band.name);
        const take = Math.min(g.count, room);
        g.count -= take;
        room -= take;
      }
      cut = cutAt(eligible, room, band.name);
      if (cut.event) events.push(cut.event);
      // Fewer than the quota (or its minimum) meet the floor: the floor wins, and the clerk is told.
      const wanted = band.quota.min ?? places;
      if (cut.taken.length < wanted && cut.pending.length === 0 && open.length === 0) {
        events.push({ kind: 'quota-short', band: band.name, quota: places, got: cut.taken.length, ...(band.quota.min !== undefined ? { min: band.quota.min } : {}) });
      }
    } else {
      for (const g of open) { g.bands.push(band.name); g.count = 0; }
    }
    for (const c of cut.taken) placements.set(c.id, { kind: 'band', band: band.name });
    if (cut.pending.length > 0) {
      const dropping = cut.event?.kind === 'tie-undecided' ? cut.pending.length - cut.event.places : 0;
      carries.push({ units: cut.pending, count: dropping, bands: [band.name] });
    }
    const done = new Set([...cut.taken, ...cut.pending]);
    remaining = remaining.filter((c) => !done.has(c));
  });
  for (const g of carries) {
    const ids = g.units.map((c) => c.id);
    for (const c of g.units) placements.set(c.id, { kind: 'pending', between: g.bands, tiedWith: ids });
  }
  settleBottomTie(bottomTie, last.name, placements, events);
  return { placements, events };
}

/**
 * Units tied at the bottom-N cut: each may take the last band or the one its score earns (itself
 * perhaps still 待定); where that is the last band anyway there is nothing to decide.
 */
function settleBottomTie(tie: { pending: Contender[]; event?: BandingEvent }, last: string, placements: Map<number, Placement>, events: BandingEvent[]): void {
  const options = (c: Contender): string[] => {
    const own = placements.get(c.id)!;
    const mine = own.kind === 'band' ? [own.band] : own.between;
    return mine.includes(last) ? mine : [...mine, last];
  };
  const open = tie.pending.filter((c) => options(c).length > 1);
  for (const c of tie.pending) if (options(c).length === 1) placements.set(c.id, { kind: 'band', band: last });
  if (open.length === 0) return;
  const ids = open.map((c) => c.id);
  for (const c of open) {
    const own = placements.get(c.id)!;
    placements.set(c.id, { kind: 'pending', between: options(c), tiedWith: own.kind === 'pending' ? [...new Set([...own.tiedWith, ...ids])] : ids });
  }
  if (tie.event) events.push(tie.event);
}
