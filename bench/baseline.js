// The minimal pipeline `score` is measured against (bench/run.js): the least any tool must do to
// score a workbook in the project's layout, with nothing from src/ or dist/. It opens the zip by its
// central directory and inflates one part at a time with node:zlib, scans the sheet XML with regular
// expressions over byte chunks (shared, inline and str strings, numbers), sums each unit's `direct`
// indicators exactly (integers scaled by 10^6, refused if a value has more decimals or the sum
// leaves the safe integers), half-ups the total to 2 decimals, ranks within category (1, 2, 2, 4;
// ties in roster order) and writes a one-sheet result workbook (单位名称, 类别, 总分, 名次) by hand:
// XML in chunks, each deflated on its own and concatenated, local headers patched with the sizes.
// It handles the layout bench/make-workbook.js writes (and Excel's), not every workbook: anything
// unexpected stops it with a message. Usage: node bench/baseline.js <in.xlsx> <out.xlsx>
import { closeSync, createReadStream, openSync, readSync, fstatSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SCALE = 1e6;
const DECIMALS = 2; // the scheme's default; bench/make-workbook.js writes no `rounding`
const UNIT = SCALE / 10 ** DECIMALS;

// ---- zip reading ----

/** The zip's entries by name: where each part's data starts, its compressed size and method. */
export function readDirectory(file) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new Error(`${file}：不是 zip 文件`);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff) throw new Error(`${file}：zip64 不在基线处理范围内`);
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdOffset);
    const entries = new Map();
    const local = Buffer.alloc(30);
    for (let p = 0; p < cdSize; ) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}：中央目录损坏`);
      const method = cd.readUInt16LE(p + 10);
      const compressed = cd.readUInt32LE(p + 20);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const headerOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
      readSync(fd, local, 0, 30, headerOffset);
      const start = headerOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      entries.set(name, { method, start, compressed });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** The inflated bytes of one part, chunk by chunk. */
function partStream(file, entry) {
  const raw = createReadStream(file, { start: entry.start, end: entry.start + entry.compressed - 1, highWaterMark: 1 << 18 });
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new Error(`${file}：不支持的压缩方法 ${entry.method}`);
  return raw.pipe(zlib.createInflateRaw({ chunkSize: 1 << 18 }));
}

/** A whole (small) part as text. */
async function partText(file, entries, name) {
  const entry = entries.get(name);
  if (!entry) return undefined;
  const chunks = [];
  for await (const chunk of partStream(file, entry)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// ---- XML scanning ----

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescape(text) {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? m);
}

/** Text of a latin1-decoded slice (one char per byte) as the UTF-8 it is. */
const utf8 = (latin1) => unescape(Buffer.from(latin1, 'latin1').toString('utf8'));

/** The runs of text in a rich or plain string (<t>…</t>), phonetic runs left out. */
function runs(xml) {
  let text = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) text += m[1] ?? '';
  return text;
}

function columnIndex(letters) {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n - 1;
}

// A row start (empty or not), a row end, or a cell with r= read when it comes first (as Excel writes it).
const TOKEN = /<row\b[^>]*?(\/?)>|<\/row>|<c\b(?:\s+r="([A-Z]+)\d*")?([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const REF = /\br="([A-Z]+)\d+"/;
const TYPE = /\bt="(\w+)"/;
const VALUE = /<v>([\s\S]*?)<\/v>/;

/**
 * Calls onRow(cells) for each row of a sheet, cells[column] the cell's text (strings decoded, numbers
 * as written); the array is reused between rows.
 */
async function scanSheet(file, entries, part, shared, onRow) {
  const entry = entries.get(part);
  if (!entry) throw new Error(`${file}：缺少 ${part}`);
  let rest = '';
  const cells = [];
  let next = 0;
  const take = (text) => {
    TOKEN.lastIndex = 0;
    for (let m; (m = TOKEN.exec(text)); ) {
      if (m[0].startsWith('<row')) {
        cells.length = 0;
        next = 0;
        if (m[1]) onRow(cells);
      } else if (m[0] === '</row>') onRow(cells);
      else {
        const attrs = m[3];
        const letters = m[2] ?? REF.exec(attrs)?.[1];
        const column = letters ? columnIndex(letters) : next;
        next = column + 1;
        const inner = m[4];
        if (inner === undefined) continue;
        const type = attrs.includes('t=') ? TYPE.exec(attrs)?.[1] : undefined;
        if (type === 'inlineStr') cells[column] = utf8(runs(inner));
        else {
          const v = inner.startsWith('<v>') && inner.endsWith('</v>') ? inner.slice(3, -4) : VALUE.exec(inner)?.[1];
          if (v === undefined) continue;
          if (type === 's') cells[column] = shared[Number(v)];
          else if (type === 'str' || type === 'e') cells[column] = utf8(v);
          else cells[column] = v;
        }
      }
    }
  };
  for await (const chunk of partStream(file, entry)) {
    const text = rest + chunk.toString('latin1');
    const end = text.lastIndexOf('</row>');
    if (end < 0) {
      rest = text;
      continue;
    }
    const cut = end + 6;
    take(text.slice(0, cut));
    rest = text.slice(cut);
  }
  take(rest);
}

/** The sheets of a workbook by name, and a function to scan one. */
export async function openBook(file) {
  const entries = readDirectory(file);
  const workbook = await partText(file, entries, 'xl/workbook.xml');
  const rels = await partText(file, entries, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new Error(`${file}：不是 xlsx 工作簿`);
  const targets = new Map();
  let sharedPart;
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])[1];
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    targets.set(id, part);
    if (/\bType="[^"]*\/sharedStrings"/.test(m[0])) sharedPart = part;
  }
  const sheets = new Map();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescape(/\bname="([^"]*)"/.exec(m[0])[1]);
    sheets.set(name, targets.get(/\br:id="([^"]*)"/.exec(m[0])[1]));
  }
  const shared = [];
  const sst = sharedPart && (await partText(file, entries, sharedPart));
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(unescape(runs(m[1] ?? '')));
  return {
    has: (name) => sheets.has(name),
    scan(name, onRow) {
      if (!sheets.has(name)) throw new Error(`${file}：缺少工作表「${name}」`);
      return scanSheet(file, entries, sheets.get(name), shared, onRow);
    },
  };
}

// ---- exact numbers ----

/** A decimal as written in a cell (1.25, -3, 2.5E-2) as an integer of 1/10^6, or an error. */
export function scaled(text, where) {
  // Fast path for plain decimals (12, 2.13): digits read as one integer, no regular expression.
  let n = 0;
  let places = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && places < 0) places = 0;
    else if (c >= 48 && c <= 57 && i < 15) {
      n = n * 10 + c - 48;
      if (places >= 0) places++;
    } else {
      places = -2;
      break;
    }
  }
  const fast = places === -1 && text.length > 0 ? n * SCALE : places >= 0 && places <= 6 && text.length > 1 ? n * 10 ** (6 - places) : NaN;
  if (Number.isSafeInteger(fast)) return fast;
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && !m[3])) throw new Error(`${where}：「${text}」不是数字`);
  const digits = (m[2] + (m[3] ?? '')).replace(/^0+(?=\d)/, '');
  const decimals = (m[3] ?? '').length - Number(m[4] ?? 0);
  const shift = 6 - decimals;
  let value;
  if (shift >= 0) value = Number(digits) * 10 ** shift;
  else {
    const kept = digits.slice(0, shift);
    if (/[^0]/.test(digits.slice(shift))) throw new Error(`${where}：「${text}」超过 6 位小数，基线不处理`);
    value = Number(kept || '0');
  }
  if (!Number.isSafeInteger(value)) throw new Error(`${where}：「${text}」超出基线的精确范围`);
  return m[1] ? -value : value;
}

/** An integer of 1/10^6 rounded half up (away from zero) to an integer of 1/10^DECIMALS. */
const published = (micro) => Math.sign(micro) * Math.floor((Math.abs(micro) + UNIT / 2) / UNIT);

/** An integer of 1/10^DECIMALS as text with DECIMALS places. */
export function decimal(units) {
  const abs = String(Math.abs(units)).padStart(DECIMALS + 1, '0');
  return `${units < 0 ? '-' : ''}${abs.slice(0, -DECIMALS)}.${abs.slice(-DECIMALS)}`;
}

// ---- scoring ----

/** Header row found, the other rows handed on as objects keyed by header text. */
function byHeader(onRecord) {
  let header;
  return (cells) => {
    if (!header) {
      if (cells.some((c) => c !== undefined)) header = Array.from(cells);
      return;
    }
    if (cells.some((c) => c !== undefined && c !== '')) onRecord(cells, header);
  };
}

export async function scoreBook(file) {
  const book = await openBook(file);
  const direct = [];
  await book.scan('指标体系', byHeader((cells, header) => {
    if (cells[header.indexOf('评分方法')] === 'direct') direct.push(cells[header.indexOf('编码')]);
  }));
  const names = [];
  const categories = [];
  await book.scan('单位名单', byHeader((cells, header) => {
    names.push(cells[header.indexOf('单位名称')]);
    categories.push(cells[header.indexOf('类别')]);
  }));
  const index = new Map(names.map((n, i) => [n, i]));
  const totals = new Float64Array(names.length);
  const seen = new Uint8Array(names.length);
  let columns;
  let row = 1;
  await book.scan('得分表', byHeader((cells, header) => {
    row++;
    columns ??= direct.map((code) => {
      const c = header.indexOf(code);
      if (c < 0) throw new Error(`${file}：得分表缺少指标 ${code} 的列`);
      return c;
    });
    const u = index.get(cells[header.indexOf('单位名称')]);
    if (u === undefined || seen[u]) throw new Error(`${file}：得分表第 ${row} 行的单位不在名单中或重复`);
    seen[u] = 1;
    let total = 0;
    for (const c of columns) {
      const text = cells[c];
      if (text === undefined) throw new Error(`${file}：得分表第 ${row} 行缺少得分`);
      total += scaled(text, `${file} 得分表第 ${row} 行`);
    }
    if (!Number.isSafeInteger(total)) throw new Error(`${file}：得分表第 ${row} 行的总分超出基线的精确范围`);
    totals[u] = total;
  }));
  if (seen.includes(0)) throw new Error(`${file}：名单中有单位没有得分`);
  const rounded = Array.from(totals, published);
  const ranks = new Uint32Array(names.length);
  const groups = new Map();
  names.forEach((_, u) => (groups.get(categories[u]) ?? groups.set(categories[u], []).get(categories[u])).push(u));
  for (const members of groups.values()) {
    members.sort((a, b) => rounded[b] - rounded[a]); // stable: ties keep roster order
    members.forEach((u, i) => (ranks[u] = i > 0 && rounded[u] === rounded[members[i - 1]] ? ranks[members[i - 1]] : i + 1));
  }
  return { names, categories, shown: rounded.map(decimal), ranks };
}

// ---- xlsx writing ----

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
/** zlib.crc32 from Node 20.15; a table otherwise. */
const crc32 = zlib.crc32 ?? ((data, crc = 0) => {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
});

/** A zip written part by part; each part's chunks deflated separately (sync flush) and concatenated. */
function zipWriter(file) {
  const fd = openSync(file, 'w');
  const central = [];
  let pos = 0;
  const write = (buffer, at = pos) => {
    writeSync(fd, buffer, 0, buffer.length, at);
    if (at === pos) pos += buffer.length;
  };
  const header = (name, crc, compressed, size) => {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(compressed, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    return Buffer.concat([h, name]);
  };
  return {
    part(partName, produce) {
      const name = Buffer.from(partName);
      const offset = pos;
      write(header(name, 0, 0, 0));
      let crc = 0;
      let size = 0;
      let compressed = 0;
      produce((text) => {
        const data = Buffer.from(text);
        crc = crc32(data, crc);
        size += data.length;
        const out = zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
        compressed += out.length;
        write(out);
      });
      const last = zlib.deflateRawSync(Buffer.alloc(0)); // the final (empty) block
      compressed += last.length;
      write(last);
      write(header(name, crc, compressed, size), offset);
      central.push({ name, offset, crc, compressed, size });
    },
    close() {
      const start = pos;
      for (const e of central) {
        const c = Buffer.alloc(46);
        c.writeUInt32LE(0x02014b50, 0);
        c.writeUInt16LE(20, 4);
        c.writeUInt16LE(20, 6);
        c.writeUInt16LE(0x0800, 8);
        c.writeUInt16LE(8, 10);
        c.writeUInt32LE(0x00210000, 12);
        c.writeUInt32LE(e.crc, 16);
        c.writeUInt32LE(e.compressed, 20);
        c.writeUInt32LE(e.size, 24);
        c.writeUInt16LE(e.name.length, 28);
        c.writeUInt32LE(e.offset, 42);
        write(Buffer.concat([c, e.name]));
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(central.length, 8);
      end.writeUInt16LE(central.length, 10);
      end.writeUInt32LE(pos - start, 12);
      end.writeUInt32LE(start, 16);
      write(end);
      closeSync(fd);
    },
  };
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const text = (ref, s) => `<c r="${ref}" t="inlineStr"><is><t>${escape(s)}</t></is></c>`;

export function writeResult(file, { names, categories, shown, ranks }) {
  const zip = zipWriter(file);
  const small = (name, xml) => zip.part(name, (put) => put(XML + xml));
  small('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  small('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  small('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="排名" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  small('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  zip.part('xl/worksheets/sheet1.xml', (put) => {
    let chunk = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1">${text('A1', '单位名称')}${text('B1', '类别')}${text('C1', '总分')}${text('D1', '名次')}</row>`;
    for (let u = 0; u < names.length; u++) {
      const r = u + 2;
      chunk += `<row r="${r}">${text(`A${r}`, names[u])}${text(`B${r}`, categories[u])}<c r="C${r}"><v>${shown[u]}</v></c><c r="D${r}"><v>${ranks[u]}</v></c></row>`;
      if (chunk.length > 1 << 20) {
        put(chunk);
        chunk = '';
      }
    }
    put(`${chunk}</sheetData></worksheet>`);
  });
  zip.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('用法：node bench/baseline.js <得分工作簿.xlsx> <结果.xlsx>');
    process.exit(2);
  }
  try {
    writeResult(output, await scoreBook(input));
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
