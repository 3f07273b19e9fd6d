import type { Flag, Honour } from '../scheme/schema.js';
import { cutAt, cutFromBottom, type BandingEvent, type Contender } from './banding.js';

export interface Titles {
  /** id → the honour given. */
  given: Map<number, string>;
  /** id → the honours it is tied between, undecided. */
  pending: Map<number, string[]>;
  events: BandingEvent[];
}

/**
 * Honours in order (一等奖 1, then 二等奖 2, …) from a pool ranked best first. A tie at a cut that
 * the tie-break does not settle leaves the tied units pending between this honour and the next.
 */
export function giveHonours(pool: readonly Contender[], honours: readonly Honour[]): Titles {
  const titles: Titles = { given: new Map(), pending: new Map(), events: [] };
  let rest = [...pool];
  // Tied units left without this honour once a person decides: they rank above the rest, so they
  // take places of the next honour (两个并列争一个一等奖：落选的一个是二等奖，二等奖只剩一个名额).
  let carried = 0;
  honours.forEach((honour, i) => {
    const cut = cutAt(rest, Math.max(0, honour.count - carried), honour.name, 'honour');
    if (cut.event) titles.events.push(cut.event);
    for (const c of cut.taken) titles.given.set(c.id, honour.name);
    const next = honours[i + 1]?.name;
    for (const c of cut.pending) titles.pending.set(c.id, next === undefined ? [honour.name] : [honour.name, next]);
    carried = Math.max(0, carried - honour.count) + (cut.event?.kind === 'tie-undecided' ? cut.pending.length - cut.event.places : 0);
    const done = new Set([...cut.taken, ...cut.pending]);
    rest = rest.filter((c) => !done.has(c));
  });
  return titles;
}

/**
 * The bottom `flag.bottom` of a group ranked best first (后三名), optionally only those also at
 * most / under a score ("60分以下且后三名"). The score is read as the bands read theirs: points,
 * or a percentage of full marks under `bandBasis: percent`, so that one scheme speaks one unit.
 * Ties at the cut are decided like any other cut.
 */
export function bottomFlag(ranked: readonly Contender[], flag: Flag): { flagged: number[]; pending: number[]; event?: BandingEvent } {
  const cut = cutFromBottom(ranked, flag.bottom, flag.name, `flag:${flag.name}`);
  const applies = (c: Contender): boolean => {
    if (flag.atMost !== undefined) return c.basis.lte(flag.atMost);
    if (flag.under !== undefined) return c.basis.lt(flag.under);
    return true;
  };
  const flagged = cut.taken.filter(applies).map((c) => c.id);
  const pending = cut.pending.filter(applies).map((c) => c.id);
  if (cut.event?.kind === 'tie-undecided') {
    return pending.length > 0 ? { flagged, pending, event: { ...cut.event, ids: pending } } : { flagged, pending };
  }
  return cut.event ? { flagged, pending, event: cut.event } : { flagged, pending };
}
