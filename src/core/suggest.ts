/** Edit distance between two strings (by code point), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The candidates nearest to `name`, best first: those within a distance that still means a typo
 * (about a third of the length), and those that contain or are contained in it ("中行" / "中国银行").
 */
export function nearest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  // A name this long is no typo of a short one, and comparing it would cost its length times each candidate's.
  if (name.length > 200) return [];
  const scored: { c: string; d: number }[] = [];
  const len = [...name].length;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    const contains = name.length > 1 && (c.includes(name) || name.includes(c));
    const max = Math.max(1, Math.floor(Math.max(len, [...c].length) / 3));
    // Words in another order ("特大安全生产事故" for "特大生产安全事故"): nearly the same characters.
    const reordered = len >= 4 && sharedCharacters(name, c) >= 0.85;
    if (d <= max || contains || reordered) scored.push({ c, d: contains || reordered ? Math.min(d, 1) : d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c, 'zh'));
  return scored.slice(0, limit).map((s) => s.c);
}

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const n = nearest(name, candidates);
  return n.length > 0 ? `是否应为：${n.map((x) => `「${x}」`).join('、')}？` : undefined;
}

/** The share of characters two texts have in common, counted with repeats, over the longer. */
function sharedCharacters(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of b) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(ch, n - 1);
    }
  }
  return shared / Math.max([...a].length, [...b].length);
}

/** Suggestions made against each list so far (a roster: one list a run). */
const spent = new WeakMap<object, number>();

/**
 * didYouMean against a large list (a roster of thousands), at most `budget` times per list: each
 * suggestion costs the list's length, and 50,000 unknown names times 2,000 units took minutes.
 * A report shows the first few problems of a kind anyway; the rest get the plain hint.
 */
export function boundedDidYouMean(list: object, name: string, candidates: () => Iterable<string>, budget = 200): string | undefined {
  const used = spent.get(list) ?? 0;
  if (used >= budget) return undefined;
  spent.set(list, used + 1);
  return didYouMean(name, candidates());
}
