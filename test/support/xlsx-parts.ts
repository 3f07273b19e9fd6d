import { readFileSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';
import JSZip from 'jszip';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

export type Parts = Record<string, string | Buffer>;

/** A worksheet part with `rows` as the content of <sheetData> (and `after` for what follows it, such as mergeCells). */
export function sheetXml(rows: string, after = ''): string {
  return `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/**
 * The parts of a minimal workbook, written by hand as an .xlsx holds them: the package's
 * relationships, the workbook listing `sheets` in order, its relationships, and each sheet.
 * Shared strings and styles are added when given.
 */
export function workbookParts(sheets: [name: string, xml: string][], extra: { sharedStrings?: string; styles?: string; workbookPr?: string } = {}): Parts {
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (extra.sharedStrings !== undefined) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (extra.styles !== undefined) rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
  const parts: Parts = {
    '[Content_Types].xml': `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    '_rels/.rels': `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${extra.workbookPr ?? ''}<sheets>${sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${DECL}<Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`,
  };
  sheets.forEach(([, xml], i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  if (extra.sharedStrings !== undefined) parts['xl/sharedStrings.xml'] = `${DECL}<sst xmlns="${MAIN}">${extra.sharedStrings}</sst>`;
  if (extra.styles !== undefined) parts['xl/styles.xml'] = `${DECL}<styleSheet xmlns="${MAIN}">${extra.styles}</styleSheet>`;
  return parts;
}

/** Writes the parts as a zip (deflated) and returns the file name. */
export async function writeParts(file: string, parts: Parts): Promise<string> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

/** A part made of `head`, `body` repeated `times`, then `tail`: hundreds of MB without holding them. */
export interface RepeatedPart {
  head: string;
  body: string;
  times: number;
  tail: string;
}

async function deflatePart(part: Buffer | RepeatedPart): Promise<{ data: Buffer; crc: number; size: number }> {
  const pieces = Buffer.isBuffer(part) ? [part] : undefined;
  const deflate = zlib.createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  const write = (b: Buffer): void => {
    crc = zlib.crc32(b, crc);
    size += b.length;
    deflate.write(b);
  };
  if (pieces) pieces.forEach(write);
  else {
    const p = part as RepeatedPart;
    write(Buffer.from(p.head));
    const body = Buffer.from(p.body.repeat(Math.max(1, Math.floor((1 << 20) / p.body.length))));
    const per = body.length / Buffer.byteLength(p.body);
    for (let n = 0; n < p.times; n += per) write(n + per <= p.times ? body : Buffer.from(p.body.repeat(p.times - n)));
    write(Buffer.from(p.tail));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

/**
 * Writes a zip with Node's own deflate (JSZip's is too slow for a part of 200 MB): local headers,
 * data, central directory. Enough for tests; no zip64, so every part stays under 4 GB.
 */
export async function writeZip(file: string, parts: Record<string, Buffer | string | RepeatedPart>): Promise<string> {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const { data, crc, size } = await deflatePart(typeof content === 'string' ? Buffer.from(content) : content);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    local.copy(header, 6, 4, 30);
    header.writeUInt32LE(offset, 42);
    central.push(header, fileName);
    chunks.push(local, fileName, data);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...chunks, directory, end]));
  return file;
}

/** A built workbook's parts, to write again with some replaced (see writeZip). */
export async function partsOf(file: string): Promise<Record<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts: Record<string, Buffer> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) parts[name] = await zip.files[name]!.async('nodebuffer');
  return parts;
}
