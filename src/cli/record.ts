import path from 'node:path';
import { error } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import type { Assessment } from '../engine/assess.js';
import type { UnitEntries } from '../engine/model.js';
import type { PreviousResult } from '../engine/rules.js';
import { sha256File, sha256Text } from '../io/history.js';
import { readWorkbooks } from '../io/read-inputs.js';
import { cellText } from '../input/cells.js';
import { buildRecord, parseRecord, RECORD_SHEET, type ResultRecord } from '../report/record.js';
import type { Scheme } from '../scheme/schema.js';
import { packageVersion } from '../io/package-info.js';

/** The scheme's settings as plain JSON (Maps and Sets spelled out), for comparing key by key. */
function settingsOf(scheme: Scheme): unknown {
  return JSON.parse(JSON.stringify(scheme, (_k, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v instanceof Set ? [...v] : v)));
}

/** The record a new result carries: tool, scheme hash, each input by name and SHA-256, every unit. */
export async function makeRecord(a: Assessment, entries: readonly UnitEntries[], files: readonly (string | undefined)[], schemeText: string | undefined): Promise<ResultRecord> {
  const inputs = [];
  for (const f of files) if (f !== undefined) inputs.push({ name: path.basename(f), sha256: await sha256File(f) });
  return buildRecord(a, entries, {
    tool: `score ${packageVersion()}`,
    scheme: { name: a.scheme.name, sha256: sha256Text(schemeText ?? ''), settings: settingsOf(a.scheme) },
    inputs,
  });
}

/** The record inside an earlier 通报 workbook; a workbook without one is a sentence, not a crash. */
export async function readRecord(file: string): Promise<ResultRecord> {
  // Only the record is read: the 通报's other sheets (as large again at a province) are not needed to compare.
  const sheets = await readWorkbooks([file], undefined, undefined, (name) => name === RECORD_SHEET);
  const sheet = sheets.find((s) => s.name === RECORD_SHEET);
  const rows = sheet?.rows.map((r) => r.values.map((v) => cellText(v))) ?? [];
  const parsed = parseRecord(rows);
  if (typeof parsed === 'string') {
    throw new ScoreError([error('E_NO_RECORD', { file }, `「${path.basename(file)}」不能用来比较：${parsed}。`,
      '请选择由 score 生成的「…通报.xlsx」（较早版本生成的通报没有记录，请用当前版本重新计算一次）。')]);
  }
  return parsed;
}

/**
 * Earlier years' results (--previous), each read through its record: the latest first — by the
 * scheme's year where every one has it, else in the order given.
 */
export async function readPrevious(files: readonly string[]): Promise<PreviousResult[]> {
  const read: PreviousResult[] = [];
  for (const file of files) {
    const record = await readRecord(file);
    const year = (record.scheme.settings as { year?: unknown } | undefined)?.year;
    read.push({ label: path.basename(file), ...(typeof year === 'number' ? { year } : {}), units: record.units.map((u) => ({ unit: u.unit, category: u.category, rank: u.rank, band: u.band })) });
  }
  return read.every((p) => p.year !== undefined) ? [...read].sort((a, b) => b.year! - a.year!) : read;
}
