import { access, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { error } from '../core/diagnostic.js';
import { ExitCode, ScoreError } from '../core/errors.js';
import { textFile, writeAllAtomically, type PendingFile } from './atomic-write.js';
import { packageRoot } from './read-inputs.js';

export async function presets(): Promise<string[]> {
  const dir = path.join(packageRoot(), 'samples');
  const names = await readdir(dir);
  return names.filter((n) => !n.startsWith('.')).sort();
}

/** Sheets kept whole in the score workbook: the roster is edited, not refilled. */
const KEPT = ['单位名单'];
const INDICATORS = '指标体系';

/** A sheet reduced to the rows above its data: title rows and the header (the row naming 单位名称). */
function keepHeader(source: ExcelJS.Worksheet, target: ExcelJS.Worksheet): void {
  let header = 0;
  source.eachRow((row, n) => {
    if (header === 0 && n <= 10 && row.values && (row.values as unknown[]).some((v) => String(v ?? '').replace(/\s/g, '') === '单位名称')) header = n;
  });
  for (let n = 1; n <= Math.max(header, 1); n++) target.getRow(n).values = source.getRow(n).values as ExcelJS.CellValue[];
  source.columns?.forEach((c, i) => { if (c.width) target.getColumn(i + 1).width = c.width; });
}

function workbookFile(target: string, build: (wb: ExcelJS.Workbook) => void): PendingFile {
  return { target, write: async (temp) => { const wb = new ExcelJS.Workbook(); wb.created = wb.modified = new Date(Date.UTC(2000, 0, 1)); build(wb); await wb.xlsx.writeFile(temp); } };
}

/**
 * `score init`: a preset's scheme (with its Chinese comments), its indicator workbook, and a score
 * workbook with the roster and every entry sheet empty but for its header. Never over an existing file.
 */
export async function writeStarter(dir: string, preset: string): Promise<string[]> {
  const available = await presets();
  if (!available.includes(preset)) {
    throw new ScoreError([error('E_UNKNOWN_PRESET', {}, `没有名为「${preset}」的样例方案。`, `可用的样例：${available.join('、')}`)], ExitCode.usage);
  }
  const from = path.join(packageRoot(), 'samples', preset);
  const sample = new ExcelJS.Workbook();
  await sample.xlsx.readFile(path.join(from, 'annual.xlsx'));
  const extras = (await readdir(from)).filter((f) => f.endsWith('.txt') && !f.includes('.通报.'));
  const files: PendingFile[] = [
    textFile(path.join(dir, '方案.yaml'), await readFile(path.join(from, 'scheme.yaml'), 'utf8')),
    workbookFile(path.join(dir, '指标体系.xlsx'), (wb) => {
      const src = sample.getWorksheet(INDICATORS)!;
      const ws = wb.addWorksheet(INDICATORS);
      src.eachRow((row, n) => (ws.getRow(n).values = row.values as ExcelJS.CellValue[]));
    }),
    workbookFile(path.join(dir, '得分表.xlsx'), (wb) => {
      for (const src of sample.worksheets.filter((w) => w.name !== '方案' && w.name !== INDICATORS)) {
        const ws = wb.addWorksheet(src.name);
        if (KEPT.includes(src.name)) src.eachRow((row, n) => (ws.getRow(n).values = row.values as ExcelJS.CellValue[]));
        else keepHeader(src, ws);
      }
    }),
    ...(await Promise.all(extras.map(async (f) => textFile(path.join(dir, f), await readFile(path.join(from, f), 'utf8'))))),
  ];
  const existing = (await Promise.all(files.map((f) => access(f.target).then(() => f.target, () => undefined)))).filter((f): f is string => f !== undefined);
  if (existing.length > 0) {
    throw new ScoreError(existing.map((f) => error('E_WOULD_OVERWRITE', { file: f }, `「${f}」已存在，score init 不会覆盖它。`, '请换一个空文件夹，或先移走这些文件。')), ExitCode.usage);
  }
  await mkdir(dir, { recursive: true });
  await writeAllAtomically(files);
  return files.map((f) => f.target);
}
