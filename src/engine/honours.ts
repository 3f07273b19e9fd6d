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

/** Where a unit stands for the honours: eligible (not vetoed), its category, and the band(s) it may take. */
export interface HonourStanding {
  eligible: boolean;
  category: string;
  /** Its band, or the bands it may still take while 待定. */
  bands: readonly string[];
}

/** Honours given in the scheme's order, group by group. */
export interface HonourOutcome extends Omit<Titles, 'events'> {
  events: { group: string; events: BandingEvent[] }[];
}

/**
 * Every honour of the scheme, in its order (docs/scheme.md 荣誉): a unit holds at most one, so one
 * given an honour takes no place in the later ones. Consecutive honours of one scope and one `from`
 * form a chain, in which tied units not chosen take the next honour's places (giveHonours). A unit
 * whose place in a later honour's pool is not yet known — its band 待定 with the honour's `from`
 * among its bands, or tied for an earlier honour — is counted both ways: the honours are given once
 * with all such units in the pool, once without them (for the unit itself: with only it), and a
 * unit whose outcome differs is 待定 between the honours it may take.
 */
export function awardHonours(contenders: readonly Contender[], standing: (c: Contender) => HonourStanding, honours: readonly Honour[], categories: readonly string[], orderOf: (c: Contender) => number): HonourOutcome {
  const out: HonourOutcome = { given: new Map(), pending: new Map(), events: [] };
  const rankOf = (name: string): number => honours.findIndex((h) => h.name === name);
  for (const chain of chainsOf(honours)) {
    const { scope, from } = chain[0]!;
    const groups: [string, Contender[]][] = scope === 'all'
      ? [['', [...contenders].sort((a, b) => b.total.comparedTo(a.total) || orderOf(a) - orderOf(b))]]
      : categories.map((cat) => [cat, contenders.filter((c) => standing(c).category === cat)]);
    for (const [group, members] of groups) {
      const pool = members.filter((c) => standing(c).eligible && !out.given.has(c.id) && (from === undefined || standing(c).bands.includes(from)));
      const uncertain = new Set(pool.filter((c) => out.pending.has(c.id) || (from !== undefined && standing(c).bands.length > 1)));
      // With uncertain units the ties hang on undecided ones: no decision reaches them yet.
      const undecided = (c: Contender): Contender => (uncertain.size === 0 ? c : { ...c, decisions: undefined });
      const run = (extra: ReadonlySet<Contender>): Titles => giveHonours(pool.filter((c) => !uncertain.has(c) || extra.has(c)).map(undecided), chain);
      if (uncertain.size === 0) {
        const titles = run(uncertain);
        for (const [id, name] of titles.given) out.given.set(id, name);
        for (const [id, names] of titles.pending) out.pending.set(id, names);
        out.events.push({ group, events: titles.events });
        continue;
      }
      const withAll = run(uncertain);
      const without = run(new Set());
      const namesIn = (t: Titles, id: number): string[] => (t.given.has(id) ? [t.given.get(id)!] : t.pending.get(id) ?? []);
      const same = (id: number): boolean => withAll.given.get(id) === without.given.get(id) && namesIn(withAll, id).join() === namesIn(without, id).join();
      const union = (...lists: string[][]): string[] => [...new Set(lists.flat())].sort((a, b) => rankOf(a) - rankOf(b));
      for (const c of pool) {
        if (uncertain.has(c)) {
          const names = union(out.pending.get(c.id) ?? [], namesIn(run(new Set([c])), c.id), namesIn(withAll, c.id));
          if (names.length > 0) out.pending.set(c.id, names);
        } else if (same(c.id)) {
          if (withAll.given.has(c.id)) out.given.set(c.id, withAll.given.get(c.id)!);
          if (withAll.pending.has(c.id)) out.pending.set(c.id, withAll.pending.get(c.id)!);
        } else {
          out.pending.set(c.id, union(namesIn(withAll, c.id), namesIn(without, c.id)));
        }
      }
      // A tie among units whose outcome does not hang on the uncertain ones is still a tie to decide.
      out.events.push({ group, events: without.events.filter((e) => e.kind !== 'tie-undecided' || e.ids.every((id) => pool.some((c) => c.id === id && !uncertain.has(c)) && same(id))) });
    }
  }
  return out;
}

/** Consecutive honours of one scope and one `from`: within such a chain the tied carry down. */
function chainsOf(honours: readonly Honour[]): Honour[][] {
  const chains: Honour[][] = [];
  for (const h of honours) {
    const last = chains[chains.length - 1]?.[0];
    if (last && last.scope === h.scope && last.from === h.from) chains[chains.length - 1]!.push(h);
    else chains.push([h]);
  }
  return chains;
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
