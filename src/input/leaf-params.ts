import { Rational } from '../core/rational.js';
import { error, type Diagnostic, type Where } from '../core/diagnostic.js';
import { didYouMean } from '../core/suggest.js';
import { lookup } from '../core/text.js';
import { methodOf, type Method } from '../engine/methods/index.js';
import type { ParamKey } from '../engine/methods/method.js';
import type { GradePoints, Indicator, LeafParams } from '../engine/model.js';
import { normalizeLabel, normalizeName, readNumber } from './cells.js';

const KEYS: Record<string, keyof LeafParams> = {
  目标值: 'target', 目标: 'target', target: 'target',
  上限: 'cap', 封顶: 'cap', cap: 'cap',
  等级: 'grades', 档次分值: 'grades', grades: 'grades',
  档次: 'tiers', 分档: 'tiers', tiers: 'tiers',
  步长: 'step', 每降一位: 'step', step: 'step',
  最低: 'floor', 保底: 'floor', floor: 'floor',
  去掉最高最低分: 'trim', 去掉最高最低: 'trim', trim: 'trim',
  扣分基数: 'base', 百分制扣分: 'base', base: 'base',
  分组: 'groups', 评分组: 'groups', groups: 'groups',
  缺项: 'missing', 缺项折算: 'missing', missing: 'missing',
  末位: 'last', 末位得分: 'last', last: 'last',
  百分位: 'percentiles', 按百分位: 'percentiles', percentiles: 'percentiles',
  共: 'of', 共几名: 'of', 总数: 'of', of: 'of',
  越小越好: 'lowerFirst', 从低到高: 'lowerFirst', lowerFirst: 'lowerFirst',
};

const WORDS: Record<keyof LeafParams, string> = { target: '目标值', cap: '上限', grades: '等级', tiers: '档次', step: '步长', floor: '最低', trim: '去掉最高最低分', groups: '分组', missing: '缺项', base: '扣分基数', last: '末位', percentiles: '百分位', of: '共', lowerFirst: '越小越好' };

/**
 * The 参数 cell: `key=value` items separated by ；. Values: 目标值=100, 上限=12,
 * 等级=优秀:10、良好:8-9、一般:5-6、差:0, 档次=95:10、90:8、0:0, 步长=0.5, 最低=5, 去掉最高最低分=是.
 */
export function readParams(textValue: string, indicator: Indicator, where: Where, diagnostics: Diagnostic[]): LeafParams {
  const params: LeafParams = {};
  const method = methodOf(indicator);
  const bad = (message: string, hint?: string): void => {
    diagnostics.push(error('E_INDICATOR_PARAM', where, `指标「${indicator.code}」的参数有误：${message}`, hint ?? '参数写作「目标值=100」，多个参数用「；」分隔。'));
  };
  for (const item of textValue.split(/[；;\n\r]+/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[=＝:：]\s*(.+)$/.exec(item);
    const key = m ? lookup(KEYS, normalizeLabel(m[1]!).toLowerCase()) : undefined;
    if (!m || key === undefined) {
      bad(`「${item}」无法识别。`, didYouMean(normalizeLabel(m?.[1] ?? item), Object.keys(KEYS)));
      continue;
    }
    const takes = acceptedParams(method);
    if (!takes.includes(key)) {
      bad(`评分方法 ${indicator.method} 不使用「${WORDS[key]}」。`, `${indicator.method} 可用的参数：${takes.map((k) => WORDS[k]).join('、') || '无'}`);
      continue;
    }
    const value = m[2]!.trim();
    const problem = setParam(params, key, value, indicator);
    if (problem) bad(problem);
  }
  for (const need of method.params.needs.filter((k) => params[k] === undefined)) {
    bad(`评分方法 ${indicator.method} 需要参数「${WORDS[need]}」。`, method.params.example);
  }
  const ways = method.params.oneOf ?? [];
  if (ways.length > 0 && ways.filter((k) => params[k] !== undefined).length !== 1) {
    bad(`评分方法 ${indicator.method} 的参数「${ways.map((k) => WORDS[k]).join('」「')}」须写其中一个，也只能写一个。`, method.params.example);
  }
  for (const [a, b] of (method.params.pairs ?? []).filter(([x, y]) => params[x] !== undefined && params[y] === undefined)) {
    bad(`写了「${WORDS[a]}」，还需要参数「${WORDS[b]}」。`, method.params.example);
  }
  return params;
}

/** A method's own parameters, and 缺项 for every method whose entries are per unit (not 扣分明细: no rows is full marks). */
function acceptedParams(method: Method): ParamKey[] {
  return [...method.params.takes, ...(method.sheet === 'deductions' ? [] : ['missing' as const])];
}

function positive(text: string): Rational | undefined {
  const n = readNumber(text);
  return n.ok && n.value.gt(0) ? n.value : undefined;
}

function signed(text: string): Rational | undefined {
  const n = readNumber(text.replace(/[%％]$/, ''));
  return n.ok ? n.value : undefined;
}

function nonNegative(text: string): Rational | undefined {
  const n = readNumber(text.replace(/[%％]$/, ''));
  return n.ok && !n.value.isNegative() ? n.value : undefined;
}

function setParam(params: LeafParams, key: keyof LeafParams, value: string, indicator: Indicator): string | undefined {
  switch (key) {
    case 'target':
    case 'base':
    case 'step': {
      const n = positive(value);
      if (n === undefined) return `「${WORDS[key]}」应为大于 0 的数，现为「${value}」。`;
      params[key] = n;
      return undefined;
    }
    case 'cap': {
      const n = positive(value);
      if (n === undefined || n.lt(indicator.points)) return `「上限」应为不小于分值 ${indicator.points.toString()} 的数，现为「${value}」。`;
      params.cap = n;
      return undefined;
    }
    case 'of': {
      const n = positive(value);
      if (n === undefined || !n.isInteger()) return `「共」应为正整数（共几个单位），现为「${value}」。`;
      params.of = n;
      return undefined;
    }
    case 'last':
    case 'floor': {
      const n = nonNegative(value);
      if (n === undefined || n.gt(indicator.points)) return `「${WORDS[key]}」应在 0 到分值 ${indicator.points.toString()} 之间，现为「${value}」。`;
      params[key] = n;
      return undefined;
    }
    case 'missing':
      params.missing = /^(折算|是|对|true|yes|1)$/i.test(value);
      return /^(折算|是|否|不折算|true|false|yes|no|1|0)$/i.test(value) ? undefined : `「缺项」应为「折算」或「否」，现为「${value}」。`;
    case 'lowerFirst':
      params.lowerFirst = /^(是|对|true|yes|1)$/i.test(value);
      return /^(是|否|对|不|true|false|yes|no|1|0)$/i.test(value) ? undefined : `「越小越好」应为「是」或「否」，现为「${value}」。`;
    case 'trim':
      params.trim = /^(是|对|true|yes|1)$/i.test(value);
      return /^(是|否|对|不|true|false|yes|no|1|0)$/i.test(value) ? undefined : `「去掉最高最低分」应为「是」或「否」，现为「${value}」。`;
    case 'grades':
      return readGrades(value, indicator, params);
    case 'groups':
      return readGroups(value, params);
    case 'tiers':
      return readTiers(value, indicator, params);
    case 'percentiles':
      return readPercentiles(value, indicator, params);
  }
}

function pairs(value: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  for (const part of value.split(/[、，,]+/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[:：]\s*(.+)$/.exec(part);
    if (!m) return undefined;
    out.push([m[1]!.trim(), m[2]!.trim()]);
  }
  return out.length > 0 ? out : undefined;
}

/** 优秀:10、良好:8-9 — a grade's points, fixed or a range, within [0, points]. */
function readGrades(value: string, indicator: Indicator, params: LeafParams): string | undefined {
  const list = pairs(value);
  if (!list) return `「等级」应写作「优秀:10、良好:8-9、一般:5」，现为「${value}」。`;
  const grades: GradePoints[] = [];
  for (const [label, points] of list) {
    const range = /^(.+?)\s*[-—～~至到]\s*(.+)$/.exec(points);
    const min = nonNegative(range ? range[1]! : points);
    const max = nonNegative(range ? range[2]! : points);
    if (min === undefined || max === undefined || min.gt(max) || max.gt(indicator.points)) {
      return `等级「${label}」的分值「${points}」应为 0 到 ${indicator.points.toString()} 之间的数或范围（如 8-9）。`;
    }
    grades.push({ label: normalizeLabel(label), min, max });
  }
  params.grades = grades;
  return undefined;
}

/** 领导:30、服务对象:30、公众:40 — rater groups and the percentage of each group's mean, adding to 100. */
function readGroups(value: string, params: LeafParams): string | undefined {
  const list = pairs(value);
  const groups = list?.map(([name, w]) => ({ name: normalizeName(name), weight: positive(w.replace(/[%％]$/, '')) }));
  if (!groups || groups.some((g) => g.weight === undefined)) return `「分组」应写作「领导:30、服务对象:30、公众:40」（评分组:百分比），现为「${value}」。`;
  const total = groups.reduce((t, g) => t.plus(g.weight!), Rational.of(0));
  if (!total.eq(100)) return `「分组」各组百分比合计为 ${total.toString()}，应为 100。`;
  if (new Set(groups.map((g) => g.name)).size !== groups.length) return '「分组」中有重复的评分组。';
  params.groups = groups as { name: string; weight: Rational }[];
  return undefined;
}

/** 95:10、90:8、0:0 — a rate (in %) at or above the first number earns the second. */
function readTiers(value: string, indicator: Indicator, params: LeafParams): string | undefined {
  const list = pairs(value);
  if (!list) return `「档次」应写作「95:10、90:8、0:0」（满意率:得分），现为「${value}」。`;
  // A growth rate's tier may start below 0 (增长率 −5% 以上).
  const tiers = list.map(([from, points]) => ({ from: signed(from), points: nonNegative(points) }));
  if (tiers.some((t) => t.from === undefined || t.points === undefined || t.points.gt(indicator.points))) {
    return `「档次」中的得分应在 0 到分值 ${indicator.points.toString()} 之间。`;
  }
  const sorted = (tiers as { from: Rational; points: Rational }[]).sort((a, b) => b.from.comparedTo(a.from));
  params.tiers = sorted;
  return undefined;
}

/** 20:10、50:8、100:5 — 前 20% 得 10 分，前 50% 得 8 分，其余 5 分: shares in (0, 100], ascending, the last 100. */
function readPercentiles(value: string, indicator: Indicator, params: LeafParams): string | undefined {
  const list = pairs(value);
  const bands = list?.map(([upTo, points]) => ({ upTo: positive(upTo.replace(/^前/, '').replace(/[%％]$/, '')), points: nonNegative(points) }));
  const shape = `「百分位」应写作「20:10、50:8、100:5」（前百分之几:得分，从小到大，最后一档为 100），现为「${value}」。`;
  if (!bands || bands.some((b) => b.upTo === undefined || b.points === undefined || b.upTo.gt(100))) return shape;
  const sorted = bands as { upTo: Rational; points: Rational }[];
  if (sorted.some((b, i) => i > 0 && !b.upTo.gt(sorted[i - 1]!.upTo)) || !sorted.at(-1)!.upTo.eq(100)) return shape;
  if (sorted.some((b) => b.points.gt(indicator.points))) return `「百分位」中的得分应在 0 到分值 ${indicator.points.toString()} 之间。`;
  params.percentiles = sorted;
  return undefined;
}
