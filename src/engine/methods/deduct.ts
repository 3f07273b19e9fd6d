import { Rational, ZERO, sum } from '../../core/rational.js';
import type { Deduction } from '../model.js';
import { SHEETS } from '../../input/sheet-names.js';
import { plain, type ListMethod } from './method.js';

export interface DeductDetail {
  method: 'deduct';
  deductions: readonly Deduction[];
  deducted: Rational;
}

/** A long list is summed in one term of the rule; each item still has its own line below it. */
const MAX_TERMS = 6;

/** 扣分制 (001, 004): the points less the deductions listed with their reasons, never below 0. */
export const deduct: ListMethod<DeductDetail, 'deduct'> = {
  name: 'deduct',
  title: '扣分制',
  aliases: ['扣分', '扣分制'],
  params: { takes: [], needs: [] },
  sheet: 'deductions',
  targets: false,
  form: {
    words: () => '见扣分明细',
    help: (leaf) => `不在得分表填写；每一项扣分在「${SHEETS.deductions[0]}」中写一行（单位、指标编码、扣分、原因），满分 ${plain(leaf.points)} 分减去扣分。`,
  },
  score: (leaf, entries) => Rational.max(ZERO, leaf.points.minus(sum((entries.deductions.get(leaf.code) ?? []).map((d) => d.points)))),
  detail: (leaf, entries) => {
    const deductions = entries.deductions.get(leaf.code) ?? [];
    return { method: 'deduct', deductions, deducted: sum(deductions.map((d) => d.points)) };
  },
  explain: (t, d, n) => {
    const max = t.leaf.points;
    if (d.deductions.length === 0) return `无扣分，得满分 ${n(max)}`;
    const formula = d.deductions.length > MAX_TERMS ? `${n(max)} − ${n(d.deducted)}（${d.deductions.length} 项扣分合计）` : `${n(max)} − ${d.deductions.map((x) => n(x.points)).join(' − ')}`;
    const left = max.minus(d.deducted);
    return left.isNegative() ? `${formula} = ${n(left)}，最低 0 分` : `${formula} = ${n(t.points)}`;
  },
  doc: {
    aliases: '扣分、扣分制', scoring: '分值 − 扣分明细中该单位该指标的扣分之和，最低 0 分',
    entry: '不填；扣分逐项写入「扣分明细」（单位名称、指标编码、扣分、扣分原因），原因必填', params: '—',
  },
};
