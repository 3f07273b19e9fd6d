import path from 'node:path';
import { assess, type Assessment } from '../engine/assess.js';
import type { IndicatorTree } from '../engine/model.js';
import type { PreviousResult } from '../engine/rules.js';
import { error } from '../core/diagnostic.js';
import { ScoreError } from '../core/errors.js';
import { assemble, type Assembled, type Inputs } from '../input/assemble.js';
import { readBasics, type Basics } from '../input/basics.js';
import { roleOf } from '../input/find-sheets.js';
import { readScheme } from '../input/read-scheme.js';
import { normalizeName } from '../input/cells.js';
import type { Scheme } from '../scheme/schema.js';
import type { ReadLimits } from '../io/zip-reader.js';
import { readText, readWorkbooks } from '../io/read-inputs.js';
import { fileSource } from '../scheme/load-scheme.js';
import { placeholderWarnings } from '../scheme/starter-scheme.js';

export interface LoadOptions {
  scheme?: string;
  indicators?: string;
  limits?: ReadLimits;
  /** --encoding for CSV inputs. */
  encoding?: string;
}

/** Reads every input file. Unreadable files throw (exit 3). */
export async function readInputs(files: readonly string[], options: LoadOptions): Promise<Inputs> {
  const sheets = await readWorkbooks(files, options.limits, options.encoding);
  const scheme = options.scheme ? fileSource(options.scheme, await readText(options.scheme, '方案文件')) : undefined;
  const indicatorSheets = options.indicators ? await readWorkbooks([options.indicators], options.limits, options.encoding) : undefined;
  return { sheets, ...(scheme ? { scheme } : {}), ...(indicatorSheets ? { indicatorSheets } : {}) };
}

/** The whole calculation on what was read: the one place that hands vetoes, decisions and tie-breaks to the engine. */
export function assessAssembled(assembled: Assembled & { scheme: Scheme; tree: IndicatorTree }, previous: readonly PreviousResult[] = []): Assessment {
  return assess(assembled.scheme, assembled.tree, assembled.entries, { vetoes: assembled.vetoes, decisions: assembled.decisions, tieBreak: assembled.tieBreak, previous });
}

/**
 * `score 2025.xlsx 2026.xlsx`: two workbooks that each carry a roster are two assessments, not
 * one split in parts; said once, instead of a duplicate-sheet error for every sheet they share.
 */
function oneAssessment(inputs: Inputs): Inputs {
  const withRoster = [...new Set(inputs.sheets.filter((s) => roleOf(normalizeName(s.name)) === 'roster').map((s) => s.file))];
  if (withRoster.length < 2) return inputs;
  const named = withRoster.map((f) => `「${f}」`).join('、');
  throw new ScoreError([error('E_SEVERAL_ASSESSMENTS', {}, `${named} 各有自己的单位名单，是 ${withRoster.length} 个考评。一次只能计算一个考评；多个考评请用 batch。`,
    `例如：score batch ${withRoster.map(quoteArg).join(' ')}。一个考评分在几个文件中时，只能有一个文件含「单位名单」。`)]);
}

/** A path as it would be typed on a command line: quoted when it has a space. */
function quoteArg(file: string): string {
  return /\s/.test(file) ? `"${file}"` : file;
}

/** Reads every input and gives it meaning; data problems are collected. */
export async function loadInputs(files: readonly string[], options: LoadOptions): Promise<Assembled> {
  const inputs = oneAssessment(await readInputs(files, options));
  // Step by step: the scheme, the indicators and roster against it, then the entries.
  const assembled = assemble(inputs, readBasics(inputs, readScheme(inputs)));
  if (assembled.schemeSource) assembled.diagnostics.push(...placeholderWarnings(assembled.schemeSource));
  return assembled;
}

/** Reads the scheme, indicators and roster only (template, merge). */
export async function loadBasics(files: readonly string[], options: LoadOptions): Promise<Basics> {
  const inputs = oneAssessment(await readInputs(files, options));
  const basics = readBasics(inputs, readScheme(inputs));
  if (basics.schemeSource) basics.diagnostics.push(...placeholderWarnings(basics.schemeSource));
  return basics;
}

/** Where outputs go: beside the first input, or in --out. `annual.xlsx` → `annual.通报.xlsx`. */
export function outputBase(firstInput: string, outDir: string | undefined): string {
  const base = path.basename(firstInput).replace(/\.(xlsx|xlsm|csv)$/i, '');
  return path.join(outDir ?? path.dirname(firstInput), `${base}.通报`);
}

/** SCORE_MAX_SHEET_MB: the most a sheet may inflate to (default 512 MB), against zip bombs. */
export function limitsFrom(env: Record<string, string | undefined>): ReadLimits | undefined {
  const mb = Number(env.SCORE_MAX_SHEET_MB);
  return Number.isFinite(mb) && mb > 0 ? { maxPartBytes: mb * 1024 * 1024 } : undefined;
}
