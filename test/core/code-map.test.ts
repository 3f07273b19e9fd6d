import { appended, CodeIndex, CodeMap, codeIndexOf, NO_CODES, NONE } from '../../src/core/code-map.js';

// Issue 11: a unit's figures by indicator code held as one array in a shared numbering, not a Map each.

describe('CodeMap', () => {
  it('reads back what was set, by code, and counts only codes that hold a value', () => {
    const index = new CodeIndex(['A1', 'A2', 'B1']);
    const m = new CodeMap<number>(index);
    expect(m.size).toBe(0);
    m.set('B1', 3).set('A1', 1);
    expect([m.get('A1'), m.get('A2'), m.get('B1'), m.get('ZZ')]).toEqual([1, undefined, 3, undefined]);
    expect([m.has('A1'), m.has('A2')]).toEqual([true, false]);
    expect(m.size).toBe(2);
    m.set('A1', 5);
    expect(m.size).toBe(2);
    m.set('A1', undefined as unknown as number);
    expect(m.size).toBe(1);
    expect(m.has('A1')).toBe(false);
  });

  it('iterates in the indicator system order, codes unknown to it after, in the order first set', () => {
    const index = new CodeIndex(['A1', 'A2', 'B1']);
    const m = new CodeMap<string>(index);
    m.set('X9', 'x').set('B1', 'b').set('A1', 'a');
    expect([...m]).toEqual([['A1', 'a'], ['B1', 'b'], ['X9', 'x']]);
    // forEach walks the same pairs in the same order, value first as a Map's does.
    const walked: [string, string][] = [];
    m.forEach((v, code) => walked.push([code, v]));
    expect(walked).toEqual([...m]);
    // A second unit's table shares the numbering: X9 is known now, with no effect on the first.
    const other = new CodeMap<string>(index).set('X9', 'y');
    expect([...other]).toEqual([['X9', 'y']]);
    expect(m.get('X9')).toBe('x');
  });

  it('gives one index per indicator system, numbered in the order of its leaves', () => {
    const tree = { leaves: [{ code: 'C' }, { code: 'A' }] };
    expect(codeIndexOf(tree)).toBe(codeIndexOf(tree));
    expect(codeIndexOf(tree).codes).toEqual(['C', 'A']);
    expect(codeIndexOf({ leaves: [{ code: 'C' }] })).not.toBe(codeIndexOf(tree));
  });

  it('shares one empty table and one empty list, which refuse to be written to', () => {
    let walked = 0;
    NO_CODES.forEach(() => walked++);
    expect([NO_CODES.get('A1'), NO_CODES.has('A1'), NO_CODES.size, [...NO_CODES], walked]).toEqual([undefined, false, 0, [], 0]);
    expect(() => NO_CODES.set('A1', undefined as never)).toThrow(/shared and empty/);
    expect(() => (NONE as string[]).push('x')).toThrow(TypeError);
    expect(NONE).toHaveLength(0);
  });
});

describe('appended', () => {
  it('gives the shared empty list a list of its own, and pushes to any other', () => {
    const first = appended<string>(NONE, 'a');
    expect(first).toEqual(['a']);
    expect(NONE).toHaveLength(0);
    expect(appended(first, 'b')).toBe(first);
    expect(first).toEqual(['a', 'b']);
  });
});
