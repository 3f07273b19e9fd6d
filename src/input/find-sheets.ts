import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import type { RawSheet } from '../core/raw-sheet.js';
import { didYouMean } from '../core/suggest.js';
import { normalizeName } from './cells.js';
import { OUTPUT_SHEETS, PERIOD_ROLES, periodSheetName, periodSuffixes, SHEETS, type SheetRole } from './sheet-names.js';

/** Sheets by role (得分表, 单位名单 …), for the whole year ('') and for each period (期次). */
export type Found = Map<string, Partial<Record<SheetRole, RawSheet>>>;

/** The role of a sheet by its (normalised) name. */
export function roleOf(name: string): SheetRole | undefined {
  return (Object.keys(SHEETS) as SheetRole[]).find((r) => (SHEETS[r] as readonly string[]).includes(name));
}

export function pickSheet(sheets: readonly RawSheet[], role: SheetRole): RawSheet | undefined {
  return sheets.find((s) => roleOf(normalizeName(s.name)) === role);
}

/** A period sheet's name: 得分表（中期）, 得分表(中期), 得分表-中期. */
function splitPeriod(name: string): { base: string; period: string } | undefined {
  const m = /^(.+?)[（(【[\-—_－]\s*(.+?)\s*[）)】\]]?$/.exec(name);
  return m ? { base: m[1]!, period: m[2]! } : undefined;
}

/** Period sheets by the names we write them under (得分表（上半年／中期）), normalised. */
function periodSheetsByName(periods: readonly string[]): Map<string, { role: SheetRole; period: string }> {
  const suffixes = periodSuffixes(periods);
  const out = new Map<string, { role: SheetRole; period: string }>();
  for (const [period, suffix] of suffixes) {
    for (const role of PERIOD_ROLES) out.set(normalizeName(`${SHEETS[role][0]}（${suffix}）`), { role, period });
  }
  return out;
}

export function findSheets(sheets: readonly RawSheet[], periods: readonly string[], diagnostics: Diagnostic[]): Found {
  const found: Found = new Map();
  const written = periodSheetsByName(periods);
  for (const sheet of sheets) {
    const name = normalizeName(sheet.name);
    let role = roleOf(name);
    let period = '';
    const ours = role ? undefined : written.get(name);
    const split = role || ours ? undefined : splitPeriod(name);
    if (ours) ({ role, period } = ours);
    else if (split && roleOf(split.base) && PERIOD_ROLES.includes(roleOf(split.base)!)) {
      if (!periods.includes(split.period)) {
        diagnostics.push(warning('W_UNKNOWN_PERIOD', { file: sheet.file, sheet: sheet.name }, `工作表「${sheet.name}」的期次「${split.period}」不在方案的 periods 中，已跳过。`,
          didYouMean(split.period, periods) ?? (periods.length > 0 ? `方案的期次：${periods.join('、')}` : '方案没有写 periods。')));
        continue;
      }
      role = roleOf(split.base);
      period = split.period;
    }
    if (!role) {
      if (!OUTPUT_SHEETS.includes(name)) {
        const known = Object.values(SHEETS).map((n) => n[0]);
        diagnostics.push(warning('W_UNKNOWN_SHEET', { file: sheet.file, sheet: sheet.name }, `工作表「${sheet.name}」不是计分用的工作表，已跳过。`,
          didYouMean(name, known) ?? `计分读取的工作表：${known.join('、')}`));
      }
      continue;
    }
    const group = found.get(period) ?? {};
    found.set(period, group);
    const previous = group[role];
    if (previous) {
      diagnostics.push(error('E_DUPLICATE_SHEET', { file: sheet.file, sheet: sheet.name }, `有两个「${periodSheetName(role, period, periods)}」工作表：${previous.file} 的「${previous.name}」和 ${sheet.file} 的「${sheet.name}」。`, '请只保留一个。'));
      continue;
    }
    group[role] = sheet;
  }
  return found;
}

export function missingSheet(role: SheetRole, { sheets, files: given }: { sheets: readonly RawSheet[]; files?: readonly string[] }, extra = '', suffix = ''): Diagnostic {
  const name = `${SHEETS[role][0]}${suffix}`;
  const files = [...new Set(given ?? sheets.map((s) => s.file))].join('、');
  const near = didYouMean(name, sheets.map((s) => s.name));
  return error('E_MISSING_SHEET', { file: files }, `缺少工作表「${name}」。`, [near, extra].filter(Boolean).join(' ') || undefined);
}
