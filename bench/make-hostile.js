// Workbooks no office writes but a reader must survive, each a small minimal book (two units,
// two indicators) whose 得分表 is replaced:
//   rows-4m.xlsx        4 million empty styled rows below the data, as Excel writes them (r=, s=)
//   rows-4m-no-r.xlsx   the same rows without r= (every row alike: a 1000-to-1 zip bomb)
//   cell-200m.xlsx      one empty cell with a comment on row 200,000,000 (and the dimension to match)
//   cols-20000.xlsx     a header row of 20,000 columns (Excel stops at 16,384)
//   bomb.xlsx           one cell holding 1 GB of spaces
// Usage: node bench/make-hostile.js <folder> [file names…]   (bench/hostile.js makes and measures them)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>';
const inline = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const DATA = `<row r="1">${inline('A1', '单位名称')}${inline('B1', 'A')}${inline('C1', 'B')}</row>`
  + `<row r="2">${inline('A2', '一镇')}<c r="B2"><v>50</v></c><c r="C2"><v>30</v></c></row>`
  + `<row r="3">${inline('A3', '二镇')}<c r="B3"><v>40</v></c><c r="C3"><v>20</v></c></row>`;

/** The minimal book: scheme, indicators, roster and scores (sheet4.xml), written by exceljs. */
async function minimalBook() {
  const wb = new ExcelJS.Workbook();
  const sheets = {
    方案: ['name: 测试', 'categories: [乡镇]', 'bands:', '  - name: 合格', '    atLeast: 60', '  - name: 不合格'].map((l) => [l]),
    指标体系: [['编码', '一级指标', '分值'], ['A', '甲', 60], ['B', '乙', 40]],
    单位名单: [['单位名称', '类别'], ['一镇', '乡镇'], ['二镇', '乡镇']],
    得分表: [['单位名称', 'A', 'B'], ['一镇', 50, 30], ['二镇', 40, 20]],
  };
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return JSZip.loadAsync(await wb.xlsx.writeBuffer());
}

/** A part given as a generator of strings, streamed into the zip as UTF-8 bytes (the 4-million-row sheet is 160 MB of XML). */
function* chunked(pieces, size = 1 << 16) {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= size) {
      yield Buffer.from(buffer);
      buffer = '';
    }
  }
  yield Buffer.from(buffer);
}

const SHEETS = {
  'rows-4m.xlsx': function* () {
    yield HEAD + DATA;
    for (let r = 4; r < 4_000_004; r++) yield `<row r="${r}" spans="1:3" s="1" customFormat="1"/>`;
    yield '</sheetData></worksheet>';
  },
  'rows-4m-no-r.xlsx': function* () {
    yield HEAD + DATA;
    for (let r = 4; r < 4_000_004; r++) yield '<row spans="1:3" s="1" customFormat="1"/>';
    yield '</sheetData></worksheet>';
  },
  'cell-200m.xlsx': function* () {
    const head = HEAD.replace('<sheetData>', '<dimension ref="A1:C200000000"/><sheetData>');
    yield `${head}${DATA}<row r="200000000"><c r="A200000000" s="1"/></row></sheetData><legacyDrawing r:id="rId1"/></worksheet>`;
  },
  'cols-20000.xlsx': function* () {
    const letters = (n) => (n < 26 ? String.fromCharCode(65 + n) : letters(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26)));
    yield HEAD + '<row r="1">';
    for (let c = 0; c < 20000; c++) yield inline(`${letters(c)}1`, c < 3 ? ['单位名称', 'A', 'B'][c] : `X${c}`);
    yield '</row></sheetData></worksheet>';
  },
  'bomb.xlsx': function* () {
    yield `${HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`;
    const mb = ' '.repeat(1 << 20);
    for (let i = 0; i < 1024; i++) yield mb;
    yield '</t></is></c></row></sheetData></worksheet>';
  },
};

/** The comment the 200,000,000th row carries, as Excel stores it (a comments part beside the sheet). */
function addComment(zip) {
  zip.file('xl/comments1.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>绩效办</author></authors><commentList><comment ref="A200000000" authorId="0"><text><t>最后一行</t></text></comment></commentList></comments>');
  zip.file('xl/worksheets/_rels/sheet4.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>');
}

export async function makeHostile(folder, only = Object.keys(SHEETS)) {
  mkdirSync(folder, { recursive: true });
  const files = [];
  for (const [name, sheet] of Object.entries(SHEETS).filter(([n]) => only.includes(n))) {
    const zip = await minimalBook();
    zip.file('xl/worksheets/sheet4.xml', Readable.from(chunked(sheet())));
    if (name === 'cell-200m.xlsx') addComment(zip);
    const file = path.join(folder, name);
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true }));
    files.push(file);
  }
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [folder = '.', ...only] = process.argv.slice(2);
  for (const f of await makeHostile(folder, only.length > 0 ? only : undefined)) console.log(f);
}
