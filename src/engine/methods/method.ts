import type { Rational } from '../../core/rational.js';
import type { CodeOf } from '../../core/codes.js';
import type { Validation } from '../../report/sheet-model.js';
import type { Deduction, Indicator, LeafParams, UnitEntries } from '../model.js';

/**
 * A scoring method of a leaf indicator: everything about it in one object, so that adding a
 * method is one module under engine/methods and one line in its index. Input, forms, engine,
 * explain and docs read these properties; none of them tests a method's name.
 */
export type Method<D extends Detail = Detail, N extends string = string> = ScoresMethod<D, N> | ListMethod<D, N>;

/** A method whose entries a clerk types in the 得分表, one cell per unit. */
export interface ScoresMethod<D extends Detail = Detail, N extends string = string> extends MethodBase<D, N> {
  sheet: 'scores';
  entry: EntryRules;
}

/** A method whose entries are rows of a list sheet: 扣分明细 (deductions) or 评议 (raters). */
export interface ListMethod<D extends Detail = Detail, N extends string = string> extends MethodBase<D, N> {
  sheet: 'deductions' | 'raters';
  entry?: never;
}

/** The entry sheet a method's entries come from (a role of input/sheet-names SHEETS). */
export type EntrySheet = Method['sheet'];

export interface MethodBase<D extends Detail, N extends string> {
  /** The key written in the 评分方法 column and stored on the indicator. */
  name: N;
  /** Its Chinese name, as forms and the guide sheet show it. */
  title: string;
  /** Every other word the indicator workbook accepts for it (Chinese too), matched without case. */
  aliases: readonly string[];
  /** Parameters of the 参数 column it takes, and those it cannot do without. */
  params: { takes: readonly ParamKey[]; needs: readonly ParamKey[]; example?: string;
    /** Ways of scoring of which the 参数 must name exactly one (位次: 步长, 末位 or 百分位). */
    oneOf?: readonly ParamKey[];
    /** [a, b]: a parameter a that is written needs b as well (位次: 末位 needs 共). */
    pairs?: readonly (readonly [ParamKey, ParamKey])[] };
  /** Scored against a target (目标值 sheet, or 目标值=… in 参数). */
  targets: boolean;
  /** Scored against the other units of its category (以最高分为满分, 位次 out of N): their entries are in `entries.peers`. */
  peers?: boolean;
  /** How a form asks for the entry. */
  form: FormText;
  /** The leaf's points from the unit's entries, exact. */
  score(leaf: Indicator, entries: UnitEntries): Rational;
  /** What went into the points, for `score explain` and the 反馈单. */
  detail(leaf: Indicator, entries: UnitEntries): D;
  /** The rule applied in the words a clerk checks by hand; numbers through `n` (show()). */
  explain(t: { leaf: Indicator; points: Rational }, d: D, n: (x: Rational) => string): string;
  /** Figures `score explain --json` adds for the leaf. */
  json?(d: D, s: (x: Rational) => string): Record<string, unknown>;
  /** Its row of the methods table in docs/scheme.md. */
  doc: { aliases: string; scoring: string; entry: string; params: string };
}

/** What every method's detail carries; `deductions` where a leaf lists items lost (扣分明细). */
export interface Detail {
  method: string;
  deductions?: readonly Deduction[];
}

/** A cell of the score sheet read against the method. */
export interface EntryRules {
  /** Words typed instead of a number (达标, 优秀): turned into points or refused. */
  labels?: {
    /** `label` normalised and upper-cased; undefined when it is not one of the method's words. */
    read(leaf: Indicator, label: string): { value: Rational } | Problem | undefined;
    /** What a label is called, and the ones allowed, for the message on a word that is none. */
    what: string;
    allowed(leaf: Indicator): string;
  };
  /** The entry is a percentage: 92% as text or an Excel percent cell reads as 92. */
  percent?: boolean;
  /** The entry may be below 0 (a growth rate). */
  negative?: boolean;
  /** A number entered (not negative): a problem, or undefined when it is fine. `explicitPercent`: the cell says it is a percentage. */
  check(leaf: Indicator, v: Rational, explicitPercent: boolean): Problem | undefined;
}

export interface Problem {
  code: CodeOf<'error'>;
  message: string;
  hint?: string;
}

export interface FormText {
  /** What goes in the cell, in a few words (the third line of the header). */
  words(leaf: Indicator): string;
  /** How to fill the cell, as the 说明 sheet and the cell's prompt tell it. */
  help(leaf: Indicator): string;
  /** The check Excel/WPS make as the cell is typed in. */
  validation?(leaf: Indicator, prompt: string): Validation | undefined;
}

/** Parameters of the 参数 column (input/leaf-params reads them). */
export type ParamKey = keyof LeafParams;

/** A number as a form or a doc writes it, exact. */
export const plain = (d: Rational): string => d.toString();
