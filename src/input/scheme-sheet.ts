import type { RawSheet } from '../core/raw-sheet.js';
import type { SchemeSource } from '../scheme/load-scheme.js';
import { cellText } from './cells.js';

/**
 * The 方案 sheet holds the scheme's YAML one line a row in column A (a single cell holding the
 * whole text works too). Messages point back at the row the line came from.
 */
export function sheetSchemeSource(sheet: RawSheet): SchemeSource {
  const lines: string[] = [];
  const rowOfLine: number[] = [];
  let next = 1;
  for (const row of sheet.rows) {
    for (; next < row.number; next++) {
      lines.push('');
      rowOfLine.push(next);
    }
    for (const line of cellText(row.values[0] ?? null).split(/\r?\n/)) {
      lines.push(line);
      rowOfLine.push(row.number);
    }
    next = row.number + 1;
  }
  return {
    text: lines.join('\n'),
    locate: (line) => ({ file: sheet.file, sheet: sheet.name, cell: `A${rowOfLine[line - 1] ?? line}` }),
  };
}
