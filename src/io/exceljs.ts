import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

/**
 * exceljs's streaming reader, with one bug fixed. It decodes each chunk of a sheet's XML on its
 * own (lib/utils/parse-sax.js), so a Chinese character split across two chunks came back as
 * "��" — silently, a few times in every large sheet (exceljs issues 2063 and 2084; the fixes
 * proposed in PRs 1665 and 2894 are not in 4.4.0). Here every XML stream is decoded as one
 * UTF-8 text before exceljs sees it: parse-sax passes strings through untouched.
 */
async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

interface Entry {
  setEncoding(encoding: 'utf8'): unknown;
}

type Internals = Record<string, (...args: unknown[]) => unknown>;
const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: string, options: object) => Internals;

class Utf8WorkbookReader extends Base {
  constructor(input: string, options: object) {
    super(input, options);
    const base = Base.prototype as Internals;
    // Worksheets and hyperlinks arrive as iterators (of a zip entry or of a temporary file).
    for (const name of ['_parseWorksheet', '_parseHyperlinks']) {
      this[name] = (iterator: unknown, sheetNo: unknown) => base[name]!.call(this, decodeUtf8(iterator as AsyncIterable<Buffer>), sheetNo);
    }
    // The other parts arrive as the zip entry itself: let the stream decode its own text.
    for (const name of ['_parseSharedStrings', '_parseRels', '_parseWorkbook', '_parseStyles']) {
      this[name] = (entry: unknown) => {
        (entry as Entry).setEncoding('utf8');
        return base[name]!.call(this, entry);
      };
    }
  }
}

export function workbookReader(file: string, options: object): AsyncIterable<unknown> {
  return new Utf8WorkbookReader(file, options) as unknown as AsyncIterable<unknown>;
}

export default ExcelJS;
