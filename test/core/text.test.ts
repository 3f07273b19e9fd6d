import { displayWidth } from '../../src/core/text.js';

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
