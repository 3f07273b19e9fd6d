import type { Assessment } from '../engine/assess.js';
import type { Band, Scheme } from '../scheme/schema.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一、二、… for section headings (up to 99). */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens - 1]}十${ones === 0 ? '' : NUMERALS[ones - 1]}`;
}

export function bandLabel(scheme: Scheme, band: Band): string {
  return band.label ?? `${band.name}${scheme.unitNoun}`;
}

function markingSystem(fullMarks: string): string {
  if (fullMarks === '100') return '按百分制综合评估';
  if (fullMarks === '1000') return '按千分制综合评估';
  return `按满分${fullMarks}分综合评估`;
}

/**
 * The band rule in words, every boundary stated as included or not: Chinese official usage
 * counts 以上/以下 as including the number and 不满/超过 as excluding it, and 001's
 * "80—60分" leaves 60 unclear, so we always say which.
 */
export function ruleText(scheme: Scheme): string {
  if (scheme.notice.ruleText) return scheme.notice.ruleText;
  const parts = scheme.bands.map((band, i) => {
    const lower = band.atLeast !== undefined ? `${band.atLeast}分以上（含${band.atLeast}分）` : band.above !== undefined ? `超过${band.above}分` : '';
    const prev = scheme.bands[i - 1];
    const upper = prev === undefined ? '' : prev.atLeast !== undefined ? `不满${prev.atLeast}分` : `${prev.above}分以下（含${prev.above}分）`;
    return `${[lower, upper].filter(Boolean).join('、')}为${bandLabel(scheme, band)}`;
  });
  return `${markingSystem(scheme.fullMarks)}，${parts.join('，')}。`;
}

export function excludedText(assessment: Assessment): string | undefined {
  const { scheme, excluded } = assessment;
  if (scheme.excluded.note) return /[。.]$/.test(scheme.excluded.note) ? scheme.excluded.note : `${scheme.excluded.note}。`;
  if (excluded.length === 0) return undefined;
  return `${excluded.join('、')}${excluded.length > 1 ? `等${excluded.length}个${scheme.unitNoun || '单位'}` : ''}未参与评比。`;
}

export function appendixTitle(scheme: Scheme): string {
  return scheme.notice.appendixTitle ?? `${scheme.name}分档情况`;
}
