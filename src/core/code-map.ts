/**
 * Figures keyed by indicator code, one table per unit: a province has 300,000 units × 40 leaves,
 * and a Map per unit costs a hash table each (about 2 KB for 40 entries). The codes are numbered
 * once per indicator system (CodeIndex) and each unit holds a plain array in that numbering.
 * Iteration follows the numbering: the indicator system's order for its leaves, then codes in the
 * order first set.
 */
/** Distinct strings numbered in the order first seen (indicator codes here; a workbook's shared strings in io). */
export class CodeIndex {
  private readonly numbers = new Map<string, number>();
  readonly codes: string[] = [];

  constructor(codes: Iterable<string> = []) {
    for (const code of codes) this.number(code);
  }

  /** The code's number, given one when it has none. */
  number(code: string): number {
    let n = this.numbers.get(code);
    if (n === undefined) {
      n = this.codes.length;
      this.codes.push(code);
      this.numbers.set(code, n);
    }
    return n;
  }

  find(code: string): number | undefined {
    return this.numbers.get(code);
  }
}

/** What is read of a table keyed by code: a Map (tests, small inputs) or a CodeMap. */
export interface CodeTable<V> extends Iterable<[string, V]> {
  get(code: string): V | undefined;
  has(code: string): boolean;
  set(code: string, value: V): this;
  readonly size: number;
  /** Each value with its code, in the iteration's order, making no pair for each (a province's record walks millions). */
  forEach(fn: (value: V, code: string) => void): void;
}

/** A Map-like table of one unit's figures by code, stored as an array in the index's numbering. */
export class CodeMap<V> implements CodeTable<V> {
  /** As long as the index when made (a leaf per slot): an array grown by pushing holds a quarter more. */
  private readonly slots: (V | undefined)[];
  private count = 0;

  constructor(private readonly index: CodeIndex) {
    this.slots = new Array<V | undefined>(index.codes.length).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  get(code: string): V | undefined {
    const n = this.index.find(code);
    return n === undefined ? undefined : this.slots[n];
  }

  has(code: string): boolean {
    return this.get(code) !== undefined;
  }

  /** `undefined` is no value: setting it removes the code. */
  set(code: string, value: V): this {
    const n = this.index.number(code);
    while (this.slots.length < n) this.slots.push(undefined);
    const had = this.slots[n] !== undefined;
    this.slots[n] = value;
    this.count += (value !== undefined ? 1 : 0) - (had ? 1 : 0);
    return this;
  }

  *[Symbol.iterator](): Iterator<[string, V]> {
    for (let n = 0; n < this.slots.length; n++) {
      const v = this.slots[n];
      if (v !== undefined) yield [this.index.codes[n]!, v];
    }
  }

  forEach(fn: (value: V, code: string) => void): void {
    for (let n = 0; n < this.slots.length; n++) {
      const v = this.slots[n];
      if (v !== undefined) fn(v, this.index.codes[n]!);
    }
  }
}

/**
 * The one empty table every unit without such figures shares (most units have no 目标值, 评议 or
 * 扣分明细 entries): reading it gives nothing; setting a value in it is a mistake of the program.
 */
export const NO_CODES: CodeTable<never> = Object.freeze({
  get: () => undefined,
  has: () => false,
  set(): never {
    throw new Error('NO_CODES is shared and empty: make a CodeMap for the unit instead');
  },
  size: 0,
  *[Symbol.iterator](): Iterator<[string, never]> {},
  forEach: () => undefined,
});

/** A shared empty list, for the many per-unit lists that stay empty (never pushed to: it is frozen). */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** `list` with `item` added: a list of its own in place of the shared empty one, else pushed to. */
export function appended<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}

const indexes = new WeakMap<object, CodeIndex>();

/** The one CodeIndex of an indicator system (its leaves' codes in order), made on first use. */
export function codeIndexOf(tree: { leaves: readonly { code: string }[] }): CodeIndex {
  let index = indexes.get(tree);
  if (!index) {
    index = new CodeIndex(tree.leaves.map((l) => l.code));
    indexes.set(tree, index);
  }
  return index;
}

/**
 * Something made of each code of an index, kept by the code's number: made for every code at once
 * (and again once the index has grown), then found by number where a lookup by the code would
 * hash it for each of a province's millions of figures (CodeMap and slab tables iterate by number).
 */
export class PerCode<T> {
  private readonly lists = new WeakMap<CodeIndex, T[]>();

  constructor(private readonly make: (code: string) => T) {}

  of(index: CodeIndex): readonly T[] {
    let list = this.lists.get(index);
    if (!list || list.length < index.codes.length) this.lists.set(index, (list = index.codes.map((code) => this.make(code))));
    return list;
  }
}
