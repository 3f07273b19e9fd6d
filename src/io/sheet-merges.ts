import { parseRange } from './cell-text.js';
import { cellRef, type CellValue, type RawRow } from '../core/raw-sheet.js';

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** The first row (by index into sorted `rows`) numbered at least `top`. */
function firstAtLeast(rows: readonly RawRow[], top: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.number < top) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A merged range shows its master (top-left) cell's value only; a writer that repeats the value
 * in the other cells must not make a title count twice. Only rows that exist are visited, so a
 * merge down to row 1,048,576 costs nothing for rows that are not there.
 */
export function clearMerged(rows: RawRow[], merges: readonly string[], percent: Set<string>): RawRow[] {
  if (merges.length === 0) return rows;
  const sorted = rows.every((r, i) => i === 0 || rows[i - 1]!.number <= r.number) ? rows : [...rows].sort((a, b) => a.number - b.number);
  let changed = false;
  for (const ref of merges) {
    const range = parseRange(ref);
    if (!range) continue;
    for (let i = firstAtLeast(sorted, range.top); i < sorted.length && sorted[i]!.number <= range.bottom; i++) {
      const row = sorted[i]!;
      const end = Math.min(range.right, row.values.length - 1);
      for (let c = row.number === range.top ? range.left + 1 : range.left; c <= end; c++) {
        if (row.values[c] === null) continue;
        row.values[c] = null;
        percent.delete(cellRef(row.number, c));
        changed = true;
      }
    }
  }
  return changed ? trimRows(rows) : rows;
}

/** Rows without trailing blanks, and without rows left empty. */
function trimRows(rows: RawRow[]): RawRow[] {
  for (const row of rows) {
    let last = row.values.length - 1;
    while (last >= 0 && isBlank(row.values[last])) last--;
    row.values.length = last + 1;
  }
  return rows.filter((r) => r.values.length > 0);
}
