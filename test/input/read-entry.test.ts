import { Rational } from '../../src/core/rational.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { Indicator, LeafParams, Method } from '../../src/engine/model.js';
import type { CellValue } from '../../src/core/raw-sheet.js';
import { readLeafEntry } from '../../src/input/read-entry.js';

function leaf(method: Method, points: number, params: LeafParams = {}): Indicator {
  return { code: 'X1', path: ['X1'], level: 1, points: Rational.of(points), method, params, department: '', children: [], source: {} };
}

function read(l: Indicator, value: CellValue): { value?: string; codes: string[] } {
  const d: Diagnostic[] = [];
  const v = readLeafEntry(l, { value, where: { sheet: '得分表', cell: 'C3' } }, '甲', d);
  return v === undefined ? { codes: d.map((x) => x.code) } : { value: v.toString(), codes: d.map((x) => x.code) };
}

const grades = { grades: [{ label: '优秀', min: Rational.of(10), max: Rational.of(10) }, { label: '良好', min: Rational.of(8), max: Rational.of(9) }, { label: '差', min: Rational.of(0), max: Rational.of(0) }] };

describe('readLeafEntry', () => {
  it.each([['达标', '5'], ['√', '5'], ['未达标', '0'], ['否', '0'], [5, '5'], [0, '0']])('pass: %s → %s', (cell, want) => {
    expect(read(leaf('pass', 5), cell).value).toBe(want);
  });

  it('pass: refuses other labels and partial points', () => {
    expect(read(leaf('pass', 5), '基本达标').codes).toEqual(['E_BAD_LABEL']);
    expect(read(leaf('pass', 5), 3).codes).toEqual(['E_BAD_LABEL']);
  });

  it('grade: a label with fixed points, points within a label\'s range, nothing else', () => {
    const g = leaf('grade', 10, grades);
    expect(read(g, '优秀').value).toBe('10');
    expect(read(g, 8.5).value).toBe('8.5');
    expect(read(g, '良好').codes).toEqual(['E_GRADE_RANGE']);
    expect(read(g, 7).codes).toEqual(['E_GRADE_RANGE']);
    expect(read(g, '一般').codes).toEqual(['E_BAD_LABEL']);
  });

  it('rate: percent as a number or with %, within 0–100, and not a fraction', () => {
    const r = leaf('rate', 30);
    expect(read(r, 92).value).toBe('92');
    expect(read(r, '92.5%')).toEqual({ value: '92.5', codes: [] });
    expect(read(r, '0.5%').value).toBe('0.5');
    expect(read(r, 101).codes).toEqual(['E_RATE_RANGE']);
    expect(read(r, 0.92).codes).toEqual(['E_RATE_RANGE']);
  });

  it('rate: a number shown as a percentage is read ×100 and said so', () => {
    const d: Diagnostic[] = [];
    const v = readLeafEntry(leaf('rate', 30), { value: 0.925, where: { sheet: '得分表', cell: 'C3' }, percent: true }, '甲', d);
    expect(v?.toString()).toBe('92.5');
    expect(d.map((x) => [x.code, x.message])).toEqual([['I_RATE_PERCENT', '单位「甲」指标「X1」：单元格为百分比格式，按百分比格式读作 92.5。']]);
    // The format matters only to a rate: elsewhere the number is what the cell holds.
    expect(readLeafEntry(leaf('direct', 5), { value: 0.5, where: {}, percent: true }, '甲', [])?.toString()).toBe('0.5');
  });

  it('rank: a whole place from 1', () => {
    expect(read(leaf('rank', 10, { step: Rational.of(1) }), 3).value).toBe('3');
    expect(read(leaf('rank', 10, { step: Rational.of(1) }), 0).codes).toEqual(['E_BAD_PLACE']);
    expect(read(leaf('rank', 10, { step: Rational.of(1) }), 2.5).codes).toEqual(['E_BAD_PLACE']);
  });

  it('direct: within [0, max], text numbers with a warning', () => {
    expect(read(leaf('direct', 5), 6).codes).toEqual(['E_ABOVE_MAX']);
    expect(read(leaf('direct', 5), -1).codes).toEqual(['E_NEGATIVE']);
    expect(read(leaf('direct', 5), '４．５').value).toBe('4.5');
    expect(read(leaf('direct', 5), '４．５').codes).toEqual(['W_NUMBER_AS_TEXT']);
    expect(read(leaf('direct', 5), { formula: 'B2*2' }).codes).toEqual(['E_FORMULA_NO_RESULT']);
    expect(read(leaf('direct', 5), { error: '#DIV/0!' }).codes).toEqual(['E_ERROR_CELL']);
  });
});

describe('excelNumber', () => {
  it.each([[0.1 + 0.2, '0.3'], [85.5, '85.5'], [1e-7, '0.0000001'], [123456789012345680, '123456789012346000'], [-2.135, '-2.135'], [0, '0']])('%s → %s', async (n, want) => {
    const { excelNumber } = await import('../../src/input/cells.js');
    expect(excelNumber(n).toString()).toBe(want);
  });
});
