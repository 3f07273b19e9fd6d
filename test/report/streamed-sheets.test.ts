import { SlabTable } from '../../src/core/number-slab.js';
import type { Assessment } from '../../src/engine/assess.js';
import { detailSheet, rankingSheet } from '../../src/report/result-sheets.js';
import { fittedHeights, ROW_HEIGHT, sheetExtent } from '../../src/report/print-plan.js';
import type { CellModel } from '../../src/report/sheet-model.js';
import { directBook } from '../support/direct-book.js';

// Issue 11: a unit whose leaves are the numbers read (a slab table) has its 指标得分 cells found by
// number, not looked up code by code; the sheet must say exactly what the lookup says.

/** The body's rows as values and styles (the body fills one array again for each row). */
function bodyOf(a: Assessment): (string | number | null | undefined)[][] {
  const out: (string | number | null | undefined)[][] = [];
  for (const row of detailSheet(a).body!.rows()) out.push(row.map((c: CellModel | null) => (c === null ? null : `${String(c.v)}|${c.s}`)));
  return out;
}

describe('指标得分 from slab tables', () => {
  it('has the cells a lookup by code gives, for units of the slab, a unit of its own and a slab unit without a leaf', async () => {
    const { a } = await directBook({ blank: 4 });
    const slabbed = a.results.filter((r) => r.score.leaves instanceof SlabTable);
    // The unit with a blank keeps leaves of its own; every other has the slab's.
    expect(slabbed).toHaveLength(a.results.length - 1);
    // A slab unit without its leaf C: a dash in its place either way.
    const dropped = slabbed[3]!;
    dropped.score.leaves.set('C', undefined as never);
    const byCode: Assessment = { ...a, results: a.results.map((r) => ({ ...r, score: { ...r.score, leaves: new Map([...r.score.leaves]) } })) };
    const fast = bodyOf(a);
    expect(fast).toEqual(bodyOf(byCode));
    const blank = a.results.findIndex((r) => r.unit.name === '单位4');
    expect(fast[blank]!.slice(2, 5)).toEqual(['28|score', '15.5|score', '0|score']);
    expect(fast[a.results.indexOf(dropped)]![4]).toBe('—|body');
  });
});

describe('排名 rows one line high', () => {
  it('are counted, not walked, where no unit has a 说明; one unit with a long 说明 has its row fitted', async () => {
    const { a } = await directBook({ blank: 4 });
    const plain = rankingSheet(a);
    expect(plain.body!.height).toBe(ROW_HEIGHT);
    const walked = { ...plain, body: { ...plain.body!, rows: () => { throw new Error('walked'); } } };
    expect(sheetExtent(walked)).toEqual(sheetExtent(plain));
    const noted = a.results[5]!.unit;
    const remarked = rankingSheet(a, new Map([[noted, '扣分：'.repeat(40)]]));
    expect(remarked.body!.height).toBeUndefined();
    const heights = fittedHeights(remarked);
    expect(heights[1 + 5]).toBeGreaterThan(2 * ROW_HEIGHT);
    expect(heights.filter((h, i) => i > 0 && i <= a.results.length && h !== ROW_HEIGHT)).toHaveLength(1);
  });
});
