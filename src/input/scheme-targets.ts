import { error, type Diagnostic } from '../core/diagnostic.js';
import { didYouMean } from '../core/suggest.js';
import { targetOf } from '../engine/rules.js';
import { nameOf, type IndicatorTree } from '../engine/model.js';
import type { SchemeSource } from '../scheme/load-scheme.js';
import type { Scheme } from '../scheme/schema.js';
import { normalizeName } from './cells.js';

/** What the scheme names in the indicator system, checked against it. tieBreak names the parts (一级指标, by name or code) that decide ties, in order. */
export function tieBreakParts(scheme: Scheme, tree: IndicatorTree, source: SchemeSource, diagnostics: Diagnostic[]): number[] {
  const parts: number[] = [];
  for (const name of scheme.tieBreak) {
    const key = normalizeName(name);
    const index = tree.parts.findIndex((p) => p === key || tree.roots.some((r) => r.code === key && nameOf(r) === p));
    if (index >= 0) parts.push(index);
    else {
      diagnostics.push(error('E_SCHEME_TIEBREAK', { ...source.locate(lineOf(source, 'tieBreak')), path: 'tieBreak' }, `方案 tieBreak 中的「${name}」不是一级指标。`,
        didYouMean(key, tree.parts) ?? `一级指标：${tree.parts.join('、')}`));
    }
  }
  return parts;
}

/** awards[].on and conditions[].on name a part (一级指标, name or code) or a leaf (code). */
export function ruleTargets(scheme: Scheme, tree: IndicatorTree, source: SchemeSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of ['awards', 'conditions'] as const) {
    scheme[key].forEach((rule, i) => {
      if (targetOf(tree, rule.on)) return;
      out.push(error('E_SCHEME_TARGET', { ...source.locate(lineOf(source, key)), path: `${key}[${i}].on` }, `方案 ${key} 中「${rule.name}」的 on「${rule.on}」不是一级指标，也不是末级指标的编码。`,
        didYouMean(normalizeName(rule.on), [...tree.parts, ...tree.leaves.map((l) => l.code)]) ?? `一级指标：${tree.parts.join('、')}`));
    });
  }
  return out;
}

/** The line of a top-level key in the scheme text, for messages about it (1 if not found). */
export function lineOf(source: SchemeSource, key: string): number {
  const index = source.text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index + 1 || 1;
}
