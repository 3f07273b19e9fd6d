import type { Decimal } from 'decimal.js';
import { error, type Diagnostic } from '../core/diagnostic.js';
import { appliesTo, type Indicator, type IndicatorTree } from '../engine/model.js';

function cellOf(i: Indicator): string {
  return `${i.source.sheet}!${i.source.cell}`;
}

/**
 * For every category: the points of the indicators that apply to it add up to each parent and
 * to the full marks. A mismatch names the rows, so the clerk can find the typo.
 */
export function checkPoints(tree: IndicatorTree, categories: readonly string[], fullMarks: Decimal): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (d: Diagnostic): void => {
    const key = `${d.where.cell}|${d.message}`;
    if (!seen.has(key)) out.push(d);
    seen.add(key);
  };
  for (const category of categories) {
    const roots = tree.roots.filter((r) => appliesTo(r, category));
    const sum = roots.reduce((s, r) => s.plus(r.points), fullMarks.mul(0));
    if (!sum.eq(fullMarks)) {
      report(error('E_POINTS_TOTAL', roots[0]?.source ?? {}, `类别「${category}」适用的一级指标分值合计为 ${sum.toString()}，与方案满分 ${fullMarks.toString()} 不符。`,
        `一级指标：${roots.map((r) => `${r.path[0]} ${r.points.toString()}（${cellOf(r)}）`).join('，')}`));
    }
    const visit = (node: Indicator): void => {
      const children = node.children.filter((c) => appliesTo(c, category));
      if (node.children.length === 0) return;
      const childSum = children.reduce((s, c) => s.plus(c.points), node.points.mul(0));
      if (!childSum.eq(node.points)) {
        const scope = categories.length > 1 && children.length !== node.children.length ? `（类别「${category}」）` : '';
        report(error('E_POINTS_CHILDREN', node.source, `指标「${node.path.join('/')}」分值为 ${node.points.toString()}，其下级指标${scope}合计 ${childSum.toString()}，两者不符。`,
          `下级指标：${children.map((c) => `${c.code || c.path.at(-1)} ${c.points.toString()}（${cellOf(c)}）`).join('，')}`));
      }
      children.forEach(visit);
    };
    roots.forEach(visit);
  }
  return out;
}
