import { error, type Diagnostic, type Where } from '../core/diagnostic.js';
import { Rational, sum } from '../core/rational.js';
import { appliesTo, nameOf, type Indicator, type IndicatorTree } from '../engine/model.js';
import { componentFor, type Scheme } from '../scheme/schema.js';

function cellOf(i: Indicator): string {
  return `${i.source.sheet}!${i.source.cell}`;
}

/**
 * For every category: the points of the indicators that apply to it add up to each parent and
 * to the full marks. A mismatch names the rows, so the clerk can find the typo; a category no
 * indicator applies to is reported at `sheet`, the indicator sheet.
 */
export function checkPoints(tree: IndicatorTree, scheme: Pick<Scheme, 'categories' | 'components'>, fullMarks: Rational, sheet: Where): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (d: Diagnostic): void => {
    const key = `${d.where.cell}|${d.message}`;
    if (!seen.has(key)) out.push(d);
    seen.add(key);
  };
  // What a part's points count for in the total: its weight, or the sum of its periods' weights (奇台 30 + 60).
  const share = (root: Indicator, category: string): Rational => {
    const c = componentFor(scheme, nameOf(root), category);
    if (c?.weight !== undefined) return Rational.of(c.weight).div(100);
    if (c?.periods !== undefined) return sum(Object.values(c.periods).map((w) => Rational.of(w))).div(100);
    return Rational.of(1);
  };
  const { categories } = scheme;
  for (const category of categories) {
    const roots = tree.roots.filter((r) => appliesTo(r, category));
    const total = sum(roots.map((r) => r.points.mul(share(r, category))));
    if (!total.eq(fullMarks)) {
      report(error('E_POINTS_TOTAL', roots[0]?.source ?? sheet, `类别「${category}」适用的一级指标计入总分的分值合计为 ${total.toString()}，与方案满分 ${fullMarks.toString()} 不符。`,
        `一级指标：${roots.map((r) => `${r.path[0]} ${r.points.toString()}${share(r, category).eq(1) ? '' : ` × ${share(r, category).mul(100).toString()}%`}（${cellOf(r)}）`).join('，')}`));
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
