import { needsPreserve, spaceAtEnds, unchangedInXml, xmlText } from '../../src/io/xml-text.js';
import { CELL_TEXT_MAX, excelCellText } from '../../src/core/excel-text.js';

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

describe('texts written as they are', () => {
  // Issue 11: the writer looks at a cell's text once and, when nothing in it would change, skips
  // the steps (visible controls, XML escapes, Excel's limit); it must never skip a text a step changes.
  const pool = ['单', 'a', ' ', '\t', '\n', '\r', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '&', '<', '>', '"', '_', 'x', '0', '_x0041_',
    '\ud83d\ude00', '\ud83d', '\ude00', '\ufffe', '\uffff', '\u3000', '\u00a0'];
  it('only where every step leaves the text as it is, and the same spaces are kept', () => {
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const texts = ['单位 甲', ' 前后空格 ', '', 'A&B', '第一行\n第二行', 'x'.repeat(CELL_TEXT_MAX + 1)];
    for (let i = 0; i < 20_000; i++) texts.push(Array.from({ length: 1 + next(6) }, () => pool[next(pool.length)]!).join(''));
    let unchanged = 0;
    for (const t of texts) {
      if (!(t.length <= CELL_TEXT_MAX && unchangedInXml(t))) continue;
      unchanged++;
      expect([t, excelCellText(t), xmlText(excelCellText(t)), needsPreserve(t)]).toEqual([t, t, t, spaceAtEnds(t)]);
    }
    expect(unchangedInXml('单位 甲') && unchangedInXml(' 前后空格 ') && spaceAtEnds(' 前后空格 ')).toBe(true);
    expect(unchanged).toBeGreaterThan(1000);
  });
});
