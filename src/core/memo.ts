/**
 * One made value per key, kept for the keys met again: a province's sheets repeat a few thousand
 * numbers millions of times, and making each once (its Rational, its cell, its text) is hundreds of
 * megabytes and seconds less. Bounded: when `limit` keys are kept the table starts again, so a run
 * of all-different keys costs no more than making each, and the keys that come back are kept again.
 */
export class Memo<K, V> {
  private readonly kept = new Map<K, V>();

  constructor(private readonly make: (key: K) => V, private readonly limit = 65_536) {}

  of(key: K): V {
    let value = this.kept.get(key);
    if (value === undefined) {
      value = this.make(key);
      if (this.kept.size >= this.limit) this.kept.clear();
      this.kept.set(key, value);
    }
    return value;
  }
}
