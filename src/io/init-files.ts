import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { error } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import type { SheetModel } from '../report/sheet-model.js';
import { textFile, writeAllAtomically, type PendingFile } from './atomic-write.js';
import type { CommitOptions } from './commit.js';
import { checkOutputs, existing, prepareFolder } from './output-check.js';
import { packageRoot, readText } from './read-inputs.js';
import { readXlsx } from './read-workbook.js';
import type { RawSheet } from '../core/raw-sheet.js';
import { workbookFile } from './write-workbook.js';

export async function presets(): Promise<string[]> {
  const dir = path.join(packageRoot(), 'samples');
  const names = await readdir(dir);
  return names.filter((n) => !n.startsWith('.')).sort();
}

/**
 * `score init`: a preset's scheme (with its Chinese comments), its text files, and the workbooks
 * `plan` makes from its annual.xlsx. Never over an existing file; all written or none.
 */
export async function writeStarter(dir: string, preset: string, plan: (sample: RawSheet[]) => { indicators: SheetModel[]; scores: SheetModel[] }, commit: CommitOptions,
  editScheme: (text: string) => string = (text) => text): Promise<string[]> {
  const available = await presets();
  if (!available.includes(preset)) {
    throw new ScoreError([error('E_UNKNOWN_PRESET', {}, `没有名为「${preset}」的样例方案。`, `可用的样例：${available.join('、')}`)]);
  }
  const from = path.join(packageRoot(), 'samples', preset);
  const extras = (await readdir(from)).filter((f) => f.endsWith('.txt') && !f.includes('.通报.'));
  const sources = ['scheme.yaml', 'annual.xlsx', ...extras].map((f) => path.join(from, f));
  const targets = ['方案.yaml', '指标体系.xlsx', '得分表.xlsx', ...extras].map((f) => path.join(dir, f));
  await checkOutputs({ dir, targets, inputs: sources, create: true, hint: '请换一个文件夹。' });
  const found = await existing(targets);
  if (found.length > 0) {
    throw new ScoreError(found.map((f) => error('E_WOULD_OVERWRITE', { file: f }, `「${f}」已存在，score init 不会覆盖它。`, '请换一个空文件夹，或先移走这些文件。')));
  }
  const books = plan(await readXlsx(sources[1]!));
  const files: PendingFile[] = [
    textFile(targets[0]!, editScheme(await readText(sources[0]!, '样例方案'))),
    workbookFile(targets[1]!, books.indicators),
    workbookFile(targets[2]!, books.scores),
    ...(await Promise.all(extras.map(async (f, i) => textFile(targets[3 + i]!, await readText(sources[2 + i]!, '样例模板'))))),
  ];
  prepareFolder(dir);
  await writeAllAtomically(files, commit);
  return targets;
}
