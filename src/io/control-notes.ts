import { warning, type Diagnostic } from '../core/diagnostic.js';
import type { ControlNotes } from './sheet-xml.js';

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
