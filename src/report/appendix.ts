import { neutralise } from '../core/text.js';
import type { Assessment, UnitResult } from '../engine/assess.js';
import { allBands, bandLabel, chineseOrdinal } from './wording.js';

/** One band's part of the appendix: a column per category, each a numbered list of units. */
export interface AppendixSection {
  heading: string;
  band: string;
  count: number;
  categories: { category: string; units: string[] }[];
}

export interface AppendixBlock {
  sections: AppendixSection[];
  /** Rows of units per column; a longer category list continues in the next column. */
  rows: number;
}

/**
 * Bands that have units, each with its units per category in rank order — the order of 001's
 * table. Empty bands are left out, as 001 leaves out 未达标.
 */
export function appendixSections(assessment: Assessment): AppendixSection[] {
  const { scheme } = assessment;
  const groups = bandGroups(assessment);
  const sections: AppendixSection[] = [];
  for (const band of allBands(scheme)) {
    const group = groups.get(band.name);
    if (!group) continue;
    const label = bandLabel(scheme, band);
    sections.push({
      heading: `${chineseOrdinal(sections.length + 1)}、${label}（${group.count}个）`,
      band: band.name,
      count: group.count,
      categories: scheme.categories.map((category) => ({ category, units: (group.byCategory.get(category) ?? []).map((m) => m.unit.name) })),
    });
  }
  return sections;
}

/** A band's units: how many, and by category in rank order. */
export interface BandGroup {
  count: number;
  byCategory: Map<string, UnitResult[]>;
}

const GROUPS = new WeakMap<Assessment, Map<string, BandGroup>>();

/**
 * The units of each band that has any, by category, in the results' order: sorted in one walk
 * and once for an assessment (the appendix, its text and the notice each ask; a province has 300,000 units).
 */
export function bandGroups(a: Assessment): Map<string, BandGroup> {
  let groups = GROUPS.get(a);
  if (groups) return groups;
  groups = new Map();
  for (const r of a.results) {
    if (r.band === undefined) continue;
    let group = groups.get(r.band);
    if (!group) groups.set(r.band, (group = { count: 0, byCategory: new Map() }));
    group.count++;
    let list = group.byCategory.get(r.unit.category);
    if (!list) group.byCategory.set(r.unit.category, (list = []));
    list.push(r);
  }
  GROUPS.set(a, groups);
  return groups;
}

function columnsNeeded(sections: readonly AppendixSection[], rows: number): number {
  return sections.reduce((n, s) => n + s.categories.reduce((m, c) => m + Math.max(1, Math.ceil(c.units.length / rows)), 0), 0);
}

function longest(sections: readonly AppendixSection[]): number {
  return Math.max(1, ...sections.flatMap((s) => s.categories.map((c) => c.units.length)));
}

/** Length of the second-longest list: no list shorter than that is worth folding. */
function secondLongest(sections: readonly AppendixSection[]): number {
  const lengths = sections.flatMap((s) => s.categories.map((c) => c.units.length)).sort((a, b) => b - a);
  return Math.max(1, lengths[1] ?? lengths[0] ?? 1);
}

/** A list this short is never folded. */
const SHORT_LIST = 5;

/**
 * Rows of the table: as tall as the second-longest list (and at least a short list's length), so
 * only the longest lists are folded, and taller if the folded columns would not fit in
 * `maxColumns`. Undefined if they never fit.
 */
function fewestRows(sections: readonly AppendixSection[], maxColumns: number): number | undefined {
  const most = longest(sections);
  const start = Math.max(secondLongest(sections), Math.min(most, SHORT_LIST));
  for (let rows = start; rows <= most; rows++) if (columnsNeeded(sections, rows) <= maxColumns) return rows;
  return undefined;
}

/**
 * Lays the sections out as 001 does: side by side, a list longer than the others continued
 * beside itself (001: 达标 部门 1–9, then 10–16, as tall as 先进 部门's 9). When the bands do
 * not fit side by side, each band gets its own block below the previous one.
 */
export function layoutAppendix(sections: readonly AppendixSection[], maxColumns: number): AppendixBlock[] {
  if (sections.length === 0) return [];
  const together = fewestRows(sections, maxColumns);
  if (together !== undefined) return [{ sections: [...sections], rows: together }];
  return sections.map((s) => ({ sections: [s], rows: fewestRows([s], maxColumns) ?? longest([s]) }));
}

export function blockColumns(block: AppendixBlock): number {
  return columnsNeeded(block.sections, block.rows);
}

/** The appendix as plain text, for the notice: one line per band and category. */
export function appendixText(sections: readonly AppendixSection[]): string {
  const lines: string[] = [];
  for (const s of sections) {
    lines.push(s.heading);
    for (const c of s.categories) {
      if (c.units.length === 0) continue;
      lines.push(`  ${c.category}（${c.units.length}个）：${c.units.map((u, i) => `${i + 1}、${neutralise(u)}`).join('  ')}`);
    }
  }
  return lines.join('\n');
}
