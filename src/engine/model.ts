import type { Decimal } from 'decimal.js';
import type { Where } from '../core/diagnostic.js';

/** Scoring methods of a leaf indicator (domain.md, "Scoring methods"). */
export type Method = 'direct' | 'deduct' | 'ratio';

export interface Indicator {
  /** Code as used in the score sheet header, e.g. A1. Parents may have none. */
  code: string;
  /** Names from 一级 down to this node. */
  path: string[];
  level: number;
  points: Decimal;
  method: Method;
  /** ratio: the target (目标值) when the targets sheet gives none for a unit. */
  target?: Decimal;
  department: string;
  /** Categories it applies to; undefined means every category. */
  categories?: string[];
  children: Indicator[];
  source: Where;
}

export interface IndicatorTree {
  roots: Indicator[];
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
  points: Decimal;
  reason: string;
  source: Where;
}

/** What one unit brings to scoring: the raw entries of its leaves. */
export interface UnitEntries {
  unit: Unit;
  /** direct: points; ratio: the actual value (完成值). Keyed by leaf code. */
  values: Map<string, Decimal>;
  /** ratio leaves: the unit's own target, where the targets sheet gives one. */
  targets: Map<string, Decimal>;
  deductions: Map<string, Deduction[]>;
}
