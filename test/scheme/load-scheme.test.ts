import { fileSource, loadScheme } from '../../src/scheme/load-scheme.js';

const base = `name: 测试方案
categories: [乡镇, 部门]
bands:
  - name: 先进
    atLeast: 80
  - name: 达标
    atLeast: 60
  - name: 未达标
`;

const load = (text: string) => loadScheme(fileSource('方案.yaml', text));

describe('loadScheme', () => {
  it('accepts a minimal scheme and fills the defaults', () => {
    const { scheme, diagnostics } = load(base);
    expect(diagnostics).toEqual([]);
    expect(scheme).toMatchObject({ fullMarks: '100', rounding: { decimals: 2, mode: 'half-up', roundParts: false }, excluded: { units: [] } });
  });

  it('reports a YAML syntax error with its line', () => {
    const { scheme, diagnostics } = load('name: x\ncategories: [乡镇\nbands: []\n');
    expect(scheme).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: 'E_SCHEME_YAML', where: { file: '方案.yaml', line: expect.any(Number) } });
  });

  it('names an unknown key, its line and the nearest valid key', () => {
    const { diagnostics } = load(base.replace('name: 测试方案', 'name: 测试方案\ncategoies: [x]'));
    expect(diagnostics).toContainEqual(expect.objectContaining({
      code: 'E_SCHEME_UNKNOWN_KEY', where: expect.objectContaining({ line: 2, path: 'categoies' }), hint: expect.stringContaining('categories'),
    }));
  });

  it('names an unknown key inside a band', () => {
    const { diagnostics } = load(base.replace('atLeast: 80', 'atleast: 80'));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'E_SCHEME_UNKNOWN_KEY', where: expect.objectContaining({ line: 5 }), hint: expect.stringContaining('atLeast') }));
  });

  it('requires every band but the last to declare whether its boundary is included', () => {
    const { diagnostics } = load(base.replace('    atLeast: 60\n', ''));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'E_SCHEME_BAND_BOUND', where: expect.objectContaining({ line: 6 }) }));
  });

  it('refuses both atLeast and above on one band', () => {
    expect(load(base.replace('atLeast: 80', 'atLeast: 80\n    above: 80')).diagnostics[0]?.code).toBe('E_SCHEME_VALUE');
  });

  it('refuses bands out of order and a boundary on the last band', () => {
    const codes = load(base.replace('atLeast: 60', 'atLeast: 85').replace('  - name: 未达标', '  - name: 未达标\n    atLeast: 0')).diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['E_SCHEME_BAND_ORDER', 'E_SCHEME_BAND_LAST']));
  });

  it('reports a wrong type and a missing field by path', () => {
    const { diagnostics } = load(base.replace('name: 测试方案\n', '').replace('categories: [乡镇, 部门]', 'categories: 乡镇'));
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['E_SCHEME_MISSING', 'E_SCHEME_VALUE']);
    expect(diagnostics.find((d) => d.code === 'E_SCHEME_VALUE')?.where.path).toBe('categories');
  });

  it('refuses duplicate categories', () => {
    expect(load(base.replace('[乡镇, 部门]', '[乡镇, 乡镇]')).diagnostics[0]?.code).toBe('E_SCHEME_DUP_CATEGORY');
  });
});

describe('loadScheme: one mistake, one message', () => {
  it('reports a misspelt required key once, as unknown with the right name', () => {
    const { diagnostics } = load(base.replace('categories:', 'categoies:'));
    expect(diagnostics.map((d) => d.code)).toEqual(['E_SCHEME_UNKNOWN_KEY']);
  });

  it('still reports a required key that is simply missing', () => {
    const { diagnostics } = load(base.replace('categories: [乡镇, 部门]\n', ''));
    expect(diagnostics.map((d) => d.code)).toEqual(['E_SCHEME_MISSING']);
  });
});

describe('quota {min} alone', () => {
  it('is accepted: at least so many, no most (docs/scheme.md 名额)', () => {
    const { scheme, diagnostics } = load(base.replace('atLeast: 80', 'atLeast: 80\n    quota: {min: 3}'));
    expect(diagnostics).toEqual([]);
    expect(scheme?.bands[0]?.quota).toEqual({ min: 3 });
  });

  it('is refused beside count or percent', () => {
    const { diagnostics } = load(base.replace('atLeast: 80', 'atLeast: 80\n    quota: {min: 3, count: 5}'));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: expect.stringMatching(/^E_SCHEME/), message: expect.stringContaining('min/max') }));
  });
});
