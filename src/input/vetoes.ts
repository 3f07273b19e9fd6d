import { error, type Diagnostic } from '../core/diagnostic.js';
import { didYouMean } from '../core/suggest.js';
import type { RawSheet } from '../core/raw-sheet.js';
import type { Unit, VetoEntry } from '../engine/model.js';

export type { VetoEntry };
import type { Veto } from '../scheme/schema.js';
import { normalizeName } from './cells.js';
import { isBlankRow, readTable, reportUnusedColumns, text, whereOf, type ColumnSpec } from './table.js';
import { unitOfRow, type Roster } from './roster.js';
import { UNIT_HEADERS } from './sheet-names.js';

export type Col = 'unit' | 'item' | 'note';

export const COLUMNS: ColumnSpec<Col>[] = [
  { key: 'unit', names: [...UNIT_HEADERS], required: true },
  { key: 'item', names: ['否决事项', '事项', '否决项目', '项目'], required: true },
  { key: 'note', names: ['说明', '原因', '情况说明', '依据'], required: true },
];

/** The 一票否决 sheet: each row a unit, the scheme's veto item it falls under, and what happened. */
export function readVetoes(sheet: RawSheet, vetoes: readonly Veto[], roster: Roster, diagnostics: Diagnostic[]): Map<Unit, VetoEntry[]> {
  const out = new Map<Unit, VetoEntry[]>();
  const table = readTable(sheet, COLUMNS, diagnostics);
  if (!table) return out;
  const items = new Map<string, Veto>();
  for (const v of vetoes) for (const n of [v.name, ...v.aliases]) items.set(normalizeName(n), v);
  reportUnusedColumns(table, COLUMNS, diagnostics);
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const written = text(table, row, 'unit');
    const itemText = normalizeName(text(table, row, 'item'));
    const unit = unitOfRow(roster, written, whereOf(table, row, 'unit'), sheet.name, '该否决事项', diagnostics);
    if (!unit) continue;
    const veto = items.get(itemText);
    if (!veto) {
      diagnostics.push(error('E_UNKNOWN_VETO', whereOf(table, row, 'item'), `否决事项「${itemText}」不是方案中的一票否决事项。`,
        didYouMean(itemText, items.keys()) ?? (vetoes.length > 0 ? `方案中的事项：${vetoes.map((v) => v.name).join('、')}` : '请先在方案的 vetoes 中写明否决事项及其后果。')));
      continue;
    }
    const note = text(table, row, 'note');
    if (note === '') {
      diagnostics.push(error('E_VETO_NOTE', whereOf(table, row, 'note'), `单位「${unit.name}」的否决事项「${veto.name}」没有填写说明。`, '请写明事实和依据（文件、通报等）。'));
      continue;
    }
    const list = out.get(unit) ?? [];
    out.set(unit, list);
    list.push({ item: veto.name, effect: veto.effect, note, source: whereOf(table, row, 'item') });
  }
  return out;
}
