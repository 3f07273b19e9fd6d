import type { Indicator } from '../model.js';
import { deduct } from './deduct.js';
import { direct } from './direct.js';
import { grade } from './grade.js';
import { growth } from './growth.js';
import { inverse } from './inverse.js';
import type { Detail, Method } from './method.js';
import { pass } from './pass.js';
import { position } from './position.js';
import { rank } from './rank.js';
import { rate } from './rate.js';
import { ratio } from './ratio.js';
import { raters } from './raters.js';
import { relative } from './relative.js';

export type { Detail, EntrySheet, Method, ScoresMethod, ListMethod } from './method.js';

/** The scoring methods, in the order docs and messages list them (domain: "Scoring methods"). */
export const METHOD_NAMES = ['direct', 'deduct', 'ratio', 'inverse', 'pass', 'grade', 'rate', 'rank', 'raters', 'relative', 'growth', 'position'] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

/**
 * One module per method. A name without a module, a module without a name, or a module filed
 * under another's name does not compile.
 */
const BUILTIN = { direct, deduct, ratio, inverse, pass, grade, rate, rank, raters, relative, growth, position } satisfies { [K in MethodName]: Method<any> & { name: K } };

const registry = new Map<string, Method<any>>(METHOD_NAMES.map((n) => [n, BUILTIN[n]]));

/** The method a leaf is scored by. */
export function methodOf(leaf: Pick<Indicator, 'method'>): Method<Detail> {
  const m = registry.get(leaf.method);
  if (!m) throw new Error(`评分方法「${leaf.method}」没有登记。`);
  return m;
}

/** Every method, built-in first, in registration order. */
export function allMethods(): Method<Detail>[] {
  return [...registry.values()];
}

/** The method a word of the 评分方法 column names (its key or an alias, without case), if any. */
export function methodByWord(word: string): MethodName | undefined {
  const key = word.toLowerCase();
  for (const m of registry.values()) {
    if (m.name.toLowerCase() === key || m.aliases.some((a) => a.toLowerCase() === key)) return m.name as MethodName;
  }
  return undefined;
}

/** Every word the 评分方法 column accepts, for suggestions. */
export function methodWords(): string[] {
  return allMethods().flatMap((m) => [m.name, ...m.aliases]);
}

/**
 * Adds a method beyond the built-in ones (a test fixture's, an office's own): from then on the
 * indicator workbook accepts its name and aliases and every stage scores it. Names and aliases
 * must be new.
 */
export function registerMethod(method: Method<any>): void {
  const taken = [method.name, ...method.aliases].find((w) => methodByWord(w) !== undefined);
  if (taken !== undefined) throw new Error(`评分方法「${method.name}」的名称「${taken}」已被使用。`);
  registry.set(method.name, method);
}

/** The methods table of docs/scheme.md, as the registry says it (a test keeps the doc in step). */
export function methodsTable(): string {
  const rows = allMethods().map((m) => `| \`${m.name}\` | ${m.doc.aliases} | ${m.doc.scoring} | ${m.doc.entry} | ${m.doc.params} |`);
  return ['| 评分方法 | 也可写作 | 计分 | 得分表中填写 | 参数 |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
