import { Rational, fixed, show } from '../core/rational.js';
import type { Assessment, UnitResult } from '../engine/assess.js';
import { quotaPlaces, type BandingEvent } from '../engine/banding.js';
import { orList } from '../engine/describe.js';
import type { Band, Quota, Scheme } from '../scheme/schema.js';
import { unitWord } from '../scheme/unit-word.js';

/**
 * Why a unit is in its band, and how far it is from the next one, in the scheme's own terms:
 * the line (含/不含), the veto, the quota and its cut, the tie-break. The band itself is the
 * engine's; these only say why, from the ranked group as the engine left it.
 */
interface Ctx {
  a: Assessment;
  r: UnitResult;
  bands: Band[];
  /** The unit's category, best first. */
  group: UnitResult[];
  /** What ranks and bands compare: the published total, or the exact one (rankOn). */
  key: (r: UnitResult) => Rational;
  n: (x: Rational) => string;
  /** A total as published (or exact, under rankOn: exact). */
  t: (r: UnitResult) => string;
}

function context(a: Assessment, r: UnitResult): Ctx {
  const d = a.scheme.rounding.decimals;
  const onExact = a.scheme.rounding.rankOn === 'exact';
  const key = (x: UnitResult): Rational => (onExact ? x.score.exact : x.score.total);
  return {
    a, r, key,
    bands: a.scheme.bandsOf.get(r.unit.category) ?? a.scheme.bands,
    group: a.results.filter((x) => x.unit.category === r.unit.category),
    n: (x) => show(x, d),
    t: (x) => (onExact ? show(x.score.exact, d) : fixed(x.score.total, d)),
  };
}

/** A band's line in points: 90, or 90% of full marks under bandBasis: percent (002 奇台). */
function lineOf(scheme: Scheme, band: Band): Rational | undefined {
  const bound = band.atLeast ?? band.above;
  if (bound === undefined) return undefined;
  const value = Rational.of(bound);
  return scheme.bandBasis === 'percent' ? value.mul(scheme.fullMarks).div(100) : value;
}

function lineText(c: Ctx, band: Band): string {
  const bound = band.atLeast ?? band.above!;
  const which = band.atLeast !== undefined ? '含' : '不含';
  return c.a.scheme.bandBasis === 'percent' ? `满分的 ${bound}%（${c.n(lineOf(c.a.scheme, band)!)} 分，${which}）` : `${bound} 分（${which}）`;
}

function meets(c: Ctx, band: Band): boolean {
  const line = lineOf(c.a.scheme, band);
  if (line === undefined) return true;
  return band.atLeast !== undefined ? c.key(c.r).gte(line) : c.key(c.r).gt(line);
}

const ROUNDING = { up: '进一', down: '去尾', 'half-up': '四舍五入' } as const;

export function quotaWords(quota: Quota, size: number): string {
  const { places, exact } = quotaPlaces(quota, size);
  if (quota.percent !== undefined) {
    const rounded = exact.eq(places) ? `${places} 个` : `${exact.toString()}，${ROUNDING[quota.rounding ?? 'half-up']}为 ${places} 个`;
    return `名额 ${size} × ${quota.percent}% = ${rounded}`;
  }
  if (quota.count !== undefined) return `名额 ${quota.count} 个`;
  return quota.min !== undefined ? `名额 ${quota.min}—${quota.max} 个` : `名额最多 ${quota.max} 个`;
}

function eventsOf(c: Ctx): BandingEvent[] {
  return (c.a.events ?? []).filter((g) => g.group === c.r.unit.category).flatMap((g) => g.events);
}

/** A tie at this band's cut that the scheme's tieBreak settled, with this unit among the tied. */
function tieWords(c: Ctx, band: string): string | undefined {
  const id = c.a.results.indexOf(c.r);
  const decided = eventsOf(c).find((x) => x.kind === 'tie-by-decision' && x.band === band && x.ids.includes(id));
  if (decided?.kind === 'tie-by-decision') {
    const others = decided.ids.filter((i) => i !== id).map((i) => c.a.results[i]!.unit.name).join('、');
    const basis = [...new Set(decided.ids.flatMap((i) => c.a.results[i]!.decisions.filter((d) => d.kind === decided.decisionKind).map((d) => d.basis)))].join('、');
  return `与${others}同为 ${c.t(c.r)} 分，争「${band}」的最后名额，方案不能决定，按人工决定（依据：${basis}）${decided.taken.includes(id) ? '入选' : '未入选'}`;
  }
  const e = eventsOf(c).find((x) => x.kind === 'tie-decided' && x.band === band && x.ids.includes(id));
  if (!e || e.kind !== 'tie-decided') return undefined;
  const parts = c.a.tieParts ?? [];
  const tied = e.ids.map((i) => c.a.results[i]!);
  const keys = parts.map((p) => {
    const at = c.a.tree.parts.indexOf(p);
    return `${p}（${tied.map((x) => `${x.unit.name} ${c.n(x.score.parts[at] ?? Rational.ZERO)}`).join('、')}）`;
  });
  const taken = e.taken.includes(id);
  return `与${tied.filter((x) => x !== c.r).map((x) => x.unit.name).join('、')}同为 ${c.t(c.r)} 分，争「${band}」的最后名额，按方案依次比较${keys.join('、')}，${taken ? '入选' : '未入选'}`;
}

function members(c: Ctx, band: string): UnitResult[] {
  return c.group.filter((x) => x.band === band);
}

/** Why not in a band above the unit's own. */
function notIn(c: Ctx, band: Band, top: boolean): string | undefined {
  const ineligible = c.r.vetoes.find((v) => v.effect === 'ineligible');
  if (top && ineligible) return `一票否决「${ineligible.item}」（${ineligible.note}）：取消评先资格，不能评为「${band.name}」`;
  if (lineOf(c.a.scheme, band) === undefined) return undefined;
  if (!meets(c, band)) return `总分 ${c.t(c.r)} 未达到「${band.name}」线 ${lineText(c, band)}`;
  if (!band.quota) return undefined;
  const tie = tieWords(c, band.name);
  const inBand = members(c, band.name);
  const last = inBand[inBand.length - 1];
  const cut = last ? `名额线：第 ${last.rank} 名 ${last.unit.name} ${c.t(last)} 分` : `无${unitWord(c.a.scheme)}入选`;
  return `总分 ${c.t(c.r)} 达到「${band.name}」线 ${lineText(c, band)}，但${quotaWords(band.quota, c.group.length)}，已由排在前面的${unitWord(c.a.scheme)}占满（${cut}）${tie ? `；${tie}` : ''}`;
}

/** Why in the unit's own band. */
function isIn(c: Ctx, band: Band, index: number): string {
  const last = index === c.bands.length - 1;
  const line = lineOf(c.a.scheme, band);
  if (line === undefined) {
    const bottom = c.bands[index + 1]?.bottom;
    if (last) return `评为「${band.name}」`;
    return bottom !== undefined ? `不在类别「${c.r.unit.category}」后 ${bottom} 名之内，评为「${band.name}」` : `其余${unitWord(c.a.scheme)}评为「${band.name}」`;
  }
  const reached = `总分 ${c.t(c.r)} 达到「${band.name}」线 ${lineText(c, band)}`;
  if (!band.quota) return `${reached}，评为「${band.name}」`;
  const inBand = members(c, band.name);
  const tie = tieWords(c, band.name);
  return `${reached}；${quotaWords(band.quota, c.group.length)}，本${unitWord(c.a.scheme)}为入选的 ${inBand.length} 个${unitWord(c.a.scheme)}中的第 ${inBand.indexOf(c.r) + 1} 个${tie ? `；${tie}` : ''}`;
}

/** The reasons, top band first, down to the unit's own. */
export function bandReasons(a: Assessment, r: UnitResult): string[] {
  const c = context(a, r);
  const last = c.bands[c.bands.length - 1]!;
  const fail = r.vetoes.find((v) => v.effect === 'fail');
  // 002 正定: 失职渎职 makes a unit 不合格 whatever its score.
  if (fail) return [`一票否决「${fail.item}」（${fail.note}）：不论得分，定为最低等次「${last.name}」`];
  if (r.pending) return [pendingWords(c)];
  if (last.bottom !== undefined && r.band === last.name) {
    return [`第 ${r.rank} 名，在类别「${r.unit.category}」${c.group.length} 个${unitWord(c.a.scheme)}的后 ${last.bottom} 名之内，不论得分评为「${last.name}」`];
  }
  const own = c.bands.findIndex((b) => b.name === r.band);
  const out: string[] = [];
  c.bands.slice(0, Math.max(0, own)).forEach((band, i) => {
    const why = notIn(c, band, i === 0);
    if (why) out.push(why);
  });
  if (own >= 0) out.push(isIn(c, c.bands[own]!, own));
  return out;
}

function pendingWords(c: Ctx): string {
  const p = c.r.pending!;
  const others = p.tiedWith.filter((n) => n !== c.r.unit.name).join('、');
  const parts = c.a.tieParts ?? [];
  const why = parts.length > 0 ? `按方案依次比较${parts.join('、')}后仍相同` : '方案未规定并列时如何取舍';
  const where = p.between.length === 2 ? `并列在「${p.between[0]}」与「${p.between[1]}」之间的名额线上` : `并列在「${p.between[0]}」的名额线上，落选的依次落入${orList(p.between.slice(1))}`;
  return `与${others}同为 ${c.t(c.r)} 分，${where}，${why}：待定（${orList(p.between)}），需人工研究决定`;
}

/** The distance to the next band or cut above, and the cushion above the unit's own line or cut. */
export function margins(a: Assessment, r: UnitResult): string[] {
  const c = context(a, r);
  if (r.vetoes.some((v) => v.effect === 'fail')) return ['一票否决定为最低等次，与得分无关'];
  if (r.pending) return [];
  const own = c.bands.findIndex((b) => b.name === r.band);
  const last = c.bands[c.bands.length - 1]!;
  if (last.bottom !== undefined && r.band === last.name) return escapeBottom(c, last);
  const out: string[] = [];
  const ineligible = r.vetoes.some((v) => v.effect === 'ineligible');
  const up = own - 1 === 0 && ineligible ? -1 : own - 1;
  // An ineligible unit cannot reach the top band whatever it scores: its reasons say so, no distance is given.
  if (up >= 0) out.push(...toReach(c, c.bands[up]!));
  if (own >= 0) out.push(...cushion(c, c.bands[own]!));
  if (last.bottom !== undefined && own === c.bands.length - 2) out.push(...aboveBottom(c, last));
  return out;
}

/** What it would take to reach `band` (the one above): its line, and its quota's cut. */
function toReach(c: Ctx, band: Band): string[] {
  const out: string[] = [];
  const line = lineOf(c.a.scheme, band);
  if (line !== undefined && !meets(c, band)) {
    const gap = line.minus(c.key(c.r));
    out.push(band.atLeast !== undefined ? `距「${band.name}」线 ${lineText(c, band)}还差 ${c.n(gap)} 分` : `距「${band.name}」线 ${lineText(c, band)}还差 ${c.n(gap)} 分以上（须超过该分数）`);
  }
  const inBand = members(c, band.name);
  const cut = inBand[inBand.length - 1];
  if (band.quota && cut && quotaPlaces(band.quota, c.group.length).places <= inBand.length) {
    const gap = c.key(cut).minus(c.key(c.r));
    out.push(`「${band.name}」名额线：第 ${cut.rank} 名 ${cut.unit.name} ${c.t(cut)} 分${gap.isZero() ? `，与本${unitWord(c.a.scheme)}同分` : `，相差 ${c.n(gap)} 分`}`);
  }
  return out;
}

/** How far above its own line, and ahead of the first unit left out of its quota. */
function cushion(c: Ctx, band: Band): string[] {
  const out: string[] = [];
  const line = lineOf(c.a.scheme, band);
  if (line !== undefined) out.push(`高出「${band.name}」线 ${c.n(c.key(c.r).minus(line))} 分`);
  if (band.quota) {
    const after = c.group.slice(c.group.indexOf(c.r) + 1);
    const below = after.find((x) => x.band !== band.name && x.vetoes.length === 0 && lineOf(c.a.scheme, band)?.lte(c.key(x)) !== false);
    const lead = below ? c.key(c.r).minus(c.key(below)) : undefined;
    if (below && lead) out.push(`名额线外的第一个${unitWord(c.a.scheme)}：第 ${below.rank} 名 ${below.unit.name} ${c.t(below)} 分，${lead.isZero() ? `与本${unitWord(c.a.scheme)}同分` : `本${unitWord(c.a.scheme)}领先 ${c.n(lead)} 分`}`);
  }
  return out;
}

/** 003 宿迁 后三位: the unit just above the bottom group is the one to pass. */
function escapeBottom(c: Ctx, last: Band): string[] {
  const above = c.group.filter((x) => x.band !== last.name && !x.pending);
  const pass = above[above.length - 1];
  if (!pass) return [];
  const gap = c.key(pass).minus(c.key(c.r));
  return [`脱离后 ${last.bottom} 名须超过第 ${pass.rank} 名 ${pass.unit.name} 的 ${c.t(pass)} 分，相差 ${c.n(gap)} 分`];
}

/** How far above the best of the bottom group (宿迁: 后三位 → 诫勉). */
function aboveBottom(c: Ctx, last: Band): string[] {
  const top = c.group.find((x) => x.band === last.name && x.vetoes.every((v) => v.effect !== 'fail'));
  if (!top) return [];
  return [`领先后 ${last.bottom} 名中最高的第 ${top.rank} 名 ${top.unit.name}（${c.t(top)} 分）${c.n(c.key(c.r).minus(c.key(top)))} 分`];
}
