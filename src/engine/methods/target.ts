import type { Rational } from '../../core/rational.js';
import type { Indicator, UnitEntries } from '../model.js';
import { plain } from './method.js';

/**
 * The target of a leaf scored against one. Reading refuses a missing or zero target with the cell
 * (E_MISSING_TARGET, E_BAD_TARGET): a ratio to nothing is no score at all, never a silent 0.
 */
export function targetOf(leaf: Indicator, entries: UnitEntries): Rational {
  const target = entries.targets.get(leaf.code);
  if (target === undefined || !target.gt(0)) throw new Error(`单位「${entries.unit.name}」指标「${leaf.code}」没有大于 0 的目标值，不能计分（读取时应已报错）。`);
  return target;
}

/** The form's words on the indicator's own target, used where the 目标值 sheet is blank. */
export function defaultTargetHelp(leaf: Indicator): string {
  return leaf.params.target ? `；「目标值」表空着的按 ${plain(leaf.params.target)} 计` : '';
}

/** The actual and target figures `score explain --json` gives. */
export function targetJson(d: { actual?: Rational; target?: Rational }, s: (x: Rational) => string): Record<string, unknown> {
  return { actual: d.actual ? s(d.actual) : null, target: d.target ? s(d.target) : null };
}
