import { CodeIndex, PerCode } from '../../src/core/code-map.js';
import { NumberSlab, PerPlace, SlabTable } from '../../src/core/number-slab.js';
import { Rational } from '../../src/core/rational.js';

// Issue 11: the numbers entered for a province's units, 4 bytes a figure in one shared slab.

const q = (v: string) => Rational.parse(v);

describe('NumberSlab', () => {
  it('reads back what was set, by code, in the index\'s order; undefined removes', () => {
    const slab = new NumberSlab(new CodeIndex(['A1', 'A2', 'B1']));
    const t = slab.table()!;
    t.set('B1', q('3.5')).set('A1', q('85.23'));
    expect(t.size).toBe(2);
    expect(t.get('A1')!.toString()).toBe('85.23');
    expect(t.has('A2')).toBe(false);
    expect(t.get('Z9')).toBeUndefined();
    expect([...t].map(([c, v]) => `${c}=${v}`)).toEqual(['A1=85.23', 'B1=3.5']);
    t.set('A1', undefined as unknown as Rational);
    expect([t.size, t.has('A1')]).toEqual([1, false]);
  });

  it('keeps one entry for each value, however it was made', () => {
    const slab = new NumberSlab(new CodeIndex(['A1', 'A2']));
    const t = slab.table()!;
    t.set('A1', q('0.5')).set('A2', Rational.of(1).div(2));
    slab.table()!.set('A1', q('.50'));
    expect(slab.values.map(String)).toEqual(['0.5']);
  });

  it('gives each unit its own stretch, across the slab\'s chunks', () => {
    const codes = Array.from({ length: 40 }, (_, i) => `I${i}`);
    const slab = new NumberSlab(new CodeIndex(codes));
    const tables = Array.from({ length: 5000 }, (_, u) => {
      const t = slab.table()!;
      codes.forEach((c, i) => t.set(c, Rational.of(u * 40 + i)));
      return t;
    });
    tables.forEach((t, u) => expect([u, [...t].map(([, v]) => Number(v.toString()))]).toEqual([u, codes.map((_, i) => u * 40 + i)]));
    // forEach walks the same pairs in the same order, within each unit's own stretch.
    tables.forEach((t, u) => {
      const walked: [string, Rational][] = [];
      t.forEach((v, code) => walked.push([code, v]));
      expect([u, walked]).toEqual([u, [...t]]);
    });
  });

  it('refuses a code it has no room for, rather than dropping the figure', () => {
    const index = new CodeIndex(['A1']);
    const t = new NumberSlab(index).table()!;
    index.number('A2');
    expect(() => t.set('A2', q('1'))).toThrow('no room');
  });

  it('gives no more tables once it holds its most distinct values: the caller makes one of its own', () => {
    const slab = new NumberSlab(new CodeIndex(['A1']), 3);
    for (const v of ['1', '2', '3']) slab.table()!.set('A1', q(v));
    expect(slab.table()).toBeUndefined();
  });
});

describe('PerPlace and PerCode', () => {
  it('make what a table\'s figures are by number: each value once per slab, each code again when the index grew', () => {
    const index = new CodeIndex(['A1', 'A2', 'B1']);
    const slab = new NumberSlab(index);
    const a = slab.table() as SlabTable;
    const b = slab.table() as SlabTable;
    a.set('A1', q('2.5')).set('B1', q('7'));
    b.set('A2', q('2.50')).set('B1', q('3'));
    const made: string[] = [];
    const texts = new PerPlace((v: Rational) => (made.push(v.toString()), `<${v.toString()}>`));
    const keys = new PerCode((code: string) => code.toLowerCase());
    const seen = (t: SlabTable): string[] => {
      const textOf = texts.of(t.slab);
      const key = keys.of(t.slab.index);
      const out: string[] = [];
      t.forEachPlace((place, n) => out.push(`${key[n]}${textOf(place)}`));
      return out;
    };
    expect([seen(a), seen(b), seen(a)]).toEqual([['a1<2.5>', 'b1<7>'], ['a2<2.5>', 'b1<3>'], ['a1<2.5>', 'b1<7>']]);
    expect(made).toEqual(['2.5', '7', '3']);
    index.number('C1');
    expect(keys.of(index)).toEqual(['a1', 'a2', 'b1', 'c1']);
  });
});
