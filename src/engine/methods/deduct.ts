import { Rational, ZERO, sum } from '../../core/rational.js';
import type { Deduction } from '../model.js';
import { SHEETS } from '../../input/sheet-names.js';
import { plain, type ListMethod } from './method.js';

export interface DeductDetail {
  method: 'deduct';
  deductions: readonly Deduction[];
  deducted: Rational;
  /** 扣分基数: deductions taken from this (100), the rest rescaled to the leaf's points. */
  base?: Rational;
}

/** A long list is summed in one term of the rule; each item still has its own line below it. */
const MAX_TERMS = 6;

/** 扣分制 (001, 004): the points less the deductions listed with their reasons, never below 0. */
export const deduct: ListMethod<DeductDetail, 'deduct'> = {
  name: 'deduct',
  title: '扣分制',
  aliases: ['扣分', '扣分制'],
  params: { takes: ['base'], needs: [] },
  sheet: 'deductions',
  targets: false,
  form: {
    words: () => '见扣分明细',
    help: (leaf) => `不在得分表填写；每一项扣分在「${SHEETS.deductions[0]}」中写一行（单位、指标编码、扣分、原因），${leaf.params.base
      ? `按 ${plain(leaf.params.base)} 分制扣分，${plain(leaf.params.base)} 减去扣分后折算为 ${plain(leaf.points)} 分制。` : `满分 ${plain(leaf.points)} 分减去扣分。`}`,
  },
  score: (leaf, entries) => {
    const deducted = sum((entries.deductions.get(leaf.code) ?? []).map((d) => d.points));
    const base = leaf.params.base;
    // 004 管理: the lead department scores out of 100 by deducting; the leaf counts that share of its points.
    if (base) return leaf.points.mul(Rational.max(ZERO, base.minus(deducted))).div(base);
    return Rational.max(ZERO, leaf.points.minus(deducted));
  },
  detail: (leaf, entries) => {
    const deductions = entries.deductions.get(leaf.code) ?? [];
    return { method: 'deduct', deductions, deducted: sum(deductions.map((d) => d.points)), ...(leaf.params.base ? { base: leaf.params.base } : {}) };
  },
  explain: (t, d, n) => {
    if (d.base) {
      const left = Rational.max(ZERO, d.base.minus(d.deducted));
      const terms = d.deductions.length === 0 ? `无扣分，${n(d.base)}` : d.deductions.length > MAX_TERMS
        ? `${n(d.base)} − ${n(d.deducted)}（${d.deductions.length} 项扣分合计）= ${n(left)}` : `${n(d.base)} − ${d.deductions.map((x) => n(x.points)).join(' − ')} = ${n(left)}`;
      return `${n(d.base)} 分制：${terms}；折算 ${n(t.leaf.points)} × ${n(left)} ÷ ${n(d.base)} = ${n(t.points)}`;
    }
    const max = t.leaf.points;
    if (d.deductions.length === 0) return `无扣分，得满分 ${n(max)}`;
    const formula = d.deductions.length > MAX_TERMS ? `${n(max)} − ${n(d.deducted)}（${d.deductions.length} 项扣分合计）` : `${n(max)} − ${d.deductions.map((x) => n(x.points)).join(' − ')}`;
    const left = max.minus(d.deducted);
    return left.isNegative() ? `${formula} = ${n(left)}，最低 0 分` : `${formula} = ${n(t.points)}`;
  },
  doc: {
    aliases: '扣分、扣分制', scoring: '分值 − 扣分明细中该单位该指标的扣分之和，最低 0 分',
    entry: '不填；扣分逐项写入「扣分明细」（单位名称、指标编码、扣分、扣分原因），原因必填',
    params: '`扣分基数=100`（按百分制扣分，再折算为分值：分值 × (100 − 扣分) ÷ 100，最低 0 分）',
  },
};
