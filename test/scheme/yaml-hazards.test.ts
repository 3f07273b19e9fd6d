import { fileSource, loadScheme, MAX_ALIAS_EXPANSION } from '../../src/scheme/load-scheme.js';

const base = 'name: 测试方案\ncategories: [乡镇, 部门]\nbands:\n  - name: 先进\n    atLeast: 80\n  - name: 未达标\n';
const load = (text: string) => loadScheme(fileSource('方案.yaml', text));

describe('YAML a scheme parser accepts but a scheme cannot use', () => {
  // toJS() threw "Unresolved alias" (exit 70) for a label written as *先进单位.
  it('an alias without its anchor is a YAML error at its line, never a crash', () => {
    const { scheme, diagnostics } = load(`${base}notice:\n  title: *先进单位\n`);
    expect(scheme).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_SCHEME_YAML', where: expect.objectContaining({ line: 8, path: 'notice.title' }), message: expect.stringContaining('「*先进单位」') })]);
    expect(diagnostics[0]!.hint).toContain('"*先进单位"');
  });

  it('plain anchors and aliases are allowed: a label written once, used twice', () => {
    const { scheme, diagnostics } = load('name: 测试方案\ncategories: [乡镇]\nbands:\n  - name: 先进\n    atLeast: 80\n    label: &l 先进单位\n  - name: 未达标\nexcluded:\n  note: *l\n');
    expect(diagnostics).toEqual([]);
    expect(scheme?.excluded.note).toBe('先进单位');
  });

  it(`"billion laughs" (aliases of aliases) is refused past ${MAX_ALIAS_EXPANSION} expansions, with the first alias's line`, () => {
    const laughs = ['x1: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]', ...['b', 'c', 'd', 'e', 'f', 'g'].map((n, i) => `x${i + 2}: &${n} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)];
    const { scheme, diagnostics } = load(`${base}${laughs.join('\n')}\n`);
    expect(scheme).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_SCHEME_YAML', where: expect.objectContaining({ line: 8 }), message: expect.stringContaining('展开后过大') })]);
  });

  it('an alias of its own node is an error, not a circular scheme', () => {
    expect(load(`${base}x: &s [*s]\n`).diagnostics).toEqual([expect.objectContaining({ code: 'E_SCHEME_YAML', where: expect.objectContaining({ path: 'x[0]' }) })]);
  });

  it.each([
    ['fullMarks: 1e400', '「1e400」太大'],
    ['fullMarks: .nan', '「.nan」在 YAML 中表示「不是数」'],
    ['fullMarks: -.inf', '「-.inf」在 YAML 中表示无穷大'],
    ['notice:\n  title: !!binary aGVsbG8=', '「notice.title」用了 YAML 标签「!!binary」'],
    ['year: !!timestamp 2024-05-04', '「year」用了 YAML 标签「!!timestamp」'],
    ['year: 2024-05-04', '「year」应为数，现为文字「2024-05-04」'],
    ['rounding:\n  decimals: 9', '「rounding.decimals」应不大于 6，现为数 9'],
    ['fullMarks: [1]', '「fullMarks」应为数或文字，现为列表'],
  ])('%s gets a sentence naming the key', (line, words) => {
    const { scheme, diagnostics } = load(`${base}${line}\n`);
    expect(scheme).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_SCHEME_VALUE', message: expect.stringContaining(words) })]);
    // No library words: zod's "期望 string，实际接收 Buffer", "无效输入".
    expect(diagnostics[0]!.message.replace(/「[^」]*」/g, '')).not.toMatch(/无效输入|期望|[a-z]{3,}/);
  });

  it('a key written twice is a YAML error at the second one', () => {
    expect(load(`${base}name: 又一个\n`).diagnostics).toEqual([expect.objectContaining({ code: 'E_SCHEME_YAML', where: expect.objectContaining({ line: 7 }), message: expect.stringContaining('同一个键「name」写了两次') })]);
  });
});

describe('a scheme of 120,000 unknown keys', () => {
  // The parser's uniqueKeys check and one lookup per unknown key were quadratic: over 600 s.
  // (Its speed is bench/'s to measure, not a timed test's: a quadratic check runs into the test's timeout.)
  it('names 20 keys and counts the rest in one line', () => {
    const text = `${base}${Array.from({ length: 120_000 }, (_, i) => `unknownKey${i}: ${i}`).join('\n')}\n`;
    const { scheme, diagnostics } = load(text);
    expect(scheme).toBeUndefined();
    expect(diagnostics).toHaveLength(21);
    expect(diagnostics[20]).toMatchObject({ code: 'E_SCHEME_UNKNOWN_KEY', where: { line: 27 }, message: '方案中另有 119980 个未知的键（「unknownKey20」至「unknownKey119999」）。' });
  });
});
