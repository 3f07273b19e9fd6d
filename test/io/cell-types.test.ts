import path from 'node:path';
import { readXlsx } from '../../src/io/read-workbook.js';
import { decodeEscapes } from '../../src/io/cell-text.js';
import { runCli, tempDir } from '../support/cli.js';
import { inlineCell, minimalBook, row, valueCell, writeHandBook, type HandBook } from '../support/hand-xlsx.js';

async function cells(book: HandBook): Promise<unknown[][]> {
  const [sheet] = await readXlsx(await writeHandBook(path.join(tempDir(), 'hand.xlsx'), book));
  return sheet!.rows.map((r) => r.values);
}

const one = (rows: string): HandBook => ({ sheets: [{ name: '表', rows }] });

describe('cells read in the sheet’s own terms (hand-written XML)', () => {
  // exceljs parseFloat()ed every <v>: 5O was 5, 0x32 was 0, INF was Infinity.
  it('keeps a stored number that is not an xsd:double visible as invalid, never a number', async () => {
    const bad = ['5O', '0x32', 'INF', '-INF', 'NaN', '1e400', '5 5', '８５', '1,5', '+-1'];
    const read = await cells(one(row(1, bad.map((v, i) => valueCell(`${String.fromCharCode(65 + i)}1`, v)))));
    expect(read).toEqual([bad.map((v) => ({ invalid: v, as: 'number' }))]);
  });

  it('reads every lexical form of a double as the number it is', async () => {
    const good = ['5', '-1.5E2', ' 7 ', '.5', '5.', '+3', '1e-3', '0.30000000000000004'];
    const read = await cells(one(row(1, good.map((v, i) => valueCell(`${String.fromCharCode(65 + i)}1`, v)))));
    expect(read).toEqual([[5, -150, 7, 0.5, 5, 3, 0.001, 0.30000000000000004]]);
  });

  it('reads an ISO date cell (t="d") and a number formatted as a date as dates, not 2024 or 45000', async () => {
    const read = await cells({
      sheets: [{ name: '表', rows: row(1, [valueCell('A1', '2024-05-04T00:00:00Z', 'd'), valueCell('B1', '45000', undefined, 1), valueCell('C1', '45000', undefined, 2), valueCell('D1', '45000', undefined, 3)]) }],
      numFmts: '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>',
      cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="14"/>', '<xf numFmtId="164"/>', '<xf numFmtId="2"/>'],
    });
    expect(read).toEqual([[new Date('2024-05-04T00:00:00Z'), new Date('2023-03-15T00:00:00Z'), new Date('2023-03-15T00:00:00Z'), 45000]]);
  });

  it('refuses a boolean that is not 0 or 1, a shared string that does not exist and a type it does not know', async () => {
    const read = await cells({ sheets: [{ name: '表', rows: row(1, [valueCell('A1', '2', 'b'), valueCell('B1', '7', 's'), valueCell('C1', '1', 'x'), valueCell('D1', '1', 'b'), valueCell('E1', '0', 's')]) }], sharedStrings: ['<t>甲</t>'] });
    expect(read).toEqual([[{ invalid: '2', as: 'boolean' }, { invalid: '7', as: 'shared' }, { invalid: '1', as: 'type' }, true, '甲']]);
  });

  it('decodes Excel’s _xHHHH_ escapes in shared and inline strings, joins rich-text runs and leaves out phonetic guides', async () => {
    const read = await cells({
      sheets: [{ name: '表', rows: row(1, [valueCell('A1', '0', 's'), valueCell('B1', '1', 's'), '<c r="C1" t="inlineStr"><is><r><t>8</t></r><r><t>5</t></r></is></c>', inlineCell('D1', '一_x000D_\n二')]) }],
      sharedStrings: ['<t>第一行_x000D_\n第二行</t>', '<r><t>新</t></r><r><t>安镇</t></r><rPh sb="0" eb="1"><t>xin</t></rPh>'],
    });
    expect(read).toEqual([['第一行\n第二行', '新安镇', '85', '一\n二']]);
    expect(decodeEscapes('_x005F_x000D_ 与 _x0009_')).toBe('_x000D_ 与 \t');
  });

  it('places cells without a reference after the one before, and rows without a number after the row before', async () => {
    const read = await readXlsx(await writeHandBook(path.join(tempDir(), 'refs.xlsx'), one('<row><c t="inlineStr"><is><t>甲</t></is></c><c><v>1</v></c></row><row><c r="C2"><v>2</v></c></row>')));
    expect(read[0]!.rows).toEqual([{ number: 1, values: ['甲', 1] }, { number: 2, values: [null, null, 2] }]);
  });
});

describe('a stored value that is no number, through the CLI', () => {
  it.each([['5O'], ['0x32'], ['INF']])('<v>%s</v> in a score column is an error naming the cell, not a score', async (v) => {
    const file = await writeHandBook(path.join(tempDir(), 'book.xlsx'), minimalBook(
      row(1, [inlineCell('A1', '单位名称'), inlineCell('B1', 'A'), inlineCell('C1', 'B')])
      + row(2, [inlineCell('A2', '一镇'), valueCell('B2', v), valueCell('C2', '30')])
      + row(3, [inlineCell('A3', '二镇'), valueCell('B3', '40'), valueCell('C3', '20')])));
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`得分表!B2：.*「${v}」不是有效的数字.*（代码 E_NOT_A_NUMBER）`));
  });
});
