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

/** Every band of the scheme, the categories' own included, once each, highest first. */
export function allBands(scheme: Scheme): Band[] {
  const seen = new Map<string, Band>();
  for (const band of [...scheme.bands, ...[...scheme.bandsOf.values()].flat()]) if (!seen.has(band.name)) seen.set(band.name, band);
  return [...seen.values()];
}

export function bandLabel(scheme: Scheme, band: Band): string {
  return band.label ?? `${band.name}${scheme.unitNoun}`;
}

/**
 * The band rule in words, every boundary stated as included or not: Chinese official usage
 * counts 以上/以下 as including the number and 不满/超过 as excluding it, and 001's
 * "80—60分" leaves 60 unclear, so we always say which.
 */
export function ruleText(scheme: Scheme): string {
  if (scheme.notice.ruleText) return scheme.notice.ruleText;
  const own = scheme.categories.filter((c) => scheme.bandsOf.get(c) !== scheme.bands);
  const general = bandsText(scheme, scheme.bands);
  const lead = markingSystem(scheme.fullMarks, scheme.bandBasis);
  if (own.length === 0) return `${lead}，${general}。`;
  const others = scheme.categories.filter((c) => !own.includes(c));
  const parts = [others.length > 0 ? `${others.join('、')}：${general}` : '', ...own.map((c) => `${c}：${bandsText(scheme, scheme.bandsOf.get(c)!)}`)];
  return `${lead}。${parts.filter(Boolean).join('；')}。`;
}

function bandsText(scheme: Scheme, bands: readonly Band[]): string {
  const unit = scheme.bandBasis === 'percent' ? '%' : '分';
  const parts = bands.map((band, i) => {
    if (band.bottom !== undefined) return `各类别后${band.bottom}名为${bandLabel(scheme, band)}`;
    if ((band.atLeast ?? band.above) === undefined && band.quota === undefined && i > 0) {
      const next = bands[i + 1];
      if (next?.bottom !== undefined) return `其余为${bandLabel(scheme, band)}`;
    }
    const lower = band.atLeast !== undefined ? `${band.atLeast}${unit}以上（含${band.atLeast}${unit}）` : band.above !== undefined ? `超过${band.above}${unit}` : '';
    const prev = bands[i - 1];
    const upper = prev === undefined || (prev.atLeast ?? prev.above) === undefined ? '' : prev.atLeast !== undefined ? `不满${prev.atLeast}${unit}` : `${prev.above}${unit}以下（含${prev.above}${unit}）`;
    const quota = band.quota === undefined ? '' : `，${quotaText(band.quota)}`;
    return `${[lower, upper].filter(Boolean).join('、')}为${bandLabel(scheme, band)}${quota}`;
  });
  return parts.join('，');
}

const ROUNDING = { up: '进一', down: '去尾', 'half-up': '四舍五入' } as const;

function quotaText(q: NonNullable<Band['quota']>): string {
  if (q.count !== undefined) return `名额${q.count}个`;
  if (q.percent !== undefined) return `名额为单位数的${q.percent}%（${ROUNDING[q.rounding ?? 'half-up']}取整）`;
  return q.min !== undefined ? `名额${q.min}—${q.max}个` : `名额不超过${q.max}个`;
}

function markingSystem(fullMarks: string, basis: Scheme['bandBasis']): string {
  const system = fullMarks === '100' ? '按百分制综合评估' : fullMarks === '1000' ? '按千分制综合评估' : `按满分${fullMarks}分综合评估`;
  return basis === 'percent' ? `${system}，按得分占满分的比例评定` : system;
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
