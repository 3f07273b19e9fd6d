import { Memo } from '../../src/core/memo.js';

// Issue 11: values made once per key met again, the table bounded.
describe('Memo', () => {
  it('makes a value once for a key met again, and again only after the table has started over', () => {
    const made: number[] = [];
    const memo = new Memo((k: number) => {
      made.push(k);
      return { k };
    }, 2);
    const first = memo.of(1);
    expect(memo.of(1)).toBe(first);
    memo.of(2);
    expect(made).toEqual([1, 2]);
    // A third key: the table starts over, so 1 is made anew when it comes back.
    memo.of(3);
    expect(memo.of(3)).toEqual({ k: 3 });
    expect(memo.of(1)).not.toBe(first);
    expect(made).toEqual([1, 2, 3, 1]);
  });
});
