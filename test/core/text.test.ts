import { displayWidth, normalizeName, visibleControls } from '../../src/core/text.js';

// Column widths are measured in the characters of a fixed-width line: CJK and full-width forms take two.
describe('displayWidth', () => {
  it('counts CJK, Hangul and full-width forms as two, the rest as one', () => {
    expect(displayWidth('单位A')).toBe(5);
    expect(displayWidth('（１）')).toBe(6);
    expect(displayWidth('한국')).toBe(4);
    expect(displayWidth('85.50')).toBe(5);
    expect(displayWidth('')).toBe(0);
  });

  it('counts a character beyond the BMP (a surrogate pair) as one, and a lone surrogate as one', () => {
    expect(displayWidth('😀a')).toBe(2);
    expect(displayWidth('\ud800x')).toBe(2);
    expect(displayWidth('x\udc00')).toBe(2);
  });
});

describe('normalizeName', () => {
  // The rule (001): NFKC, every space removed, controls made visible. Names of ideographs and visible
  // ASCII skip the work: they must come out exactly as the rule makes them.
  const rule = (t: string): string => visibleControls(t.normalize('NFKC').replace(/[\s\u3000]+/g, ''));

  it('leaves every CJK unified ideograph and visible ASCII character as the rule does', () => {
    const chars = [...Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, i) => 0x4e00 + i), ...Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => 0x21 + i)].map((c) => String.fromCharCode(c));
    expect(chars.filter((c) => normalizeName(c) !== rule(c))).toEqual([]);
    expect(normalizeName(chars.join(''))).toBe(rule(chars.join('')));
  });

  it('still folds, strips and shows what a plain name never has', () => {
    for (const t of ['中  行', '中\u3000行', 'ＡＢＣ１２３', '城关镇（新）', '\u2460号', 'a\u0007b', '财政局\u202e', '']) expect(normalizeName(t)).toBe(rule(t));
    expect(normalizeName('ＡＢＣ')).toBe('ABC');
    expect(normalizeName('中 行')).toBe('中行');
  });
});
