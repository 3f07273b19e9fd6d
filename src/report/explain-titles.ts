import { fixed, show } from '../core/rational.js';
import type { Assessment, UnitResult } from '../engine/assess.js';
import { orList } from '../engine/describe.js';
import { conditionText, rankChangeText } from '../engine/rules.js';

/** Honours, flags and figures, each with the rule that gave it. */
export function titleLines(a: Assessment, r: UnitResult): string[] {
  const out: string[] = [];
  const d = a.scheme.rounding.decimals;
  if (r.honour) {
    const h = a.scheme.honours.find((x) => x.name === r.honour);
    const among = h?.scope === 'all' ? '全部单位' : `类别「${r.unit.category}」`;
    out.push(`荣誉：「${r.honour}」（${among}${h?.from ? `「${h.from}」等次中` : ''}按总分依次授予：${a.scheme.honours.filter((x) => x.scope === h?.scope && x.from === h?.from).map((x) => `${x.name} ${x.count} 个`).join('、')}）`);
  }
  out.push(...honourMargin(a, r));
  if (r.honourPending) out.push(`荣誉：待定（${orList(r.honourPending)}），名额线上并列，或等次、前一项荣誉尚待研究决定`);
  for (const name of r.awards) {
    const w = a.scheme.awards.find((x) => x.name === name);
    out.push(`单项奖：「${name}」（${w?.scope === 'all' ? '全部单位' : `类别「${r.unit.category}」`}中「${w?.on}」得分最高的 ${w?.count} 个，并列的都授予）`);
  }
  for (const hit of r.conditions) out.push(`指标条件：${conditionText(hit, d)}`);
  const history = a.scheme.history?.rules ?? [];
  for (const name of r.flags.filter((n) => history.some((h) => h.name === n))) {
    const h = history.find((x) => x.name === name)!;
    out.push(`标记：「${name}」（今年和此前 ${h.years - 1} 年都是「${h.band}」，据 --previous 给出的往年通报）`);
  }
  if (r.rankChange !== undefined) out.push(`名次变化：${rankChangeText(r.rankChange)}（与上一年通报中的名次相比）`);
  for (const name of r.flags.filter((n) => a.scheme.flags.some((f) => f.name === n))) {
    const f = a.scheme.flags.find((x) => x.name === name);
    const limit = f?.atMost !== undefined ? `且不超过 ${f.atMost} 分` : f?.under !== undefined ? `且低于 ${f.under} 分` : '';
    out.push(`标记：「${name}」（${f?.scope === 'all' ? '全部单位' : '类别内'}后 ${f?.bottom} 名${limit}；总分 ${fixed(r.score.total, d)}）`);
  }
  for (const name of r.flagsPending) out.push(`标记：是否「${name}」待研究决定（后几名的边界上并列）`);
  for (const f of a.scheme.figures) {
    if (r.band !== undefined && Object.hasOwn(f.values, r.band)) out.push(`${f.name}：${String(f.values[r.band])}（随等次「${r.band}」）`);
  }
  return out;
}

/**
 * The distance to the next honour up (杭: 三等奖 → 二等奖), for a unit that may take one: its
 * last holder's total against the unit's, compared as ranks are (rankOn).
 */
function honourMargin(a: Assessment, r: UnitResult): string[] {
  const d = a.scheme.rounding.decimals;
  const key = (x: UnitResult) => (a.scheme.rounding.rankOn === 'exact' ? x.score.exact : x.score.total);
  if (r.vetoes.length > 0 || r.pending || r.honourPending) return [];
  const ladder = a.scheme.honours.filter((h) => h.from === undefined || h.from === r.band);
  const at = r.honour === undefined ? ladder.length : ladder.findIndex((h) => h.name === r.honour);
  const next = ladder[at - 1];
  if (!next) return [];
  const holders = a.results.filter((x) => x.honour === next.name && (next.scope === 'all' || x.unit.category === r.unit.category));
  if (holders.length === 0) return [];
  // Across categories (scope: all) the results are not in one order: the lowest holder is the cut.
  const last = holders.reduce((low, x) => (key(x).lt(key(low)) ? x : low));
  const shown = a.scheme.rounding.rankOn === 'exact' ? show(last.score.exact, d) : fixed(last.score.total, d);
  return [`距「${next.name}」：末位 ${last.unit.name} ${shown} 分，相差 ${show(key(last).minus(key(r)), d)} 分`];
}
