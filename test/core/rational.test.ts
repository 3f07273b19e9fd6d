import { Rational, fixed, roundHalfUp, show, sum } from '../../src/core/rational.js';

const q = (v: string | number) => Rational.of(v);

describe('Rational: exact arithmetic', () => {
  it('keeps thirds exact: 39 + 3 × 46/3 is 85, not 84.999…', () => {
    const third = q(46).div(3);
    expect(q(39).plus(third).plus(third).plus(third).eq(85)).toBe(true);
    expect(sum([third, third, third]).toString()).toBe('46');
  });

  it('keeps a chain of sevenths and weights exact', () => {
    // 10 × 5/7 × 70% + 10 × 2/7 × 70% = 7
    const a = q(10).mul(5).div(7).mul('0.7');
    const b = q(10).mul(2).div(7).mul('0.7');
    expect(a.plus(b).toString()).toBe('7');
  });

  it('parses what a clerk types and what a cell holds', () => {
    expect(q('85.50').toString()).toBe('85.5');
    expect(q('-0.05').toString()).toBe('-0.05');
    expect(q('.5').toString()).toBe('0.5');
    expect(q('1e-3').toString()).toBe('0.001');
    expect(q('1.5E2').toString()).toBe('150');
    expect(q(0.1).plus(0.2).toString()).toBe('0.3');
    expect(() => q('8x')).toThrow(RangeError);
    expect(() => q('.')).toThrow(RangeError);
    expect(Rational.isNumeric('+3.')).toBe(true);
    expect(Rational.isNumeric('')).toBe(false);
  });

  it('compares across denominators', () => {
    expect(q(1).div(3).cmp(q('0.3333333333'))).toBe(1);
    expect(q(2).div(6).eq(q(1).div(3))).toBe(true);
    expect([q(3), q(1).div(3), q(-2)].sort((a, b) => a.cmp(b)).map(String)).toEqual(['-2', '1/3', '3']);
    expect(Rational.max(q(1), q(7).div(2), q(3)).toString()).toBe('3.5');
    expect(Rational.min(q(1), q(-7).div(2)).toString()).toBe('-3.5');
  });

  it('refuses division by zero', () => {
    expect(() => q(1).div(0)).toThrow(RangeError);
  });
});

describe('Rational: rounding only where asked', () => {
  it.each([
    ['1.005', '1.01'], ['2.135', '2.14'], ['85.955', '85.96'], ['66.125', '66.13'], ['842.625', '842.63'],
    ['80', '80.00'], ['-1.005', '-1.01'], ['0.004999', '0.00'], ['-0.004', '0.00'],
  ])('rounds %s half-up to %s', (input, want) => {
    expect(fixed(q(input), 2)).toBe(want);
  });

  it('rounds an exact x.xx5 that came from a quotient up', () => {
    // 529/8 = 66.125 exactly: a representation that rounds the quotient first may land below it.
    expect(q(529).div(8).toFixed(2)).toBe('66.13');
    expect(q(200).div(3).toFixed(2)).toBe('66.67');
  });

  it('rounds up (进一) and down (去尾) for quotas', () => {
    expect(q('1.75').round(0, 'up').toString()).toBe('2');
    expect(q('1.75').round(0, 'down').toString()).toBe('1');
    expect(q('1.5').round(0, 'half-up').toString()).toBe('2');
    expect(q('8').round(0, 'up').toString()).toBe('8');
    expect(roundHalfUp(q('91.2345'), 3).toString()).toBe('91.235');
  });
});

describe('Rational: numbers for people', () => {
  it('writes the exact value without a repeating tail', () => {
    expect(q(14).div(3).toString()).toBe('14/3');
    expect(q(1).div(16).toString()).toBe('0.0625');
  });

  it('shows at most the scheme decimals, with the short exact form when rounded', () => {
    expect(show(q('4.5'), 2)).toBe('4.5');
    expect(show(q(80), 2)).toBe('80');
    expect(show(q(14).div(3), 2)).toBe('4.67（精确值 14/3）');
    expect(show(q('90.333'), 2)).toBe('90.33（精确值 90.333）');
    expect(show(q(1).div(16), 2)).toBe('0.06（精确值 0.0625）');
    expect(show(q(1).div(3001), 2)).toBe('约 0.00');
  });

  it('gives a double for already-rounded values', () => {
    expect(q('93.5').toNumber()).toBe(93.5);
    expect(q('66.13').toNumber()).toBe(66.13);
    expect(q(12).toNumber()).toBe(12);
  });
});
