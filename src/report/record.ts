import type { Rational } from '../core/rational.js';
import type { Assessment, UnitResult } from '../engine/assess.js';
import type { Unit, UnitEntries } from '../engine/model.js';
import type { CellModel, SheetModel } from './sheet-model.js';
import { ROW_HEIGHT } from './print-plan.js';
import { bandText, flagTexts, honourText } from './result-sheets.js';
import { Memo } from '../core/memo.js';

/**
 * Every result carries its own record (issue 10): what produced it (tool, scheme, inputs by
 * hash) and, per unit, the entries read, the points of each leaf and part, and the outcome — so
 * that a 通报 workbook alone can be compared with a later one. Exact values are written as exact
 * text (「85.5」, 「46/3」), never as floats.
 */
export const RECORD_SHEET = '记录';
const MAGIC = 'score-record';
export const RECORD_FORMAT = 1;

export interface InputRecord {
  name: string;
  sha256: string;
}

export interface RecordMeta {
  tool: string;
  scheme: { name: string; sha256: string; settings: unknown };
  inputs: InputRecord[];
}

export interface UnitRecord {
  unit: string;
  category: string;
  rank: number;
  /** The band, or 「待定（甲或乙）」 while a tie waits for a decision. */
  band: string;
  honour: string;
  flags: string[];
  total: string;
  exact: string;
  parts: { name: string; points: string | null }[];
  bonus?: string;
  deduction?: string;
  vetoes: string[];
  leaves: Record<string, string>;
  /** What was read for the unit, by where it is entered: 「得分表 A1」 → 「85」, 「扣分明细 D1」 → 「1（迟报）」. */
  entries: Record<string, string>;
}

export interface ResultRecord extends RecordMeta {
  format: number;
  decimals: number;
  units: UnitRecord[];
  excluded: string[];
}

/** The exact texts of numbers read (one object per distinct value: see Memo), made once each. */
const NUMBER_TEXTS = new Memo((v: Rational) => v.toString());

/** 「得分表 A1」 and the like, made once for each sheet and code: a province's record names them millions of times. */
const KEYS = new Map<string, Map<string, string>>();
function keyOf(sheet: string, code: string): string {
  let byCode = KEYS.get(sheet);
  if (!byCode) KEYS.set(sheet, (byCode = new Map()));
  let key = byCode.get(code);
  if (key === undefined) byCode.set(code, (key = `${sheet} ${code}`));
  return key;
}

/** The unit's entries flattened to 「sheet code」 → text, so two records compare key by key. */
export function entryTexts(entries: UnitEntries | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  eachEntryText(entries, (key, text) => (out[key] = text));
  return out;
}

/** The unit's entries as entryTexts has them, key by key in its order (each key once). */
function eachEntryText(entries: UnitEntries | undefined, put: (key: string, text: string) => void): void {
  if (!entries) return;
  const add = (e: UnitEntries, suffix: string): void => {
    for (const [code, v] of e.values) put(keyOf(`得分表${suffix}`, code), NUMBER_TEXTS.of(v));
    for (const [code, v] of e.targets) put(keyOf(`目标值${suffix}`, code), NUMBER_TEXTS.of(v));
    for (const [code, list] of e.raters) put(keyOf(`评议${suffix}`, code), list.map((x) => x.toString()).join('、'));
    for (const [code, list] of e.deductions) put(keyOf(`扣分明细${suffix}`, code), list.map((d) => `${d.points.toString()}（${d.reason}）`).join('；'));
  };
  add(entries, '');
  for (const [period, e] of entries.periods ?? []) add(e, `（${period}）`);
  // 自评 counts for nothing, but a corrected self-assessment is a change the re-score names.
  for (const [code, v] of entries.selfAssessed ?? []) put(`自评 ${code}`, NUMBER_TEXTS.of(v));
  const bySide = new Map<string, string[]>();
  for (const a of entries.adjustments ?? []) {
    const key = `加减分 ${a.side === 'bonus' ? '加分' : '减分'}「${a.item}」`;
    bySide.set(key, [...(bySide.get(key) ?? []), `${a.points.toString()}（${a.reason}）`]);
  }
  for (const [key, list] of bySide) put(key, list.join('；'));
}

/** Each leaf's points as exact text, by code. */
function leafTexts(leaves: Iterable<[string, Rational]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, v] of leaves) out[code] = NUMBER_TEXTS.of(v);
  return out;
}

/** What a unit's record says before its leaves and entries, in the record's order of keys. */
function recordHead(r: UnitResult, a: Assessment): Omit<UnitRecord, 'leaves' | 'entries' | 'bonus' | 'deduction'> {
  const d = a.scheme.rounding.decimals;
  return {
    unit: r.unit.name,
    category: r.unit.category,
    rank: r.rank,
    band: bandText(r),
    honour: honourText(r),
    flags: flagTexts(r, a.scheme),
    total: r.score.total.toFixed(d),
    exact: NUMBER_TEXTS.of(r.score.exact),
    parts: a.tree.parts.map((name, i) => ({ name, points: r.score.parts[i] ? NUMBER_TEXTS.of(r.score.parts[i]!) : null })),
    vetoes: r.vetoes.map((v) => `${v.item}（${v.note}）`),
  };
}

export function unitRecord(r: UnitResult, a: Assessment, entries: UnitEntries | undefined): UnitRecord {
  const record: UnitRecord = {
    ...recordHead(r, a),
    leaves: leafTexts(r.score.leaves),
    entries: r.decisions.length === 0 ? entryTexts(entries) : { ...entryTexts(entries), ...Object.fromEntries(r.decisions.map((d) => [`决定 ${d.kind}`, `${d.outcome || '否'}（${d.basis}）`])) },
  };
  if (r.score.bonus) record.bonus = r.score.bonus.applied.toString();
  if (r.score.deduction) record.deduction = r.score.deduction.applied.toString();
  return record;
}

/** JSON texts made once: of the record's keys, and of exact numbers (which need no escaping but their quotes). */
const KEY_JSON = new Memo((key: string) => JSON.stringify(key));
const NUMBER_JSON = new Memo((v: Rational) => `"${NUMBER_TEXTS.of(v)}"`);
/** A key JSON.stringify would move to the front of its object (an array index: 「12」). */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

/**
 * The unit's record as JSON, the very text JSON.stringify(unitRecord(…)) gives, written without
 * making its objects: the 记录 sheet holds one for every unit (a province: 300,000 of 2 KB). Where
 * an object's key order would not be the order made (a key that is an array index) or a key could
 * come twice (decisions beside the entries), the record is made and stringified after all.
 */
export function unitRecordText(r: UnitResult, a: Assessment, entries: UnitEntries | undefined): string {
  const slow = (): string => JSON.stringify(unitRecord(r, a, entries));
  if (r.decisions.length > 0) return slow();
  let indexKey = false;
  let leaves = '';
  for (const [code, v] of r.score.leaves) {
    if (INDEX_KEY.test(code)) indexKey = true;
    leaves += `${leaves === '' ? '' : ','}${KEY_JSON.of(code)}:${NUMBER_JSON.of(v)}`;
  }
  let listed = '';
  eachEntryText(entries, (key, text) => {
    if (INDEX_KEY.test(key)) indexKey = true;
    listed += `${listed === '' ? '' : ','}${KEY_JSON.of(key)}:${JSON.stringify(text)}`;
  });
  if (indexKey) return slow();
  const head = JSON.stringify(recordHead(r, a));
  const bonus = r.score.bonus ? `,"bonus":${NUMBER_JSON.of(r.score.bonus.applied)}` : '';
  const deduction = r.score.deduction ? `,"deduction":${NUMBER_JSON.of(r.score.deduction.applied)}` : '';
  return `${head.slice(0, -1)},"leaves":{${leaves}},"entries":{${listed}}${bonus}${deduction}}`;
}

/**
 * A unit's entries. They come in roster order, so they are found by halving (a Map of a province's
 * units would be held through the whole writing); in any other order, by a Map after all.
 */
function entriesFinder(entries: readonly UnitEntries[]): (unit: Unit) => UnitEntries | undefined {
  const ordered = entries.every((e, i) => i === 0 || entries[i - 1]!.unit.order < e.unit.order);
  if (!ordered) {
    const byUnit = new Map(entries.map((e) => [e.unit, e]));
    return (unit) => byUnit.get(unit);
  }
  return (unit) => {
    let low = 0;
    let high = entries.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const e = entries[mid]!;
      if (e.unit.order === unit.order) return e.unit === unit ? e : undefined;
      if (e.unit.order < unit.order) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  };
}

/**
 * The record of a result. Its units are made from the assessment when they are asked for: the
 * 记录 sheet writes them one by one as their JSON is made (eachText), so a province's record is
 * never whole in memory; only comparing with an earlier record (units) keeps them all.
 */
export function buildRecord(a: Assessment, entries: readonly UnitEntries[], meta: RecordMeta): ResultRecord & { eachText(): Iterable<string>; unitCount: number } {
  const entriesOf = entriesFinder(entries);
  let units: UnitRecord[] | undefined;
  function* eachText(): Generator<string> {
    if (units) for (const u of units) yield JSON.stringify(u);
    else for (const r of a.results) yield unitRecordText(r, a, entriesOf(r.unit));
  }
  return {
    format: RECORD_FORMAT,
    ...meta,
    decimals: a.scheme.rounding.decimals,
    get units(): UnitRecord[] {
      units ??= a.results.map((r) => unitRecord(r, a, entriesOf(r.unit)));
      return units;
    },
    excluded: [...a.excluded],
    eachText,
    unitCount: a.results.length,
  };
}

/**
 * The hidden 记录 sheet: a marker row, the meta as JSON, then one JSON row per unit (each far
 * below Excel's 32,767 characters a cell; a longer one is split over the row's next cells),
 * written as each unit's record is made.
 */
export function recordSheet(record: ResultRecord & { eachText?(): Iterable<string>; unitCount?: number }): SheetModel {
  const { format, tool, scheme, inputs, decimals, excluded } = record;
  const meta = { format, tool, scheme, inputs, decimals, excluded };
  const row = (kind: string, json: string): CellModel[] => [{ v: kind }, ...chunks(json).map((v) => ({ v }))];
  function* texts(): Generator<string> {
    if (record.eachText) yield* record.eachText();
    else for (const u of record.units) yield JSON.stringify(u);
  }
  return {
    name: RECORD_SHEET, rows: [[{ v: MAGIC }, { v: RECORD_FORMAT }], row('meta', JSON.stringify(meta))], merges: [], widths: [12, 80], hidden: true,
    body: {
      count: record.unitCount ?? record.units.length,
      height: ROW_HEIGHT,
      *rows() {
        for (const text of texts()) yield row('unit', text);
      },
    },
  };
}

const CELL_LIMIT = 30000;

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CELL_LIMIT) out.push(text.slice(i, i + CELL_LIMIT));
  return out.length > 0 ? out : [''];
}

/** The record back from a 记录 sheet's rows (cell texts), or a reason it is not one. */
export function parseRecord(rows: readonly (readonly string[])[]): ResultRecord | string {
  if (rows[0]?.[0] !== MAGIC) return '没有 score 写入的「记录」';
  if (Number(rows[0]?.[1]) > RECORD_FORMAT) return '记录由更新版本的 score 写入，请升级后再比较';
  try {
    const meta = JSON.parse(rows.find((r) => r[0] === 'meta')?.slice(1).join('') ?? '') as Omit<ResultRecord, 'units'>;
    const units = rows.filter((r) => r[0] === 'unit').map((r) => JSON.parse(r.slice(1).join('')) as UnitRecord);
    return { ...meta, units };
  } catch {
    return '「记录」表已损坏';
  }
}
