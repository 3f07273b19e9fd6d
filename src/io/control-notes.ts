import { visibleControls } from '../core/text.js';
import { warning, type Diagnostic } from '../core/diagnostic.js';

/**
 * What reading a sheet noted besides its values: cells whose text held control characters (shown
 * visibly now), the first few by address and text, the rest counted, so that a sheet of a million
 * such cells costs no more than a few.
 */
export interface ControlNotes {
  cells: { cell: string; text: string }[];
  count: number;
}

export const NOTED_CONTROL_CELLS = 20;

export function newControlNotes(): ControlNotes {
  return { cells: [], count: 0 };
}

/**
 * The text with its control characters made visible (an ESC in a unit name would colour the
 * terminal and the 通报), noted by cell when it had any. `cell` is called only then: a cell's
 * reference is spelt out for a problem, not for each of millions of cells.
 */
export function shownText(text: string, cell: () => string, notes: ControlNotes): string {
  const shown = visibleControls(text);
  if (shown === text) return text;
  notes.count++;
  if (notes.cells.length < NOTED_CONTROL_CELLS) notes.cells.push({ cell: cell(), text: shown });
  return shown;
}

/** Control characters found in a sheet's cells, as warnings naming the cells (the first few) and a count. */
export function controlWarnings(file: string, sheet: string, notes: ControlNotes): Diagnostic[] {
  const out = notes.cells.map(({ cell, text }) => warning('W_CONTROL_CHARS', { file, sheet, cell },
    `单元格中的文字含控制字符（如终端颜色代码），已显示为可见符号：「${text}」。`, '这些字符通常来自复制粘贴或其他系统导出；请删去后重新保存。'));
  const rest = notes.count - notes.cells.length;
  if (rest > 0) {
    out.push(warning('W_CONTROL_CHARS', { file, sheet }, `另有 ${rest} 个单元格的文字也含控制字符，均已显示为可见符号。`, '请查找并删去这些字符后重新保存。'));
  }
  return out;
}
