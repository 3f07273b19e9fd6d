import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keysAt } from '../../src/scheme/schema-keys.js';

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'scheme.md');

/** Shapes documented once: a category's own bands are bands, and 减分 is shaped like 加分. */
const SAME_AS = new Set(['categories[].bands', 'adjustments.deduction']);

/** Every key the scheme accepts, as docs/scheme.md writes it: bands[].quota.count. */
export function schemePaths(at: (string | number)[] = [], prefix = ''): string[] {
  const out: string[] = [];
  for (const key of keysAt(at)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    out.push(name);
    if (SAME_AS.has(name)) continue;
    const element = keysAt([...at, key, 0]);
    out.push(...(element.length > 0 ? schemePaths([...at, key, 0], `${name}[]`) : schemePaths([...at, key], name)));
  }
  return out;
}

/** The keys listed in the doc's 键一览 table, one a row. */
function documentedPaths(): string[] {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf('\n## 键一览');
  expect(start).toBeGreaterThan(0);
  const end = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

describe('docs/scheme.md lists every key of the scheme', () => {
  // Keys the samples used went undocumented (components[].categories, flags[].scope, flags[].categories):
  // the 键一览 table and the schema must name the same keys.
  it('has one row per key, no more and no fewer', () => {
    expect([...documentedPaths()].sort()).toEqual(schemePaths().sort());
  });
});
