// Random small assessments written straight from docs/scheme.md, deterministic from a seed: a
// scheme (YAML, one line a row in the 方案 sheet) and the sheets of its workbook, for the
// differential test (test/golden/differential.test.ts), which scores them with the engine and
// with test/support/reckoning.mjs and compares every number.
//
// Totals are planned: most units aim at a total (a band's floor, half a unit below it, x.xx5, a
// flag's line…) reached by solving one direct leaf's value exactly, and units at a quota's,
// honour's, bottom-N's or flag's cut are tied (the same data: only a person can decide; the same
// total by other parts: tieBreak can; a total a hair apart: only rankOn decides).
// Run: node test/support/random-assessment.mjs 123     prints the scheme and sheets of seed 123
import { stringify } from 'yaml';
import { frac, min, ZERO } from './fraction.mjs';
import { quotaPlaces, readIndicators, readSchemeText, scoreUnit, sheetName } from './reckoning.mjs';

/** mulberry32: a small deterministic generator, so a case is replayed by its seed. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const R = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** [[value, weight], …] */
    weighted: (pairs) => {
      let x = next() * pairs.reduce((s, [, w]) => s + w, 0);
      for (const [v, w] of pairs) if ((x -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
    shuffle: (list) => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(next() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
      return out;
    },
  };
  return R;
}

/** A JS number holding exactly the decimal `x` (a terminating Fraction): what a cell stores. */
const num = (x) => Number(frac(x).toString());
/** `x` (a float) rounded to `places` decimals, as a clean number. */
const dec = (x, places) => Math.round(x * 10 ** places) / 10 ** places;
const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));
/** Whether a Fraction is a decimal of at most `places` places. */
const fits = (x, places) => (x.n * 10n ** BigInt(places)) % x.d === 0n;

const CATEGORY_SETS = [['乡镇', '部门'], ['经济管理', '党群机关'], ['园区', '县直单位']];
const PART_NAMES = ['指标评估', '领导评估', '公众评议', '专项考核'];
const BAND_NAMES = [['优秀', '良好', '合格', '不合格'], ['先进', '达标', '一般', '未达标'], ['一等', '二等', '三等', '四等']];
const BOTTOM_NAMES = [['先进', '达标', '诫勉'], ['优秀', '良好', '达标', '诫勉']];
const SYLLABLES = ['东', '西', '南', '北', '新', '老', '上', '下', '金', '石', '马', '龙', '凤', '桃', '柳', '杨', '松', '梅', '兰', '竹', '安', '和', '平', '康', '宁', '泰', '丰', '兴'];
const METHOD_WORDS = { direct: ['direct', '直接打分'], deduct: ['deduct', '扣分制'], ratio: ['ratio', '完成比例折算'], inverse: ['inverse', '反向比例'], rate: ['rate', '满意率'], raters: ['raters', '评议'], grade: ['grade', '档次'], pass: ['pass', '达标'], rank: ['rank', '位次'] };
const PASS = ['达标', '是', '合格', '√'];
const FAIL = ['未达标', '否', '不合格', '×'];
const REASONS = ['台账不全', '工作滞后', '督查通报', '材料迟报', '整改不到位'];

/** Splits `total` (a multiple of `step`) into `k` multiples of `step`, each at least `least` steps. */
function split(R, total, k, step, least = 2) {
  const units = Math.round(total / step);
  const cuts = [];
  let rest = units - least * k;
  for (let i = 0; i < k - 1; i++) { const t = R.int(0, rest); cuts.push(t); rest -= t; }
  cuts.push(rest);
  return R.shuffle(cuts).map((c) => dec((c + least) * step, 4));
}

function makeQuota(R) {
  return R.weighted([
    [() => ({ count: R.int(1, 3) }), 4],
    [() => ({ percent: R.pick([10, 20, 25, 30, 35, 40, 50]), rounding: R.pick(['up', 'down', 'half-up']) }), 5],
    [() => { const mx = R.int(1, 4); return { min: R.int(1, mx), max: mx }; }, 2],
  ])();
}

/** Bands: floors with quotas, or a last band by rank (bottom: N). Floors in % of full marks, scaled for bandBasis score. */
function makeBands(R, F, percentBasis) {
  const at = (pct) => (percentBasis ? pct : num(frac(pct).times(F).div(100)));
  const floor = (pct) => (R.chance(0.3) ? { above: at(pct) } : { atLeast: at(pct) });
  if (R.chance(0.3)) {
    const names = R.pick(BOTTOM_NAMES);
    const pcts = R.shuffle([95, 92.5, 90, 88, 85, 80]).slice(0, names.length - 2).sort((a, b) => b - a);
    return names.map((name, i) => {
      if (i === names.length - 1) return { name, bottom: R.int(1, 3) };
      if (i === names.length - 2) return { name };
      return { name, ...floor(pcts[i]), ...((i === 0 && R.chance(0.7)) || (i === 1 && R.chance(0.3)) ? { quota: makeQuota(R) } : {}) };
    });
  }
  const k = R.pick([3, 3, 4]);
  const names = R.pick(BAND_NAMES);
  const pcts = R.shuffle([95, 92.5, 90, 88, 85, 80, 75, 70, 60]).slice(0, k - 1).sort((a, b) => b - a);
  // Quotas on the first bands; one below another now and then (ties above take places below).
  const quotas = [R.chance(0.6)];
  quotas.push(R.chance(quotas[0] ? 0.55 : 0.3));
  quotas.push(k === 4 && R.chance(quotas[1] ? 0.6 : 0.2));
  return Array.from({ length: k }, (_, i) => {
    const name = i === k - 1 ? names[names.length - 1] : names[i];
    if (i === k - 1) return { name };
    return { name, ...floor(pcts[i]), ...(quotas[i] ? { quota: makeQuota(R) } : {}) };
  });
}

/** Parts (一级指标) with their points and rules: plain points, weights, or (when the scheme has periods) periods. */
function makeParts(R, F, periods, names, codes) {
  const mode = periods ? 'periods' : R.weighted([['plain', 4], ['weights', 3]]);
  const n = names.length;
  const step = F / 20;
  const parts = names.map((name, i) => ({ code: codes[i], name }));
  // A part scored in some of the scheme's periods (mostly two or all), its share `total`% split among them.
  const periodRule = (total) => {
    const k = Math.min(periods.length, R.weighted([[1, 1], [2, 5], [3, 2], [4, 2]]), Math.max(1, Math.floor(total / 5)));
    const chosen = R.shuffle(periods).slice(0, k).sort((a, b) => periods.indexOf(a) - periods.indexOf(b));
    const weights = split(R, total, k, 5, 1);
    return { periods: Object.fromEntries(chosen.map((p, i) => [p, weights[i]])) };
  };
  // Weights now and then with a half (12.5%).
  const weightsOf = () => (R.chance(0.15) && n === 2 ? R.pick([[12.5, 87.5], [37.5, 62.5]]) : split(R, 100, n, 5, 2));
  if (mode === 'plain' || (mode === 'periods' && R.chance(0.5))) {
    split(R, F, n, step).forEach((p, i) => (parts[i].points = p));
    if (mode === 'periods') for (const p of R.shuffle(parts).slice(0, R.int(1, n - 1))) p.rule = periodRule(100);
  } else {
    const weights = weightsOf();
    parts.forEach((p, i) => {
      p.points = F;
      p.rule = { weight: weights[i] };
    });
    if (mode === 'periods') for (const p of R.shuffle(parts).slice(0, R.int(1, n - 1))) if (Number.isInteger(p.rule.weight)) p.rule = periodRule(p.rule.weight);
  }
  return parts;
}

/**
 * One indicator tree (for all categories, or for one: 适用类别): its parts, 3–8 leaves under them,
 * two levels, three (a 二级 node with 三级 leaves), or a part that is itself a leaf (one row);
 * the rows of the 指标体系 sheet; the adjuster (the direct leaf that weighs most, in its last period).
 */
function makeTree(R, F, periods, names, codes, category, categories) {
  const s = F / 100;
  const parts = makeParts(R, F, periods, names, codes);
  const nLeaves = R.int(Math.max(3, parts.length), 8);
  const counts = parts.map(() => 1);
  for (let k = parts.length; k < nLeaves; k++) counts[R.int(0, parts.length - 1)]++;
  const leaves = [];
  parts.forEach((part, i) => {
    const step = part.points >= 20 * s ? s : s / 2;
    const splitOf = (k) => (k === 1 ? [part.points] : split(R, part.points, k, step, Math.min(2, Math.floor(part.points / step / k))));
    // In a tree shared by the categories, now and then a part's leaves differ by category (适用类别 on the leaves).
    part.layout = !category && counts[i] >= 2 && R.chance(0.25) ? 'by-category' : counts[i] === 1 && R.chance(0.5) ? 'self' : counts[i] >= 3 && R.chance(0.35) ? 'three' : 'two';
    if (part.layout === 'self') leaves.push({ code: part.code, part: part.name, points: part.points, self: true });
    else if (part.layout === 'by-category') {
      let j = 0;
      for (const c of categories) splitOf(R.int(1, counts[i])).forEach((p) => { j++; leaves.push({ code: `${part.code}${j}`, part: part.name, name: `${part.name}${j}`, points: p, only: c }); });
    } else splitOf(counts[i]).forEach((p, j) => leaves.push({ code: `${part.code}${j + 1}`, part: part.name, name: `${part.name}${j + 1}`, points: p }));
  });
  for (const leaf of leaves) makeLeaf(R, leaf, F);
  const factorOf = (leaf) => { const rule = parts.find((p) => p.name === leaf.part).rule; return rule?.periods ? Object.values(rule.periods).at(-1) : rule?.weight ?? 100; };
  // The adjuster of each category: the leaf that weighs most in its total, made direct.
  const adjusters = new Map();
  for (const c of category ? [category] : categories) {
    const adjuster = leaves.filter((l) => !l.only || l.only === c).sort((a, b) => b.points * factorOf(b) - a.points * factorOf(a))[0];
    adjuster.method = R.chance(0.3) ? 'raters' : 'direct';
    adjuster.params = {};
    adjuster.paramText = null;
    if (adjuster.method === 'raters') adjuster.raterCount = R.pick([3, 7]);
    delete adjuster.sheetTargets;
    adjusters.set(c, adjuster);
  }
  for (const leaf of leaves) {
    if (leaf.method === 'grade') leaf.grades = leaf.params['等级'].split('、').map((g) => { const [lo, hi = lo] = g.split(':')[1].split('-'); return { lo: Number(lo), hi: Number(hi) }; });
  }
  // 指标体系 rows: 编码, 一级指标, 二级指标, 三级指标, 分值, 评分方法, 参数, 适用类别.
  const word = (leaf) => (leaf.method === 'direct' && R.chance(0.2) ? null : R.pick(METHOD_WORDS[leaf.method]));
  const rows = [];
  const applies = category ?? (R.chance(0.2) ? '全部' : null);
  for (const part of parts) {
    const mine = leaves.filter((l) => l.part === part.name);
    if (part.layout === 'self') { rows.push([part.code, part.name, null, null, part.points, word(mine[0]), mine[0].paramText, applies]); continue; }
    rows.push([part.code, part.name, null, null, part.points, null, null, applies]);
    if (part.layout === 'three') {
      // The first two or more leaves under a 二级 node of their own, as 三级 leaves.
      const m = R.int(2, mine.length);
      const group = `${part.name}综合`;
      rows.push([`${part.code}0`, part.name, group, null, num(mine.slice(0, m).reduce((t, l) => t.plus(frac(l.points)), ZERO)), null, null, null]);
      mine.slice(0, m).forEach((l) => rows.push([l.code, part.name, group, l.name, l.points, word(l), l.paramText, null]));
      mine.slice(m).forEach((l) => rows.push([l.code, part.name, l.name, null, l.points, word(l), l.paramText, null]));
    } else mine.forEach((l) => rows.push([l.code, part.name, l.name, null, l.points, word(l), l.paramText, l.only ?? null]));
  }
  return { parts, leaves, rows, adjusters, category };
}

/** A leaf's method and 参数 (the adjuster leaf is always direct: its value is solved for). */
function makeLeaf(R, leaf, F) {
  const pts = frac(leaf.points);
  const of = (share) => num(frac(Math.round(share * 20)).times(pts).div(20)); // a twentieth of the points
  leaf.method = R.weighted([['direct', 3], ['deduct', 2], ['ratio', 2], ['inverse', 1], ['rate', 2], ['raters', 2], ['grade', 1], ['pass', 1], ['rank', 1]]);
  const p = {};
  switch (leaf.method) {
    case 'ratio':
    case 'inverse':
      if (R.chance(0.7)) p['目标值'] = R.pick([100, 80, 120, 150, 30, 7, 64, 3]);
      leaf.sheetTargets = p['目标值'] === undefined || R.chance(0.4);
      if (leaf.method === 'ratio' && R.chance(0.3)) p['上限'] = of(R.pick([1.1, 1.2, 1.5]));
      break;
    case 'rate':
      if (R.chance(0.5)) p['档次'] = `95:${num(pts)}、90:${of(0.9)}、80:${of(0.8)}、60:${of(0.6)}、0:${of(R.pick([0, 0.3]))}`;
      break;
    case 'raters':
      if (R.chance(0.5)) p['去掉最高最低分'] = '是';
      break;
    case 'grade':
      p['等级'] = `优秀:${num(pts)}、良好:${of(0.8)}-${of(0.9)}、一般:${of(0.5)}-${of(0.65)}、差:0`;
      break;
    case 'rank':
      p['步长'] = dec(R.pick([0.5, 1, 0.25, 2, 0.3]) * (F / 100), 4);
      if (R.chance(0.5)) p['最低'] = of(R.pick([0.3, 0.5]));
      break;
    default:
  }
  leaf.params = p;
  leaf.paramText = Object.keys(p).length === 0 ? null : Object.entries(p).map(([k, v]) => `${k}=${v}`).join('；');
}

/** Adjustment rules (正定-like): fixed points, per-record max, item caps, side caps, sources. */
function makeAdjustments(R, F, categories) {
  const s = F / 100;
  const bonusItems = R.shuffle([{ name: '市级表彰', points: 2 * s, aliases: ['市委市政府表彰'] }, { name: '省级表彰', points: 3 * s }, { name: '研究决定加分', max: 4 * s }, { name: '创新加分', cap: 1.5 * s, aliases: ['创新创优'] }, { name: '特色工作' }]).slice(0, R.int(1, 3));
  const deductionItems = R.shuffle([{ name: '通报批评', points: 1 * s }, { name: '查访核验', max: 1 * s, cap: 2 * s }, { name: '投诉查处', cap: 2 * s }, { name: '督查扣分' }, { name: '县通报', points: 0.5 * s }]).slice(0, R.int(1, 3));
  const adj = {};
  if (R.chance(0.25)) adj.categories = [categories[0]];
  if (R.chance(0.8)) adj.bonus = { ...(R.chance(0.5) ? { cap: R.pick([2, 3, 4]) * s } : {}), items: bonusItems };
  if (R.chance(0.8) || !adj.bonus) {
    adj.deduction = { ...(R.chance(0.5) ? { cap: R.pick([2, 3, 4]) * s } : {}), items: deductionItems };
    if (R.chance(0.3)) adj.deduction.sources = [{ name: '效能办', cap: 1.5 * s }, { name: '督查室', cap: 1 * s }];
  }
  return adj;
}

/** One adjustment row's value: fixed points (分值 blank or the same), up to max, or free (three decimals now and then). */
function adjustmentValue(R, item, s) {
  if (item.points !== undefined) return R.chance(0.5) ? null : item.points;
  const top = item.max ?? 2 * s;
  return clamp(dec(R.next() * top, R.pick([1, 2, 3])), 0.001, top);
}

// ───────────────────────────── one unit's entries ─────────────────────────────

/** An empty entry for a period: what the reckoning reads back from the sheets. */
const emptyEntry = () => ({ values: {}, targets: {}, deductions: [], raters: [] });

/** Random cell values for every leaf of the unit, around `level` (a share of full marks). */
function randomEntries(R, ctx, level) {
  const entries = Object.fromEntries(ctx.periodKeys.map((k) => [k, emptyEntry()]));
  const noisy = (spread = 0.08) => level + (R.next() * 2 - 1) * spread;
  for (const leaf of ctx.leaves) {
    const pts = Number(leaf.points);
    for (const period of ctx.periodsOf(leaf)) {
      const e = entries[period];
      const r = noisy();
      switch (leaf.method) {
        case 'direct': {
          const v = clamp(dec(r * pts, R.pick([0, 1, 2, 2, 3])), 0, pts);
          e.values[leaf.code] = R.chance(0.04) ? String(v) : v; // a number stored as text (W_NUMBER_AS_TEXT)
          break;
        }
        case 'deduct': {
          let loss = Math.max(0, (1 - r) * pts * (R.chance(0.05) ? 3 : 1));
          if (R.chance(0.04)) { e.deductions.push({ code: leaf.code, points: pts, reason: '全部扣完' }); break; }
          for (let k = 0; loss > 0.05 && k < 3; k++) {
            const d = k === 2 ? loss : Math.min(loss, dec(R.next() * loss + 0.05, 2));
            const points = Math.max(0.01, dec(d, R.pick([1, 2])));
            e.deductions.push({ code: leaf.code, points, reason: R.pick(REASONS) });
            loss -= points;
          }
          break;
        }
        case 'ratio':
        case 'inverse': {
          let target = leaf.params['目标值'];
          if (leaf.sheetTargets && (target === undefined || R.chance(0.6))) e.targets[leaf.code] = target = R.pick([100, 80, 120, 150, 90, 7, 64, 3]);
          if (leaf.method === 'ratio') e.values[leaf.code] = R.chance(0.08) ? target : Math.max(0, dec(target * (R.chance(0.15) ? r * 1.3 : r), R.pick([0, 1, 2])));
          else e.values[leaf.code] = R.chance(0.05) ? 0 : Math.max(0.1, dec(target / clamp(r, 0.3, 1.6), R.pick([0, 1, 2])));
          break;
        }
        case 'rate': {
          let rate = clamp(dec(r * 100, R.pick([0, 1, 2])), 0, 100);
          if (leaf.params['档次'] && R.chance(0.15)) rate = R.pick([95, 90, 80, 60]); // exactly on a tier: 达到 includes it
          e.values[leaf.code] = R.weighted([[rate, 6], [`${rate}%`, 2], [{ value: dec(rate / 100, 6), numFmt: R.pick(['0%', '0.0%', '0.00%']) }, 2]]);
          break;
        }
        case 'raters': {
          const n = leaf.raterCount ?? R.int(3, 7);
          for (let k = 1; k <= n; k++) e.raters.push({ code: leaf.code, rater: `评委${k}`, score: clamp(dec(noisy(0.12) * pts, R.pick([0, 1, 1, 2])), 0, pts) });
          break;
        }
        case 'grade': {
          const g = leaf.grades;
          if (r >= 0.95) e.values[leaf.code] = R.chance(0.6) ? '优秀' : pts;
          else if (r >= 0.75) e.values[leaf.code] = clamp(dec(g[1].lo + R.next() * (g[1].hi - g[1].lo), R.pick([0, 1, 2])), g[1].lo, g[1].hi);
          else if (r >= 0.45) e.values[leaf.code] = clamp(dec(g[2].lo + R.next() * (g[2].hi - g[2].lo), R.pick([0, 1, 2])), g[2].lo, g[2].hi);
          else e.values[leaf.code] = R.chance(0.6) ? '差' : 0;
          break;
        }
        case 'pass':
          e.values[leaf.code] = R.next() < r ? (R.chance(0.7) ? R.pick(PASS) : pts) : (R.chance(0.7) ? R.pick(FAIL) : 0);
          break;
        case 'rank':
          e.values[leaf.code] = R.chance(0.1) ? R.int(12, 40) : Math.max(1, 1 + Math.round((1 - r) * 12));
          break;
        default:
          throw new Error(leaf.method);
      }
    }
  }
  return entries;
}

/** The reckoning's view of a unit's entries (numbers as Fractions), for solving and checking totals. */
const asReckoned = (entries) => (period) => {
  const e = entries[period] ?? emptyEntry();
  return { values: e.values, targets: e.targets, deductions: e.deductions.map((d) => ({ code: d.code, points: frac(d.points) })), raters: e.raters.map((r) => ({ code: r.code, score: frac(r.score) })) };
};

/**
 * Entries that give the unit exactly the total `target` (a Fraction), by solving the adjuster
 * leaf (a direct leaf) from the others drawn at random; random entries when no draw fits.
 */
function realize(R, ctx, unit, target, adjustmentRows) {
  const F = Number(ctx.F);
  const level = target ? clamp(Number(target.n) / Number(target.d) / F, 0.2, 1) : clamp(0.55 + R.next() * 0.45, 0, 1);
  let entries;
  for (let attempt = 0; attempt < (target ? 80 : 1); attempt++) {
    entries = randomEntries(R, ctx, level);
    if (!target) return { entries, hit: false };
    const { leaf, period } = ctx.adjuster;
    const e = entries[period];
    const pts = frac(leaf.points);
    // A direct adjuster takes the value solved for; a raters adjuster (3 or 7 raters, no trim) scores
    // whose sum is n × the mean solved for, so that a total in thirds or sevenths is hit exactly.
    const n = leaf.method === 'raters' ? leaf.raterCount : 1;
    const set = (v) => {
      if (leaf.method === 'direct') e.values[leaf.code] = v;
      else e.raters = [...e.raters.filter((r) => r.code !== leaf.code), ...Array.from({ length: n }, (_, k) => ({ code: leaf.code, rater: `评委${k + 1}`, score: v }))];
    };
    const at = (v) => { set(v); return scoreUnit(ctx.linear, ctx.indicators, unit, asReckoned(entries), adjustmentRows).exact; };
    const e0 = at(0);
    const slope = at(1).minus(e0);
    const v = target.minus(e0).div(slope);
    if (v.lt(0) || v.gt(pts)) continue;
    if (n === 1) {
      if (!fits(v, 6)) continue;
      set(num(v));
    } else {
      const total = v.times(n);
      if (!fits(total, 4)) continue;
      // n − 1 scores near the mean (two decimals), the last what is left, all within [0, 分值].
      const scores = Array.from({ length: n - 1 }, () => frac(clamp(dec(Number(v.n) / Number(v.d) + (R.next() - 0.5) * Number(pts) * 0.1, 2), 0, Number(pts))));
      const last = total.minus(scores.reduce((a, b) => a.plus(b), ZERO));
      if (last.lt(0) || last.gt(pts)) continue;
      e.raters = [...e.raters.filter((r) => r.code !== leaf.code), ...[...scores, last].map((x, k) => ({ code: leaf.code, rater: `评委${k + 1}`, score: num(x) }))];
    }
    const got = scoreUnit(ctx.scheme, ctx.indicators, unit, asReckoned(entries), adjustmentRows);
    if (got.exact.eq(target) || (ctx.scheme.rounding.roundParts && got.total === target.halfUp(ctx.scheme.rounding.decimals))) return { entries, hit: true };
  }
  return { entries, hit: false };
}

// ───────────────────────────── planned totals ─────────────────────────────

/** The floors of a category's bands in score units. */
function floorsOf(bands, scheme) {
  return bands.filter((b) => b.atLeast !== undefined || b.above !== undefined).map((b) => {
    const f = frac(b.atLeast ?? b.above);
    return scheme.bandBasis === 'percent' ? f.times(scheme.fullMarks).div(100) : f;
  });
}

/** Planned totals of a category of n units, best first, with the ties at cuts they are meant to have. */
function planTotals(R, scheme, bands, n, raw) {
  const F = scheme.fullMarks;
  const d = scheme.rounding.decimals;
  const ulp = frac(1).div(10n ** BigInt(d));
  const lowPct = R.int(40, 70);
  const T = Array.from({ length: n }, () => frac(BigInt(Math.round((lowPct + R.next() * (100 - lowPct)) * 1000))).div(100000).times(F))
    .map((t) => frac(t.halfUp(R.pick([d, d + 1, d + 2, 3]))))
    // Now and then in thirds or sevenths of the last published place (a raters adjuster hits them).
    .map((t) => (R.chance(0.3) ? t.plus(ulp.times(R.int(1, 6)).div(R.pick([3, 7]))) : t));
  // Specials: a band's floor, half a unit below it (published on it), a hair below, one unit below; x.xx5.
  const specials = [];
  for (const f of floorsOf(bands, scheme)) specials.push(f, f.minus(ulp.div(2)), f.minus(ulp.div(1000)), f.minus(ulp), f.plus(ulp.div(2)), f.minus(ulp.div(3)), f.minus(ulp.div(7)), f.plus(ulp.div(3)));
  for (let k = 0; k < 2; k++) specials.push(frac(T[R.int(0, n - 1)].halfUp(d)).plus(ulp.times(R.pick([1, 2])).div(3)), frac(T[R.int(0, n - 1)].halfUp(d)).plus(ulp.times(R.int(1, 6)).div(7)));
  for (const flag of raw.flags ?? []) {
    const line = flag.under ?? flag.atMost;
    if (line !== undefined) { const f = scheme.bandBasis === 'percent' ? frac(line).times(F).div(100) : frac(line); specials.push(f, f.minus(ulp.div(2))); }
  }
  for (let k = 0; k < 3; k++) specials.push(frac(T[R.int(0, n - 1)].halfUp(d)).plus(ulp.div(2)));
  for (let k = R.int(0, Math.min(n, 4)); k > 0; k--) { const s = R.pick(specials); if (s.gt(0) && s.lte(F)) T[R.int(0, n - 1)] = s; }
  T.sort((a, b) => b.cmp(a));
  const plan = T.map((t) => ({ target: t }));
  // Cuts: a quota's last place (the pair meeting the band's floor), the next band's, a bottom N,
  // an honour's count, a flag's bottom, anywhere; one or two of them tied.
  const cuts = [];
  const floorScore = (band) => floorsOf([band], scheme)[0];
  const q0 = bands[0].quota ? Math.min(n - 1, quotaPlaces(bands[0].quota, n)) : undefined;
  if (q0 !== undefined) cuts.push([{ at: q0, floor: floorScore(bands[0]), step: 0, triple: bands[1].quota !== undefined && R.chance(0.5) }, bands[1].quota ? 6 : 3]);
  if (bands[1]?.quota && bands.length > 2) cuts.push([{ at: Math.min(n - 1, (q0 ?? 0) + quotaPlaces(bands[1].quota, n)), floor: floorScore(bands[1]), step: 1 }, 2]);
  const last = bands[bands.length - 1];
  if (last.bottom) cuts.push([{ at: n - last.bottom }, 2]);
  for (const h of raw.honours ?? []) cuts.push([{ at: h.count }, 1]);
  for (const f of raw.flags ?? []) cuts.push([{ at: n - f.bottom }, 1]);
  cuts.push([{ at: R.int(1, n - 1) }, 1]);
  const chosen = R.chance(0.85) ? [R.weighted(cuts), ...(R.chance(0.35) ? [R.weighted(cuts)] : [])] : [];
  for (const { at: c, floor, triple } of chosen.sort((a, b) => a.at - b.at)) {
    if (c < 1 || c >= n) continue;
    // The pair's total: where it is, lifted to the band's floor when below it; the others kept off it.
    let v = plan[c - 1].target;
    if (floor && v.lt(floor)) v = R.chance(0.5) ? floor : floor.plus(ulp.times(R.int(1, 30)));
    if (v.gt(F)) continue;
    for (let k = 0; k < c - 1; k++) if (plan[k].target.lte(v)) plan[k] = { target: min(F, v.plus(ulp.times(c - k))) };
    for (let k = c + 1; k < n; k++) if (!plan[k].tie && plan[k].target.gte(v)) plan[k] = { target: v.minus(ulp.times(k - c)) };
    const kind = R.weighted([['clone', 3], ['split', 3], ['near', 2]]);
    plan[c - 1] = { ...plan[c - 1], target: v };
    plan[c] = { target: v, tie: { with: c - 1, kind } };
    // Now and then three tied (two to drop, maybe more than the next band or honour has places).
    if ((kind === 'clone' || triple) && c + 1 < n && (triple || R.chance(0.3))) plan[c + 1] = { target: v, tie: { with: c - 1, kind: 'clone' } };
    if (kind === 'near') plan[c].target = v.plus(ulp.div(R.pick([10, 100, 1000])).times(R.pick([1, -1])));
  }
  // Now and then a unit left to chance.
  for (const p of plan) if (R.chance(0.1) && !p.tie) p.target = null;
  return plan;
}

// ───────────────────────────── the whole assessment ─────────────────────────────

/** The assessment of a seed: { seed, yaml, sheets: { name: rows }, notes }. */
export function generate(seed) {
  const R = random(seed * 7919 + 17);
  const F = R.weighted([[100, 70], [1000, 25], [200, 5]]);
  const s = F / 100;
  const decimals = R.weighted([[0, 1], [1, 1], [2, 4], [3, 1]]);
  const rounding = { decimals };
  if (R.chance(0.35)) rounding.roundParts = true; else if (R.chance(0.2)) rounding.roundParts = false;
  if (R.chance(0.35)) rounding.rankOn = 'exact'; else if (R.chance(0.2)) rounding.rankOn = 'published';
  const percentBasis = R.chance(0.3);
  const categories = R.pick(CATEGORY_SETS);
  const periods = R.chance(0.4) ? R.weighted([[['中期', '年终'], 4], [['半年', '年终'], 3], [['一季度', '二季度', '三季度', '四季度'], 2], [['上半年', '下半年', '年终'], 1]]) : undefined;
  // One indicator tree for both categories, or one each (正定: 同一名称的一级指标按类别分别设置).
  const perCategory = R.chance(0.25);
  const names0 = R.shuffle(PART_NAMES).slice(0, R.int(2, 4));
  const trees = perCategory
    ? [makeTree(R, F, periods, names0, 'ABCD', categories[0], categories),
      makeTree(R, F, periods && R.chance(0.6) ? periods : undefined, R.shuffle([...names0.slice(0, R.int(1, names0.length)), ...R.shuffle(PART_NAMES.filter((n) => !names0.includes(n))).slice(0, R.int(0, 1))]).slice(0, 4), 'PQRS', categories[1], categories)]
    : [makeTree(R, F, periods, names0, 'ABCD', undefined, categories)];
  const treeOf = (category) => trees.find((t) => t.category === category) ?? trees[0];
  const leaves = trees.flatMap((t) => t.leaves);

  // The scheme.
  const scheme = { name: `随机考评${seed}`, year: 2000 + (seed % 30), fullMarks: F, categories: [...categories], rounding };
  if (percentBasis) scheme.bandBasis = 'percent';
  scheme.bands = makeBands(R, F, percentBasis);
  if (R.chance(0.2)) scheme.categories[1] = { name: categories[1], bands: makeBands(R, F, percentBasis) };
  if (trees.some((t) => t.parts.some((p) => p.rule?.periods))) scheme.periods = periods;
  // components: one rule a part; with a tree a category, each rule names its category.
  const components = trees.flatMap((t) => t.parts.filter((p) => p.rule).map((p) => ({ part: p.name, ...(t.category ? { categories: [t.category] } : {}), ...p.rule })));
  if (components.length > 0) scheme.components = R.shuffle(components);
  // tieBreak: parts every category has, by name (or, with one tree, now and then by code).
  const common = trees[0].parts.filter((p) => trees.every((t) => t.parts.some((q) => q.name === p.name)));
  if (R.chance(0.5) && common.length > 0) scheme.tieBreak = R.shuffle(common).slice(0, R.int(1, 2)).map((p) => (trees.length === 1 && R.chance(0.3) ? p.code : p.name));
  if (R.chance(0.45)) scheme.vetoes = [{ name: '安全生产', effect: 'ineligible', ...(R.chance(0.3) ? { aliases: ['安全生产一票否决'] } : {}) }, { name: '失职渎职', effect: 'fail' }];
  if (R.chance(0.4)) {
    const scope = R.chance(0.4) ? 'all' : 'category';
    const from = !scheme.categories.some((c) => typeof c !== 'string') && R.chance(0.3) ? scheme.bands[0].name : undefined;
    const names = R.pick([['一等奖', '二等奖', '三等奖'], ['先进单位'], ['红旗单位', '进步单位']]);
    scheme.honours = names.slice(0, R.int(1, names.length)).map((name) => ({ name, count: R.int(1, 3), ...(from ? { from } : {}), ...(scope === 'all' || R.chance(0.3) ? { scope } : {}) }));
    // Now and then honours of two scopes (全县十佳 of all units, 类别先进 of each category) or from two bands.
    if (R.chance(0.25)) scheme.honours = R.shuffle([{ name: '全县十佳', count: R.int(1, 3), scope: 'all' }, { name: '类别先进', count: R.int(1, 2) }]);
    else if (R.chance(0.15) && scheme.categories.every((c) => typeof c === 'string')) scheme.honours = [{ name: `${scheme.bands[0].name}之星`, count: 1, from: scheme.bands[0].name }, { name: `${scheme.bands[1].name}之星`, count: R.int(1, 2), from: scheme.bands[1].name }];
  }
  if (R.chance(0.5)) {
    scheme.flags = R.shuffle(['诫勉谈话', '报组织部', '约谈', '通报批评']).slice(0, R.int(1, 2)).map((name) => {
      const flag = { name, bottom: R.int(1, 3) };
      const line = R.pick([60, 65, 70, 75, 80]);
      const at = percentBasis ? line : line * s;
      const k = R.weighted([['under', 2], ['atMost', 2], ['none', 2]]);
      if (k !== 'none') flag[k] = at;
      if (R.chance(0.3)) flag.scope = 'all';
      if (R.chance(0.25)) flag.categories = [R.pick(categories)];
      return flag;
    });
  }
  if (R.chance(0.4)) scheme.adjustments = makeAdjustments(R, F, categories);
  if (R.chance(0.25) && scheme.categories.every((c) => typeof c === 'string')) scheme.figures = [{ name: '优秀比例', values: Object.fromEntries(scheme.bands.map((b, i) => [b.name, `${18 - 3 * i}%`])) }];
  const excludedName = R.chance(0.15) ? '不参评办' : undefined;
  if (excludedName) scheme.excluded = { units: [excludedName], note: '不参评办未参与评比' };
  const yaml = stringify(scheme, { lineWidth: 0 });
  const reckonedScheme = readSchemeText(yaml);

  // The indicator table.
  const indicatorRows = [['编码', '一级指标', '二级指标', '三级指标', '分值', '评分方法', '参数', '适用类别'], ...trees.flatMap((t) => t.rows)];
  const indicators = readIndicators({ 指标体系: indicatorRows });
  // The periods of a leaf: a part with periods is scored in each of its periods; the rest in the year ('').
  const periodsOf = (leaf) => { const rule = trees.find((t) => t.leaves.includes(leaf)).parts.find((p) => p.name === leaf.part).rule; return rule?.periods ? Object.keys(rule.periods) : ['']; };
  const periodKeys = [...new Set(leaves.flatMap(periodsOf))];
  const linear = { ...reckonedScheme, rounding: { ...reckonedScheme.rounding, roundParts: false } };
  const ctxOf = (category) => {
    const t = treeOf(category);
    const adjuster = t.adjusters.get(category);
    return { F: reckonedScheme.fullMarks, scheme: reckonedScheme, linear, indicators, leaves: t.leaves.filter((l) => !l.only || l.only === category), periodsOf, periodKeys, adjuster: { leaf: adjuster, period: periodsOf(adjuster).at(-1) } };
  };

  // Units and their entries.
  const units = [];
  const entriesOf = new Map();
  const adjustmentRows = [];
  const vetoRows = [];
  const notes = [];
  const used = new Set();
  const tops = [];
  const rowsOf = new Map();
  const nameOf = (suffix) => { for (;;) { const n = `${R.pick(SYLLABLES)}${R.pick(SYLLABLES)}${suffix}`; if (!used.has(n)) { used.add(n); return n; } } };
  categories.forEach((category, ci) => {
    const n = R.int(3, 12);
    const bands = reckonedScheme.bandsOf.get(category);
    const plan = planTotals(R, reckonedScheme, bands, n, scheme);
    const mine = plan.map(() => ({ name: nameOf(ci === 0 ? '镇' : '局'), category }));
    // Honours of all units together: now and then the two categories' best tie (the same data).
    if (ci === 1 && trees.length === 1 && !leaves.some((l) => l.only) && scheme.honours?.[0].scope === 'all' && R.chance(0.4)) plan[R.int(0, Math.min(1, n - 1))] = { tie: { kind: 'clone', twin: tops[0] } };
    // Adjustments first: they are part of the total a unit aims at.
    const adj = scheme.adjustments;
    for (const u of mine) rowsOf.set(u.name, []);
    if (adj) {
      for (const u of mine) {
        if (adj.categories && !adj.categories.includes(category) && !R.chance(0.1)) continue;
        for (let k = R.weighted([[0, 3], [1, 3], [2, 2], [3, 1]]); k > 0; k--) {
          const type = adj.bonus && (!adj.deduction || R.chance(0.5)) ? '加分' : '减分';
          const side = type === '加分' ? adj.bonus : adj.deduction;
          const item = R.pick(side.items);
          const row = { unit: u.name, type, item: item.aliases && R.chance(0.5) ? item.aliases[0] : item.name, points: adjustmentValue(R, item, s), reason: `${item.name}事由`, evidence: `文件〔${2000 + k}〕${R.int(1, 99)}号`, source: side.sources ? R.pick(side.sources).name : null };
          rowsOf.get(u.name).push(row);
        }
      }
    }
    plan.forEach((p, i) => {
      const u = mine[i];
      if (p.tie?.kind === 'clone') {
        const twin = p.tie.twin ?? mine[p.tie.with];
        entriesOf.set(u.name, structuredClone(entriesOf.get(twin.name)));
        rowsOf.set(u.name, rowsOf.get(twin.name).map((r) => ({ ...r, unit: u.name })));
        notes.push(`${u.name} clones ${twin.name}`);
        return;
      }
      const { entries, hit } = realize(R, ctxOf(category), u, p.target, rowsOf.get(u.name).map((r) => ({ ...r })));
      entriesOf.set(u.name, entries);
      if (p.target) notes.push(`${u.name} ${hit ? 'aims at' : 'missed'} ${p.target.toString()}${p.tie ? ` (${p.tie.kind} tie with ${mine[p.tie.with].name})` : ''}`);
    });
    for (const u of mine) adjustmentRows.push(...rowsOf.get(u.name));
    tops.push(mine[0]);
    // Vetoes: an ineligible unit near the top, a failed one anywhere.
    if (scheme.vetoes) {
      if (R.chance(0.5)) vetoRows.push([mine[R.int(0, Math.min(2, n - 1))].name, R.chance(0.7) ? '安全生产' : (scheme.vetoes[0].aliases?.[0] ?? '安全生产'), '发生较大安全生产事故']);
      if (R.chance(0.35)) for (const u of R.shuffle(mine).slice(0, R.weighted([[1, 4], [2, 1]]))) vetoRows.push([u.name, '失职渎职', '造成重大损失，经研究认定不合格']);
    }
    units.push(...mine);
  });
  units.splice(0, units.length, ...R.shuffle(units));

  // The sheets.
  const sheets = { 方案: yaml, 指标体系: indicatorRows, 单位名单: [['单位名称', '类别'], ...units.map((u) => [u.name, u.category])] };
  if (excludedName) sheets.单位名单.splice(R.int(1, units.length), 0, [excludedName, R.pick(categories)]);
  for (const period of periodKeys) {
    const entryLeaves = leaves.filter((l) => periodsOf(l).includes(period) && l.method !== 'deduct' && l.method !== 'raters');
    const withExcluded = excludedName ? [...units, { name: excludedName }] : units;
    sheets[sheetName('得分表', period)] = [['单位名称', ...entryLeaves.map((l) => l.code)], ...withExcluded.map((u) => [u.name, ...entryLeaves.map((l) => (entriesOf.get(u.name) ?? entriesOf.get(units[0].name))[period].values[l.code] ?? null)])];
    const targetLeaves = leaves.filter((l) => periodsOf(l).includes(period) && l.sheetTargets);
    if (targetLeaves.length > 0) sheets[sheetName('目标值', period)] = [['单位名称', ...targetLeaves.map((l) => l.code)], ...units.map((u) => [u.name, ...targetLeaves.map((l) => entriesOf.get(u.name)[period].targets[l.code] ?? null)])];
    // The excluded unit's rows (skipped: 不参与评比) in the list sheets too.
    const listed = excludedName ? [...units, { name: excludedName, as: units[0].name }] : units;
    const deductions = listed.flatMap((u) => entriesOf.get(u.as ?? u.name)[period].deductions.map((d) => [u.name, d.code, d.points, d.reason]));
    if (deductions.length > 0) sheets[sheetName('扣分明细', period)] = [['单位名称', '指标编码', '扣分', '扣分原因'], ...deductions];
    const raters = listed.flatMap((u) => entriesOf.get(u.as ?? u.name)[period].raters.map((r) => [u.name, r.code, r.rater, r.score]));
    if (raters.length > 0) sheets[sheetName('评议', period)] = [['单位名称', '指标编码', '评分人', '分数'], ...raters];
  }
  // 类型 may be left blank when the item belongs to one side only (项目只属于一方时可不填).
  const names = (side) => (side?.items ?? []).flatMap((i) => [i.name, ...(i.aliases ?? [])]);
  const oneSided = (r) => !names(r.type === '加分' ? scheme.adjustments.deduction : scheme.adjustments.bonus).includes(r.item);
  if (scheme.adjustments && adjustmentRows.length > 0) sheets.加减分 = [['单位名称', '类型', '项目', '分值', '事由', '依据', '来源'], ...adjustmentRows.map((r) => [r.unit, oneSided(r) && R.chance(0.25) ? null : r.type, r.item, r.points, r.reason, r.evidence, r.source])];
  if (vetoRows.length > 0) sheets.一票否决 = [['单位名称', '否决事项', '说明'], ...vetoRows];
  // Period sheets as 得分表（中期）, 得分表(中期) or 得分表-中期 (docs: 也可写作).
  const periodSheet = R.weighted([['（）', 3], ['()', 1], ['-', 1]]);
  // Single-indicator awards and conditions on a part's or leaf's score, drawn from a stream of their
  // own so that the rest of a seed is what it was before they existed.
  const more = withRules(seed, scheme, trees);
  if (more === scheme) return { seed, yaml, sheets, notes, periodSheet };
  const yaml2 = stringify(more, { lineWidth: 0 });
  return { seed, yaml: yaml2, sheets: { ...sheets, 方案: yaml2 }, notes: [...notes, 'awards/conditions added'], periodSheet };
}

/** The scheme, now and then with awards (单项奖) and conditions (指标得分的条件) on its parts and leaves. */
function withRules(seed, scheme, trees) {
  const R = random(seed * 104729 + 3);
  const parts = trees[0].parts;
  // Leaves of parts counted as they are (no weight, no periods), by code: a leaf's score is then plain.
  const plainLeaves = trees.flatMap((t) => t.leaves.filter((l) => !t.parts.find((p) => p.name === l.part)?.rule).map((l) => l.code));
  const on = () => (plainLeaves.length > 0 && R.chance(0.35) ? R.pick(plainLeaves) : R.chance(0.2) && trees.length === 1 ? R.pick(parts).code : R.pick(parts).name);
  const out = { ...scheme };
  if (R.chance(0.3)) out.awards = Array.from({ length: R.int(1, 2) }, (_, i) => ({ name: `单项奖${i + 1}`, on: on(), ...(R.chance(0.5) ? { count: R.int(1, 3) } : {}), ...(R.chance(0.3) ? { scope: 'all' } : {}) }));
  if (R.chance(0.25)) {
    out.conditions = Array.from({ length: R.int(1, 2) }, (_, i) => {
      const line = R.pick([50, 60, 70, 80, 90]);
      const percent = R.chance(0.6);
      const target = on();
      const part = parts.find((p) => p.name === target || p.code === target);
      const c = { name: `条件${i + 1}`, on: target, [R.chance(0.5) ? 'under' : 'atMost']: percent || !part ? line : Math.round((line * Number(part.points ?? 100)) / 100) };
      if (percent) c.percent = true;
      c.effects = R.pick([['ineligible'], ['flag'], ['ineligible', 'flag']]);
      return c;
    });
  }
  return out.awards || out.conditions ? out : scheme;
}

/**
 * The assessment with a 「决定」表 settling every tie the reckoning found (`ties`): for each, as many
 * winners as it has places (只需写入选的单位), and now and then the others named too (也可以逐个写明:
 * the lower band, 无, 不+flag).
 */
export function withDecisions(g, ties) {
  const R = random(g.seed * 31 + 7);
  const rows = [['单位名称', '决定', '依据']];
  // One decision a unit for each kind of thing decided (its band — at a quota's or the bottom's cut —,
  // its honour, each flag): a unit tied at two band cuts gets the decision of the first.
  const said = new Set();
  const kindOf = (t) => (t.kind === 'bottom' ? 'band' : t.kind === 'flag' ? `flag ${t.in}` : t.kind);
  const add = (u, t, outcome, basis) => {
    if (said.has(`${u}\u0000${kindOf(t)}`)) return;
    said.add(`${u}\u0000${kindOf(t)}`);
    rows.push([u, outcome, basis]);
  };
  for (const t of ties) {
    const winners = R.shuffle(t.units).slice(0, t.left);
    for (const u of winners) add(u, t, t.in, `县绩效委〔2024〕${R.int(1, 9)}号会议纪要`);
    if (t.out && R.chance(0.4)) for (const u of t.units.filter((x) => !winners.includes(x))) add(u, t, t.out, '县绩效委〔2024〕1号会议纪要');
  }
  return { ...g, sheets: { ...g.sheets, 决定: [rows[0], ...R.shuffle(rows.slice(1))] }, notes: [...g.notes, `decisions: ${rows.slice(1).map((r) => `${r[0]}→${r[1]}`).join('、')}`] };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const g = generate(Number(process.argv[2] ?? 1));
  console.log(g.yaml);
  for (const [name, rows] of Object.entries(g.sheets)) if (name !== '方案') console.log(`## ${name}\n${rows.map((r) => r.map((c) => c ?? '').join('\t')).join('\n')}`);
  console.log(`## notes\n${g.notes.join('\n')}`);
}
