import { info, warning, type Diagnostic } from '../core/diagnostic.js';
import { appended } from '../core/code-map.js';
import type { Scheme } from '../scheme/schema.js';
import { unitWord } from '../scheme/unit-word.js';
import type { UnitResult } from './assess.js';
import { conditionText, previousOf, type PreviousResult } from './rules.js';

/** Each condition a unit falls under, told once (I_CONDITION). */
export function conditionNotes(results: readonly UnitResult[], scheme: Scheme): Diagnostic[] {
  return results.flatMap((r) => r.conditions.map((hit) => info('I_CONDITION', r.unit.source, `${unitWord(scheme)}「${r.unit.name}」${conditionText(hit, scheme.rounding.decimals)}。`)));
}

/**
 * Rules across years (002 奇台: 连续两年被评为差; 003: 连续三年落后): a unit in the rule's band this
 * year and in each of the years before it that the rule counts, in the previous results given
 * (latest first), is flagged; one whose band this year is 待定 with that band among its bands is
 * 待定 too. Too few previous results to judge a rule: nobody is flagged by it, and the clerk is told.
 */
export function applyHistory(results: readonly UnitResult[], scheme: Scheme, previous: readonly PreviousResult[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of scheme.history?.rules ?? []) {
    const years = previous.slice(0, rule.years - 1);
    if (years.length < rule.years - 1) {
      out.push(warning('W_HISTORY_SHORT', {}, `方案 history 的「${rule.name}」要看连续 ${rule.years} 年的等次，但只给了 ${previous.length} 年的往年结果，本次不按这条标记。`,
        `请用 --previous 给出前 ${rule.years - 1} 年的通报工作簿（…通报.xlsx）。`));
      continue;
    }
    for (const r of results) {
      if (!years.every((p) => previousOf(r.unit, p)?.band === rule.band)) continue;
      if (r.band === rule.band) r.flags = appended(r.flags, rule.name);
      else if (r.pending?.between.includes(rule.band)) r.flagsPending = appended(r.flagsPending, rule.name);
    }
  }
  return out;
}
