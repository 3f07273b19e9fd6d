import { warning, type Diagnostic } from '../core/diagnostic.js';
import type { SchemeSource } from './load-scheme.js';

/** The mark on what `score init` left for the office to fill in; check warns while any is left. */
export const PLACEHOLDER = '【待填】';

/** Comments about how a sample was made (its seed document, its tests), not about the scheme. */
const SAMPLE_NOTE = /种子|测试|本样例|annual\.xlsx|原文|据.*复原|^#\s*00\d/;

/** What each placeholder asks for, by key (top level, or under notice). */
function placeholders(year: number): Record<string, string> {
  return {
    name: `${PLACEHOLDER}考评名称，如「全县${year}年度绩效考评」`,
    title: `${PLACEHOLDER}通报标题，如「关于${year}年度绩效考评结果的通报」`,
    appendixTitle: `${PLACEHOLDER}附件标题，如「${year}年度绩效考评结果」`,
    docNumber: `${PLACEHOLDER}文号，如「×办发〔${year + 1}〕×号」；没有文号时删去这一行`,
    date: `${PLACEHOLDER}成文日期，如「${year + 1}年2月1日」`,
  };
}

/**
 * A sample's scheme as the start of a new year: the notes about the sample gone, and the year,
 * name, titles, 文号 and date replaced by marked placeholders; every rule (categories, bands,
 * weights) kept as the sample has it, comments and all.
 */
export function starterScheme(sample: string, preset: string, year: number): string {
  const words = placeholders(year);
  let inNotice = false;
  const out: string[] = [
    `# 考评方案（由 score init 从样例「${preset}」生成）`,
    `# 标有「${PLACEHOLDER}」的地方请改为本年度的实际内容，并删去「${PLACEHOLDER}」；score check 会逐项提醒尚未改动的地方。`,
    '# 类别、等次、分数线、权重等照样例写成，请对照本年度的考评办法逐项核对。',
  ];
  for (const line of sample.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*#/.test(line) && SAMPLE_NOTE.test(line)) continue;
    const comment = /\s+#\s.*$/.exec(line);
    const kept = comment && SAMPLE_NOTE.test(comment[0]) ? line.slice(0, comment.index) : line;
    if (/^\S/.test(kept)) inNotice = kept.startsWith('notice:');
    const key = /^( {2})?([A-Za-z]+):(\s|$)/.exec(kept);
    const top = key && key[1] === undefined;
    if (top && key[2] === 'year') out.push(`year: ${year}  # ${PLACEHOLDER}考评年度`);
    else if (top && key[2] === 'name') out.push(`name: ${words.name}`);
    else if (inNotice && key?.[1] !== undefined && ['title', 'appendixTitle', 'docNumber', 'date'].includes(key[2]!)) {
      out.push(`  ${key[2]}: ${words[key[2]!]}`);
      // Every office numbers its 通报 its own way: the place for it is there even where the sample had none.
      if (key[2] === 'title' && !/^ {2}docNumber:/m.test(sample)) out.push(`  docNumber: ${words.docNumber}`);
    } else out.push(kept);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** `check` and `score` on a scheme still holding init's placeholders: one warning a line, with the line. */
export function placeholderWarnings(source: SchemeSource): Diagnostic[] {
  return source.text.split('\n').flatMap((line, i) => {
    // A comment line only talks about the marks (the header init writes); a value or its comment carries one.
    if (!line.includes(PLACEHOLDER) || /^\s*#/.test(line)) return [];
    const key = /^\s*(-\s*)?([^:#]+):/.exec(line)?.[2]?.trim();
    return [warning('W_SCHEME_PLACEHOLDER', source.locate(i + 1), `方案${key ? `的「${key}」` : '中'}还是 score init 留下的待填内容：「${line.trim()}」。`,
      `请改为本年度的实际内容，并删去「${PLACEHOLDER}」。`)];
  });
}
