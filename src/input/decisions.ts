import { error, type Diagnostic } from '../core/diagnostic.js';
import { didYouMean } from '../core/suggest.js';
import type { RawSheet } from '../core/raw-sheet.js';
import type { Decision, Unit } from '../engine/model.js';
import type { Scheme } from '../scheme/schema.js';
import { normalizeName } from './cells.js';
import { isBlankRow, readTable, reportUnusedColumns, text, whereOf, type ColumnSpec } from './table.js';
import { unitOfRow, type Roster } from './roster.js';
import { UNIT_HEADERS } from './sheet-names.js';

export type Col = 'unit' | 'outcome' | 'basis';

export const COLUMNS: ColumnSpec<Col>[] = [
  { key: 'unit', names: [...UNIT_HEADERS], required: true },
  { key: 'outcome', names: ['决定', '决定结果', '结果'], required: true },
  { key: 'basis', names: ['依据', '决定依据', '纪要'], required: true },
];

const NONE = ['无', '无荣誉', '不授予'];

/** What an outcome written in the sheet decides: a band, an honour (or none), a flag (or not). */
function outcomeOf(written: string, scheme: Scheme): { kind: string; outcome: string } | undefined {
  const bands = new Set([...scheme.bandsOf.values()].flat().map((b) => b.name));
  if (bands.has(written)) return { kind: 'band', outcome: written };
  if (scheme.honours.some((h) => h.name === written)) return { kind: 'honour', outcome: written };
  if (NONE.includes(written) && scheme.honours.length > 0) return { kind: 'honour', outcome: '' };
  const flag = scheme.flags.find((f) => f.name === written || `不${f.name}` === written || `不予${f.name}` === written);
  if (flag) return { kind: `flag:${flag.name}`, outcome: flag.name === written ? flag.name : '' };
  return undefined;
}

/**
 * The 决定 sheet: a person's decision of a tie the scheme cannot break — the unit, the outcome it
 * gets (a band, an honour, a flag or 「不」+flag), and the basis (a meeting's 纪要 number). Applied on
 * every run while the tie exists; one whose tie is gone is refused when scoring.
 */
export function readDecisions(sheet: RawSheet, scheme: Scheme, roster: Roster, diagnostics: Diagnostic[]): Map<Unit, Decision[]> {
  const out = new Map<Unit, Decision[]>();
  const table = readTable(sheet, COLUMNS, diagnostics);
  if (!table) return out;
  reportUnusedColumns(table, COLUMNS, diagnostics);
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const unit = unitOfRow(roster, text(table, row, 'unit'), whereOf(table, row, 'unit'), sheet.name, '该决定', diagnostics);
    if (!unit) continue;
    const written = normalizeName(text(table, row, 'outcome'));
    const decided = outcomeOf(written, scheme);
    if (!decided) {
      const names = [...new Set([...[...scheme.bandsOf.values()].flat().map((b) => b.name), ...scheme.honours.map((h) => h.name), ...scheme.flags.map((f) => f.name)])];
      diagnostics.push(error('E_DECISION', whereOf(table, row, 'outcome'), written === '' ? `单位「${unit.name}」的决定没有填写。` : `决定「${written}」不是方案中的等次、荣誉或标记。`,
        didYouMean(written, names) ?? `可填写：${names.join('、')}；不授予荣誉填「无」，不予标记填「不」加标记名称。`));
      continue;
    }
    const basis = text(table, row, 'basis');
    if (basis === '') {
      diagnostics.push(error('E_DECISION', whereOf(table, row, 'basis'), `单位「${unit.name}」的决定「${written}」没有填写依据。`, '请写明决定的依据，例如会议纪要的文号。'));
      continue;
    }
    const key = `${unit.name}\u0000${decided.kind}`;
    if (seen.has(key)) {
      diagnostics.push(error('E_DECISION', whereOf(table, row, 'outcome'), `单位「${unit.name}」的同一事项有两条决定（另见第 ${seen.get(key)} 行）。`, '请只保留一条。'));
      continue;
    }
    seen.set(key, row.number);
    out.set(unit, [...(out.get(unit) ?? []), { ...decided, basis, source: whereOf(table, row, 'outcome') }]);
  }
  return out;
}
