import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import { checkOutputs, prepareFolder } from '../io/output-check.js';
import type { Assessment } from '../engine/assess.js';
import type { UnitEntries } from '../engine/model.js';
import type { PendingFile } from '../io/atomic-write.js';
import { workbookFile } from '../io/write-workbook.js';
import { explainUnit } from '../report/explain-model.js';
import { feedbackFileNames, feedbackSheet } from '../report/feedback.js';

/**
 * `score <workbook…> --feedback DIR`: one 反馈单 per ranked unit (excluded units get none), to be
 * written as one set with writeAllAtomically. Everything that can refuse — an output that is an
 * input, a folder that cannot be made — is checked here, before the 通报 itself is written.
 */
export async function planFeedback(dir: string, a: Assessment, entries: readonly UnitEntries[], inputs: readonly (string | undefined)[]): Promise<PendingFile[] | Diagnostic> {
  const byUnit = new Map(entries.map((e) => [e.unit, e]));
  const names = feedbackFileNames(a.results.map((r) => r.unit.name));
  const targets = names.map((n) => path.join(dir, n));
  try {
    await checkOutputs({ dir, targets, inputs, create: true, hint: '请用 --feedback 指定其他文件夹。' });
    prepareFolder(dir);
  } catch (e) {
    if (e instanceof ScoreError && e.diagnostics[0]) return e.diagnostics[0];
    throw e;
  }
  return a.results.map((r, i) => {
    const unitEntries = byUnit.get(r.unit);
    if (!unitEntries) throw new Error(`单位没有计分数据：${r.unit.name}`);
    return workbookFile(targets[i]!, [feedbackSheet(explainUnit(a, unitEntries, r))]);
  });
}
