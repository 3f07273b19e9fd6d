import { existsSync } from 'node:fs';
import path from 'node:path';
import { filesIn, runCli, tempDir } from '../support/cli.js';
import { expectNoInternalError, smallBook } from '../support/files.js';

describe('template never loses a form to another', () => {
  it.each([
    ['县/委 and 县:委', ['县/委', '县:委'], '县/委'],
    ['a department named like the office form', ['甲局', '加减分和一票否决'], '加减分和一票否决'],
    ['names that differ only in case', ['ABC局', 'abc局'], 'abc局'],
  ])('%s: an error naming both, nothing written', async (_, departments, named) => {
    const dir = tempDir();
    const vetoes = 'vetoes:\n  - name: 安全生产\n    effect: fail\n';
    const file = await smallBook(dir, { departments, scheme: vetoes });
    const run = await runCli(['template', file, '--by-department', '-o', path.join(dir, 'forms')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('E_FORM_NAME_CLASH');
    expect(run.stderr).toContain(named);
    expect(existsSync(path.join(dir, 'forms'))).toBe(false);
  });

  it('an 81-character department gets a form whose name the disk takes', async () => {
    const dir = tempDir();
    const long = '县'.repeat(81);
    const run = await runCli(['template', await smallBook(dir, { departments: [long, '乙局'] }), '--by-department', '-o', path.join(dir, 'forms')]);
    expectNoInternalError(run);
    expect(run.code).toBe(0);
    const names = filesIn(path.join(dir, 'forms'));
    expect(names).toHaveLength(2);
    for (const n of names) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
  });
});
