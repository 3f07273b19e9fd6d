import { error, type Diagnostic, type Where } from '../core/diagnostic.js';
import { Rational } from '../core/rational.js';
import { didYouMean } from '../core/suggest.js';
import { nameOf, type Indicator, type IndicatorTree, type PeriodShare } from '../engine/model.js';
import type { NodeRule, Scheme } from '../scheme/schema.js';
import { componentFor } from '../scheme/schema.js';
import { normalizeName } from './cells.js';

/**
 * The scheme's `nodes` applied to the tree: each leaf below a node with a rule gets that node's
 * periods (the nearest rule wins; `periods: []` is the year). A rule naming no indicator, or one
 * inside a part already scored per period by `components`, is an error at the scheme.
 */
export function applyNodePeriods(tree: IndicatorTree, scheme: Pick<Scheme, 'nodes' | 'components' | 'categories'>, at: Where, diagnostics: Diagnostic[]): void {
  const rules = new Map<Indicator, PeriodShare[]>();
  (scheme.nodes ?? []).forEach((rule, i) => {
    const where = { ...at, path: `nodes[${i}].node` };
    const nodes = nodesNamed(tree, rule.node);
    if (nodes.length === 0) {
      const names = [...tree.byCode.keys(), ...allNodes(tree).map((n) => n.path.join('/'))];
      diagnostics.push(error('E_SCHEME_NODE', where, `方案 nodes 中的「${rule.node}」不是指标体系中的指标。`,
        didYouMean(normalizeName(rule.node), names) ?? '写指标编码，或从一级指标起的名称，用「/」分隔，如「勤政/社会满意程度」。'));
      return;
    }
    for (const node of nodes) {
      const root = tree.roots.find((r) => r.path[0] === node.path[0] && contains(r, node));
      const categories = root?.categories ?? scheme.categories;
      if (root && categories.some((c) => componentFor(scheme, nameOf(root), c)?.periods !== undefined)) {
        diagnostics.push(error('E_SCHEME_NODE', where, `「${rule.node}」所在的一级指标「${nameOf(root)}」已在 components 中分期计分，其下的指标不能再写期次。`,
          '一个指标只能按一种方式分期：或在 components 中给一级指标写 periods，或在 nodes 中给其下的指标写。'));
        continue;
      }
      rules.set(node, shares(rule));
    }
  });
  const visit = (node: Indicator, inherited: PeriodShare[] | undefined): void => {
    const own = rules.get(node);
    const periods = own === undefined ? inherited : own.length > 0 ? own : undefined;
    if (node.children.length === 0) {
      if (periods) node.periods = periods;
      return;
    }
    node.children.forEach((c) => visit(c, periods));
  };
  tree.roots.forEach((r) => visit(r, undefined));
}

/** A list is the plain mean; a map gives percentages (checked to add to 100 when the scheme was read). */
function shares(rule: NodeRule): PeriodShare[] {
  if (Array.isArray(rule.periods)) return rule.periods.map((name, _i, all) => ({ name, weight: Rational.of(1).div(all.length) }));
  return Object.entries(rule.periods).map(([name, w]) => ({ name, weight: Rational.of(w).div(100) }));
}

function allNodes(tree: IndicatorTree): Indicator[] {
  const out: Indicator[] = [];
  const visit = (n: Indicator): void => {
    out.push(n);
    n.children.forEach(visit);
  };
  tree.roots.forEach(visit);
  return out;
}

/** By code, else by the names from 一级 down (every category's node of that name). */
function nodesNamed(tree: IndicatorTree, written: string): Indicator[] {
  const byCode = tree.byCode.get(normalizeName(written));
  if (byCode) return [byCode];
  const path = written.split(/[/／]/).map(normalizeName).join('/');
  return allNodes(tree).filter((n) => n.path.join('/') === path);
}

function contains(root: Indicator, node: Indicator): boolean {
  return root === node || root.children.some((c) => contains(c, node));
}
