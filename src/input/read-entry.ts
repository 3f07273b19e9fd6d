import type { Rational } from '../core/rational.js';
import { error, info, warning, type Diagnostic } from '../core/diagnostic.js';
import { ZERO } from '../core/rational.js';
import type { Indicator } from '../engine/model.js';
import type { CodeOf } from '../core/codes.js';
import { cellText, normalizeLabel, numberProblem, readNumber } from './cells.js';
import type { Cell } from './wide-sheet.js';
import { isInvalidValue } from '../io/raw-sheet.js';

const PASS = new Set(['达标', '是', '合格', '通过', '√', '✓', '✔', '☑', 'Y', 'YES', '已达标']);
const FAIL = new Set(['未达标', '否', '不合格', '未通过', '×', '✗', '✘', 'X', 'N', 'NO', '不达标']);

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
  // A cell stored against its type's rule is refused below, never read as a label.
  if ((leaf.method === 'pass' || leaf.method === 'grade') && !isInvalidValue(cell.value)) {
    const label = normalizeLabel(cellText(cell.value)).toUpperCase();
    if (leaf.method === 'pass') {
      if (PASS.has(label)) return leaf.points;
      if (FAIL.has(label)) return ZERO;
    } else {
      const grade = leaf.params.grades?.find((g) => g.label.toUpperCase() === label);
      if (grade) {
        if (grade.min.eq(grade.max)) return grade.min;
        return fail('E_GRADE_RANGE', `等级「${grade.label}」的分值是 ${grade.min.toString()}—${grade.max.toString()}，需要填写具体分数。`, `请填写 ${grade.min.toString()} 到 ${grade.max.toString()} 之间的分数。`);
      }
    }
  }
  // A rate written with its % sign ("92%") is the documented way to write it, not a number stored as text.
  const percentText = leaf.method === 'rate' && typeof cell.value === 'string' && PERCENT_SIGN.test(cell.value);
  const n = readNumber(percentText ? (cell.value as string).replace(PERCENT_SIGN, '') : cell.value);
  if (!n.ok) {
    if (n.reason === 'text' && (leaf.method === 'pass' || leaf.method === 'grade')) {
      const allowed = leaf.method === 'pass' ? '「达标」或「未达标」' : (leaf.params.grades ?? []).map((g) => `「${g.label}」`).join('、');
      return fail('E_BAD_LABEL', `「${n.text}」不是可用的${leaf.method === 'pass' ? '达标结论' : '等级'}。`, `请填写 ${allowed}。`);
    }
    const p = numberProblem(n);
    const code = n.reason === 'blank' ? 'E_EMPTY_CELL' : n.reason === 'formula' ? 'E_FORMULA_NO_RESULT' : n.reason === 'error' ? 'E_ERROR_CELL' : 'E_NOT_A_NUMBER';
    return fail(code, `${p.message}。`, p.hint);
  }
  if (n.normalised !== undefined && !percentText) diagnostics.push(warning('W_NUMBER_AS_TEXT', where, `「${n.normalised}」是文本，按数字 ${n.value.toString()} 计。`));
  const percentFormat = leaf.method === 'rate' && cell.percent === true && typeof cell.value === 'number';
  const v = percentFormat ? n.value.mul(100) : n.value;
  // Excel stores a typed 92% as 0.92 and shows 92%: the clerk meant 92, and is told how it was read.
  if (percentFormat) diagnostics.push(info('I_RATE_PERCENT', where, `单位「${unitName}」指标「${leaf.code}」：单元格为百分比格式，按百分比格式读作 ${v.toString()}。`));
  if (v.isNegative()) return fail('E_NEGATIVE', `为负数 ${v.toString()}。`, '不能为负；扣分请填入「扣分明细」。');
  return checkRange(leaf, v, fail, percentText || percentFormat);
}

const PERCENT_SIGN = /[%％]\s*$/;

/** `explicitPercent`: the cell itself says it is a percentage (a % sign or format), so 0.5 means 0.5%. */
function checkRange(leaf: Indicator, v: Rational, fail: (code: CodeOf<'error'>, message: string, hint?: string) => undefined, explicitPercent: boolean): Rational | undefined {
  const max = leaf.points;
  switch (leaf.method) {
    case 'direct':
      return v.gt(max) ? fail('E_ABOVE_MAX', `得分 ${v.toString()} 超过分值 ${max.toString()}。`, `应在 0 到 ${max.toString()} 之间。`) : v;
    case 'pass':
      // Points entered instead of a label: only full marks or 0 mean anything.
      return v.eq(max) || v.isZero() ? v : fail('E_BAD_LABEL', `达标制指标只能得满分 ${max.toString()} 或 0，现为 ${v.toString()}。`, '请填写「达标」或「未达标」。');
    case 'grade': {
      const grade = leaf.params.grades?.find((g) => v.gte(g.min) && v.lte(g.max));
      return grade ? v : fail('E_GRADE_RANGE', `分数 ${v.toString()} 不在任何等级的分值范围内。`,
        `各等级分值：${(leaf.params.grades ?? []).map((g) => `${g.label} ${g.min.eq(g.max) ? g.min.toString() : `${g.min.toString()}—${g.max.toString()}`}`).join('，')}`);
    }
    case 'rate':
      if (v.gt(100)) return fail('E_RATE_RANGE', `比率 ${v.toString()} 超过 100%。`, '比率按百分数填写，例如 92 或 92%。');
      if (v.gt(0) && v.lt(1) && !explicitPercent) return fail('E_RATE_RANGE', `比率 ${v.toString()} 按百分数理解只有 ${v.toString()}%，不像实际的比率。`, '比率按百分数填写，例如 92 或 92%；若本意是 92%，请填 92，或把单元格设为「百分比」格式（显示为 92%）。');
      return v;
    case 'rank':
      return v.isInteger() && v.gte(1) ? v : fail('E_BAD_PLACE', `位次应为 1、2、3 这样的正整数，现为 ${v.toString()}。`);
    default:
      return v;
  }
}
