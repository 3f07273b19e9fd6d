import { error, type Diagnostic } from '../core/diagnostic.js';
import { didYouMean } from '../core/suggest.js';
import type { RawSheet } from '../core/raw-sheet.js';
import { methodOf } from '../engine/methods/index.js';
import { appliesTo, type Deduction, type IndicatorTree, type Unit } from '../engine/model.js';
import { notApplicable } from './collect-entries.js';
import { normalizeName, numberProblem, readNumber } from './cells.js';
import { isBlankRow, readTable, reportUnusedColumns, text, value, whereOf, type ColumnSpec } from './table.js';
import { unitOfRow, type Roster } from './roster.js';
import { UNIT_HEADERS } from './sheet-names.js';

export type Col = 'unit' | 'code' | 'points' | 'reason' | 'evidence';

export const COLUMNS: ColumnSpec<Col>[] = [
  { key: 'unit', names: [...UNIT_HEADERS], required: true },
  { key: 'code', names: ['指标编码', '编码', '指标'], required: true },
  { key: 'points', names: ['扣分', '扣分值', '分值'], required: true },
  { key: 'reason', names: ['扣分原因', '原因', '事由'], required: true },
  { key: 'evidence', names: ['依据', '证明材料', '佐证'], required: false },
];

export type DeductionData = Map<Unit, Map<string, Deduction[]>>;

/** The 扣分明细 sheet: one row per deduction, each with its reason (001, 004 扣分原因). */
/** `scope`: the leaves this sheet is for (a period's sheet holds the leaves of the parts scored per period). */
export function readDeductions(sheet: RawSheet, tree: IndicatorTree, roster: Roster, diagnostics: Diagnostic[], scope?: ReadonlySet<string>): DeductionData {
  const data: DeductionData = new Map();
  const table = readTable(sheet, COLUMNS, diagnostics);
  if (!table) return data;
  reportUnusedColumns(table, COLUMNS, diagnostics);
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const written = text(table, row, 'unit');
    const code = normalizeName(text(table, row, 'code'));
    const pointsCell = value(table, row, 'points');
    const unit = unitOfRow(roster, written, whereOf(table, row, 'unit'), sheet.name, '该扣分', diagnostics);
    if (!unit) continue;
    const leaf = tree.byCode.get(code);
    if (!leaf || leaf.children.length > 0 || methodOf(leaf).sheet !== 'deductions') {
      const why = !leaf ? '不在指标体系中' : leaf.children.length > 0 ? '不是末级指标' : '不是扣分制（deduct）指标';
      const deductCodes = tree.leaves.filter((l) => methodOf(l).sheet === 'deductions').map((l) => l.code);
      diagnostics.push(error('E_DEDUCTION_CODE', whereOf(table, row, 'code'), `指标编码「${code}」${why}，无法计入扣分。`,
        didYouMean(code, deductCodes) ?? `扣分制指标：${deductCodes.join('、') || '无'}`));
      continue;
    }
    if (scope && !scope.has(code)) {
      diagnostics.push(error('E_DEDUCTION_ELSEWHERE', whereOf(table, row, 'code'), `指标「${code}」不在「${sheet.name}」对应的期次计分，这条扣分无法计入。`,
        '分期计分的指标，扣分填在对应期次的「扣分明细（期次）」中；不分期的填在「扣分明细」中。'));
      continue;
    }
    const n = readNumber(pointsCell);
    if (!n.ok) {
      const p = numberProblem(n);
      diagnostics.push(error('E_NOT_A_NUMBER', whereOf(table, row, 'points'), `扣分有误：${p.message}。`, p.hint));
      continue;
    }
    if (!appliesTo(leaf, unit.category)) {
      diagnostics.push(notApplicable(leaf, unit, whereOf(table, row, 'code'), `（扣 ${n.value.toString()} 分）未计入`));
      continue;
    }
    if (n.value.lte(0)) {
      diagnostics.push(error('E_DEDUCTION_SIGN', whereOf(table, row, 'points'), `扣分应填正数（扣几分就填几），现为 ${n.value.toString()}。`));
      continue;
    }
    const reason = text(table, row, 'reason');
    if (reason === '') {
      diagnostics.push(error('E_DEDUCTION_REASON', whereOf(table, row, 'reason'), `单位「${unit.name}」指标「${code}」扣 ${n.value.toString()} 分，没有填写扣分原因。`, '每一项扣分都要写明原因。'));
      continue;
    }
    const byCode = data.get(unit) ?? new Map<string, Deduction[]>();
    data.set(unit, byCode);
    const list = byCode.get(code) ?? [];
    byCode.set(code, list);
    const evidence = text(table, row, 'evidence');
    list.push({ points: n.value, reason, ...(evidence === '' ? {} : { evidence }), source: whereOf(table, row, 'points') });
  }
  return data;
}
