import { layoutAppendix, blockColumns, type AppendixSection } from '../../src/report/appendix.js';

function section(band: string, counts: number[]): AppendixSection {
  const categories = counts.map((n, i) => ({ category: `类${i}`, units: Array.from({ length: n }, (_, k) => `${band}${i}-${k}`) }));
  return { heading: band, band, count: counts.reduce((a, b) => a + b, 0), categories };
}

describe('layoutAppendix', () => {
  it('finds 001\'s layout: 9 rows, 7 columns, 达标 部门 continued beside itself', () => {
    const blocks = layoutAppendix([section('先进', [6, 1, 9]), section('达标', [8, 3, 16])], 7);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.rows).toBe(9);
    expect(blockColumns(blocks[0]!)).toBe(7);
  });

  it('never folds a list shorter than the second-longest', () => {
    expect(layoutAppendix([section('先进', [2, 1]), section('达标', [3, 3])], 7)[0]!.rows).toBe(3);
    expect(layoutAppendix([section('先进', [1, 1]), section('达标', [1, 1])], 7)[0]!.rows).toBe(1);
    // A list of five or fewer stays whole, even when every other list is shorter.
    expect(layoutAppendix([section('不合格', [1, 2, 0])], 7)[0]!.rows).toBe(2);
    expect(layoutAppendix([section('不合格', [1, 7, 0])], 7)[0]!.rows).toBe(5);
  });

  it('grows taller than the second-longest list when the folded columns would not fit', () => {
    // At 12 rows (the second-longest): 1+1+1 + 1+1+3 = 8 columns > 7; at 15 rows: 1+1+1 + 1+1+2 = 7.
    expect(layoutAppendix([section('先进', [9, 1, 12]), section('达标', [8, 3, 30])], 7)[0]!.rows).toBe(15);
  });

  it('stacks the bands when they cannot stand side by side', () => {
    const blocks = layoutAppendix([section('先进', [5, 5, 5, 5]), section('达标', [5, 5, 5, 5])], 5);
    expect(blocks.map((b) => [b.sections.map((s) => s.band), b.rows])).toEqual([[['先进'], 5], [['达标'], 5]]);
  });
});
