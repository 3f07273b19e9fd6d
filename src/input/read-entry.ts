import type { Rational } from '../core/rational.js';
import { error, info, warning, type Diagnostic } from '../core/diagnostic.js';
import { methodOf } from '../engine/methods/index.js';
import type { Indicator } from '../engine/model.js';
import type { CodeOf } from '../core/codes.js';
import { cellText, normalizeLabel, numberProblem, readNumber } from './cells.js';
import type { Cell } from './wide-sheet.js';
import { isInvalidValue } from '../core/raw-sheet.js';

/**
 * The entry of one leaf for one unit, as the engine wants it (see UnitEntries.values): checked
 * against the leaf's method and points. A problem is reported with the cell, and gives undefined.
 */
export function readLeafEntry(leaf: Indicator, cell: Cell, unitName: string, diagnostics: Diagnostic[]): Rational | undefined {
  const where = cell.where;
  const fail = (code: CodeOf<'error'>, message: string, hint?: string): undefined => {
    diagnostics.push(error(code, where, `单位「${unitName}」指标「${leaf.code}」：${message}`, hint));
    return undefined;
  };
  const method = methodOf(leaf);
  if (method.sheet !== 'scores') throw new Error(`指标「${leaf.code}」的得分不在得分表中填写（读取前应已排除）。`);
  const { labels, percent } = method.entry;
  // A cell stored against its type's rule is refused below, never read as a label.
  if (labels && !isInvalidValue(cell.value)) {
    const read = labels.read(leaf, normalizeLabel(cellText(cell.value)).toUpperCase());
    if (read && 'value' in read) return read.value;
    if (read) return fail(read.code, read.message, read.hint);
  }
  // A percentage written with its % sign ("92%") is the documented way to write it, not a number stored as text.
  const percentText = percent === true && typeof cell.value === 'string' && PERCENT_SIGN.test(cell.value);
  const n = readNumber(percentText ? (cell.value as string).replace(PERCENT_SIGN, '') : cell.value);
  if (!n.ok) {
    if (n.reason === 'text' && labels) return fail('E_BAD_LABEL', `「${n.text}」不是可用的${labels.what}。`, `请填写 ${labels.allowed(leaf)}。`);
    const p = numberProblem(n);
    const code = n.reason === 'blank' ? 'E_EMPTY_CELL' : n.reason === 'formula' ? 'E_FORMULA_NO_RESULT' : n.reason === 'error' ? 'E_ERROR_CELL' : 'E_NOT_A_NUMBER';
    return fail(code, `${p.message}。`, p.hint);
  }
  if (n.normalised !== undefined && !percentText) diagnostics.push(warning('W_NUMBER_AS_TEXT', where, `「${n.normalised}」是文本，按数字 ${n.value.toString()} 计。`));
  const percentFormat = percent === true && cell.percent === true && typeof cell.value === 'number';
  const v = percentFormat ? n.value.mul(100) : n.value;
  // Excel stores a typed 92% as 0.92 and shows 92%: the clerk meant 92, and is told how it was read.
  if (percentFormat) diagnostics.push(info('I_RATE_PERCENT', where, `单位「${unitName}」指标「${leaf.code}」：单元格为百分比格式，按百分比格式读作 ${v.toString()}。`));
  if (v.isNegative() && method.entry.negative !== true) return fail('E_NEGATIVE', `为负数 ${v.toString()}。`, '不能为负；扣分请填入「扣分明细」。');
  const problem = method.entry.check(leaf, v, percentText || percentFormat);
  return problem ? fail(problem.code, problem.message, problem.hint) : v;
}

const PERCENT_SIGN = /[%％]\s*$/;
