import type { ResultRecord, UnitRecord } from './record.js';
import type { CellModel, Merge, SheetModel } from './sheet-model.js';
import { widthsFor } from './sheet-model.js';
import { unitWord } from '../scheme/unit-word.js';

/** What changed for one unit between two results, and why. */
export interface UnitChange {
  unit: string;
  category: string;
  status: 'changed' | 'added' | 'removed';
  total?: [string, string];
  rank?: [number, number];
  band?: [string, string];
  honour?: [string, string];
  flags?: [string, string];
  /** The unit's own entries, vetoes or leaves that changed: 「得分表 A1：85 → 90」. */
  causes: string[];
  /** Rank or band moved although nothing of the unit's own changed: others moved past it. */
  byOthers: boolean;
}

export interface RecordDiff {
  units: UnitChange[];
  /** Inputs by name: changed, added or removed (by SHA-256). */
  inputs: { name: string; change: '修改' | '新增' | '删除' }[];
  /** Scheme settings that differ, key by key: 「bands 第 1 项的 atLeast：90 → 85」. */
  scheme: string[];
  counts: { band: number; rank: number; total: number; honour: number; flags: number; added: number; removed: number };
  /** What the assessed are called (the scheme's unitNoun: 项目, 部门), 单位 when not given. */
  noun?: string;
}

const NONE = '（无）';

function pair<T>(a: T, b: T, same: (x: T, y: T) => boolean = (x, y) => x === y): [T, T] | undefined {
  return same(a, b) ? undefined : [a, b];
}

/** Key → value of the unit's entries, leaves and vetoes, for naming what changed. */
function causesOf(old: UnitRecord, now: UnitRecord): string[] {
  const causes: string[] = [];
  const keys = [...new Set([...Object.keys(old.entries), ...Object.keys(now.entries)])].sort();
  for (const key of keys) {
    const a = old.entries[key] ?? NONE;
    const b = now.entries[key] ?? NONE;
    if (a !== b) causes.push(`${key}：${a} → ${b}`);
  }
  const vetoesBefore = old.vetoes.join('；') || NONE;
  const vetoesNow = now.vetoes.join('；') || NONE;
  if (vetoesBefore !== vetoesNow) causes.push(`一票否决：${vetoesBefore} → ${vetoesNow}`);
  if (causes.length === 0) {
    // Entries the same but points not: the scheme or the indicators changed how they count.
    for (const code of [...new Set([...Object.keys(old.leaves), ...Object.keys(now.leaves)])].sort()) {
      if ((old.leaves[code] ?? NONE) !== (now.leaves[code] ?? NONE)) causes.push(`指标 ${code} 得分（计分规则变化）：${old.leaves[code] ?? NONE} → ${now.leaves[code] ?? NONE}`);
    }
  }
  return causes;
}

function unitChange(old: UnitRecord, now: UnitRecord): UnitChange | undefined {
  const change: UnitChange = { unit: now.unit, category: now.category, status: 'changed', causes: [], byOthers: false };
  const fields = {
    total: pair(old.total, now.total),
    rank: pair(old.rank, now.rank),
    band: pair(old.band, now.band),
    honour: pair(old.honour, now.honour),
    flags: pair(old.flags.join('、'), now.flags.join('、')),
  };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) Object.assign(change, { [k]: v });
  change.causes = causesOf(old, now);
  if (old.category !== now.category) change.causes.unshift(`类别：${old.category} → ${now.category}`);
  const moved = Object.values(fields).some((v) => v !== undefined);
  if (!moved && change.causes.length === 0) return undefined;
  change.byOthers = moved && change.causes.length === 0;
  return change;
}

/** Scheme settings flattened to 「path」 → JSON text, to name what changed key by key. */
function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${path} 第 ${i + 1} 项`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, path === '' ? k : `${path}.${k}`, out);
  } else out.set(path, JSON.stringify(value));
}

function schemeChanges(old: unknown, now: unknown): string[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(old, '', a);
  flatten(now, '', b);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.filter((k) => a.get(k) !== b.get(k)).map((k) => `${k}：${a.get(k) ?? NONE} → ${b.get(k) ?? NONE}`);
}

/** Two results compared unit by unit, with the inputs and scheme settings that differ. */
export function diffRecords(old: ResultRecord, now: ResultRecord): RecordDiff {
  const before = new Map(old.units.map((u) => [u.unit, u]));
  const after = new Map(now.units.map((u) => [u.unit, u]));
  const units: UnitChange[] = [];
  for (const u of now.units) {
    const o = before.get(u.unit);
    if (!o) units.push({ unit: u.unit, category: u.category, status: 'added', causes: [], byOthers: false, total: [NONE, u.total], band: [NONE, u.band] });
    else {
      const c = unitChange(o, u);
      if (c) units.push(c);
    }
  }
  for (const u of old.units) {
    if (!after.has(u.unit)) units.push({ unit: u.unit, category: u.category, status: 'removed', causes: [], byOthers: false, total: [u.total, NONE], band: [u.band, NONE] });
  }
  const oldInputs = new Map(old.inputs.map((i) => [i.name, i.sha256]));
  const newInputs = new Map(now.inputs.map((i) => [i.name, i.sha256]));
  const inputs: RecordDiff['inputs'] = [];
  for (const [name, sha] of newInputs) {
    if (!oldInputs.has(name)) inputs.push({ name, change: '新增' });
    else if (oldInputs.get(name) !== sha) inputs.push({ name, change: '修改' });
  }
  for (const name of oldInputs.keys()) if (!newInputs.has(name)) inputs.push({ name, change: '删除' });
  const count = (k: keyof UnitChange) => units.filter((u) => u.status === 'changed' && u[k] !== undefined).length;
  return {
    units,
    inputs,
    noun: unitWord({ unitNoun: (now.scheme.settings as { unitNoun?: string } | null)?.unitNoun ?? '' }),
    scheme: schemeChanges(old.scheme.settings, now.scheme.settings),
    counts: {
      band: count('band'), rank: count('rank'), total: count('total'), honour: count('honour'), flags: count('flags'),
      added: units.filter((u) => u.status === 'added').length, removed: units.filter((u) => u.status === 'removed').length,
    },
  };
}

export function hasChanges(d: RecordDiff): boolean {
  return d.units.length > 0 || d.inputs.length > 0 || d.scheme.length > 0;
}

/** 「3 个单位等次变化，7 个单位名次变化，总分变化 9 个」, or that nothing changed. */
export function summaryLine(d: RecordDiff): string {
  const c = d.counts;
  const noun = d.noun ?? '单位';
  const parts = [
    `${c.band} 个${noun}等次变化`, `${c.rank} 个${noun}名次变化`, `总分变化 ${c.total} 个`,
    ...(c.honour > 0 ? [`荣誉变化 ${c.honour} 个`] : []), ...(c.flags > 0 ? [`标记变化 ${c.flags} 个`] : []),
    ...(c.added > 0 ? [`新增${noun} ${c.added} 个`] : []), ...(c.removed > 0 ? [`减少${noun} ${c.removed} 个`] : []),
  ];
  const inputs = d.inputs.length === 0 ? '输入文件未变' : `输入文件变化：${d.inputs.map((i) => `${i.name}（${i.change}）`).join('、')}`;
  const scheme = d.scheme.length === 0 ? '' : `；方案变化 ${d.scheme.length} 处`;
  return `${parts.join('，')}；${inputs}${scheme}。`;
}

/** Old → new of what a unit's row shows, as one phrase: 「总分 91.20 → 89.70，名次 3 → 5，等次 先进 → 合格」. */
export function movedText(u: UnitChange): string {
  const out: string[] = [];
  if (u.status === 'added') return `新增，总分 ${u.total![1]}，${u.band![1]}`;
  if (u.status === 'removed') return `不再出现（原总分 ${u.total![0]}，${u.band![0]}）`;
  if (u.total) out.push(`总分 ${u.total[0]} → ${u.total[1]}`);
  if (u.rank) out.push(`名次 ${u.rank[0]} → ${u.rank[1]}`);
  if (u.band) out.push(`等次 ${u.band[0]} → ${u.band[1]}`);
  if (u.honour) out.push(`荣誉 ${u.honour[0] || NONE} → ${u.honour[1] || NONE}`);
  if (u.flags) out.push(`标记 ${u.flags[0] || NONE} → ${u.flags[1] || NONE}`);
  return out.join('，') || '得分明细变化，总分不变';
}

export function causeText(u: UnitChange, noun = '单位'): string {
  if (u.status !== 'changed') return '';
  return u.byOthers ? `本${noun}数据未变，因其他${noun}得分变化` : u.causes.join('；');
}

/** The 变更 sheet: what changed since the earlier result, unit by unit, with the causes; `name` is the assessment's, for the page header. */
export function changesSheet(d: RecordDiff, against: string, name?: string): SheetModel {
  const noun = d.noun ?? '单位';
  const head = ['类别', `${noun}名称`, '变化', '原因'].map((v): CellModel => ({ v, s: 'header' }));
  const rows: (CellModel | null)[][] = [head];
  const cell = (v: string, s: CellModel['s'] = 'body'): CellModel => ({ v, s });
  for (const u of d.units) rows.push([cell(u.category), cell(u.unit), cell(movedText(u), 'wrap'), cell(causeText(u, noun), 'wrap')]);
  if (d.units.length === 0) rows.push([cell('—'), cell('—'), cell(`各${noun}结果均未变化`), cell('')]);
  const merges: Merge[] = [];
  // Notes span the table, so they wrap across its width rather than down the first column.
  const note = (v: string): void => {
    rows.push([cell(v, 'note'), null, null, null]);
    merges.push({ top: rows.length, left: 1, bottom: rows.length, right: 4 });
  };
  rows.push([]);
  note(`与「${against}」比较：${summaryLine(d)}`);
  for (const s of d.scheme) note(`方案：${s}`);
  const widths = widthsFor(rows, 8, 60).map((w, i) => Math.min(w, [12, 24, 40, 50][i]!));
  return { name: '变更', rows, merges, widths, headerRows: 1, keyColumns: 2, ...(name ? { title: `${name} 结果变更` } : {}) };
}

/** Placeholders of templates/更正通报.txt. */
export function correctionValues(d: RecordDiff, now: ResultRecord, notice: { title?: string; issuer?: string; date?: string; name: string }): Map<string, string> {
  const changed = d.units;
  const lines = changed.map((u) => `${u.unit}：${movedText(u)}${u.causes.length > 0 ? `（${u.causes.length > 3 ? `${u.causes.slice(0, 3).join('；')}等` : u.causes.join('；')}）` : ''}`);
  return new Map([
    ['名称', notice.name],
    ['标题', `关于${notice.title ?? `${notice.name}情况通报`}的更正通报`],
    ['更正情况', lines.length > 0 ? `${lines.join('；\n    ')}。` : `各${d.noun ?? '单位'}的总分、名次和等次均无变化。`],
    ['变更摘要', summaryLine(d)],
    ['单位数', String(now.units.length)],
    ['发文单位', notice.issuer ?? ''],
    ['日期', notice.date ?? ''],
  ]);
}
