import type { CodeIndex, CodeTable } from './code-map.js';
import { RationalPool, type Rational } from './rational.js';

/** Slots in one stretch of the slab: 65,536 × 4 bytes. */
const CHUNK_SLOTS = 1 << 16;
/** Distinct values a slab numbers before it leaves new units to tables of their own (CodeMap). */
const MOST_VALUES = 1 << 20;

/**
 * The numbers entered for many units, by code, in one slab: each unit's table is a stretch of a
 * shared Uint32Array holding, for each code of the index, 1 + the number's place in the slab's list
 * of distinct values (0: nothing entered). Four bytes a figure, where a table of its own holds an
 * 8-byte reference in an array with a header: a province's 300,000 units × 40 figures, 50 MB less.
 * Entered numbers repeat (a few thousand values with two decimals), so the list stays short; should
 * it pass MOST_VALUES, `table()` says so by giving nothing and the caller makes a table of its own.
 */
export class NumberSlab {
  /** The codes the slab has room for: the index's, as it was when the slab was made. */
  readonly width: number;
  readonly values: Rational[] = [];
  private readonly places = new Map<Rational, number>();
  /** Equal values as one object, so that places are found by identity. */
  private readonly same = new RationalPool(Number.POSITIVE_INFINITY);
  private chunk = new Uint32Array(0);
  private used = 0;

  constructor(readonly index: CodeIndex, private readonly mostValues = MOST_VALUES) {
    this.width = index.codes.length;
  }

  /** A new unit's empty table, or undefined once the slab holds too many distinct values. */
  table(): CodeTable<Rational> | undefined {
    if (this.values.length >= this.mostValues) return undefined;
    if (this.used + this.width > this.chunk.length) {
      this.chunk = new Uint32Array(Math.max(CHUNK_SLOTS, this.width));
      this.used = 0;
    }
    const table = new SlabTable(this, this.chunk, this.used);
    this.used += this.width;
    return table;
  }

  /** 1 + the value's place in the list. */
  place(value: Rational): number {
    // The reader gives a repeated number as one object: found by identity, most are found at once.
    const found = this.places.get(value);
    if (found !== undefined) return found + 1;
    const kept = this.same.of(value);
    let place = this.places.get(kept);
    if (place === undefined) {
      place = this.values.length;
      this.values.push(kept);
      this.places.set(kept, place);
    }
    return place + 1;
  }
}

export class SlabTable implements CodeTable<Rational> {
  private count = 0;

  constructor(
    readonly slab: NumberSlab,
    private readonly chunk: Uint32Array,
    private readonly at: number,
  ) {}

  get size(): number {
    return this.count;
  }

  private slot(code: string): number | undefined {
    const n = this.slab.index.find(code);
    return n === undefined || n >= this.slab.width ? undefined : n;
  }

  get(code: string): Rational | undefined {
    const n = this.slot(code);
    const k = n === undefined ? 0 : this.chunk[this.at + n]!;
    return k === 0 ? undefined : this.slab.values[k - 1];
  }

  has(code: string): boolean {
    return this.get(code) !== undefined;
  }

  /** `undefined` is no value: setting it removes the code. Only the codes the slab was made for have room. */
  set(code: string, value: Rational | undefined): this {
    const n = this.slot(code);
    if (n === undefined) throw new Error(`NumberSlab: no room for code ${code}`);
    const had = this.chunk[this.at + n] !== 0;
    this.chunk[this.at + n] = value === undefined ? 0 : this.slab.place(value);
    this.count += (value !== undefined ? 1 : 0) - (had ? 1 : 0);
    return this;
  }

  *[Symbol.iterator](): Iterator<[string, Rational]> {
    for (let n = 0; n < this.slab.width; n++) {
      const k = this.chunk[this.at + n]!;
      if (k !== 0) yield [this.slab.index.codes[n]!, this.slab.values[k - 1]!];
    }
  }

  forEach(fn: (value: Rational, code: string) => void): void {
    for (let n = 0; n < this.slab.width; n++) {
      const k = this.chunk[this.at + n]!;
      if (k !== 0) fn(this.slab.values[k - 1]!, this.slab.index.codes[n]!);
    }
  }

  /**
   * Each figure as forEach has them, as numbers: its code's in the index and its value's place in
   * the slab's list (`slab.values`). What is made of a value or a code can then be kept in an array
   * by number, where a Map by the value itself is a hash lookup each (a province's record makes
   * texts of 12 million figures).
   */
  forEachPlace(fn: (place: number, n: number) => void): void {
    for (let n = 0; n < this.slab.width; n++) {
      const k = this.chunk[this.at + n]!;
      if (k !== 0) fn(k - 1, n);
    }
  }
}

/**
 * Something made of each value of a slab, kept by the value's place (SlabTable.forEachPlace): made
 * the first time it is asked for, then found by number where a Map by the value would hash it for
 * each of a province's millions of figures.
 */
export class PerPlace<T> {
  private readonly lists = new WeakMap<NumberSlab, T[]>();

  constructor(private readonly make: (value: Rational) => T) {}

  /** What is made of the slab's values, by place: fetch once for a table, then call for each figure. */
  of(slab: NumberSlab): (place: number) => T {
    let list = this.lists.get(slab);
    if (!list) this.lists.set(slab, (list = []));
    const made = list;
    return (place) => (made[place] ??= this.make(slab.values[place]!));
  }
}
