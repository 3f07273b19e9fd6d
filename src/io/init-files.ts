import { access, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { error } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import type { SheetModel } from '../report/sheet-model.js';
import { textFile, writeAllAtomically, type PendingFile } from './atomic-write.js';
import { packageRoot } from './read-inputs.js';
import { readXlsx } from './read-workbook.js';
import type { RawSheet } from './raw-sheet.js';
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
export async function writeStarter(dir: string, preset: string, plan: (sample: RawSheet[]) => { indicators: SheetModel[]; scores: SheetModel[] }): Promise<string[]> {
  const available = await presets();
  if (!available.includes(preset)) {
    throw new ScoreError([error('E_UNKNOWN_PRESET', {}, `没有名为「${preset}」的样例方案。`, `可用的样例：${available.join('、')}`)]);
  }
  const from = path.join(packageRoot(), 'samples', preset);
  const books = plan(await readXlsx(path.join(from, 'annual.xlsx')));
  const extras = (await readdir(from)).filter((f) => f.endsWith('.txt') && !f.includes('.通报.'));
  const files: PendingFile[] = [
    textFile(path.join(dir, '方案.yaml'), await readFile(path.join(from, 'scheme.yaml'), 'utf8')),
    workbookFile(path.join(dir, '指标体系.xlsx'), books.indicators),
    workbookFile(path.join(dir, '得分表.xlsx'), books.scores),
    ...(await Promise.all(extras.map(async (f) => textFile(path.join(dir, f), await readFile(path.join(from, f), 'utf8'))))),
  ];
  const existing = (await Promise.all(files.map((f) => access(f.target).then(() => f.target, () => undefined)))).filter((f): f is string => f !== undefined);
  if (existing.length > 0) {
    throw new ScoreError(existing.map((f) => error('E_WOULD_OVERWRITE', { file: f }, `「${f}」已存在，score init 不会覆盖它。`, '请换一个空文件夹，或先移走这些文件。')));
  }
  await mkdir(dir, { recursive: true });
  await writeAllAtomically(files);
  return files.map((f) => f.target);
}
