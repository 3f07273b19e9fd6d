import { ZERO, type Rational } from '../../core/rational.js';
import type { GradePoints, Indicator } from '../model.js';
import { plain, type ScoresMethod } from './method.js';

export interface GradeDetail {
  method: 'grade';
  entered?: Rational;
  grade?: GradePoints;
}

function gradesFixed(leaf: Indicator): boolean {
  return (leaf.params.grades ?? []).every((g) => g.min.eq(g.max));
}

function gradeText(leaf: Indicator): string {
  return (leaf.params.grades ?? []).map((g) => `${g.label} ${g.min.eq(g.max) ? plain(g.min) : `${plain(g.min)}—${plain(g.max)}`} 分`).join('，');
}

/** Excel keeps an inline list to 255 characters, and a comma would split an item. */
export function fitsInlineList(items: readonly string[]): boolean {
  return items.length > 0 && items.join(',').length <= 250 && items.every((i) => !i.includes(',') && !i.includes('"'));
}

/** 等级 (奇台 专项: 优秀 10, 良好 8–9): a grade's points, fixed or chosen within its range. */
export const grade: ScoresMethod<GradeDetail, 'grade'> = {
  name: 'grade',
  title: '等级',
  aliases: ['档次', '等级', '评价等级'],
  params: { takes: ['grades'], needs: ['grades'], example: '例如：等级=优秀:10、良好:8、一般:5、差:0' },
  sheet: 'scores',
  targets: false,
  entry: {
    labels: {
      read: (leaf, label) => {
        const g = leaf.params.grades?.find((x) => x.label.toUpperCase() === label);
        if (!g) return undefined;
        if (g.min.eq(g.max)) return { value: g.min };
        return { code: 'E_GRADE_RANGE', message: `等级「${g.label}」的分值是 ${g.min.toString()}—${g.max.toString()}，需要填写具体分数。`, hint: `请填写 ${g.min.toString()} 到 ${g.max.toString()} 之间的分数。` };
      },
      what: '等级',
      allowed: (leaf) => (leaf.params.grades ?? []).map((g) => `「${g.label}」`).join('、'),
    },
    check: (leaf, v) => (leaf.params.grades?.some((g) => v.gte(g.min) && v.lte(g.max)) ? undefined : {
      code: 'E_GRADE_RANGE', message: `分数 ${v.toString()} 不在任何等级的分值范围内。`,
      hint: `各等级分值：${(leaf.params.grades ?? []).map((g) => `${g.label} ${g.min.eq(g.max) ? g.min.toString() : `${g.min.toString()}—${g.max.toString()}`}`).join('，')}`,
    }),
  },
  form: {
    words: (leaf) => (gradesFixed(leaf) ? (leaf.params.grades ?? []).map((g) => g.label).join('/') : '分数'),
    help: (leaf) => (gradesFixed(leaf) ? `选等级：${gradeText(leaf)}。` : `填分数：${gradeText(leaf)}；分值为范围的等级须填具体分数。`),
    validation: (leaf, prompt) => {
      const grades = leaf.params.grades ?? [];
      if (gradesFixed(leaf) && fitsInlineList(grades.map((g) => g.label))) return { type: 'list', items: grades.map((g) => g.label), prompt };
      const min = grades.reduce((m, g) => (g.min.lt(m) ? g.min : m), leaf.points);
      const max = grades.reduce((m, g) => (g.max.gt(m) ? g.max : m), grades[0]?.max ?? leaf.points);
      return { type: 'decimal', min: plain(min), max: plain(max), prompt };
    },
  },
  // The entry is already the points: a grade label was turned into points when read.
  score: (leaf, entries) => entries.values.get(leaf.code) ?? ZERO,
  detail: (leaf, entries) => {
    const entered = entries.values.get(leaf.code);
    return { method: 'grade', entered, grade: entered && leaf.params.grades?.find((g) => entered.gte(g.min) && entered.lte(g.max)) };
  },
  explain: (t, d, n) => {
    if (!d.grade) return d.entered === undefined ? '未填写，按 0 分计' : `评分 ${n(d.entered)}`;
    return d.grade.min.eq(d.grade.max) ? `等级「${d.grade.label}」，${n(t.points)} 分` : `等级「${d.grade.label}」（${n(d.grade.min)}—${n(d.grade.max)} 分），评 ${n(t.points)} 分`;
  },
  doc: {
    aliases: '档次、等级、评价等级', scoring: '等级对应的分数；等级的分值可以是范围（奇台专项：良好 8—9 分）',
    entry: '等级名称（分值固定时），或具体分数（须落在某个等级的范围内）', params: '`等级=优秀:10、良好:8-9、一般:5-6、差:0`（必填）',
  },
};
