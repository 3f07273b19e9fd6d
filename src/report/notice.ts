import { error, type Diagnostic, type Where } from '../core/diagnostic.js';
import { neutralise, visibleControls } from '../core/text.js';
import type { Assessment, UnitResult } from '../engine/assess.js';
import { appendixSections, appendixText, bandGroups } from './appendix.js';
import { allBands, appendixTitle, bandLabel, excludedText, ruleText } from './wording.js';
import { flagNames } from './result-sheets.js';

/**
 * The values a notice template may use, by the placeholder names a clerk sees in
 * templates/notice.txt: {{分档情况}}, {{等次.先进.名单}} …
 */
export function noticeValues(a: Assessment): Map<string, string> {
  const { scheme } = a;
  const n = scheme.notice;
  const values = new Map<string, string>([
    ['名称', scheme.name],
    ['年度', scheme.year === undefined ? '' : String(scheme.year)],
    ['标题', n.title ?? `${scheme.name}情况通报`],
    ['主送', n.recipients ?? ''],
    ['附件标题', appendixTitle(scheme)],
    ['评分规则', ruleText(scheme)],
    ['未参评说明', excludedText(a) ?? ''],
    ['发文单位', n.issuer ?? ''],
    ['文号', n.docNumber ?? ''],
    ['日期', n.date ?? ''],
  ]);
  const sentences: string[] = [];
  const groups = bandGroups(a);
  for (const band of allBands(scheme)) {
    // Bands in the text follow the appendix: category order, then rank (001).
    const members = scheme.categories.flatMap((c) => groups.get(band.name)?.byCategory.get(c) ?? []);
    const names = members.map((m) => neutralise(m.unit.shortName)).join('、');
    values.set(`等次.${band.name}.数量`, String(members.length));
    values.set(`等次.${band.name}.名单`, names);
    if (members.length > 0) sentences.push(`${bandLabel(scheme, band)}${members.length}个：${names}`);
  }
  values.set('分档情况', sentences.length > 0 ? `${sentences.join('；')}。` : '');
  values.set('荣誉情况', listed(scheme.honours.map((h) => [h.name, a.results.filter((r) => r.honour === h.name)])));
  values.set('单项奖情况', listed(scheme.awards.map((w) => [w.name, a.results.filter((r) => r.awards.includes(w.name))])));
  values.set('标记情况', listed([...new Set(flagNames(scheme))].map((f) => [f, a.results.filter((r) => r.flags.includes(f))])));
  const pending = a.results.filter((r) => r.pending || r.honourPending || r.flagsPending.length > 0);
  values.set('待定情况', pending.length > 0 ? `${pending.map((r) => neutralise(r.unit.shortName)).join('、')}因并列待研究决定。` : '');
  values.set('附件正文', appendixText(appendixSections(a)));
  return values;
}

/** "一等奖1个：甲；二等奖2个：乙、丙。" — empty when nobody has any. */
function listed(groups: [string, UnitResult[]][]): string {
  const parts = groups.filter(([, units]) => units.length > 0).map(([name, units]) => `${name}${units.length}个：${units.map((u) => neutralise(u.unit.shortName)).join('、')}`);
  return parts.length > 0 ? `${parts.join('；')}。` : '';
}

export interface Rendered {
  text: string;
  diagnostics: Diagnostic[];
}

/**
 * Fills {{name}} placeholders. A line whose placeholders are all empty is left out (a scheme
 * without 文号 has no 文号 line); an unknown placeholder is an error naming its line.
 */
export function renderTemplate(template: string, values: ReadonlyMap<string, string>, where: Where): Rendered {
  const diagnostics: Diagnostic[] = [];
  const lines: string[] = [];
  template.replace(/\r\n?/g, '\n').split('\n').forEach((line, i) => {
    let used = 0;
    let empty = 0;
    const out = line.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (_, key: string, offset: number) => {
      used++;
      const v = values.get(key);
      if (v === undefined) {
        diagnostics.push(error('E_TEMPLATE_PLACEHOLDER', { ...where, line: i + 1 }, `通报模板中的「{{${key}}}」无法识别。`,
          `可用的占位符：${[...values.keys()].map((k) => `{{${k}}}`).join(' ')}`));
        return '';
      }
      if (v === '') empty++;
      // A value that starts a line (the title =2+2, an issuer +3, a line of the appendix text) is
      // read as a formula when the line is pasted into a spreadsheet: neutralised like unit names.
      const atStart = line.slice(0, offset).trim() === '';
      return v.split('\n').map((l, i) => (i === 0 && !atStart ? l : neutralise(l))).join('\n');
    });
    if (!(used > 0 && used === empty)) lines.push(out);
  });
  // The notice is pasted and printed: no control character from a name or the template reaches it.
  return { text: visibleControls(lines.join('\n')), diagnostics };
}
