// What the sample generators share to state every unit's published numbers (expected/numbers.json):
// the published total, competition rank, cuts at a quota or a bottom-N with the scheme's
// tie-break, and the command line. Written from docs/scheme.md, importing nothing from src/, so a
// golden test can hold the engine to a second reckoning.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { frac, sum, ZERO } from './fraction.mjs';

/** The sample's scheme.yaml, with the defaults of docs/scheme.md for what these rules read. */
export function readScheme(dir) {
  const scheme = parse(readFileSync(new URL('scheme.yaml', dir), 'utf8'));
  const rounding = { decimals: 2, mode: 'half-up', roundParts: false, rankOn: 'published', ...scheme.rounding };
  if (rounding.mode !== 'half-up') throw new Error(`rounding.mode ${rounding.mode}: only 四舍五入 is reckoned here`);
  const categories = scheme.categories.map((c) => (typeof c === 'string' ? c : c.name));
  const bandsOf = new Map(scheme.categories.map((c) => [typeof c === 'string' ? c : c.name, (typeof c === 'string' ? undefined : c.bands) ?? scheme.bands]));
  return { ...scheme, fullMarks: scheme.fullMarks ?? 100, rounding, categories, bandsOf, honours: scheme.honours ?? [], flags: scheme.flags ?? [], figures: scheme.figures ?? [] };
}

/**
 * 总分 = Σ parts + 加分 − 减分 (docs/scheme.md, 加分与减分). Parts are rounded first only where
 * the scheme says roundParts; the total is published 四舍五入 to the scheme's decimals. `basis`
 * is what ranks, bands and quotas compare: the published total unless rankOn: exact.
 */
export function totalOf(parts, scheme, { bonus = ZERO, deduction = ZERO } = {}) {
  const { decimals, roundParts, rankOn } = scheme.rounding;
  const counted = parts.map((p) => (roundParts ? frac(p.halfUp(decimals)) : p));
  const exact = sum(counted).plus(bonus).minus(deduction);
  const total = exact.halfUp(decimals);
  return { exact, total, basis: rankOn === 'exact' ? exact : frac(total) };
}

/** Best first; equal scores keep the roster order (docs/scheme.md: 同分单位按单位名单中的顺序排列). */
export const bestFirst = (a, b) => b.basis.cmp(a.basis) || a.order - b.order;

/** Competition ranking within each category, "1224": equal totals share a rank, the next skips. */
export function rankWithin(units, scheme) {
  for (const category of scheme.categories) {
    const members = units.filter((u) => u.category === category).sort(bestFirst);
    members.forEach((u, i) => (u.rank = i > 0 && members[i - 1].basis.eq(u.basis) ? members[i - 1].rank : i + 1));
  }
}

/** Whether a unit reaches a band's floor: atLeast 含本数, above 不含; bandBasis percent compares % of full marks. */
export function meetsFloor(u, band, scheme) {
  const basis = scheme.bandBasis === 'percent' ? u.basis.times(100).div(scheme.fullMarks) : u.basis;
  if (band.atLeast !== undefined) return basis.gte(frac(band.atLeast));
  if (band.above !== undefined) return basis.gt(frac(band.above));
  return true;
}

/** The first band (from the top) whose floor the unit reaches; the last band takes the rest. */
export function bandByFloor(u, bands, scheme) {
  return bands.find((b, i) => i === bands.length - 1 || meetsFloor(u, b, scheme)).name;
}

const byKeys = (a, b) => {
  for (let i = 0; i < a.tieKeys.length; i++) if (!a.tieKeys[i].eq(b.tieKeys[i])) return b.tieKeys[i].cmp(a.tieKeys[i]);
  return 0;
};

/**
 * The best `places` of `ranked` (best first). Equal totals across the cut are ordered by the
 * scheme's tieBreak keys (u.tieKeys); a tie those keys leave is for a person to decide, which a
 * sample must not contain, so it stops the generator.
 */
export function bestOf(ranked, places, what) {
  if (ranked.length <= places) return [...ranked];
  if (places <= 0) return [];
  const cut = ranked[places - 1].basis;
  if (!ranked[places].basis.eq(cut)) return ranked.slice(0, places);
  const above = ranked.filter((u) => u.basis.gt(cut));
  const tied = ranked.filter((u) => u.basis.eq(cut)).sort(byKeys);
  const left = places - above.length;
  if (byKeys(tied[left - 1], tied[left]) === 0) throw new Error(`${what}: ${tied.map((u) => u.name).join('、')} tie at the cut and the tie-break does not part them; change the sample`);
  return [...above, ...tied.slice(0, left)];
}

/** The worst `places` of `ranked` (best first): the same cut from the bottom, tie-break keys reversed. */
export function worstOf(ranked, places, what) {
  const mirror = [...ranked].reverse().map((u) => ({ ...u, basis: u.basis.times(-1), tieKeys: u.tieKeys.map((k) => k.times(-1)), unit: u }));
  return bestOf(mirror, places, what).map((m) => m.unit);
}

/** Units in the order of the 排名 sheet: the scheme's categories, then rank, then roster order. */
function inSheetOrder(units, scheme) {
  return scheme.categories.flatMap((c) => units.filter((u) => u.category === c).sort(bestFirst));
}

/** The file's content: one line a unit, so a stale file shows which units moved. */
export function numbersText(generator, scheme, units, excluded = []) {
  const lines = inSheetOrder(units, scheme).map((u) => JSON.stringify({
    category: u.category, name: u.name, exact: u.exact.toString(), total: u.total, rank: u.rank, band: u.band, honour: u.honour ?? '', flags: u.flags ?? [],
    ...(scheme.figures.length > 0 ? { figures: Object.fromEntries(scheme.figures.map((f) => [f.name, String(f.values[u.band] ?? '')])) } : {}),
  }));
  return [
    '{',
    ` "generator": ${JSON.stringify(generator)},`,
    ` "decimals": ${scheme.rounding.decimals},`,
    ` "figures": ${JSON.stringify(scheme.figures.map((f) => f.name))},`,
    ` "excluded": ${JSON.stringify(excluded)},`,
    ' "units": [',
    lines.map((l, i) => `  ${l}${i < lines.length - 1 ? ',' : ''}`).join('\n'),
    ' ]',
    '}',
    '',
  ].join('\n');
}

/**
 * The command line of a sample generator: no flag rebuilds annual.xlsx; `--expected` writes
 * expected/numbers.json from the generator's own calculation; `--expected --check` writes nothing
 * and exits 1, naming the units that differ, when the file is stale. Nothing runs on import.
 */
export async function runGenerator(moduleUrl, dir, { build, numbers }) {
  if (!process.argv[1] || realpathSync(process.argv[1]) !== realpathSync(fileURLToPath(moduleUrl))) return;
  const args = process.argv.slice(2);
  if (!args.includes('--expected')) return build();
  const file = new URL('expected/numbers.json', dir);
  const text = numbers();
  if (!args.includes('--check')) {
    writeFileSync(file, text);
    console.log(`wrote ${fileURLToPath(file)}`);
    return;
  }
  let old = '';
  try { old = readFileSync(file, 'utf8'); } catch { /* missing: stale */ }
  if (old === text) return;
  const [was, now] = [new Set(old.split('\n')), new Set(text.split('\n'))];
  const lines = [...[...was].filter((l) => !now.has(l)).map((l) => `- ${l}`), ...[...now].filter((l) => !was.has(l)).map((l) => `+ ${l}`)];
  console.error(`${fileURLToPath(file)} is stale (run node ${process.argv[1]} --expected):\n${lines.join('\n')}`);
  process.exitCode = 1;
}
