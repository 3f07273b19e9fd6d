import { CODES } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { IndicatorTree } from '../engine/model.js';

/** More problems than this of one kind for one indicator are told as one line with a count. */
export const GROUP_AT = 5;

/** The unit and indicator a cell problem is about, as the entry readers word it. */
const ABOUT = /^单位「([^」]+)」指标「([^」]+)」：(.*?)。?$/;

interface Member {
  d: Diagnostic;
  unit: string;
  indicator: string;
  what: string;
}

function unitsText(units: readonly string[]): string {
  return units.length <= 3 ? units.join('、') : `${units.slice(0, 3).join('、')} 等 ${units.length} 个单位`;
}

/** One department's share of a kind of problem: each indicator with its cells and units. */
function grouped(department: string, members: readonly Member[]): Diagnostic {
  const first = members[0]!;
  const same = members.every((m) => m.what === first.what);
  const what = same ? first.what : CODES[first.d.code].meaning;
  const byIndicator = new Map<string, Member[]>();
  for (const m of members) byIndicator.set(m.indicator, [...(byIndicator.get(m.indicator) ?? []), m]);
  const parts = [...byIndicator].map(([code, ms]) => {
    const [a, b] = [ms[0]!.d.where.cell, ms.at(-1)!.d.where.cell];
    const cells = a && b ? (ms.length > 1 ? `${a} 至 ${b}，` : `${a}，`) : '';
    return `指标「${code}」${ms.length} 处（${cells}${unitsText(ms.map((m) => m.unit))}）`;
  });
  const { file, sheet } = first.d.where;
  return {
    code: first.d.code,
    severity: first.d.severity,
    where: { ...(file !== undefined ? { file } : {}), ...(sheet !== undefined ? { sheet } : {}) },
    message: `${department || '未写牵头部门的指标'}：${what}，共 ${members.length} 处——${parts.slice(0, 8).join('；')}${parts.length > 8 ? ` 等 ${parts.length} 个指标` : ''}。`,
    hint: `${first.d.hint ? `${first.d.hint} ` : ''}加 --all 逐条列出每个单元格。`,
  };
}

/**
 * `score check` on a terminal: problems repeated for one indicator (202 empty cells) told per
 * department, with counts per indicator and the cells they span, as merge tells what is unfilled;
 * every other problem as it is. Each group stands where its first problem stood.
 */
export function groupFindings(diagnostics: readonly Diagnostic[], tree: IndicatorTree | undefined): Diagnostic[] {
  const department = new Map((tree?.leaves ?? []).map((l) => [l.code, l.department]));
  const about = diagnostics.map((d): Member | undefined => {
    const m = ABOUT.exec(d.message);
    return m ? { d, unit: m[1]!, indicator: m[2]!, what: m[3]! } : undefined;
  });
  const kindOf = (m: Member): string => [m.d.code, m.d.where.file, m.d.where.sheet, m.indicator].join('\u0000');
  const perKind = new Map<string, number>();
  for (const m of about) if (m) perKind.set(kindOf(m), (perKind.get(kindOf(m)) ?? 0) + 1);
  const groups = new Map<string, Member[]>();
  const out: (Diagnostic | Member[])[] = [];
  diagnostics.forEach((d, i) => {
    const m = about[i];
    if (!m || perKind.get(kindOf(m))! <= GROUP_AT) return void out.push(d);
    const key = [d.code, d.where.file, d.where.sheet, department.get(m.indicator) ?? ''].join('\u0000');
    const group = groups.get(key);
    if (group) return void group.push(m);
    const fresh = [m];
    groups.set(key, fresh);
    out.push(fresh);
  });
  return out.map((x) => (Array.isArray(x) ? grouped(department.get(x[0]!.indicator) ?? '', x) : x));
}
