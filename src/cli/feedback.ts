import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { error, type Diagnostic } from '../core/diagnostic.js';
import type { Assessment } from '../engine/assess.js';
import type { UnitEntries } from '../engine/model.js';
import type { PendingFile } from '../io/atomic-write.js';
import { workbookFile } from '../io/write-workbook.js';
import { explainUnit } from '../report/explain-model.js';
import { feedbackFileNames, feedbackSheet } from '../report/feedback.js';
import { clashWithInput } from './load.js';

/**
 * `score <workbook…> --feedback DIR`: one 反馈单 per ranked unit (excluded units get none), to be
 * written as one set with writeAllAtomically. Everything that can refuse — an output that is an
 * input, a folder that cannot be made — is checked here, before the 通报 itself is written.
 */
export async function planFeedback(dir: string, a: Assessment, entries: readonly UnitEntries[], inputs: readonly (string | undefined)[]): Promise<PendingFile[] | Diagnostic> {
  const byUnit = new Map(entries.map((e) => [e.unit, e]));
  const names = feedbackFileNames(a.results.map((r) => r.unit.name));
  const targets = names.map((n) => path.join(dir, n));
  const clash = clashWithInput(targets, inputs, '请用 --feedback 指定其他文件夹。');
  if (clash) return clash;
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    return error('E_OUT_NOT_FOLDER', { file: dir }, `无法使用反馈单文件夹「${dir}」（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）：它是一个文件，或不能在那里新建文件夹。`,
      '请用 --feedback 指定一个文件夹。');
  }
  return a.results.map((r, i) => {
    const unitEntries = byUnit.get(r.unit);
    if (!unitEntries) throw new Error(`单位没有计分数据：${r.unit.name}`);
    return workbookFile(targets[i]!, [feedbackSheet(explainUnit(a, unitEntries, r))]);
  });
}
