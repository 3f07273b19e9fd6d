import type { Assessment } from '../engine/assess.js';
import { nameOf, type UnitEntries } from '../engine/model.js';
import { selfReview, type SelfLine } from '../engine/self-review.js';
import { scoreCell } from './result-sheets.js';
import { unitWord } from '../scheme/unit-word.js';
import { widthsFor, type CellModel, type SheetModel } from './sheet-model.js';

export const SELF_SHEET = '自评对照';

/**
 * 自评对照 (004 先自评、牵头部门审核): the leaves where a unit's 自评分 differs from the audited points,
 * in the ranking's order of units, with 差额 = 自评 − 审核; the audited points are what counted.
 * Undefined when nobody self-assessed and the scheme asks for no self-assessment.
 */
export function selfAssessmentSheet(a: Assessment, entries: readonly UnitEntries[]): SheetModel | undefined {
  // Nobody self-assessed (a unit's 自评 is its own, never a period's): no sheet, and no lookup of every unit.
  if (!a.scheme.selfAssessment && entries.every((e) => !e.selfAssessed || e.selfAssessed.size === 0)) return undefined;
  const byUnit = new Map(entries.map((e) => [e.unit, e]));
  const reviewed = a.results.map((r) => ({ r, lines: byUnit.has(r.unit) ? selfReview(a.scheme, a.tree, byUnit.get(r.unit)!) : [] }));
  const all = reviewed.reduce((n, x) => n + x.lines.length, 0);
  if (all === 0 && !a.scheme.selfAssessment) return undefined;
  const d = a.scheme.rounding.decimals;
  const text = (v: string): CellModel => ({ v, s: 'body' });
  const head = ['类别', `${unitWord(a.scheme)}名称`, '指标编码', '指标名称', '分值', '自评', '审核', '差额'];
  const rows: (CellModel | null)[][] = [head.map((v) => ({ v, s: 'header' }))];
  let differing = 0;
  for (const { r, lines } of reviewed) {
    for (const line of lines.filter(differs)) {
      differing++;
      rows.push([text(r.unit.category), text(r.unit.name), text(line.leaf.code), text(nameOf(line.leaf)), scoreCell(line.leaf.points, d),
        scoreCell(line.self, d), line.audited ? scoreCell(line.audited, d) : text('缺项'), line.difference ? scoreCell(line.difference, d) : text('—')]);
    }
  }
  if (differing === 0) rows.push([text('—'), text('—'), text('—'), text(all === 0 ? '没有自评分。' : '自评与审核一致。'), ...head.slice(4).map(() => text(''))]);
  const units = reviewed.filter((x) => x.lines.length > 0).length;
  rows.push([{ v: `${units} 个${unitWord(a.scheme)}共 ${all} 项自评，与审核不同的 ${differing} 项列于上表（差额 = 自评 − 审核）；计入总分的是审核分。`, s: 'note' }]);
  return { name: SELF_SHEET, rows, merges: [{ top: rows.length, left: 1, bottom: rows.length, right: head.length }], widths: widthsFor(rows.map((row) => row.map((c) => asPrinted(c, d))), 6, 40),
    headerRows: 1, title: `${a.scheme.name} 自评对照`, keyColumns: 2, scoreFormat: d === 0 ? '0' : `0.${'0'.repeat(d)}` };
}

/**
 * A score cell as its format prints it (10 → 「10.00」), for measuring only: widthsFor counts the
 * number's own digits, and a column of two-letter headers came out too narrow for 「10.00」.
 */
function asPrinted(c: CellModel | null, d: number): CellModel | null {
  return c?.s === 'score' && typeof c.v === 'number' ? { v: c.v.toFixed(d), s: 'body' } : c;
}

/** A self-assessment unlike the audit: another number, or one for a leaf the unit has as 缺项. */
export function differs(line: SelfLine): boolean {
  return line.difference === undefined || !line.difference.isZero();
}
