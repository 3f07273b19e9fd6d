import type { Diagnostic } from '../core/diagnostic.js';
import { loadScheme, type SchemeSource } from '../scheme/load-scheme.js';
import type { Scheme } from '../scheme/schema.js';
import { missingSheet, pickSheet } from './find-sheets.js';
import { sheetSchemeSource } from './scheme-sheet.js';
import type { Inputs } from './assemble.js';

/** The scheme, read as a step of its own before anything is given meaning: from --scheme, else the 方案 sheet. */
export interface SchemeStep {
  source?: SchemeSource;
  scheme?: Scheme;
  diagnostics: Diagnostic[];
}

export function readScheme(inputs: Pick<Inputs, 'sheets' | 'scheme' | 'files'>): SchemeStep {
  const schemeSheet = inputs.scheme ? undefined : pickSheet(inputs.sheets, 'scheme');
  const source = inputs.scheme ?? (schemeSheet ? sheetSchemeSource(schemeSheet) : undefined);
  if (!source) return { diagnostics: [missingSheet('scheme', inputs, '或用 --scheme 指定方案文件（YAML）。')] };
  const loaded = loadScheme(source);
  return { source, ...(loaded.scheme ? { scheme: loaded.scheme } : {}), diagnostics: [...loaded.diagnostics] };
}
