import type { Rational } from '../core/rational.js';
import type { CodeTable } from '../core/code-map.js';
import type { Where } from '../core/diagnostic.js';
import type { MethodName } from './methods/index.js';

/** The name of a leaf's scoring method: each is one module of engine/methods (methodOf gives it). */
export type Method = MethodName;

/** A grade's points: fixed, or a range the assessor chooses within (奇台 专项: 良好 8–9). */
export interface GradePoints {
  label: string;
  min: Rational;
  max: Rational;
}

/** Method parameters from the 参数 column, typed. */
export interface LeafParams {
  /** ratio, inverse: the target (目标值) when the targets sheet gives none. */
  target?: Rational;
  /** ratio: points may go above the leaf's points up to this (超额加分封顶). */
  cap?: Rational;
  /** grade: label → points. */
  grades?: GradePoints[];
  /** rate: tiers, highest first: a rate at or above `from` earns `points`. */
  tiers?: { from: Rational; points: Rational }[];
  /** rank: points lost per place below first, and the least a ranked unit gets. */
  step?: Rational;
  floor?: Rational;
  /** rank, position: the points of the last of N places, linear from full marks at the first (末位=…). */
  last?: Rational;
  /** rank, position: 前 20% 得 10 分…: the first band whose share (in %) the place p/N is within, bounds ascending. */
  percentiles?: { upTo: Rational; points: Rational }[];
  /** rank: how many places there are (共=…, 同行业共几个单位) when points go by position out of N. */
  of?: Rational;
  /** raters: drop the highest and the lowest score before the mean (去掉最高最低分). */
  trim?: boolean;
  /** deduct: deductions are taken from this (百分制 100) and the rest rescaled to the leaf's points (004 管理). */
  base?: Rational;
  /** raters: rater groups and the percentage each group's mean counts (000 述绩; 江苏 满意度 领导30 服务对象30 公众40). */
  groups?: { name: string; weight: Rational }[];
  /** position: the lowest value is placed first (越小越好: 发案率, 投诉量). */
  lowerFirst?: boolean;
  /** 缺项折算: a blank entry is a missing item, and the unit's other leaves of the part are rescaled to its points. */
  missing?: boolean;
}

export interface Indicator {
  /** Code as used in the score sheet header, e.g. A1. Parents may have none. */
  code: string;
  /** Names from 一级 down to this node. */
  path: string[];
  level: number;
  points: Rational;
  method: Method;
  params: LeafParams;
  department: string;
  /** Categories it applies to; undefined means every category. */
  categories?: string[];
  children: Indicator[];
  source: Where;
  /**
   * A leaf scored per period below the part level (scheme `nodes`): the periods and their shares
   * (adding to 1), from the nearest node that has a rule. Its points are the weighted mean.
   */
  periods?: PeriodShare[];
}

export interface PeriodShare {
  name: string;
  weight: Rational;
}

export interface IndicatorTree {
  roots: Indicator[];
  /** Names of the parts (一级指标) in order; a name may have a root per category group. */
  parts: string[];
  leaves: Indicator[];
  byCode: Map<string, Indicator>;
}

export function appliesTo(indicator: Indicator, category: string): boolean {
  return indicator.categories === undefined || indicator.categories.includes(category);
}

export function nameOf(indicator: Indicator): string {
  return indicator.path[indicator.path.length - 1] ?? indicator.code;
}

export interface Unit {
  name: string;
  category: string;
  /** 简称 used in the notice text (001: 中行, 信用社), defaults to name. */
  shortName: string;
  aliases: string[];
  /** Position in the roster, the stable order of ties. */
  order: number;
  source: Where;
}

export interface Deduction {
  points: Rational;
  reason: string;
  /** 依据 (a document, a check report), where the sheet gives one: cited in 扣分明细 and the 反馈单. */
  evidence?: string;
  source: Where;
}

/** What one unit brings to scoring: the raw entries of its leaves. */
export interface UnitEntries {
  unit: Unit;
  /**
   * Keyed by leaf code. direct, pass, grade: the points; ratio, inverse: the actual value (完成值);
   * rate: the rate in percent; rank: the place (位次).
   */
  values: CodeTable<Rational>;
  /** ratio and inverse leaves: the unit's target (its own, or the indicator's default). */
  targets: CodeTable<Rational>;
  /** raters leaves: every rater's score. */
  raters: CodeTable<Rational[]>;
  /** Leaves scored against the unit's peers: the entries of every unit of its category (its own included). */
  peers?: Map<string, Rational[]>;
  /** raters leaves with groups: each score's group, in the order of `raters`. */
  raterGroups?: Map<string, string[]>;
  deductions: CodeTable<Deduction[]>;
  /** Leaves left blank as missing items (缺项) where the indicator or the scheme allows it. */
  missing?: Set<string>;
  /** Entries of each period (期次), for parts scored per period. */
  periods?: Map<string, UnitEntries>;
  /** 加分 and 减分 items from the 加减分 sheet. */
  adjustments?: AdjustmentEntry[];
  /** 自评分 by leaf code (004: 先自评、牵头部门审核): shown beside the audited points, never counted. */
  selfAssessed?: Map<string, Rational>;
}

export interface AdjustmentEntry {
  side: 'bonus' | 'deduction';
  /** The scheme's item kind. */
  item: string;
  points: Rational;
  reason: string;
  evidence: string;
  source: string;
  where: Where;
}

/** How a part counts in the total: a share of its score, or shares of its scores in each period. */
export interface PartRule {
  /** Fraction of the part's score that counts (1 for a plain points sum). */
  weight: Rational;
  periods?: { name: string; weight: Rational }[];
}

/** The root of a part that applies to a category (each category has at most one per name). */
export function rootFor(tree: IndicatorTree, part: string, category: string): Indicator | undefined {
  return tree.roots.find((r) => nameOf(r) === part && appliesTo(r, category));
}

/**
 * A person's decision of a tie the scheme cannot break (issue 10): which outcome a tied unit gets,
 * and on what basis (a meeting's 纪要). `kind` says which cut it decides: 'band', 'honour', or
 * 'flag:<name>'; `outcome` is the band or honour name, the flag's name (flagged) or '' (not).
 */
export interface Decision {
  kind: string;
  outcome: string;
  basis: string;
  source: Where;
}

/** A decision as the clerk wrote it: the outcome, or 「不报组织部」 / 「不授予荣誉」 where it is none. */
export function decisionText(d: Pick<Decision, 'kind' | 'outcome'>): string {
  if (d.outcome !== '') return d.outcome;
  return d.kind.startsWith('flag:') ? `不${d.kind.slice('flag:'.length)}` : '不授予荣誉';
}

/** A 一票否决 item a unit falls under: 取消评先资格 (ineligible) or 定为最低等次 (fail). */
export interface VetoEntry {
  item: string;
  effect: 'ineligible' | 'fail';
  note: string;
  source: Where;
}
