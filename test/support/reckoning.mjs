// An independent reckoning of a whole assessment from its scheme (YAML text) and its sheets (rows
// of cell values, as written to the workbook): every leaf, part, 加减分, total, rank, band, 待定,
// honour and flag, in exact BigInt fractions, written from docs/scheme.md alone. It imports
// nothing from src/: the differential test (test/golden/differential.test.ts) holds the engine to it.
// Every case it meets, docs/scheme.md settles: a disagreement with the engine is a failure.
import { parse } from 'yaml';
import { frac, max, min, sum, ZERO } from './fraction.mjs';

/** How often each rule was exercised (for the generator's coverage report only; no test reads it). */
export const TRACE = new Map();
const trace = (what) => TRACE.set(what, (TRACE.get(what) ?? 0) + 1);

// ───────────────────────────── the scheme ─────────────────────────────

/** The scheme with the defaults of docs/scheme.md（键一览）. */
export function readSchemeText(yaml) {
  const s = parse(yaml);
  const rounding = { decimals: 2, mode: 'half-up', roundParts: false, rankOn: 'published', ...s.rounding };
  if (rounding.mode !== 'half-up') throw new Error(`rounding.mode ${rounding.mode}`);
  const categories = s.categories.map((c) => (typeof c === 'string' ? c : c.name));
  const bandsOf = new Map(s.categories.map((c) => [typeof c === 'string' ? c : c.name, (typeof c === 'string' ? undefined : c.bands) ?? s.bands]));
  return {
    ...s, fullMarks: frac(s.fullMarks ?? 100), rounding, categories, bandsOf, bandBasis: s.bandBasis ?? 'score',
    components: s.components ?? [], tieBreak: s.tieBreak ?? [], vetoes: s.vetoes ?? [], honours: s.honours ?? [], flags: s.flags ?? [],
    excludedUnits: s.excluded?.units ?? [], awards: s.awards ?? [], conditions: s.conditions ?? [],
  };
}

// ───────────────────────────── the sheets ─────────────────────────────

/** The sheet of a kind for a period: 得分表 for the year, 得分表（中期） for a period. */
export const sheetName = (base, period) => (period ? `${base}（${period}）` : base);

/** Rows of a sheet as objects keyed by its header (first row). */
function records(sheets, name) {
  const rows = sheets[name];
  if (!rows || typeof rows === 'string') return [];
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? null])));
}

/** 参数: 「目标值=100；上限=12」 → { 目标值: '100', 上限: '12' }. */
export function params(text) {
  if (!text) return {};
  return Object.fromEntries(String(text).split('；').map((p) => { const i = p.indexOf('='); return [p.slice(0, i).trim(), p.slice(i + 1).trim()]; }));
}

/** 评分方法 and the other words the docs allow for it (留空也是 direct). */
const METHODS = {
  direct: ['direct', '直接打分', '直接评分', '打分', null, ''], deduct: ['deduct', '扣分', '扣分制'], ratio: ['ratio', '比例', '完成比例', '比例折算', '完成比例折算'],
  inverse: ['inverse', '反向', '反向比例', '越低越好'], pass: ['pass', '达标', '达标制', '是否达标'], grade: ['grade', '档次', '等级', '评价等级'],
  rate: ['rate', '比率', '满意率', '达标率'], rank: ['rank', '位次', '排名', '排序'], raters: ['raters', '评议', '测评', '评分人'],
};
const methodOf = (word) => Object.keys(METHODS).find((m) => METHODS[m].includes(word ?? null));

/**
 * The indicator table (指标体系与评分方法): 编码, 一级指标, 二级指标, 三级指标, 分值, 评分方法, 参数, 适用类别.
 * A row belongs to the deepest level it fills; a row with rows under it is a parent, the others
 * are leaves (a 一级指标 without rows under it is itself a leaf). 适用类别: blank or 全部 is every
 * category; a parent's passes to rows that leave it blank. Parts are the 一级 rows; the same name
 * may appear once per category.
 */
export function readIndicators(sheets) {
  const nodes = [];
  const open = [];
  for (const r of records(sheets, '指标体系')) {
    const level = r['三级指标'] != null ? 3 : r['二级指标'] != null ? 2 : 1;
    const parent = level > 1 ? open[level - 1] : undefined;
    const own = r['适用类别'] && r['适用类别'] !== '全部' ? String(r['适用类别']).split('、') : undefined;
    const node = { code: r['编码'], name: r['一级指标'], level, parent, points: frac(r['分值']), method: r['评分方法'], params: params(r['参数']), categories: own ?? parent?.categories, children: 0 };
    if (parent) parent.children++;
    open[level] = node;
    open.length = level + 1;
    nodes.push(node);
  }
  const partOf = (n) => (n.parent ? partOf(n.parent) : n);
  const parts = nodes.filter((n) => n.level === 1);
  const leaves = nodes.filter((n) => n.children === 0).map((n) => ({ code: n.code, part: n.name, partNode: partOf(n), points: n.points, method: methodOf(n.method), params: n.params, categories: n.categories }));
  return { parts, leaves, partNames: [...new Set(parts.map((p) => p.name))] };
}

const appliesTo = (node, category) => node.categories === undefined || node.categories.includes(category);

/** The scheme's rule for a part in a category: the one naming the category, else the one naming none. */
export function componentFor(scheme, part, category) {
  const rules = scheme.components.filter((c) => c.part === part);
  return rules.find((c) => c.categories?.includes(category)) ?? rules.find((c) => c.categories === undefined);
}

/** What one unit entered in one period ('' is the year): its score row, targets, deductions, rater scores. */
function entryOf(sheets, unit, period) {
  const row = (base) => records(sheets, sheetName(base, period)).find((r) => r['单位名称'] === unit) ?? {};
  const mine = (base) => records(sheets, sheetName(base, period)).filter((r) => r['单位名称'] === unit);
  return {
    values: row('得分表'),
    targets: row('目标值'),
    deductions: mine('扣分明细').map((r) => ({ code: r['指标编码'], points: frac(r['扣分']) })),
    raters: mine('评议').map((r) => ({ code: r['指标编码'], score: frac(r['分数']) })),
  };
}

// ───────────────────────────── a leaf (评分方法) ─────────────────────────────

const PASS = ['达标', '是', '合格', '√'];
const FAIL = ['未达标', '否', '不合格', '×'];

/** A rate cell: 92, "92%" (text with %), or 0.92 in a percent format ({value, numFmt: '0%'}) → 92. */
const rateOf = (v) => {
  if (v !== null && typeof v === 'object') { trace('rate: percent-format cell'); return frac(v.value).times(100); }
  return typeof v === 'string' ? frac(v.replace(/%$/, '')) : frac(v);
};

/** 等级=优秀:10、良好:8-9、一般:5-6、差:0 → [{label, lo, hi}]. */
export function gradesOf(text) {
  return text.split('、').map((g) => {
    const [label, range] = g.split(':');
    const [lo, hi = lo] = range.split('-');
    return { label, lo: frac(lo), hi: frac(hi) };
  });
}

/** 档次=95:30、90:25、0:10 → [{from, points}], highest threshold first. */
export function tiersOf(text) {
  return text.split('、').map((t) => { const [from, points] = t.split(':'); return { from: frac(from), points: frac(points) }; }).sort((a, b) => b.from.cmp(a.from));
}

/** One leaf's points from one period's entry (docs/scheme.md, 指标体系与评分方法). */
export function leafPoints(leaf, entry) {
  const v = entry.values[leaf.code];
  const p = leaf.params;
  switch (leaf.method) {
    case 'direct':
      return frac(v);
    case 'deduct': { // 分值 − 扣分明细中该单位该指标的扣分之和，最低 0 分
      const left = leaf.points.minus(sum(entry.deductions.filter((d) => d.code === leaf.code).map((d) => d.points)));
      if (left.lte(0)) trace('deduct: floored at 0');
      return max(ZERO, left);
    }
    case 'ratio': { // 分值 × 完成值 ÷ 目标值；达到目标即满分（上限=… 允许超额，最高为上限）
      const target = frac(entry.targets[leaf.code] ?? p['目标值']);
      const raw = leaf.points.times(frac(v)).div(target);
      if (raw.gt(leaf.points)) trace(p['上限'] ? 'ratio: above target, 上限' : 'ratio: above target, capped');
      if (entry.targets[leaf.code] != null) trace('ratio/inverse: target from 目标值 sheet');
      return min(frac(p['上限'] ?? leaf.points), raw);
    }
    case 'inverse': { // 分值 × 目标值 ÷ 实际值，最高为分值；实际值为 0 得满分
      const target = frac(entry.targets[leaf.code] ?? p['目标值']);
      if (frac(v).isZero()) trace('inverse: actual 0');
      return frac(v).isZero() ? leaf.points : min(leaf.points, leaf.points.times(target).div(frac(v)));
    }
    case 'rate': { // 分值 × 比率；或按档次取分（比率达到多少得多少分）
      const rate = rateOf(v);
      if (p['档次'] === undefined) return leaf.points.times(rate).div(100);
      if (tiersOf(p['档次']).some((t) => t.from.eq(rate))) trace('rate: exactly on a tier');
      return tiersOf(p['档次']).find((t) => rate.gte(t.from))?.points ?? ZERO;
    }
    case 'raters': { // 平均；去掉最高最低分=是 时去掉一个最高分和一个最低分
      const scores = entry.raters.filter((r) => r.code === leaf.code).map((r) => r.score).sort((a, b) => a.cmp(b));
      const kept = p['去掉最高最低分'] === '是' ? scores.slice(1, -1) : scores;
      trace(`raters: mean of ${kept.length}`);
      return sum(kept).div(kept.length);
    }
    case 'grade': {
      if (typeof v === 'number') return frac(v);
      return gradesOf(p['等级']).find((g) => g.label === v).lo;
    }
    case 'pass':
      if (PASS.includes(v)) return leaf.points;
      if (FAIL.includes(v)) return ZERO;
      return frac(v);
    case 'rank': { // 第 1 名满分，每降一位减一个步长，不低于最低分
      const points = leaf.points.minus(frac(p['步长']).times(frac(v).minus(1)));
      if (points.lt(frac(p['最低'] ?? 0))) trace(p['最低'] === undefined ? 'rank: below 0 without 最低' : 'rank: 最低 bites');
      return max(frac(p['最低'] ?? 0), points);
    }
    default:
      throw new Error(`no rule for method ${leaf.method}`);
  }
}

// ───────────────────────────── a unit's total ─────────────────────────────

/**
 * Each part's contribution to the total (计入总分的分数), by part name (indicators.partNames): Σ over
 * its periods of the period's points × weight%, or the year's points × weight% (default 100); null
 * where the category has no such part.
 */
export function partContributions(scheme, indicators, entry, category) {
  return indicators.partNames.map((name) => {
    const part = indicators.parts.find((p) => p.name === name && appliesTo(p, category));
    if (!part) return null;
    const leaves = indicators.leaves.filter((l) => l.partNode === part && appliesTo(l, category));
    const points = (period) => sum(leaves.map((l) => leafPoints(l, entry(period))));
    const rule = componentFor(scheme, name, category);
    if (rule?.periods) return sum(Object.entries(rule.periods).map(([period, w]) => points(period).times(frac(w)).div(100)));
    return points('').times(frac(rule?.weight ?? 100)).div(100);
  });
}

/**
 * 加分 or 减分 of a unit (docs/scheme.md, 加减分): 各项相加 → 按来源封顶（被封顶的来源，其各项按比例计入）
 * → 按项目封顶 → 按合计封顶. Rows: {item, points|null, source|null}.
 */
export function sideTotal(side, given) {
  if (!side || given.length === 0) return ZERO;
  // 项目 by its name or one of its aliases.
  const rows = given.map((r) => ({ ...r, item: side.items.find((i) => i.name === r.item || i.aliases?.includes(r.item)).name }));
  const valueOf = (r) => frac(r.points ?? side.items.find((i) => i.name === r.item).points);
  const factor = new Map();
  for (const s of side.sources ?? []) {
    const total = sum(rows.filter((r) => r.source === s.name).map(valueOf));
    if (total.gt(frac(s.cap))) trace('adjustment: source cap bites');
    factor.set(s.name, total.gt(frac(s.cap)) ? frac(s.cap).div(total) : frac(1));
  }
  const byItem = new Map();
  for (const r of rows) byItem.set(r.item, (byItem.get(r.item) ?? ZERO).plus(valueOf(r).times(factor.get(r.source) ?? frac(1))));
  const items = sum([...byItem].map(([item, p]) => {
    const cap = side.items.find((i) => i.name === item).cap;
    if (cap !== undefined && p.gt(frac(cap))) trace('adjustment: item cap bites');
    return cap === undefined ? p : min(p, frac(cap));
  }));
  if (side.cap !== undefined && items.gt(frac(side.cap))) trace('adjustment: side cap bites');
  return side.cap === undefined ? items : min(items, frac(side.cap));
}

/** 加分 and 减分 of a unit from the 加减分 rows, if the scheme's adjustments apply to its category. */
export function adjustmentsOf(scheme, unit, rows) {
  const adj = scheme.adjustments;
  if (!adj || (adj.categories && !adj.categories.includes(unit.category))) return { bonus: ZERO, deduction: ZERO };
  const mine = rows.filter((r) => r.unit === unit.name);
  return { bonus: sideTotal(adj.bonus, mine.filter((r) => r.type === '加分')), deduction: sideTotal(adj.deduction, mine.filter((r) => r.type === '减分')) };
}

/**
 * 总分 = 各部分之和 + 加分 − 减分. roundParts: each part's contribution is rounded half-up first.
 * `basis` is what ranks, bands, quotas and flags compare (rankOn); `tieKeys` the tieBreak parts
 * compared the same way (published: each part as published; exact: exact).
 */
export function totalOf(scheme, indicators, parts, { bonus, deduction }) {
  const { decimals, roundParts, rankOn } = scheme.rounding;
  const counted = parts.map((p) => (p === null ? null : roundParts ? frac(p.halfUp(decimals)) : p));
  const exact = sum(counted.filter((p) => p !== null)).plus(bonus).minus(deduction);
  const total = exact.halfUp(decimals);
  const basis = rankOn === 'exact' ? exact : frac(total);
  // tieBreak names a part by 名称 or 编码.
  const tieKeys = scheme.tieBreak.map((key) => {
    const name = indicators.partNames.includes(key) ? key : indicators.parts.find((p) => p.code === key).name;
    const p = counted[indicators.partNames.indexOf(name)] ?? ZERO;
    return rankOn === 'exact' ? p : frac(p.halfUp(decimals));
  });
  return { parts: counted, exact, total, basis, tieKeys };
}

/** The whole sheet-level data of one unit, for the generator too (it solves a leaf's value to hit a total). */
export function scoreUnit(scheme, indicators, unit, entry, adjustmentRows) {
  const parts = partContributions(scheme, indicators, entry, unit.category);
  return totalOf(scheme, indicators, parts, adjustmentsOf(scheme, unit, adjustmentRows));
}

// ───────────────────────────── cuts, bands, honours, flags ─────────────────────────────

const byKeysDesc = (a, b) => {
  for (let i = 0; i < a.tieKeys.length; i++) if (!a.tieKeys[i].eq(b.tieKeys[i])) return b.tieKeys[i].cmp(a.tieKeys[i]);
  return 0;
};
const bestFirst = (a, b) => b.basis.cmp(a.basis) || a.order - b.order;

/**
 * The best `places` of `ranked` (best first). A tie across the cut goes to tieBreak (名额的最后一个
 * 位置上有并列时按 tieBreak 依次比较); the units it still cannot part are `pending`, with `left`
 * of the places for them.
 */
export function cut(ranked, places) {
  if (places <= 0) return { taken: [], pending: [], left: 0 };
  if (ranked.length <= places) return { taken: [...ranked], pending: [], left: 0 };
  const at = ranked[places - 1].basis;
  if (!ranked[places].basis.eq(at)) return { taken: ranked.slice(0, places), pending: [], left: 0 };
  const taken = ranked.filter((u) => u.basis.gt(at));
  let left = places - taken.length;
  const tied = ranked.filter((u) => u.basis.eq(at)).sort((a, b) => byKeysDesc(a, b) || a.order - b.order);
  for (let i = 0; i < tied.length && left > 0;) {
    let j = i;
    while (j < tied.length && byKeysDesc(tied[i], tied[j]) === 0) j++;
    const group = tied.slice(i, j);
    if (group.length < tied.length) trace('cut: tieBreak parts a tie');
    if (group.length <= left) { taken.push(...group); left -= group.length; i = j; continue; }
    return { taken, pending: group, left };
  }
  return { taken, pending: [], left: 0 };
}

/**
 * A tie at a cut, and what the 「决定」表 says of it (docs/scheme.md, 人工决定): 只需写入选的单位：
 * 名额被决定入选的单位占满后，其余并列的单位自动落入下一档. `info.in` is the outcome that takes a
 * place (the band, the last band for a bottom cut, the honour, the flag); every tie is recorded in
 * ctx.ties (what a person would have to decide).
 */
function settle(result, ctx, info) {
  if (result.pending.length === 0 || !ctx) return result;
  ctx.ties.push({ ...info, units: result.pending.map((u) => u.name), left: result.left });
  const said = (u) => ctx.decisions.get(u.name) ?? [];
  const ins = result.pending.filter((u) => said(u).includes(info.in));
  const outs = result.pending.filter((u) => !said(u).includes(info.in) && info.out !== undefined && said(u).includes(info.out));
  if (ins.length === 0 && outs.length === 0) return result;
  // More decided in than there are places: no settlement (E_DECISION_UNUSED), the tie stays.
  if (ins.length > result.left) { ctx.unusable = true; return result; }
  trace(`decision: a tie at a ${info.kind} cut decided`);
  // The undecided rest go in when the places left take them all, drop when none is left, else stay tied.
  const open = result.pending.filter((u) => !ins.includes(u) && !outs.includes(u));
  const rest = result.left - ins.length;
  if (open.length <= rest) return { taken: [...result.taken, ...ins, ...open], pending: [], left: 0 };
  if (rest === 0) return { taken: [...result.taken, ...ins], pending: [], left: 0 };
  return { taken: [...result.taken, ...ins], pending: open, left: rest };
}

/** The worst `places`: the same cut from the bottom, basis and tie-break keys reversed. */
export function cutWorst(ranked, places) {
  const mirror = [...ranked].reverse().map((u) => ({ basis: u.basis.times(-1), tieKeys: u.tieKeys.map((k) => k.times(-1)), order: -u.order, unit: u }));
  const r = cut(mirror, places);
  return { taken: r.taken.map((m) => m.unit), pending: r.pending.map((m) => m.unit), left: r.left };
}

/** The places a quota gives in a category of `size` units: count, percent rounded as declared, or max. */
export function quotaPlaces(quota, size) {
  if (quota.count !== undefined) return quota.count;
  if (quota.percent === undefined) return quota.max ?? Infinity;
  const exact = frac(quota.percent).times(size).div(100);
  const floor = exact.n / exact.d;
  const up = floor * exact.d === exact.n ? floor : floor + 1n;
  return Number({ up, down: floor, 'half-up': exact.minus(floor).gte(frac('0.5')) ? floor + 1n : floor }[quota.rounding]);
}

/** Whether a unit reaches a band's floor: atLeast 含本数, above 不含; bandBasis percent: % of full marks. */
export function meetsFloor(basis, band, scheme) {
  const b = scheme.bandBasis === 'percent' ? basis.times(100).div(scheme.fullMarks) : basis;
  if (band.atLeast !== undefined) return b.gte(frac(band.atLeast));
  if (band.above !== undefined) return b.gt(frac(band.above));
  return true;
}

/**
 * The bands of one category (docs/scheme.md: bands, 名额, bottom, 一票否决). `members` best first.
 * Sets u.band = {name} | {pending: [bands it may still take]}.
 */
export function assignBands(members, bands, scheme, ctx = undefined) {
  const last = bands[bands.length - 1];
  const placed = new Map();
  // 一票否决 fail: 不论得分，定为最后一个等次; with bottom it takes one of the N places.
  const fails = members.filter((u) => u.effects.includes('fail'));
  if (fails.length > 0 && last.bottom !== undefined) trace('band: fail veto with bottom');
  if (members.some((u) => u.effects.includes('ineligible') && meetsFloor(u.basis, bands[0], scheme))) trace('band: ineligible unit above the first floor');
  for (const u of fails) placed.set(u, { name: last.name });
  let bottomPending = [];
  if (last.bottom !== undefined) {
    const slots = last.bottom - fails.length;
    if (slots > 0) {
      const { taken, pending } = settle(cutWorst(members.filter((u) => !placed.has(u)), slots), ctx, { kind: 'bottom', in: last.name });
      for (const u of taken) placed.set(u, { name: last.name });
      bottomPending = pending;
      if (pending.length > 0) trace('band: tie at the bottom cut');
    }
  }
  // 名额线上并列、待人工决定的单位中，最终落入下一等次的，占用下一等次的名额; more of them than that
  // band has places go on to the next, and so on (the 待定 lists every band they may still take).
  // `queue`: ties still dropping, best first: { units, dropping, may: [band names] }.
  const ties = [];
  for (let i = 0; i < bands.length - 1; i++) {
    const band = bands[i];
    // 取消评先资格: 不能进入第一个等次，按分数进入下一个等次
    const candidates = members.filter((u) => !placed.has(u) && !ties.some((t) => t.units.includes(u)) && !(i === 0 && u.effects.includes('ineligible')) && meetsFloor(u.basis, band, scheme));
    let places = band.quota ? quotaPlaces(band.quota, members.length) : Infinity;
    for (const t of ties.filter((x) => x.dropping > 0)) {
      t.may.push(band.name);
      const n = Math.min(t.dropping, places);
      if (n > 0 && places !== Infinity) trace('band: the tie\'s loser takes a place of the next band\'s quota');
      if (t.may.length > 2) trace('band: a tie\'s losers carried past the next band');
      t.dropping -= n;
      places -= n;
    }
    const { taken, pending, left } = settle(cut(candidates, places), ctx, { kind: 'band', in: band.name, out: bands[i + 1].name });
    for (const u of taken) placed.set(u, { name: band.name });
    if (pending.length > 0) {
      trace(`band: tie at ${i === 0 ? 'the first' : 'a lower'} band's cut`);
      ties.push({ units: pending, dropping: pending.length - left, may: [band.name] });
    }
  }
  for (const t of ties) {
    if (t.dropping > 0) t.may.push(last.name);
    for (const u of t.units) placed.set(u, { pending: t.may });
  }
  for (const u of members) if (!placed.has(u)) placed.set(u, { name: last.name });
  // Tied at the bottom cut: the last band, or what the unit's score earns by the other bands.
  for (const u of bottomPending) {
    const own = placed.get(u);
    const may = [...new Set([...(own.pending ?? [own.name]), last.name])];
    placed.set(u, may.length === 1 ? { name: last.name } : { pending: may });
    if (may.length === 1) trace('band: bottom tie among units in the last band anyway');
  }
  for (const u of members) u.band = placed.get(u);
}

/**
 * 荣誉 (docs/scheme.md, 荣誉): 按名次授予, 依次 in the scheme's order, each in its scope (each category,
 * or all units together), from its band where it says `from`; vetoed units take none, and a unit
 * holds at most one honour (one given an honour is not in the later ones' pools). 并列中没有得到这项
 * 荣誉的单位得下一项（同一范围、同一 from 的下一项），下一项的名额相应减少. A unit whose part in an
 * honour is in question (等次待定 and `from` among its bands, or tied for an earlier honour): the
 * honour is reckoned with all such units in its pool and with none (for the unit itself: with only
 * it); what differs is 待定, listing the honours it may take. u.honour = {name} | {pending: [...]}.
 */
function giveHonours(units, scheme, ctx = undefined) {
  const honours = scheme.honours;
  const order = (name) => honours.findIndex((h) => h.name === name);
  const names = (o) => (o === undefined ? [] : o.name !== undefined ? [o.name] : o.pending);
  // Runs of honours of one scope and one from.
  const runs = [];
  for (const h of honours) {
    const prev = runs.at(-1)?.[0];
    if (prev && (prev.scope ?? 'category') === (h.scope ?? 'category') && prev.from === h.from) runs.at(-1).push(h);
    else runs.push([h]);
  }
  for (const run of runs) {
    const scope = run[0].scope ?? 'category';
    const from = run[0].from;
    const groups = scope === 'all' ? [units] : scheme.categories.map((c) => units.filter((u) => u.category === c));
    for (const members of groups) {
      const inBand = (u) => from === undefined || u.band.name === from || (u.band.pending ?? []).includes(from);
      const pool = bestFirstAll(members).filter((u) => u.effects.length === 0 && u.honour?.name === undefined && inBand(u));
      const doubtful = pool.filter((u) => u.honour?.pending || (from !== undefined && u.band.pending));
      const sure = pool.filter((u) => !doubtful.includes(u));
      // One reckoning of the run over `extra` and the sure units: unit → {name} | {pending}.
      const reckonRun = (extra, decide) => {
        const out = new Map();
        let rest = pool.filter((u) => sure.includes(u) || extra.includes(u));
        let carried = 0;
        run.forEach((h, i) => {
          const { taken, pending, left } = decide ? settle(cut(rest, Math.max(0, h.count - carried)), ctx, { kind: 'honour', in: h.name, out: run[i + 1]?.name ?? '无' }) : cut(rest, Math.max(0, h.count - carried));
          for (const u of taken) out.set(u, { name: h.name });
          for (const u of pending) out.set(u, { pending: run[i + 1] ? [h.name, run[i + 1].name] : [h.name] });
          if (pending.length > 0) trace(run[i + 1] ? 'honour: tie, loser takes the next honour' : 'honour: tie at the last honour of a run');
          carried = Math.max(0, carried - h.count) + (pending.length - left);
          rest = rest.filter((u) => !taken.includes(u) && !pending.includes(u));
        });
        return out;
      };
      if (doubtful.length === 0) {
        for (const [u, o] of reckonRun([], true)) u.honour = o;
        continue;
      }
      trace(from !== undefined && doubtful.some((u) => u.band.pending) ? 'honour: from a band while a unit\'s band is 待定' : 'honour: after a tie for an earlier honour');
      // Ties that hang on undecided ones are no ties to decide yet: the 「决定」表 does not reach them.
      const all = reckonRun(doubtful, false);
      const none = reckonRun([], false);
      const merged = (...lists) => [...new Set(lists.flat())].sort((a, b) => order(a) - order(b));
      for (const u of sure) {
        const a = all.get(u);
        const b = none.get(u);
        if (JSON.stringify(a) === JSON.stringify(b)) u.honour = a;
        else u.honour = { pending: merged(names(a), names(b)) };
      }
      for (const u of doubtful) {
        const may = merged(u.honour?.pending ?? [], names(reckonRun([u], false).get(u)), names(all.get(u)));
        if (may.length > 0) u.honour = { pending: may };
      }
    }
  }
}

/** Units in the order of the scheme's categories, then best first. */
const bestFirstAll = (units) => [...units].sort(bestFirst);

// ───────────────────────────── awards and conditions on one indicator ─────────────────────────────

/**
 * A unit's score on `on` (docs/scheme.md 单项奖、指标得分的条件): a 一级指标 by name or code — what it
 * counts in the total — or a 末级指标 by code, its points (summed over its periods by their
 * percentages). `full`: the most it can be (the part's points × its weight or periods; the leaf's points).
 * undefined where the unit's category has no such indicator.
 */
export function indicatorScore(scheme, indicators, u, entry, on) {
  // A 一级指标's code names the part, as in tieBreak: every category's part of that name.
  const name = indicators.partNames.includes(on) ? on : indicators.parts.find((p) => p.code === on)?.name;
  const part = name === undefined ? undefined : indicators.parts.find((p) => p.name === name && appliesTo(p, u.category));
  if (name !== undefined && !part) return undefined;
  if (part) {
    const rule = componentFor(scheme, part.name, u.category);
    const share = rule?.periods ? sum(Object.values(rule.periods).map(frac)).div(100) : frac(rule?.weight ?? 100).div(100);
    return { value: u.parts[indicators.partNames.indexOf(part.name)], full: part.points.times(share) };
  }
  const leaf = indicators.leaves.find((l) => l.code === on && appliesTo(l, u.category) && appliesTo(l.partNode, u.category));
  if (!leaf) return undefined;
  const rule = componentFor(scheme, leaf.part, u.category);
  const value = rule?.periods ? sum(Object.entries(rule.periods).map(([p, w]) => leafPoints(leaf, entry(p)).times(frac(w)).div(100))) : leafPoints(leaf, entry(''));
  return { value, full: leaf.points };
}

/** Compared as totals are: published (half-up to the decimals) unless rankOn: exact. */
const asCompared = (scheme, x) => (scheme.rounding.rankOn === 'exact' ? x : frac(x.halfUp(scheme.rounding.decimals)));

/** 指标得分的条件: the score (or its % of the full points) under / at most the line. */
function conditionMet(scheme, indicators, u, entry, c) {
  const got = indicatorScore(scheme, indicators, u, entry, c.on);
  if (!got) return false;
  const x = asCompared(scheme, c.percent ? got.value.times(100).div(got.full) : got.value);
  trace(`condition: ${c.percent ? 'percent' : 'points'} on a ${indicators.parts.some((p) => p.name === c.on || p.code === c.on) ? 'part' : 'leaf'}`);
  return c.under !== undefined ? x.lt(frac(c.under)) : x.lte(frac(c.atMost));
}

/** 单项奖: the best `count` on `on` in each group, all tied with the last place too; vetoed and ineligible units take none. */
function giveAwards(units, scheme, indicators) {
  for (const a of scheme.awards) {
    const groups = a.scope === 'all' ? [units] : scheme.categories.map((c) => units.filter((u) => u.category === c));
    for (const g of groups) {
      const pool = g.filter((u) => u.effects.length === 0).map((u) => ({ u, got: u.indicatorScores.get(a.on) })).filter((x) => x.got !== undefined).map((x) => ({ u: x.u, v: asCompared(scheme, x.got.value) }));
      pool.sort((x, y) => y.v.cmp(x.v));
      const line = pool[Math.min(a.count ?? 1, pool.length) - 1]?.v;
      if (line === undefined) continue;
      const winners = pool.filter((x) => x.v.gte(line));
      if (winners.length > (a.count ?? 1)) trace('award: tied at the last place, all take it');
      for (const { u } of winners) (u.awards ??= []).push(a.name);
    }
  }
}

// ───────────────────────────── everything ─────────────────────────────

/**
 * The published outcome of an assessment: for each unit its total (text to the scheme's
 * decimals), rank, band text, honour text, flags, and the exit status (1 when anything is 待定).
 */
export function reckon(yaml, sheets) {
  const scheme = readSchemeText(yaml);
  const indicators = readIndicators(sheets);
  const excluded = new Set(scheme.excludedUnits);
  const roster = records(sheets, '单位名单').filter((r) => !excluded.has(r['单位名称']));
  // 类型 blank: the side that has the item (项目只属于一方时可不填).
  const sideOf = (item) => (['bonus', 'deduction'].find((k) => scheme.adjustments?.[k]?.items.some((i) => i.name === item || i.aliases?.includes(item))) === 'bonus' ? '加分' : '减分');
  const adjustmentRows = records(sheets, '加减分').map((r) => ({ unit: r['单位名称'], type: r['类型'] ?? sideOf(r['项目']), item: r['项目'], points: r['分值'], source: r['来源'] ?? null }));
  const vetoRows = records(sheets, '一票否决');
  const decisions = new Map();
  for (const r of records(sheets, '决定')) decisions.set(r['单位名称'], [...(decisions.get(r['单位名称']) ?? []), r['决定']]);
  const ctx = { decisions, ties: [] };
  const cache = new Map();
  const units = roster.map((r, order) => {
    const unit = { name: r['单位名称'], category: r['类别'], order };
    const entry = (period) => {
      const key = `${unit.name}\u0000${period}`;
      if (!cache.has(key)) cache.set(key, entryOf(sheets, unit.name, period));
      return cache.get(key);
    };
    const effects = vetoRows.filter((v) => v['单位名称'] === unit.name).map((v) => scheme.vetoes.find((x) => x.name === v['否决事项'] || x.aliases?.includes(v['否决事项'])).effect);
    const scored = { ...unit, effects, ...scoreUnit(scheme, indicators, unit, entry, adjustmentRows) };
    // 指标得分的条件: ineligible is 取消评优资格, as the veto of that name.
    scored.conditionsMet = scheme.conditions.filter((c) => conditionMet(scheme, indicators, scored, entry, c));
    scored.indicatorScores = new Map(scheme.awards.map((a) => [a.on, indicatorScore(scheme, indicators, scored, entry, a.on)]));
    if (scored.conditionsMet.some((c) => c.effects.includes('ineligible'))) scored.effects = [...effects, 'ineligible'];
    return scored;
  });
  // 名次: competition ranking within each category (1, 2, 2, 4); vetoed units keep theirs.
  for (const category of scheme.categories) {
    const members = units.filter((u) => u.category === category).sort(bestFirst);
    members.forEach((u, i) => (u.rank = i > 0 && members[i - 1].basis.eq(u.basis) ? members[i - 1].rank : i + 1));
    assignBands(members, scheme.bandsOf.get(category), scheme, ctx);
  }
  giveHonours(units, scheme, ctx);
  // 末位标记: the bottom N of the group and the score condition; vetoes do not matter.
  for (const flag of scheme.flags) {
    const cats = flag.categories ?? scheme.categories;
    const groups = (flag.scope ?? 'category') === 'all' ? [units.filter((u) => cats.includes(u.category))] : cats.map((c) => units.filter((u) => u.category === c));
    const condition = (u) => {
      const b = scheme.bandBasis === 'percent' ? u.basis.times(100).div(scheme.fullMarks) : u.basis;
      if (flag.under !== undefined) return b.lt(frac(flag.under));
      if (flag.atMost !== undefined) return b.lte(frac(flag.atMost));
      return true;
    };
    for (const g of groups) {
      const cutAt = cutWorst(bestFirstAll(g), flag.bottom);
      // A tie whose units do not meet the line is no tie for a person to decide.
      const { taken, pending } = cutAt.pending.some(condition) ? settle(cutAt, ctx, { kind: 'flag', in: flag.name, out: `不${flag.name}` }) : cutAt;
      for (const u of taken.filter(condition)) (u.flags ??= []).push(flag.name);
      for (const u of pending.filter(condition)) (u.flags ??= []).push(`待定（${flag.name}）`);
      if (pending.length > 0) trace(pending.some(condition) ? 'flag: tie at the cut, 待定' : 'flag: tie at the cut, line not met');
    }
  }
  for (const u of units) for (const c of u.conditionsMet) if (c.effects.includes('flag')) (u.flags ??= []).push(c.name);
  giveAwards(units, scheme, indicators);
  // 待定（先进或合格）; with three or more: 待定（优秀、良好或合格）.
  const either = (list) => (list.length > 2 ? `${list.slice(0, -1).join('、')}或${list.at(-1)}` : list.join('或'));
  const text = (t) => (t === undefined ? '' : t.name ?? `待定（${either(t.pending)}）`);
  const out = units.map((u) => ({
    name: u.name, category: u.category, exact: u.exact.toString(), total: u.total, rank: u.rank,
    parts: Object.fromEntries(indicators.partNames.map((name, i) => [name, u.parts[i]?.halfUp(scheme.rounding.decimals)])),
    band: text(u.band), awards: u.awards ?? [], figures: Object.fromEntries((scheme.figures ?? []).map((f) => [f.name, u.band.name ? String(f.values[u.band.name] ?? '') : undefined])), honour: text(u.honour), flags: u.flags ?? [],
  }));
  const pending = units.some((u) => u.band.pending || u.honour?.pending || (u.flags ?? []).some((f) => f.startsWith('待定')));
  // 排名 sheet order: the scheme's categories, then rank; equal totals in the roster's order.
  const order = scheme.categories.flatMap((c) => units.filter((u) => u.category === c).sort(bestFirst)).map((u) => u.name);
  return { scheme, units: out, order, ties: ctx.ties, exit: pending || ctx.unusable ? 1 : 0, excluded: [...excluded] };
}
