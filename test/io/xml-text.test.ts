import { needsPreserve, xmlText } from '../../src/io/xml-text.js';

// <t> keeps spaces at its ends and line breaks only with xml:space="preserve": the test is the
// rule as a regular expression, for every UTF-16 code unit at either end and inside.
const rule = (t: string): boolean => /^\s|\s$|\n/.test(t);

describe('needsPreserve', () => {
  it('says what the rule says of every character at the start, the end and inside a text', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [ch, `${ch}a`, `a${ch}`, `a${ch}b`]) if (needsPreserve(t) !== rule(t)) wrong.push(JSON.stringify(t));
    }
    expect(wrong).toEqual([]);
    expect(needsPreserve('')).toBe(false);
  });
});

describe('xmlText', () => {
  it('returns a text with nothing to escape as it is, and escapes what needs it', () => {
    const plain = '{"unit":"城关镇","leaves":{"A1":"85.5"}}';
    expect(xmlText(plain)).toBe(plain);
    expect(xmlText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(xmlText('x_x0041_y')).toBe('x_x005F_x0041_y');
    expect(xmlText('a\u0001b')).toBe('a_x0001_b');
    expect(xmlText('\ud83d\ude00')).toBe('\ud83d\ude00');
    expect(xmlText('\ud800x')).toBe('_xD800_x');
  });
});
