import { visibleControls } from './text.js';

/**
 * What Excel opens: sheet names and cell texts within its limits. The workbook writer passes
 * every name and text through here, so no user text (a period 上半年/中期, a 1 MB unit name)
 * makes a file Excel refuses.
 */

/** Excel refuses a sheet name longer than this (it counts UTF-16 units). */
export const SHEET_NAME_MAX = 31;

/** Characters Excel refuses in a sheet name, each as its full-width twin, which reads the same. */
const FORBIDDEN: Record<string, string> = { ':': '：', '\\': '＼', '/': '／', '?': '？', '*': '＊', '[': '［', ']': '］' };

/** `text` cut to at most `max` UTF-16 units, a surrogate pair never split, "…" where it was cut. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * A text as a name Excel accepts for a sheet: forbidden characters (: \ / ? * [ ]) as their
 * full-width twins, control characters dropped, no apostrophe at either end, at most `max`
 * units, not "History". Deterministic, so that the reader finds the sheet the writer named.
 */
export function excelSheetName(text: string, max = SHEET_NAME_MAX): string {
  const plain = text.replace(/[:\\/?*[\]]/g, (ch) => FORBIDDEN[ch]!).replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(/^'+|'+$/g, '’');
  // Excel keeps "History" for itself (shared workbooks' change history).
  const named = plain === '' ? '表' : /^history$/i.test(plain) ? `${plain}（表）` : plain;
  return cut(named, max);
}

/** Excel's limit on the characters of one cell. */
export const CELL_TEXT_MAX = 32767;

/**
 * A text as a cell Excel opens: control characters visible (see visibleControls), and a text
 * over the limit cut with a note that says so and how long it was.
 */
export function excelCellText(text: string): string {
  const shown = visibleControls(text);
  if (shown.length <= CELL_TEXT_MAX) return shown;
  const note = `……（以下从略：原文共 ${[...shown].length} 字，超过 Excel 单元格的上限 ${CELL_TEXT_MAX} 字）`;
  return cut(shown, CELL_TEXT_MAX - note.length + 1).slice(0, -1) + note;
}

/**
 * Sheet names made acceptable (excelSheetName) and distinct as Excel compares them (ignoring
 * case): a later sheet whose name is taken gets a number. The first keeps its name.
 */
export function distinctSheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let out = excelSheetName(name);
    for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${excelSheetName(name, SHEET_NAME_MAX - String(n).length - 2)}（${n}）`;
    taken.add(out.toLowerCase());
    return out;
  });
}
