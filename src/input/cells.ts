import { brief } from '../core/diagnostic.js';
import { Rational } from '../core/rational.js';
import { normalizeName } from '../core/text.js';
import { isErrorValue, isFormulaWithoutResult, isInvalidValue, type CellValue, type InvalidValue } from '../core/raw-sheet.js';
import { Memo } from '../core/memo.js';

/** The text of a cell as a clerk sees it, for labels and names. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return excelNumber(v).toString();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isErrorValue(v)) return v.error;
  if (isInvalidValue(v)) return v.invalid;
  return `=${v.formula}`;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export { normalizeName };

/** A label (header, method, category): NFKC, trimmed, inner spaces removed. */
export const normalizeLabel = normalizeName;

export type NumberResult =
  | { ok: true; value: Rational; normalised?: string }
  | { ok: false; reason: 'blank' | 'text' | 'error' | 'formula' | 'date' | 'boolean'; text: string }
  | { ok: false; reason: 'invalid'; text: string; as: InvalidValue['as'] };

const NUMERIC = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A number from a cell. Numbers are taken to 15 significant digits, as Excel shows them, so a
 * cached 0.30000000000000004 is 0.3. Text that is plainly a number ("85", "８５．５", "85分") is
 * accepted and reported as normalised; anything else is refused with the reason.
 */
export function readNumber(v: CellValue | undefined): NumberResult {
  if (isBlank(v)) return { ok: false, reason: 'blank', text: '' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, reason: 'text', text: String(v) };
    return { ok: true, value: excelNumber(v) };
  }
  if (typeof v === 'string') {
    const folded = v.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/分$/, '');
    if (NUMERIC.test(folded)) return { ok: true, value: Rational.of(folded), normalised: v };
    return { ok: false, reason: 'text', text: v };
  }
  if (typeof v === 'boolean') return { ok: false, reason: 'boolean', text: cellText(v) };
  if (v instanceof Date) return { ok: false, reason: 'date', text: cellText(v) };
  if (v !== undefined && isErrorValue(v)) return { ok: false, reason: 'error', text: v.error };
  if (v !== undefined && isFormulaWithoutResult(v)) return { ok: false, reason: 'formula', text: `=${v.formula}` };
  if (v !== undefined && isInvalidValue(v)) return { ok: false, reason: 'invalid', text: v.invalid, as: v.as };
  return { ok: false, reason: 'text', text: cellText(v) };
}

/**
 * A number as Excel shows it: at most 15 significant digits, so a cached 0.30000000000000004 is
 * 0.3. Most cells are short already and need one Rational, not two (a province has millions).
 */
export function excelNumber(v: number): Rational {
  return SEEN.of(v);
}

/**
 * Numbers already read, each kept as one Rational (they are immutable): a province's 4 million
 * scores are a few thousand distinct values (0 to the points, one or two decimals), and one
 * object per value instead of per cell is hundreds of megabytes less.
 */
const SEEN = new Memo((v: number): Rational => {
  const text = String(v);
  const digits = text.replace(/e.*$/i, '').replace(/[-.]/g, '').replace(/^0+/, '');
  return Rational.parse(digits.length <= 15 ? text : v.toPrecision(15));
});

/** A cell stored against its type's rule (see io/cell-value.ts), in words. */
const INVALID_WORDS: Record<InvalidValue['as'], (text: string) => string> = {
  number: (t) => `单元格中保存的数值「${t}」不是有效的数字`,
  boolean: (t) => `单元格中保存的逻辑值「${t}」无效`,
  shared: (t) => `单元格引用的文字（第 ${t} 条共享字符串）在文件中不存在`,
  date: (t) => `单元格中保存的日期「${t}」无效`,
  type: (t) => `单元格的类型无法识别（内容「${t}」）`,
};

/** Why a cell is not a number, in words a clerk understands. */
export function numberProblem(result: Extract<NumberResult, { ok: false }>): { message: string; hint: string } {
  switch (result.reason) {
    case 'blank':
      return { message: '单元格为空', hint: '请填写分数；确实不得分请填 0。' };
    case 'error':
      return { message: `单元格是错误值 ${result.text}`, hint: '请修正该单元格的公式或直接填写数值。' };
    case 'formula':
      return { message: `单元格是公式（${result.text}），但文件中没有保存计算结果`, hint: '请在 Excel 或 WPS 中打开该文件并保存一次，再重新运行。' };
    case 'date':
      return { message: `单元格是日期（${result.text}），不是分数`, hint: '请把单元格格式改为「常规」或「数值」后重新填写分数。' };
    case 'invalid':
      return { message: INVALID_WORDS[result.as](brief(result.text)), hint: '该文件不是 Excel 或 WPS 保存的，或已被改动：请在 Excel 或 WPS 中重新填写该单元格并保存。' };
    case 'boolean':
      return { message: `单元格是逻辑值 ${result.text}，不是数字`, hint: '请填写数值。' };
    default:
      return { message: `单元格内容「${result.text}」不是数字`, hint: '请只填写数值，例如 85 或 85.5。' };
  }
}
