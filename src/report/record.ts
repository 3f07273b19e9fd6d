import type { Rational } from '../core/rational.js';
import type { Assessment, UnitResult } from '../engine/assess.js';
import type { Unit, UnitEntries } from '../engine/model.js';
import type { CellModel, SheetModel } from './sheet-model.js';
import { ROW_HEIGHT } from './print-plan.js';
import { bandText, flagTexts, honourText } from './result-sheets.js';
import { Memo } from '../core/memo.js';
import { PerPlace, SlabTable } from '../core/number-slab.js';
import { PerCode } from '../core/code-map.js';

/**
 * Every result carries its own record (issue 10): what produced it (tool, scheme, inputs by
 * hash) and, per unit, the entries read, the points of each leaf and part, and the outcome — so
 * that a 通报 workbook alone can be compared with a later one. Exact values are written as exact
 * text (「85.5」, 「46/3」), never as floats.
 */
export const RECORD_SHEET = '记录';
const MAGIC = 'score-record';
/**
 * Format 2 stores each figure once: a unit's entries grouped by what comes before the first space
 * of their key (「得分表 A1」 under 得分表 as A1), and its leaves as the text 「得分表」 where they
 * are exactly its 得分表 entries (every `direct` scheme). A province's 记录 is then half the text
 * of format 1 (which held each entered score twice, the sheet's name in every key). Format 1 is
 * still read: both come back as the same UnitRecord.
 */
export const RECORD_FORMAT = 2;
/** The sheet of entered scores; in format 2, `leaves` is its name when the leaves are its entries, code for code and text for text. */
const SAME_AS_SHEET = '得分表';

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

/** A unit's record as format 2 stores it. */
export interface StoredUnitRecord extends Omit<UnitRecord, 'leaves' | 'entries'> {
  leaves: Record<string, string> | typeof SAME_AS_SHEET;
  entries: Record<string, Record<string, string>>;
}

/** An entry's key split at its first space: 「得分表 A1」 → 得分表, A1; a key with no space there (or at the start) is all code. */
function splitKey(key: string): [string, string] {
  const space = key.indexOf(' ');
  return space <= 0 ? ['', key] : [key.slice(0, space), key.slice(space + 1)];
}

function joinKey(group: string, code: string): string {
  return group === '' ? code : `${group} ${code}`;
}

/** Whether the leaves are the 得分表 entries: the same codes, each with the same text. */
function sameAsSheet(leaves: Record<string, string>, sheet: Record<string, string> | undefined): boolean {
  const codes = Object.keys(leaves);
  return sheet !== undefined && codes.length > 0 && codes.length === Object.keys(sheet).length && codes.every((c) => Object.hasOwn(sheet, c) && sheet[c] === leaves[c]);
}

/** A unit's record in format 2. */
export function storedRecord(u: UnitRecord): StoredUnitRecord {
  const groups = new Map<string, [string, string][]>();
  for (const [key, text] of Object.entries(u.entries)) {
    const [group, code] = splitKey(key);
    let list = groups.get(group);
    if (!list) groups.set(group, (list = []));
    list.push([code, text]);
  }
  const entries = Object.fromEntries([...groups].map(([group, list]) => [group, Object.fromEntries(list)]));
  return { ...u, leaves: sameAsSheet(u.leaves, entries[SAME_AS_SHEET]) ? SAME_AS_SHEET : u.leaves, entries };
}

/** A unit's record as format 2 stored it, back in the form every reader of records takes. */
export function unitFromStored(stored: StoredUnitRecord): UnitRecord {
  const entries = Object.fromEntries(Object.entries(stored.entries).flatMap(([group, codes]) => Object.entries(codes).map(([code, text]) => [joinKey(group, code), text])));
  const leaves = stored.leaves === SAME_AS_SHEET ? { ...stored.entries[SAME_AS_SHEET] } : stored.leaves;
  if (typeof leaves !== 'object' || leaves === null) throw new TypeError('leaves');
  return { ...stored, leaves, entries };
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
  if (key === undefined) byCode.set(code, (key = joinKey(sheet, code)));
  return key;
}

/** The unit's entries flattened to 「sheet code」 → text, so two records compare key by key. */
export function entryTexts(entries: UnitEntries | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  eachEntry(entries, (group, code, text) => (out[keyOf(group, code)] = text));
  return out;
}

/**
 * The unit's entries as entryTexts has them, in its order (each key once): the part of the key
 * before its space (the sheet, 自评, 加减分), the part after, the text, and the number where the
 * entry is one.
 */
function eachEntry(entries: UnitEntries | undefined, put: (group: string, code: string, text: string, value?: Rational) => void, sheetTaken = false): void {
  if (!entries) return;
  const add = (e: UnitEntries, suffix: string): void => {
    const values = `${SAME_AS_SHEET}${suffix}`;
    if (!(sheetTaken && e === entries)) e.values.forEach((v, code) => put(values, code, NUMBER_TEXTS.of(v), v));
    const targets = `目标值${suffix}`;
    e.targets.forEach((v, code) => put(targets, code, NUMBER_TEXTS.of(v), v));
    e.raters.forEach((list, code) => put(`评议${suffix}`, code, list.map((x) => x.toString()).join('、')));
    e.deductions.forEach((list, code) => put(`扣分明细${suffix}`, code, list.map((d) => `${d.points.toString()}（${d.reason}）`).join('；')));
  };
  add(entries, '');
  for (const [period, e] of entries.periods ?? []) add(e, `（${period}）`);
  // 自评 counts for nothing, but a corrected self-assessment is a change the re-score names.
  for (const [code, v] of entries.selfAssessed ?? []) put('自评', code, NUMBER_TEXTS.of(v), v);
  const bySide = new Map<string, string[]>();
  for (const a of entries.adjustments ?? []) {
    const key = `${a.side === 'bonus' ? '加分' : '减分'}「${a.item}」`;
    bySide.set(key, [...(bySide.get(key) ?? []), `${a.points.toString()}（${a.reason}）`]);
  }
  for (const [key, list] of bySide) put('加减分', key, list.join('；'));
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

/**
 * The unit's record as format 2 JSON (what JSON.stringify(storedRecord(unitRecord(…))) says, its
 * keys perhaps in another order), written without making its objects: the 记录 sheet holds one for
 * every unit (a province: 300,000). Where a key could come twice (decisions beside the entries, a
 * sheet's group met again) or a group is not what splitting its keys would give, the record is made
 * and stringified after all.
 */
export function unitRecordText(r: UnitResult, a: Assessment, entries: UnitEntries | undefined): string {
  const slow = (): string => JSON.stringify(storedRecord(unitRecord(r, a, entries)));
  if (r.decisions.length > 0) return slow();
  let listed = '';
  let group: string | undefined;
  const groups: string[] = [];
  let plain = true;
  // The 得分表 entries as a slab holds them (every unit read from a sheet): their texts by number.
  const sheet = entries?.values;
  const slab = sheet instanceof SlabTable && sheet.size > 0 ? sheet : undefined;
  if (slab) {
    listed = `${KEY_JSON.of(SAME_AS_SHEET)}:{${slabMembers(slab)}`;
    group = SAME_AS_SHEET;
    groups.push(SAME_AS_SHEET);
  }
  eachEntry(entries, (g, code, text, value) => {
    if (g !== group) {
      if (g === '' || g.includes(' ') || groups.includes(g)) plain = false;
      groups.push(g);
      listed += `${group === undefined ? '' : '},'}${KEY_JSON.of(g)}:{`;
      group = g;
    } else listed += ',';
    listed += `${KEY_JSON.of(code)}:${value ? NUMBER_JSON.of(value) : JSON.stringify(text)}`;
  }, slab !== undefined);
  if (!plain) return slow();
  const head = recordHeadText(r, a);
  const bonus = r.score.bonus ? `,"bonus":${NUMBER_JSON.of(r.score.bonus.applied)}` : '';
  const deduction = r.score.deduction ? `,"deduction":${NUMBER_JSON.of(r.score.deduction.applied)}` : '';
  return `${head},"leaves":${leavesText(r, entries)},"entries":{${listed}${group === undefined ? '' : '}'}}${bonus}${deduction}}`;
}

/** The texts of a slab's values as JSON (「"2.5"」), by place; a code's key with its colon (「"A1":」), and the same after a comma, by number. */
const VALUE_JSON = new PerPlace((v: Rational) => NUMBER_JSON.of(v));
const FIRST_KEY = new PerCode((code: string) => `${JSON.stringify(code)}:`);
const LATER_KEY = new PerCode((code: string) => `,${JSON.stringify(code)}:`);

/** A slab table's figures as JSON members, in its order: what the entries' texts would be, without a lookup for each. */
function slabMembers(table: SlabTable): string {
  const textOf = VALUE_JSON.of(table.slab);
  const first = FIRST_KEY.of(table.slab.index);
  const later = LATER_KEY.of(table.slab.index);
  let out = '';
  table.forEachPlace((place, n) => {
    out += `${out === '' ? first[n] : later[n]}${textOf(place)}`;
  });
  return out;
}

/** What JSON.stringify(recordHead(r, a)) says, without its closing brace, made without the object: a province writes 300,000 of them. */
function recordHeadText(r: UnitResult, a: Assessment): string {
  const j = JSON.stringify;
  const named = partsJson(a.tree.parts);
  let parts = '';
  for (let i = 0; i < named.length; i++) {
    const points = r.score.parts[i];
    parts += `${i === 0 ? '' : ','}${named[i]}${points ? NUMBER_JSON.of(points) : 'null'}}`;
  }
  const flags = flagTexts(r, a.scheme);
  const vetoes = r.vetoes.length === 0 ? '[]' : j(r.vetoes.map((v) => `${v.item}（${v.note}）`));
  return `{"unit":${j(r.unit.name)},"category":${j(r.unit.category)},"rank":${j(r.rank)},"band":${j(bandText(r))},"honour":${j(honourText(r))},"flags":${flags.length === 0 ? '[]' : j(flags)},"total":${j(r.score.total.toFixed(a.scheme.rounding.decimals))},"exact":${NUMBER_JSON.of(r.score.exact)},"parts":[${parts}],"vetoes":${vetoes}`;
}

/** Each part's record up to its points, `{"name":"…","points":`, made once for the indicator system. */
const PARTS_JSON = new WeakMap<readonly string[], string[]>();
function partsJson(parts: readonly string[]): string[] {
  let named = PARTS_JSON.get(parts);
  if (!named) PARTS_JSON.set(parts, (named = parts.map((name) => `{"name":${JSON.stringify(name)},"points":`)));
  return named;
}

/** The leaves as format 2 has them: 「得分表」 when they are the 得分表 entries, else each by code. */
function leavesText(r: UnitResult, entries: UnitEntries | undefined): string {
  const leaves = r.score.leaves;
  const sheet = entries?.values;
  let same = sheet !== undefined && leaves.size > 0 && sheet.size === leaves.size;
  // Scoring keeps one table where the leaves are the entered numbers (sameTable in score-unit.ts).
  if (same && leaves !== sheet) {
    leaves.forEach((v, code) => {
      if (!same) return;
      // Equal values are equal texts, and the same value is most often the very same object.
      const entered = sheet!.get(code);
      if (entered === undefined || (entered !== v && NUMBER_TEXTS.of(entered) !== NUMBER_TEXTS.of(v))) same = false;
    });
  }
  if (same) return `"${SAME_AS_SHEET}"`;
  let text = '';
  leaves.forEach((v, code) => (text += `${text === '' ? '' : ','}${KEY_JSON.of(code)}:${NUMBER_JSON.of(v)}`));
  return `{${text}}`;
}

/**
 * A unit's entries, found by the unit's place in the roster (`order`): an array of numbers for a
 * province's units, where a Map would hold an entry for each through the whole writing, and
 * halving through them missed the cache at every step. Units whose places are far apart, or
 * shared, are found by a Map after all.
 */
function entriesFinder(entries: readonly UnitEntries[]): (unit: Unit) => UnitEntries | undefined {
  let last = -1;
  for (const e of entries) last = Math.max(last, e.unit.order);
  const dense = Number.isInteger(last) && last < 4 * entries.length + 1024 && entries.every((e) => Number.isInteger(e.unit.order) && e.unit.order >= 0);
  const at = dense ? new Int32Array(last + 1).fill(-1) : undefined;
  if (at) {
    for (const [i, e] of entries.entries()) {
      if (at[e.unit.order] !== -1) return byMap(entries);
      at[e.unit.order] = i;
    }
    return (unit) => {
      const i = unit.order >= 0 && unit.order < at.length ? at[unit.order]! : -1;
      const e = i === -1 ? undefined : entries[i];
      return e?.unit === unit ? e : undefined;
    };
  }
  return byMap(entries);
}

function byMap(entries: readonly UnitEntries[]): (unit: Unit) => UnitEntries | undefined {
  const byUnit = new Map(entries.map((e) => [e.unit, e]));
  return (unit) => byUnit.get(unit);
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
    if (units) for (const u of units) yield JSON.stringify(storedRecord(u));
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
    else for (const u of record.units) yield JSON.stringify(storedRecord(u));
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
  const format = Number(rows[0]?.[1]);
  if (format > RECORD_FORMAT) return '记录由更新版本的 score 写入，请升级后再比较';
  try {
    const meta = JSON.parse(rows.find((r) => r[0] === 'meta')?.slice(1).join('') ?? '') as Omit<ResultRecord, 'units'>;
    const parse = (text: string): UnitRecord => (format === 1 ? (JSON.parse(text) as UnitRecord) : unitFromStored(JSON.parse(text) as StoredUnitRecord));
    const units = rows.filter((r) => r[0] === 'unit').map((r) => parse(r.slice(1).join('')));
    return { ...meta, units };
  } catch {
    return '「记录」表已损坏';
  }
}
