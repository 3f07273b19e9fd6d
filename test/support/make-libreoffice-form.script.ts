import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allMethodsBook, ENTRIES } from './all-methods.js';
import { runCli, tempDir } from './cli.js';
import { fillForm, sampleData } from './fill-form.js';

/**
 * Makes test/fixtures/libreoffice/得分填报表-组织部.xlsx: the all-methods workbook's 组织部 form,
 * filled, then opened and saved by LibreOffice Calc (as .ods, then as .xlsx). Needs soffice, so it
 * is not part of the test run; run it by hand when the form's layout changes:
 *   node --experimental-vm-modules node_modules/jest/bin/jest.js --testMatch '**\/make-libreoffice-form.script.ts'
 */
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'libreoffice');

test('make the LibreOffice-saved form fixture', async () => {
  const dir = tempDir();
  const book = await allMethodsBook(dir);
  const out = path.join(dir, 'forms');
  expect((await runCli(['template', book, '--by-department', '-o', out])).code).toBe(0);
  const form = path.join(out, '得分填报表-组织部.xlsx');
  await fillForm(form, await sampleData(await allMethodsBook(tempDir(), ENTRIES)));
  const ods = path.join(dir, 'ods');
  const xlsx = path.join(dir, 'xlsx');
  mkdirSync(ods);
  mkdirSync(xlsx);
  execFileSync('soffice', ['--headless', '--convert-to', 'ods', '--outdir', ods, form], { stdio: 'ignore' });
  execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', xlsx, path.join(ods, '得分填报表-组织部.ods')], { stdio: 'ignore' });
  copyFileSync(path.join(xlsx, '得分填报表-组织部.xlsx'), path.join(FIXTURES, '得分填报表-组织部.xlsx'));
}, 120_000);
