import path from 'node:path';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { ExitCode } from '../core/errors.js';
import { assemble, type Assembled } from '../input/assemble.js';
import type { ReadLimits } from '../io/exceljs.js';
import { readText, readWorkbooks } from '../io/read-inputs.js';
import { fileSource } from '../scheme/load-scheme.js';

export interface LoadOptions {
  scheme?: string;
  indicators?: string;
  limits?: ReadLimits;
  /** --encoding for CSV inputs. */
  encoding?: string;
}

/** Reads every input and gives it meaning. Unreadable files throw (exit 3); data problems are collected. */
export async function loadInputs(files: readonly string[], options: LoadOptions): Promise<Assembled> {
  const sheets = await readWorkbooks(files, options.limits, options.encoding);
  const scheme = options.scheme ? fileSource(options.scheme, await readText(options.scheme, '方案文件')) : undefined;
  const indicatorSheets = options.indicators ? await readWorkbooks([options.indicators], options.limits, options.encoding) : undefined;
  return assemble({ sheets, ...(scheme ? { scheme } : {}), ...(indicatorSheets ? { indicatorSheets } : {}) });
}

/** 2 when the scheme itself is unusable, 1 for any other error in the data, 0 otherwise. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], assembled: Assembled): ExitCode {
  if (!assembled.scheme && diagnostics.some((d) => d.code.startsWith('E_SCHEME'))) return ExitCode.usage;
  return hasErrors(diagnostics) ? ExitCode.dataProblems : ExitCode.ok;
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
