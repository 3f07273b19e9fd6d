import type { NoticeDoc } from '../report/notice-doc.js';
import { allRows, type CellModel, type SheetModel } from '../report/sheet-model.js';
import type { PendingFile } from './atomic-write.js';
import {
  APP, CONTENT_TYPES, coreProperties, DOCUMENT_RELS, footerXml, FOOTERS, R, ROOT_RELS, SETTINGS, stylesXml, W, XML_HEAD,
} from './docx-parts.js';
import { cellXml, paragraphXml, run, type Paragraph, type RunStyle, type Spacing } from './wordml.js';
import { ZipWriter } from './zip-writer.js';

/**
 * The 通报 as a Word file in 公文 layout (GB/T 9704), written as WordprocessingML by hand and
 * deflated part by part like the workbooks: the same notice gives the same bytes (fixed dates,
 * ids numbered in order), and a long appendix table is never a whole string.
 */

/** GB/T 9704 fonts; a machine without them substitutes its own 仿宋/宋体. */
const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const HEAD_FONT = '黑体';
const PAGE_FONT = '宋体';
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
const ERHAO = 44;
const SANHAO = 32;
const SIHAO = 28;
const XIAOSI = 24;
const BODY: RunStyle = { font: BODY_FONT, size: SANHAO };
/** 22 lines to the 225 mm type area (GB/T 9704 7.1): a fixed line pitch of about 28.9 pt. */
const LINE: Spacing = { line: 578, rule: 'exact' };

/** Millimetres in twips, rounded (the docx library's conversion truncated: 37 mm became 2097). */
const mm = (x: number): number => Math.round((x * 1440) / 25.4);

/** The text's width on a portrait page (210 mm less GB/T 9704's 28 and 26 mm margins), in points. */
const TEXT_WIDTH_PT = ((210 - 28 - 26) * 72) / 25.4;

/**
 * 发文机关标志 in 32-point type, smaller for a long name so that it stays on one line (「灌南县三政绩效管理委员会办公室」,
 * 15 characters, broke before 「公室」); GB/T 9704 7.2.2 leaves its size to the office, 「醒目、美观、庄重」. Half-points.
 */
export function issuerSize(issuer: string): number {
  const characters = [...issuer].reduce((n, c) => n + (/[\x00-\xff]/.test(c) ? 0.5 : 1), 0);
  return Math.min(64, Math.floor((2 * TEXT_WIDTH_PT) / Math.max(characters, 1)));
}

/** 发文机关标志 in red over the 文号 and a red rule, when the scheme names them (GB/T 9704 7.2). */
function letterhead(doc: NoticeDoc): Paragraph[] {
  const out: Paragraph[] = [];
  if (doc.issuer) out.push({ style: { spacing: { after: 240 }, align: 'center' }, runs: [run(doc.issuer, { font: TITLE_FONT, size: issuerSize(doc.issuer), color: 'FF0000' })] });
  if (doc.docNumber) out.push({ style: { spacing: LINE, align: 'center' }, runs: [run(doc.docNumber, BODY)] });
  if (out.length > 0) out.push({ style: { bottomRule: [12, 'FF0000', 4], spacing: { after: 480 } }, runs: [] });
  return out;
}

function mainText(doc: NoticeDoc): Paragraph[] {
  // The last body paragraph, the 附件 line and the 落款 but its last line are kept with what follows:
  // the office and the date never stand on a page without text above them (GB/T 9704 7.3.5).
  const body = (text: string, keepNext = false): Paragraph => ({ style: { keepNext, spacing: LINE, indent: { firstLine: 640 }, align: 'both' }, runs: [run(text, BODY)] });
  const blank = (keepNext = false): Paragraph => ({ style: { keepNext, spacing: LINE }, runs: [] });
  const last = doc.body.length - 1;
  return [
    ...doc.title.map((t): Paragraph => ({ style: { spacing: { line: 700, rule: 'exact' }, align: 'center' }, runs: [run(t, { font: TITLE_FONT, size: ERHAO })] })),
    blank(),
    ...(doc.recipients ? [{ style: { spacing: LINE }, runs: [run(doc.recipients, BODY)] }] : []),
    ...doc.body.map((text, i) => body(text, i === last)),
    ...(doc.attachment ? [blank(true), body(doc.attachment, true)] : []),
    blank(true),
    // 落款 right-aligned, four characters in from the right edge (GB/T 9704 7.3.5).
    ...doc.closing.map((c, i): Paragraph => ({ style: { keepNext: i < doc.closing.length - 1, spacing: LINE, indent: { right: 1280 }, align: 'right' }, runs: [run(c, BODY)] })),
  ];
}

/** A4 with GB/T 9704's margins, the same margins round the page when it lies on its side; page numbers in the footers. */
function sectionXml(landscape: boolean): string {
  const size = landscape ? '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' : '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>';
  return `<w:sectPr><w:footerReference w:type="default" r:id="${FOOTERS.odd}"/><w:footerReference w:type="even" r:id="${FOOTERS.even}"/>${size}`
    + `<w:pgMar w:top="${mm(37)}" w:right="${mm(26)}" w:bottom="${mm(35)}" w:left="${mm(28)}" w:header="${mm(15)}" w:footer="${mm(20)}" w:gutter="0"/></w:sectPr>`;
}

/** A table of more than five columns (001's has seven) lies on its side so that unit names stay on one line. */
const PORTRAIT_COLUMNS = 5;

/** The document: letterhead and notice, then the appendix in a section of its own (a new page). */
export function* documentXml(doc: NoticeDoc): Generator<string> {
  const wide = doc.appendix.widths.length > PORTRAIT_COLUMNS;
  yield `${XML_HEAD}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>`;
  const notice = [...letterhead(doc), ...mainText(doc)];
  // A section ends with its last paragraph: that paragraph carries the section's properties.
  yield notice.map((p, i) => paragraphXml(p, i === notice.length - 1 ? sectionXml(false) : '')).join('');
  yield* appendixXml(doc.appendix, wide ? mm(243) : mm(156));
  yield `${sectionXml(wide)}</w:body></w:document>`;
}

/** The 附件 sheet as the page shows it: its heading and title as paragraphs, its table as a table, its notes below. */
function* appendixXml(sheet: SheetModel, textWidth: number): Generator<string> {
  let table: { top: number; rows: SheetModel['rows'] } | undefined;
  let r = -1;
  for (const row of allRows(sheet)) {
    r++;
    const first = row.find((c) => c !== null);
    if (first?.s === 'title' || first?.s === 'note' || first === undefined) {
      if (table) yield* tableXml(sheet, table.rows, table.top, textWidth);
      table = undefined;
      yield paragraphXml(first?.s === 'title' ? appendixTitle(String(first.v)) : appendixLine(String(first?.v ?? '')));
    } else {
      table ??= { top: r, rows: [] };
      // Kept until the table ends: a body's row may be one array filled again (StreamedRows).
      table.rows.push(row.map((c) => c && { ...c }));
    }
  }
  if (table) yield* tableXml(sheet, table.rows, table.top, textWidth);
}

function appendixTitle(text: string): Paragraph {
  return { style: { spacing: { before: 240, after: 240 }, align: 'center' }, runs: [run(text, { font: TITLE_FONT, size: ERHAO })] };
}

/** 「附件：」 in 黑体 at the top left (GB/T 9704 8.1); the notes under the table in 仿宋 小四. */
function appendixLine(text: string): Paragraph {
  const heading = text === '附件：';
  return { style: { spacing: { line: 400, rule: 'atLeast' } }, runs: [run(text, heading ? { font: HEAD_FONT, size: SANHAO } : { font: BODY_FONT, size: XIAOSI })] };
}

/** Rows of the sheet as a table; a merge across columns becomes a cell spanning them, a cell the sheet leaves empty has no rule. */
function* tableXml(sheet: SheetModel, rows: SheetModel['rows'], top: number, textWidth: number): Generator<string> {
  const total = sheet.widths.reduce((a, w) => a + w, 0);
  const columns = sheet.widths.map((w) => Math.floor((textWidth * w) / total));
  const spans = new Map(sheet.merges.map((m) => [`${m.top}:${m.left}`, m.right - m.left + 1]));
  yield `<w:tbl><w:tblPr><w:tblW w:w="${textWidth}" w:type="dxa"/></w:tblPr><w:tblGrid>${columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  for (const [i, row] of rows.entries()) {
    let cells = '';
    for (let c = 0; c < columns.length;) {
      const span = spans.get(`${top + i + 1}:${c + 1}`) ?? 1;
      cells += cellOf(row[c] ?? null, span, columns.slice(c, c + span).reduce((a, w) => a + w, 0));
      c += span;
    }
    yield `<w:tr>${cells}</w:tr>`;
  }
  yield '</w:tbl>';
}

/** Header cells centred in bold, section cells in 黑体, the rest in 仿宋, all 小四. */
function cellOf(cell: CellModel | null, span: number, twips: number): string {
  const text = cell === null || cell.v === null ? '' : String(cell.v);
  const style: RunStyle = { font: cell?.s === 'section' ? HEAD_FONT : BODY_FONT, size: XIAOSI, ...(cell?.s === 'header' ? { bold: true } : {}) };
  const paragraph: Paragraph = { style: { spacing: { line: 360, rule: 'atLeast' }, align: cell?.s === 'header' ? 'center' : 'left' }, runs: [run(text, style)] };
  return cellXml(twips, span, cell !== null, paragraphXml(paragraph));
}

/** The notice written to `file` (which must not exist yet). */
export async function writeDocx(file: string, doc: NoticeDoc): Promise<void> {
  const zip = await ZipWriter.create(file);
  try {
    await zip.add('[Content_Types].xml', [CONTENT_TYPES]);
    await zip.add('_rels/.rels', [ROOT_RELS]);
    await zip.add('docProps/core.xml', [coreProperties(doc.title.join(''))]);
    await zip.add('docProps/app.xml', [APP]);
    await zip.add('word/document.xml', documentXml(doc));
    await zip.add('word/_rels/document.xml.rels', [DOCUMENT_RELS]);
    await zip.add('word/styles.xml', [stylesXml(BODY)]);
    await zip.add('word/settings.xml', [SETTINGS]);
    const page: RunStyle = { font: PAGE_FONT, size: SIHAO };
    // 「— 1 —」 on the outside edge: right on odd pages, left on even ones.
    await zip.add('word/footer1.xml', [footerXml('right', page)]);
    await zip.add('word/footer2.xml', [footerXml('left', page)]);
  } catch (e) {
    await zip.abandon();
    throw e;
  }
  await zip.close();
}

/** The notice as a .docx to write with the 通报 pair (see writeAllAtomically). */
export function docxFile(target: string, doc: NoticeDoc): PendingFile {
  return { target, write: (temp) => writeDocx(temp, doc) };
}
