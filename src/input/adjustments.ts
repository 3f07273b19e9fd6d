import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import { Rational } from '../core/rational.js';
import { didYouMean } from '../core/suggest.js';
import { lookup } from '../core/text.js';
import type { CodeOf } from '../core/codes.js';
import type { RawSheet } from '../core/raw-sheet.js';
import type { AdjustmentEntry, Unit } from '../engine/model.js';
import type { Adjustments } from '../scheme/schema.js';
import { normalizeName, numberProblem, readNumber } from './cells.js';
import { isBlankRow, readTable, reportUnusedColumns, text, value, whereOf, type ColumnSpec } from './table.js';
import { unitOfRow, type Roster } from './roster.js';
import { UNIT_HEADERS } from './sheet-names.js';

export type Col = 'unit' | 'side' | 'item' | 'points' | 'reason' | 'evidence' | 'source';

export const COLUMNS: ColumnSpec<Col>[] = [
  { key: 'unit', names: [...UNIT_HEADERS], required: true },
  { key: 'side', names: ['类型', '加减分', '类别'], required: false },
  { key: 'item', names: ['项目', '加减分项目', '事项'], required: true },
  { key: 'points', names: ['分值', '分数', '加减分值'], required: false },
  { key: 'reason', names: ['事由', '原因', '说明'], required: true },
  { key: 'evidence', names: ['依据', '证明材料', '文件', '佐证'], required: false },
  { key: 'source', names: ['来源', '提出单位', '核查单位'], required: false },
];

const SIDES: Record<string, 'bonus' | 'deduction'> = { 加分: 'bonus', 加: 'bonus', 奖励: 'bonus', 减分: 'deduction', 扣分: 'deduction', 减: 'deduction', 扣: 'deduction' };
const SIDE_WORD = { bonus: '加分', deduction: '减分' } as const;

/**
 * The 加减分 sheet: one row per item, with its kind from the scheme, points (or the kind's fixed
 * points), the reason, and the evidence where the scheme asks for it (正定: 以正式文件、证书等为依据).
 */
export function readAdjustments(sheet: RawSheet, scheme: Adjustments | undefined, roster: Roster, diagnostics: Diagnostic[]): Map<Unit, AdjustmentEntry[]> {
  const out = new Map<Unit, AdjustmentEntry[]>();
  const table = readTable(sheet, COLUMNS, diagnostics);
  if (!table) return out;
  if (!scheme || (!scheme.bonus && !scheme.deduction)) {
    if (table.rows.length > 0) diagnostics.push(error('E_NO_ADJUSTMENT_RULES', { file: sheet.file, sheet: sheet.name }, '工作簿有「加减分」表，但方案没有写加减分规则（adjustments），这些加减分无法计入。', '请在方案中写 adjustments，或删除该表。'));
    return out;
  }
  const kinds = new Map<string, { side: 'bonus' | 'deduction'; name: string; points?: string; max?: string }>();
  for (const side of ['bonus', 'deduction'] as const) {
    for (const item of scheme[side]?.items ?? []) for (const n of [item.name, ...item.aliases]) kinds.set(`${side}|${normalizeName(n)}`, { side, ...item });
  }
  reportUnusedColumns(table, COLUMNS, diagnostics);
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const written = text(table, row, 'unit');
    const itemText = normalizeName(text(table, row, 'item'));
    const at = (col: Col) => whereOf(table, row, col);
    const bad = (col: Col, code: CodeOf<'error'>, message: string, hint?: string): void => void diagnostics.push(error(code, at(col), message, hint));
    const unit = unitOfRow(roster, written, at('unit'), sheet.name, '该加减分', diagnostics);
    if (!unit) continue;
    const sideText = normalizeName(text(table, row, 'side'));
    const sides = sideText === '' ? (['bonus', 'deduction'] as const).filter((s) => kinds.has(`${s}|${itemText}`)) : [lookup(SIDES, sideText)].filter((s) => s !== undefined);
    if (sideText !== '' && sides.length === 0) {
      bad('side', 'E_ADJUSTMENT_SIDE', `类型「${sideText}」无法识别。`, '类型填写「加分」或「减分」。');
      continue;
    }
    const side = sides[0];
    const kind = side === undefined ? undefined : kinds.get(`${side}|${itemText}`);
    if (side === undefined || kind === undefined || sides.length > 1) {
      const names = [...kinds.values()].filter((k) => side === undefined || k.side === side).map((k) => k.name);
      bad('item', 'E_ADJUSTMENT_ITEM', sides.length > 1 ? `项目「${itemText}」既是加分项目又是减分项目，请在「类型」列注明。` : `「${itemText}」不是方案中的${side ? SIDE_WORD[side] : '加减分'}项目。`,
        didYouMean(itemText, names) ?? `方案中的项目：${[...new Set(names)].join('、')}`);
      continue;
    }
    const points = readPoints(value(table, row, 'points'), kind, (message, hint) => bad('points', 'E_ADJUSTMENT_POINTS', `单位「${unit.name}」${SIDE_WORD[side]}「${kind.name}」：${message}`, hint));
    if (points === undefined) continue;
    const reason = text(table, row, 'reason');
    const evidence = text(table, row, 'evidence');
    const source = normalizeName(text(table, row, 'source'));
    const rules = scheme[side]!;
    if (reason === '') {
      bad('reason', 'E_ADJUSTMENT_REASON', `单位「${unit.name}」${SIDE_WORD[side]}「${kind.name}」没有填写事由。`, '每一项加减分都要写明事由。');
      continue;
    }
    if (evidence === '' && (rules.requireEvidence ?? side === 'bonus')) {
      bad('evidence', 'E_ADJUSTMENT_EVIDENCE', `单位「${unit.name}」${SIDE_WORD[side]}「${kind.name}」没有填写依据。`, '请写明文件名称、文号或证书（方案要求每项都有依据）。');
      continue;
    }
    if (rules.sources.length > 0 && !rules.sources.some((s) => normalizeName(s.name) === source)) {
      bad('source', 'E_ADJUSTMENT_SOURCE', source === '' ? `单位「${unit.name}」${SIDE_WORD[side]}「${kind.name}」没有填写来源。` : `来源「${source}」不在方案列出的来源中。`,
        didYouMean(source, rules.sources.map((s) => s.name)) ?? `方案中的来源：${rules.sources.map((s) => s.name).join('、')}`);
      continue;
    }
    if (scheme.categories !== undefined && !scheme.categories.includes(unit.category)) {
      // 正定: 古城 units take no 加减分; an item entered for one is said, not silently dropped.
      diagnostics.push(warning('W_ADJUSTMENT_NOT_APPLICABLE', at('unit'), `单位「${unit.name}」的类别「${unit.category}」按方案不加减分，该${SIDE_WORD[side]}「${kind.name}」（${points.toString()} 分）未计入。`,
        `方案中加减分适用的类别：${scheme.categories.join('、')}`));
      continue;
    }
    const list = out.get(unit) ?? [];
    out.set(unit, list);
    list.push({ side, item: kind.name, points, reason, evidence, source: rules.sources.find((s) => normalizeName(s.name) === source)?.name ?? source, where: at('points') });
  }
  return out;
}

/** Points of one item: the kind's fixed points (blank or equal), or a positive number within its max. */
function readPoints(cell: Parameters<typeof readNumber>[0], kind: { points?: string; max?: string }, fail: (message: string, hint?: string) => void): Rational | undefined {
  const n = readNumber(cell);
  if (!n.ok && n.reason === 'blank' && kind.points !== undefined) return Rational.of(kind.points);
  if (!n.ok) {
    const p = numberProblem(n);
    fail(`分值有误：${p.message}。`, kind.points === undefined ? p.hint : `该项目按方案为 ${kind.points} 分，可不填。`);
    return undefined;
  }
  if (n.value.lte(0)) {
    fail(`分值应为正数（减分也填正数），现为 ${n.value.toString()}。`);
    return undefined;
  }
  if (kind.points !== undefined && !n.value.eq(kind.points)) {
    fail(`分值 ${n.value.toString()} 与方案规定的 ${kind.points} 分不符。`, `按方案该项目为 ${kind.points} 分；可不填分值。`);
    return undefined;
  }
  if (kind.max !== undefined && n.value.gt(kind.max)) {
    fail(`分值 ${n.value.toString()} 超过该项目的上限 ${kind.max} 分。`);
    return undefined;
  }
  return n.value;
}
