import { formatWhere, SEVERITY_LABEL, type Diagnostic } from '../core/diagnostic.js';
import { RoundedSum, show, ZERO, type Rational } from '../core/rational.js';
import type { Assessment, UnitResult } from '../engine/assess.js';
import { bandText, orList } from '../engine/describe.js';
import type { Scheme } from '../scheme/schema.js';
import { unitWord } from '../scheme/unit-word.js';
import { conditionText, rankChangeText } from '../engine/rules.js';
import { decisionText, nameOf, type Unit, type UnitEntries } from '../engine/model.js';
import { boundDiagnostics, LISTED_PER_KIND, sortDiagnostics } from './bound-diagnostics.js';
import { allRows, widthsFor, type CellModel, type Merge, type Row, type SheetModel, type StreamedRows } from './sheet-model.js';
import { ROW_HEIGHT } from './print-plan.js';
import { Memo } from '../core/memo.js';
import { PerPlace, SlabTable } from '../core/number-slab.js';
import { PerCode } from '../core/code-map.js';

const text = (v: string, s: CellModel['s'] = 'body'): CellModel => ({ v, s });
const header = (v: string): CellModel => ({ v, s: 'header' });

/** A published score as a number cell: exact to the scheme's decimals, so the file holds what we computed. */
export function scoreCell(value: Rational | null, decimals: number): CellModel {
  return value === null ? text('—') : { v: Number(value.toFixed(decimals)), s: 'score' };
}

/**
 * The same, shared: a leaf's points are most often the very number read (one object per distinct
 * value), so their cells are made once (Memo), not once per unit and leaf (a province's 指标得分 has millions).
 */
function sharedScoreCells(decimals: number): (value: Rational | null) => CellModel {
  let cells = SCORE_CELLS.get(decimals);
  if (!cells) SCORE_CELLS.set(decimals, (cells = new Memo((v: Rational) => Object.freeze(scoreCell(v, decimals)))));
  const shared = cells;
  return (value) => (value === null ? text('—') : shared.of(value));
}

const SCORE_CELLS = new Map<number, Memo<Rational, CellModel>>();

function scoreFormat(decimals: number): string {
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

export { bandText };

/** The honour as a clerk reads it: one tied at a cut shows what it may be, 待定（一等奖或二等奖）. */
export function honourText(r: UnitResult): string {
  return r.honour ?? (r.honourPending ? `待定（${orList(r.honourPending)}）` : '');
}

/** Every flag the scheme can give, in its order: bottom-N flags, then conditions that flag, then history rules. */
export function flagNames(scheme: Scheme): string[] {
  return [...scheme.flags.map((f) => f.name), ...scheme.conditions.filter((c) => c.effects.includes('flag')).map((c) => c.name), ...(scheme.history?.rules ?? []).map((h) => h.name)];
}

/** The flags in the scheme's order, those tied at a cut in their place: 诫勉谈话、待定（报组织部）. */
export function flagTexts(r: UnitResult, scheme: Scheme): string[] {
  // Most units have none: nothing to order (a province's 排名 and 记录 ask for each unit's).
  if (r.flags.length === 0 && r.flagsPending.length === 0) return [];
  return [...new Set(flagNames(scheme))].flatMap((f) => (r.flags.includes(f) ? [f] : r.flagsPending.includes(f) ? [`待定（${f}）`] : []));
}

/** Why a unit is where it is, beyond its score: vetoes, undecided ties. */
export function remarks(r: UnitResult, decimals: number): string {
  const n = (x: Rational): string => show(x, decimals);
  const out: string[] = [];
  for (const v of r.vetoes) out.push(`一票否决：${v.item}（${v.note}），${v.effect === 'fail' ? '定为最低等次' : '取消评先资格'}`);
  for (const hit of r.conditions) out.push(conditionText(hit, decimals));
  for (const side of ['bonus', 'deduction'] as const) {
    for (const cut of r.score[side]?.cuts ?? []) {
      const what = cut.scope === 'total' ? `${SIDE_WORD[side]}合计` : cut.scope === 'item' ? `${SIDE_WORD[side]}项目「${cut.name}」` : `来源「${cut.name}」的${SIDE_WORD[side]}`;
      out.push(`${what} ${n(cut.before)} 分，超过上限 ${n(cut.cap)} 分，按 ${n(cut.cap)} 分计`);
    }
  }
  for (const d of r.decisions.filter((x) => x.applied)) out.push(`按人工决定${d.outcome === '' ? decisionText(d) : `评为${d.outcome}`}（依据：${d.basis}）`);
  if (r.pending) out.push(`与${r.pending.tiedWith.filter((n) => n !== r.unit.name).join('、')}并列，待研究决定`);
  if (r.honourPending) out.push(`${orList(r.honourPending)}待研究决定`);
  if (r.flagsPending.length > 0) out.push(`是否${r.flagsPending.join('、')}待研究决定`);
  return out.join('；');
}

const SIDE_WORD = { bonus: '加分', deduction: '减分' } as const;

function adjustmentSides(a: Assessment): ('bonus' | 'deduction')[] {
  return (['bonus', 'deduction'] as const).filter((s) => a.scheme.adjustments?.[s] !== undefined);
}

/** 加减分核算: every item with its reason and evidence, and each unit's raw sum, caps and what counted. */
export function adjustmentsSheet(a: Assessment, unitEntries: readonly UnitEntries[]): SheetModel | undefined {
  const sides = adjustmentSides(a);
  if (sides.length === 0) return undefined;
  const entries = new Map(unitEntries.map((e) => [e.unit.name, e.adjustments ?? []]));
  const d = a.scheme.rounding.decimals;
  const rows: (CellModel | null)[][] = [['类别', `${unitWord(a.scheme)}名称`, '类型', '项目', '分值', '事由', '依据', '来源'].map(header)];
  for (const r of a.results) {
    for (const e of entries.get(r.unit.name) ?? []) {
      rows.push([text(r.unit.category), text(r.unit.name), text(SIDE_WORD[e.side]), text(e.item), scoreCell(e.points, d), text(e.reason), text(e.evidence), text(e.source)]);
    }
    for (const side of sides) {
      const result = r.score[side];
      if (!result || (result.raw.isZero() && result.cuts.length === 0)) continue;
      const note = result.cuts.length > 0 ? `合计 ${show(result.raw, d)}，封顶后 ${show(result.applied, d)}` : `合计 ${show(result.raw, d)}`;
      rows.push([text(r.unit.category), text(r.unit.name), text(`${SIDE_WORD[side]}小计`), text(''), scoreCell(result.applied, d), text(note), text(''), text('')]);
    }
  }
  return { name: '加减分核算', rows, merges: [], widths: widthsFor(rows, 6, 40), headerRows: 1, scoreFormat: scoreFormat(d), title: `${a.scheme.name} 加减分核算`, keyColumns: 2 };
}

/**
 * A part's column header with what it can add to the total: 健全组织（20）; 指标评估（90/60/70）
 * where the categories differ; a weighted part shows its weight: 公众评议（×10%）.
 */
function partHeader(a: Assessment, part: string): string {
  const rules = a.scheme.components.filter((c) => c.part === part);
  const component = rules.length === 1 && rules[0]!.categories === undefined ? rules[0] : undefined;
  if (component?.weight !== undefined) return `${part}（×${component.weight}%）`;
  if (component?.periods !== undefined) return `${part}（${Object.entries(component.periods).map(([p, w]) => `${p}${w}%`).join('+')}）`;
  const points = [...new Set(a.tree.roots.filter((r) => nameOf(r) === part).map((r) => r.points.toString()))];
  return `${part}（${points.join('/')}）`;
}

/** 排名: per category, rank order, each part, the total and the band; honours, flags, figures, remarks; excluded units last. */
/** `notes`: more to say of a unit in 说明, after what the calculation itself says (its deductions, from 扣分明细). */
export function rankingSheet(a: Assessment, notes: ReadonlyMap<Unit, string> = new Map()): SheetModel {
  const d = a.scheme.rounding.decimals;
  const { honours, figures, awards } = a.scheme;
  const flags = flagNames(a.scheme);
  const ranks = a.scheme.history?.rankChange === true;
  const sides = adjustmentSides(a);
  const head = ['类别', '名次', `${unitWord(a.scheme)}名称`, ...a.tree.parts.map((p) => partHeader(a, p)), ...sides.map((s) => SIDE_WORD[s]), '总分', '等次',
    ...(honours.length > 0 ? ['荣誉'] : []), ...(awards.length > 0 ? ['单项奖'] : []), ...(flags.length > 0 ? ['标记'] : []), ...(ranks ? ['名次变化'] : []), ...figures.map((f) => f.name), '说明'];
  // Whether any unit has a 说明 (the one cell of a unit's row that wraps), known once its rows are made.
  let remarked = false;
  // Cells pushed one by one: spreading the optional columns made four arrays more for each of a province's units, on each of three walks.
  const unitRow = (r: UnitResult): Row => {
    const row: Row = [text(r.unit.category), { v: r.rank, s: 'center' }, text(r.unit.name)];
    for (const p of r.score.parts) row.push(scoreCell(p, d));
    for (const side of sides) row.push(scoreCell(r.score[side]?.applied ?? null, d));
    row.push(scoreCell(r.score.total, d), text(bandText(r), 'center'));
    if (honours.length > 0) row.push(text(honourText(r)));
    if (awards.length > 0) row.push(text(r.awards.join('、')));
    if (flags.length > 0) row.push(text(flagTexts(r, a.scheme).join('、')));
    if (ranks) row.push(text(rankChangeText(r.rankChange)));
    // Band names are the clerk's words: never look them up on a plain object's prototype (toString, constructor).
    for (const f of figures) row.push(text(r.band !== undefined && Object.hasOwn(f.values, r.band) ? String(f.values[r.band]) : ''));
    const said = [remarks(r, d), notes.get(r.unit)].filter(Boolean).join('；');
    if (said !== '') remarked = true;
    row.push(text(said, 'wrap'));
    return row;
  };
  const rows: Row[] = [head.map(header)];
  const body = unitRows(a, unitRow);
  // Every column of an excluded unit's row is a bordered cell, 说明 included.
  const blank = head.length - 5 - a.tree.parts.length - sides.length;
  const after: Row[] = a.excluded.map((name) => [text('—'), text('—', 'center'), text(name), ...[...a.tree.parts, ...sides].map(() => text('—')), text('—'), text('不参与评比', 'center'), ...Array.from({ length: blank }, () => text(''))]);
  // 说明 wraps in a column of its own width rather than pushing the page wide (a long remark took a whole line).
  const widths = capLast(widthsFor(allRows({ rows, body, after })), REMARK_WIDTH);
  // Only 说明 can wrap in a unit's row: where no unit has one (measuring the widths made every row),
  // every row is one line high, counted rather than fitted row by row for the page and the writer.
  if (!remarked) body.height = ROW_HEIGHT;
  const merges: Merge[] = [];
  const note = roundingNote(a, (r, add) => {
    for (const p of r.score.parts) add(p);
    for (const side of sides) add(side === 'deduction' ? r.score[side]?.applied.neg() : r.score[side]?.applied);
  }, '各部分');
  if (note) noteRow(rows.length + body.count, after, merges, note, head.length);
  return { name: '排名', rows, body, after, merges, widths, headerRows: 1, scoreFormat: scoreFormat(d), title: `${a.scheme.name} 得分和排名`, keyColumns: 3 };
}

/** One row per unit of the results, made as the sheet is walked (never all held: a province has 300,000). */
function unitRows(a: Assessment, row: (r: UnitResult) => Row, height?: number): StreamedRows {
  return {
    count: a.results.length,
    ...(height !== undefined ? { height } : {}),
    *rows() {
      for (const r of a.results) yield row(r);
    },
  };
}

const REMARK_WIDTH = 36;
const LEAF_WIDTH = 12;

function capLast(widths: number[], max: number): number[] {
  return widths.map((w, i) => (i === widths.length - 1 ? Math.min(w, max) : w));
}

/** A note below a table, after a blank row, merged across `width` columns so it wraps within the table; `above`: rows before `after`. */
function noteRow(above: number, after: Row[], merges: Merge[], note: string, width: number): void {
  after.push([], [text(note, 'note'), ...Array<null>(width - 1).fill(null)]);
  const top = above + after.length;
  merges.push({ top, left: 1, bottom: top, right: width });
}

/**
 * The leaves' cells of units whose points are the numbers read (a slab table: every `direct`
 * scheme), found by number: each value's cell by its place in the slab, each code's column by its
 * number in the index. What cellOf gives, without a lookup by the value for each of a province's
 * millions of figures.
 */
class SlabCells {
  private readonly cells: PerPlace<CellModel>;
  /** Each code's column among the leaves, or -1. */
  private readonly columns: PerCode<number>;
  private readonly dash: CellModel;

  constructor(private readonly leaves: readonly { code: string }[], cellOf: (value: Rational | null) => CellModel) {
    this.dash = Object.freeze(cellOf(null));
    this.cells = new PerPlace(cellOf);
    const column = new Map(leaves.map((l, i) => [l.code, i]));
    this.columns = new PerCode((code) => column.get(code) ?? -1);
  }

  /** The leaves' cells into `row` from `offset`, in the leaves' order; 「—」 where a leaf has no points. */
  fill(points: SlabTable, row: Row, offset: number): void {
    const cellAt = this.cells.of(points.slab);
    const columns = this.columns.of(points.slab.index);
    for (let i = 0; i < this.leaves.length; i++) row[offset + i] = this.dash;
    points.forEachPlace((place, n) => {
      const c = columns[n]!;
      if (c >= 0) row[offset + c] = cellAt(place);
    });
  }
}

/** 指标得分: every leaf of every unit, so a unit can see where it lost points. */
export function detailSheet(a: Assessment): SheetModel {
  const d = a.scheme.rounding.decimals;
  // The points on a line of their own: a narrow column wraps the name, never 「（」 from 「25）」.
  const head = ['类别', `${unitWord(a.scheme)}名称`, ...a.tree.leaves.map((l) => `${l.code} ${nameOf(l)}\n（${l.points.toString()}）`), '总分'];
  const rows: Row[] = [head.map(header)];
  const leaves = a.tree.leaves;
  const cellOf = sharedScoreCells(d);
  // No cell of a unit's row wraps: every row one line high. One row (and its two text cells) is
  // filled again for each unit: 指标得分 is walked twice (widths, writing), a province's 300,000 rows each time.
  const body: StreamedRows = {
    count: a.results.length,
    height: ROW_HEIGHT,
    *rows() {
      const category: CellModel = { v: '', s: 'body' };
      const name: CellModel = { v: '', s: 'body' };
      const row: Row = [category, name, ...leaves.map(() => null), null];
      const bySlab = new SlabCells(leaves, cellOf);
      for (const r of a.results) {
        category.v = r.unit.category;
        name.v = r.unit.name;
        const points = r.score.leaves;
        if (points instanceof SlabTable) bySlab.fill(points, row, 2);
        else for (let i = 0; i < leaves.length; i++) row[i + 2] = cellOf(points.get(leaves[i]!.code) ?? null);
        row[leaves.length + 2] = scoreCell(r.score.total, d);
        yield row;
      }
    },
  };
  // A leaf's header wraps over a few lines in a narrow column: more columns to a page, at a readable size.
  const widths = widthsFor(allRows({ rows, body }), 6, 24).map((w, i) => (i >= 2 ? Math.min(w, LEAF_WIDTH) : w));
  const merges: Merge[] = [];
  const after: Row[] = [];
  const note = roundingNote(a, (r, add) => {
    for (const l of leaves) add(r.score.leaves.get(l.code));
    // 加分 less 减分, shown as one figure beside the leaves.
    add((r.score.bonus?.applied ?? ZERO).minus(r.score.deduction?.applied ?? ZERO));
  }, '各指标');
  if (note) noteRow(rows.length + body.count, after, merges, note, Math.min(head.length, 8));
  return { name: '指标得分', rows, body, after, merges, widths, headerRows: 1, scoreFormat: scoreFormat(d), title: `${a.scheme.name} 各${unitWord(a.scheme)}指标得分`, keyColumns: 2 };
}

/**
 * One note where published figures do not add up to the published total: each is rounded on its
 * own while the total is rounded once from the exact sum (issue 9: say so, never hide it).
 */
function roundingNote(a: Assessment, addends: (r: UnitResult, add: (x: Rational | null | undefined) => void) => void, what: string): string | undefined {
  const d = a.scheme.rounding.decimals;
  const off = a.results.filter((r) => {
    const shown = new RoundedSum(d);
    addends(r, (x) => {
      if (x) shown.add(x);
    });
    return !shown.equals(r.score.total);
  });
  if (off.length === 0) return undefined;
  const named = off.slice(0, 5).map((r) => r.unit.name).join('、') + (off.length > 5 ? `等 ${off.length} 个${unitWord(a.scheme)}` : '');
  return `注：总分由精确值相加后一次四舍五入得出，${what}得分分别四舍五入后显示，因此${named}的${what}得分相加与总分相差不超过几个末位（计算以精确值为准）。`;
}

/** 问题: every diagnostic, errors first, with where to look and what to do. */
export function problemsSheet(diagnostics: readonly Diagnostic[], title?: string): SheetModel {
  // The code last: a clerk reads where and what; the code is for looking it up or asking.
  const rows: (CellModel | null)[][] = [['级别', '位置', '说明', '建议', '代码'].map(header)];
  for (const diag of sortDiagnostics(boundDiagnostics(diagnostics, LISTED_PER_KIND))) {
    rows.push([text(SEVERITY_LABEL[diag.severity]), text(formatWhere(diag.where), 'wrap'), text(diag.message, 'wrap'), text(diag.hint ?? '', 'wrap'), text(diag.code)]);
  }
  if (rows.length === 1) rows.push([text('—'), text('—'), text('未发现问题。'), text(''), text('—')]);
  // 说明 and 建议 wrap in columns of their own, so neither runs into the other.
  const widths = widthsFor(rows, 6, 60).map((w, i) => Math.min(w, [8, 28, 46, 36, 30][i]!));
  return { name: '问题', rows, merges: [], widths, headerRows: 1, title: title ?? '数据检查发现的问题', keyColumns: 1 };
}
