import type { Rational } from '../core/rational.js';
import { error, info, type Diagnostic } from '../core/diagnostic.js';
import { fixed, show } from '../core/rational.js';
import type { Band, Scheme } from '../scheme/schema.js';
import { unitWord } from '../scheme/unit-word.js';
import type { BandingEvent } from './banding.js';
import type { UnitResult } from './assess.js';

const ROUNDING_WORDS = { up: '进一', down: '去尾', 'half-up': '四舍五入' } as const;

/** Outcomes a 待定 unit may still take, as a clerk reads them: 先进或合格; 优秀、良好或合格. */
export function orList(names: readonly string[]): string {
  return names.length <= 2 ? names.join('或') : `${names.slice(0, -1).join('、')}或${names[names.length - 1]}`;
}

/** The band as a clerk reads it: a pending unit shows where it may go, 待定（先进或合格）. */
export function bandText(r: Pick<UnitResult, 'band' | 'pending'>): string {
  return r.band ?? `待定（${orList(r.pending!.between)}）`;
}

function groupText(group: string): string {
  return group === '' ? '全部单位中' : `类别「${group}」`;
}

/** What happened at the cuts, in words for the clerk; an undecided tie is an error, the rest are notes. */
export function describeEvents(events: readonly BandingEvent[], group: string, results: readonly UnitResult[], scheme: Scheme, tieParts: readonly string[]): Diagnostic[] {
  const names = (ids: readonly number[]): string => ids.map((id) => results[id]!.unit.name).join('、');
  const where = (ids: readonly number[]) => results[ids[0] ?? 0]?.unit.source ?? {};
  const byWhat = tieParts.join('、');
  return events.map((e): Diagnostic => {
    switch (e.kind) {
      case 'quota': {
        const rounding = scheme.bandsOf.get(group)?.find((b) => b.name === e.band)?.quota?.rounding ?? 'half-up';
        return info('I_QUOTA', {}, `${groupText(group)}共 ${e.groupSize} 个${unitWord(scheme)}，「${e.band}」名额 ${e.exact.toString()} 个，按方案${ROUNDING_WORDS[rounding]}为 ${e.places} 个。`);
      }
      case 'quota-short':
        return info('I_QUOTA_SHORT', {}, `${groupText(group)}「${e.band}」名额 ${e.min ?? e.quota} 个，符合分数等条件的只有 ${e.got} 个，按实际评定。`);
      case 'tie-decided': {
        const total = tiedTotal(results[e.ids[0]!]!, scheme);
        return info('I_TIE_DECIDED', where(e.ids), `${groupText(group)}「${e.band}」的最后名额：${names(e.ids)} 总分同为 ${total}，按方案依次比较${byWhat}，${names(e.taken)} 入选。`);
      }
      case 'tie-undecided': {
        const total = tiedTotal(results[e.ids[0]!]!, scheme);
        const compared = byWhat === '' ? '方案未规定并列时如何取舍' : `依次比较${byWhat}后仍相同`;
        return error('E_TIE_UNDECIDED', where(e.ids), `${groupText(group)}「${e.band}」还剩 ${e.places} 个名额，${names(e.ids)} 总分同为 ${total}，${compared}，需要人工研究决定。`,
          `${byWhat === '' ? '可在方案中写 tieBreak（例如 tieBreak: [指标评估]），按某部分得分决定；或' : ''}经研究决定后，在工作簿的「决定」表中逐个单位写明结果和依据（单位名称、决定、依据），重新运行即按决定评定。`);
      }
      case 'tie-by-decision': {
        const total = tiedTotal(results[e.ids[0]!]!, scheme);
        const bases = [...new Set(e.ids.flatMap((id) => results[id]!.decisions.filter((d) => d.kind === e.decisionKind).map((d) => d.basis)))].join('、');
        return info('I_TIE_BY_DECISION', where(e.ids), `${groupText(group)}「${e.band}」的最后名额：${names(e.ids)} 总分同为 ${total}，按人工决定（依据：${bases}），${e.taken.length > 0 ? `${names(e.taken)} 入选` : '均未入选'}。`);
      }
    }
  });
}

/** The total ties were found on: the published one, or under rankOn: exact the exact one (shown exactly). */
function tiedTotal(r: UnitResult, scheme: Scheme): string {
  const d = scheme.rounding.decimals;
  return scheme.rounding.rankOn === 'exact' ? show(r.score.exact, d) : fixed(r.score.total, d);
}

/** A total sitting exactly on a band boundary deserves a mention (docs/domain.md「以上 / 以下 / 不含」). */
export function boundaryNote(result: UnitResult, basis: Rational, bands: readonly Band[], scheme: Scheme): Diagnostic | undefined {
  const band = bands.find((b) => (b.atLeast ?? b.above) !== undefined && basis.eq(b.atLeast ?? b.above!));
  if (!band) return undefined;
  const inclusive = band.atLeast !== undefined;
  const unit = scheme.bandBasis === 'percent' ? '%' : '';
  return info('I_ON_BOUNDARY', result.unit.source,
    `${unitWord(scheme)}「${result.unit.name}」总分 ${fixed(result.score.total, scheme.rounding.decimals)}${unit ? `（${show(basis, scheme.rounding.decimals)}%）` : ''} 恰好等于「${band.name}」的分界 ${band.atLeast ?? band.above}${unit}（方案：${inclusive ? '含' : '不含'}该分数），评为「${bandText(result)}」。`);
}
