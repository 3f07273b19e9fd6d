import path from 'node:path';
import iconv from 'iconv-lite';
import { ScoreError } from '../../src/core/errors.js';
import type { RawSheet } from '../../src/core/raw-sheet.js';
import { readXlsx } from '../../src/io/read-workbook.js';
import { runCli, tempDir } from '../support/cli.js';
import { MAIN, PKG, REL, sheetXml, workbookParts, writeParts, type Parts } from '../support/xlsx-parts.js';

async function read(parts: Parts): Promise<RawSheet[]> {
  return readXlsx(await writeParts(path.join(tempDir(), 'book.xlsx'), parts));
}

const rowsOf = (sheet: RawSheet | undefined): unknown[] => sheet!.rows.map((r) => [r.number, r.values]);

/** The diagnostic a refused workbook gives (ScoreError's first). */
async function refusal(parts: Parts): Promise<{ code: string; where: object; message: string }> {
  try {
    await read(parts);
  } catch (e) {
    if (e instanceof ScoreError) return e.diagnostics[0]!;
    throw e;
  }
  throw new Error('read without refusal');
}

const one = (rows: string, extra: Parameters<typeof workbookParts>[1] = {}, after = ''): Parts => workbookParts([['得分表', sheetXml(rows, after)]], extra);

describe('positions', () => {
  it('implies rows and cells from their order where r= is absent (a row, then the next)', async () => {
    const [sheet] = await read(one('<row><c t="inlineStr"><is><t>甲</t></is></c><c/><c><v>3</v></c></row><row/><row r="7"><c><v>1</v></c></row><row><c r="B8"><v>2</v></c><c><v>4</v></c></row>'));
    expect(rowsOf(sheet)).toEqual([[1, ['甲', null, 3]], [7, [1]], [8, [null, 2, 4]]]);
  });

  it('takes a row without r= from its first cell reference, and reads references in any case', async () => {
    const [sheet] = await read(one('<row><c r="c5"><v>1</v></c><c r="$E$5"><v>2</v></c></row>'));
    expect(rowsOf(sheet)).toEqual([[5, [null, null, 1, null, 2]]]);
  });

  // Never allocate by number: 200 million rows down is one row, not 200 million.
  it('reads a cell on row 200,000,000 as one row, and a cell in column XFD', async () => {
    const [sheet] = await read(one('<row r="200000000"><c r="A200000000"><v>1</v></c></row><row r="200000001"><c r="XFD200000001"><v>2</v></c></row>'));
    expect(sheet!.rows.map((r) => [r.number, r.values.length, r.values[r.values.length - 1]])).toEqual([[200000000, 1, 1], [200000001, 16384, 2]]);
  });

  it('refuses a cell beyond column XFD, and a reference that is not one', async () => {
    expect(await refusal(one('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).toMatchObject({ code: 'E_TOO_MANY_COLUMNS', where: { sheet: '得分表' } });
    expect(await refusal(one('<row r="第1行"><c><v>1</v></c></row>'))).toMatchObject({ code: 'E_CORRUPT_XLSX', message: expect.stringContaining('「第1行」') });
  });
});

describe('cell values', () => {
  it('reads shared strings (rich text runs joined, phonetic guides left out) and escapes _xHHHH_', async () => {
    const strings = '<si><t>新安镇</t></si><si><r><rPr><b/></rPr><t>田</t></r><r><t xml:space="preserve">楼 乡</t></r><rPh sb="0" eb="1"><t>でん</t></rPh></si><si><t>一_x000D_\n二</t></si><si><t>_x005F_x000D_</t></si>';
    const [sheet] = await read(one('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>', { sharedStrings: strings }));
    expect(rowsOf(sheet)).toEqual([[1, ['新安镇', '田楼 乡', '一\n二', '_x000D_']]]);
  });

  // exceljs writes an empty text as a shared string <si><t/></si>: a blank cell, as exceljs's reader gave it.
  it('reads an empty text, shared or inline, as a blank cell', async () => {
    const [sheet] = await read(one('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t/></is></c><c r="C1"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>', { sharedStrings: '<si><t/></si>' }));
    expect(rowsOf(sheet)).toEqual([[1, [null, null, 1]]]);
  });

  it('reads inline strings, booleans, errors, formulas with and without cached results', async () => {
    const [sheet] = await read(one([
      '<row r="1"><c r="A1" t="inlineStr"><is><t>甲_x0009_乙</t></is></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1"><f>1+1</f><v>2</v></c></row>',
      '<row r="2"><c r="A2" t="str"><f>A1&amp;""</f><v>甲</v></c><c r="B2" t="b"><f>TRUE</f><v>0</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D2"><f>B3*2</f></c></row>',
    ].join('')));
    expect(rowsOf(sheet)).toEqual([
      [1, ['甲\t乙', true, { error: '#DIV/0!' }, 2]],
      [2, ['甲', false, { error: '#DIV/0!' }, { formula: 'B3*2' }]],
    ]);
  });

  it('reads shared formulas: each cell its cached result, or the master formula moved to it', async () => {
    const [sheet] = await read(one('<row r="1"><c r="A1"><f t="shared" ref="A1:C1" si="0">B$5+C5</f><v>3</v></c><c r="B1"><f t="shared" si="0"/><v>4</v></c><c r="C1"><f t="shared" si="0"/></c></row>'));
    expect(rowsOf(sheet)).toEqual([[1, [3, 4, { formula: 'D$5+E5' }]]]);
  });

  // `<v>5O</v>` was read as 5 by parseFloat: a score the clerk never typed. Such a cell stays what it
  // is, for the cell's reader to refuse with its address (E_NOT_A_NUMBER, see test/corpus).
  it.each([['5O'], ['0x32'], ['INF'], ['1e999'], ['1,5']])('keeps a number stored as %s as an invalid value, not a number', async (v) => {
    const [sheet] = await read(one(`<row r="3"><c r="C3"><v>${v}</v></c></row>`));
    expect(rowsOf(sheet)).toEqual([[3, [null, null, { invalid: v, as: 'number' }]]]);
  });

  it('keeps a shared string index the workbook does not have, a boolean 2 and an unknown type as invalid values', async () => {
    const [sheet] = await read(one('<row r="2"><c r="B2" t="s"><v>9</v></c><c r="C2" t="b"><v>2</v></c><c r="D2" t="x"><v>1</v></c></row>', { sharedStrings: '<si><t>甲</t></si>' }));
    expect(rowsOf(sheet)).toEqual([[2, [null, { invalid: '9', as: 'shared' }, { invalid: '2', as: 'boolean' }, { invalid: '1', as: 'type' }]]]);
  });

  // Chinese Excel writes 2009年5月4日 as numFmtId 31 with no code in the file: it was read as 39937.
  it('reads numbers in date formats as dates: built-in (English and Chinese) and custom, 1900 and 1904', async () => {
    const styles = '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
    const row = '<row r="1"><c r="A1" s="1"><v>39937</v></c><c r="B1" s="2"><v>39937</v></c><c r="C1" s="3"><v>39937</v></c><c r="D1" s="4"><v>0.92</v></c><c r="E1" s="0"><v>39937</v></c></row>';
    const day = new Date(Date.UTC(2009, 4, 4));
    const [sheet] = await read(one(row, { styles }));
    expect(rowsOf(sheet)).toEqual([[1, [day, day, day, 0.92, 39937]]]);
    expect([...sheet!.percent!]).toEqual(['D1']);
    const [mac] = await read(one(row, { styles, workbookPr: '<workbookPr date1904="1"/>' }));
    expect(mac!.rows[0]!.values[0]).toEqual(new Date(Date.UTC(2013, 4, 5)));
  });

  it('keeps a number no date can be (negative, past 9999-12-31) a number, even in a date format', async () => {
    const [sheet] = await read(one('<row r="1"><c r="A1" s="1"><v>-1</v></c><c r="B1" s="1"><v>1E+300</v></c></row>', { styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>' }));
    expect(sheet!.rows[0]!.values).toEqual([-1, 1e300]);
  });

  it('reads strict OOXML dates stored as ISO text (t="d")', async () => {
    const [sheet] = await read(one('<row r="1"><c r="A1" t="d"><v>2009-05-04T00:00:00</v></c></row>'));
    expect(sheet!.rows[0]!.values).toEqual([new Date(Date.UTC(2009, 4, 4))]);
  });

  it('keeps a merged range\'s value in its master cell only, even when a writer repeats it', async () => {
    const [sheet] = await read(one('<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>标题</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>标题</t></is></c><c r="C2"><v>1</v></c></row>', {}, '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>'));
    expect(rowsOf(sheet)).toEqual([[1, ['标题']], [2, [null, null, 1]]]);
  });
});

describe('the package', () => {
  it('finds parts by relationship and namespace, not by name or prefix (腾讯文档, .NET, strict)', async () => {
    const strict = { main: 'http://purl.oclc.org/ooxml/spreadsheetml/main', rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships' };
    const parts: Parts = {
      '_rels/.rels': `<ns0:Relationships xmlns:ns0="${PKG}"><ns0:Relationship Id="a" Type="${strict.rel}/officeDocument" Target="/Book/Main.xml"/></ns0:Relationships>`,
      'Book/_rels/Main.xml.rels': `<Relationships xmlns="${PKG}"><Relationship Id="s2" Type="${strict.rel}/worksheet" Target="Sheets/second%20sheet.xml"/><Relationship Id="s1" Type="${REL}/worksheet" Target="/Book/Sheets/first.xml"/><Relationship Id="t" Type="${strict.rel}/sharedStrings" Target="../Strings.xml"/></Relationships>`,
      'Book/Main.xml': `<x:workbook xmlns:x="${strict.main}" xmlns:ns="${strict.rel}"><x:sheets><x:sheet name="单位名单" ns:id="s1"/><x:sheet name="得分表" ns:id="s2"/></x:sheets></x:workbook>`,
      'Book/Sheets/first.xml': `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      'Book/Sheets/second sheet.xml': `<worksheet xmlns="${strict.main}"><sheetData><row><c><v>7</v></c></row></sheetData></worksheet>`,
      'strings.xml': `<s:sst xmlns:s="${MAIN}"><s:si><s:t>一镇</s:t></s:si></s:sst>`,
    };
    const sheets = await read(parts);
    expect(sheets.map((s) => [s.name, rowsOf(s)])).toEqual([['单位名单', [[1, ['一镇']]]], ['得分表', [[1, [7]]]]]);
  });

  it('takes the mc:Choice it understands, else the mc:Fallback', async () => {
    const mc = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
    const rows = `<row r="1"><mc:AlternateContent xmlns:mc="${mc}" xmlns:x14="urn:x14"><mc:Choice Requires="x14"><c r="A1"><v>1</v></c></mc:Choice><mc:Fallback><c r="A1"><v>2</v></c></mc:Fallback></mc:AlternateContent>`
      + `<mc:AlternateContent xmlns:mc="${mc}" xmlns:m="${MAIN}"><mc:Choice Requires="m"><c r="B1"><v>3</v></c></mc:Choice><mc:Fallback><c r="B1"><v>4</v></c></mc:Fallback></mc:AlternateContent></row>`;
    const [sheet] = await read(one(rows));
    expect(rowsOf(sheet)).toEqual([[1, [2, 3]]]);
  });

  it('skips elements of other namespaces with all they contain (mc:Ignorable extensions)', async () => {
    const [sheet] = await read(one('<row r="1"><c r="A1"><v>1</v></c><x14:ext xmlns:x14="urn:x14"><c r="B1"><v>9</v></c></x14:ext></row>'));
    expect(rowsOf(sheet)).toEqual([[1, [1]]]);
  });

  it('refuses a sheet whose root is not SpreadsheetML\'s (no namespace): it would read as empty', async () => {
    const parts = one('');
    parts['xl/worksheets/sheet1.xml'] = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';
    expect(await refusal(parts)).toMatchObject({ code: 'E_CORRUPT_XLSX', where: { sheet: '得分表' }, message: expect.stringContaining('根元素不是应有的元素') });
  });

  it('reads only the sheets asked for, in the workbook\'s order, and does not open the others', async () => {
    const parts = workbookParts([['排名', sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>')], ['记录', sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>')], ['明细', sheetXml('<row r="1"><c r="A1"><v>3</v></c></row>')]]);
    // A damaged sheet not asked for is never read: only what is read can be refused.
    parts['xl/worksheets/sheet1.xml'] = '<worksheet><sheetData><row';
    const file = await writeParts(path.join(tempDir(), 'book.xlsx'), parts);
    const wanted = await readXlsx(file, undefined, (name) => name !== '排名');
    expect(wanted.map((s) => [s.name, rowsOf(s)])).toEqual([['记录', [[1, [2]]]], ['明细', [[1, [3]]]]]);
    expect(await readXlsx(file, undefined, () => false)).toEqual([]);
    await expect(readXlsx(file)).rejects.toBeInstanceOf(ScoreError);
  });

  it('reads parts in UTF-16 (either byte order, with a byte order mark) and in a declared GBK', async () => {
    const parts = one('<row r="1"><c r="A1" t="inlineStr"><is><t>县绩效办</t></is></c></row>');
    const sheet = (parts['xl/worksheets/sheet1.xml'] as string).replace('UTF-8', 'UTF-16');
    for (const [encoding, bom] of [['utf16le', [0xff, 0xfe]], ['utf16-be', [0xfe, 0xff]]] as const) {
      parts['xl/worksheets/sheet1.xml'] = Buffer.concat([Buffer.from(bom), iconv.encode(sheet, encoding)]);
      expect(rowsOf((await read(parts))[0])).toEqual([[1, ['县绩效办']]]);
    }
    parts['xl/worksheets/sheet1.xml'] = iconv.encode(sheet.replace('UTF-16', 'GBK'), 'gbk');
    expect(rowsOf((await read(parts))[0])).toEqual([[1, ['县绩效办']]]);
  });
});

describe('refusals', () => {
  /** What is left of the report once codes, file and part names and the words Chinese clerks use (Excel, WPS, XML…) are taken out. */
  const english = (stderr: string, file: string): string[] =>
    stderr.replaceAll(file, '').replace(/\b[EWI]_[A-Z_]+\b|[\w./[\]-]+\.(xml|rels|xlsx)\b|\.xlsx|Excel|WPS|XML|UTF-\d+|SCORE_MAX_SHEET_MB|XFD/g, '').match(/[A-Za-z]{3,}/g) ?? [];

  const broken: [string, Parts][] = [
    ['text outside the root', one('<row r="1"><c r="A1"><v>1</v></c></row>', {}, '</worksheet>x<!--')],
    ['a tag left open', { ...one(''), 'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData>` }],
    ['a cell beyond column XFD', one('<row r="1"><c r="XFE1"><v>1</v></c></row>')],
    ['a sheet part missing', (() => { const p = one(''); delete p['xl/worksheets/sheet1.xml']; return p; })()],
  ];

  it.each(broken)('%s: a Chinese sentence; the library\'s own words only under SCORE_DEBUG=1', async (_, parts) => {
    const file = await writeParts(path.join(tempDir(), 'book.xlsx'), parts);
    const quiet = await runCli(['check', file]);
    expect(quiet.code).toBe(3);
    expect(english(quiet.stderr, file)).toEqual([]);
    const debug = await runCli(['check', file], { SCORE_DEBUG: '1' });
    expect(debug.stderr).toContain('调试信息：');
    expect(debug.stderr.length).toBeGreaterThan(quiet.stderr.length);
  });
});
