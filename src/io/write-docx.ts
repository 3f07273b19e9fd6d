import { writeFile } from 'node:fs/promises';
import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableRow,
  TextRun, VerticalAlign, WidthType,
} from 'docx';
import JSZip from 'jszip';
import type { NoticeDoc } from '../report/notice-doc.js';
import type { CellModel, SheetModel } from '../report/sheet-model.js';
import type { PendingFile } from './atomic-write.js';

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
/** 22 lines to the 225 mm type area (GB/T 9704 7.1): a fixed line pitch of about 28.9 pt. */
const LINE = { line: 578, lineRule: LineRuleType.EXACT };
/** The same instant in every file: identical notices give identical bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const FIXED_ISO = '2000-01-01T00:00:00Z';

/** Millimetres in twips, rounded (docx's own conversion truncates: 37 mm became 2097). */
const mm = (x: number): number => Math.round((x * 1440) / 25.4);
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
const run = (text: string, face = BODY_FONT, size = SANHAO, extra: { bold?: boolean; color?: string } = {}): TextRun =>
  new TextRun({ text, font: font(face), size, ...extra });

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
  if (doc.issuer) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(doc.issuer, TITLE_FONT, issuerSize(doc.issuer), { color: 'FF0000' })] }));
  if (doc.docNumber) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(doc.docNumber)] }));
  if (out.length > 0) {
    out.push(new Paragraph({ spacing: { after: 480 }, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 4 } }, children: [] }));
  }
  return out;
}

function mainText(doc: NoticeDoc): Paragraph[] {
  // The last body paragraph, the 附件 line and the 落款 but its last line are kept with what follows:
  // the office and the date never stand on a page without text above them (GB/T 9704 7.3.5).
  const body = (text: string, keepNext = false): Paragraph => new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, keepNext, children: [run(text)] });
  const blank = (): Paragraph => new Paragraph({ spacing: LINE, keepNext: true, children: [] });
  const last = doc.body.length - 1;
  return [
    ...doc.title.map((t) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(t, TITLE_FONT, ERHAO)] })),
    new Paragraph({ spacing: LINE, children: [] }),
    ...(doc.recipients ? [new Paragraph({ spacing: LINE, children: [run(doc.recipients)] })] : []),
    ...doc.body.map((text, i) => body(text, i === last)),
    ...(doc.attachment ? [blank(), body(doc.attachment, true)] : []),
    blank(),
    // 落款 right-aligned, four characters in from the right edge (GB/T 9704 7.3.5).
    ...doc.closing.map((c, i) => new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, keepNext: i < doc.closing.length - 1, children: [run(c)] })),
  ];
}

/** 「— 1 —」 in 四号宋体, outside edge: right on odd pages, left on even ones, a character in (GB/T 9704 7.5). */
function pageFooter(align: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  const indent = align === AlignmentType.RIGHT ? { right: 280 } : { left: 280 };
  return new Footer({ children: [new Paragraph({ alignment: align, indent, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(PAGE_FONT), size: SIHAO })] })] });
}

/** A4 with GB/T 9704's margins; the same margins round the page when it lies on its side. */
function section(landscape: boolean, children: (Paragraph | Table)[]) {
  return {
    properties: {
      page: {
        size: { width: 11906, height: 16838, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20), header: mm(15) },
      },
    },
    footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
    children,
  };
}

/** A table of more than five columns (001's has seven) lies on its side so that unit names stay on one line. */
const PORTRAIT_COLUMNS = 5;

/** The document: letterhead and notice, then the appendix in a section of its own (a new page). */
export function noticeDocument(doc: NoticeDoc): Document {
  const wide = doc.appendix.widths.length > PORTRAIT_COLUMNS;
  return new Document({
    creator: 'score',
    title: doc.title.join(''),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(BODY_FONT), size: SANHAO } } } },
    sections: [section(false, [...letterhead(doc), ...mainText(doc)]), section(wide, appendixPart(doc.appendix, wide ? mm(243) : mm(156)))],
  });
}


/** The 附件 sheet as the page shows it: its heading and title as paragraphs, its table as a table, its notes below. */
export function appendixPart(sheet: SheetModel, textWidth: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let table: SheetModel['rows'] = [];
  let top = 0;
  const flush = (): void => {
    if (table.length > 0) out.push(tableOf(sheet, table, top, textWidth));
    table = [];
  };
  sheet.rows.forEach((row, r) => {
    const first = row.find((c) => c !== null);
    if (first?.s === 'title') {
      flush();
      out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [run(String(first.v), TITLE_FONT, ERHAO)] }));
    } else if (first?.s === 'note' || first === undefined) {
      flush();
      const v = String(first?.v ?? '');
      // 「附件：」 in 黑体 at the top left (GB/T 9704 8.1); the notes under the table in 仿宋.
      out.push(new Paragraph({ spacing: { line: 400, lineRule: LineRuleType.AT_LEAST }, children: [run(v, v === '附件：' ? HEAD_FONT : BODY_FONT, v === '附件：' ? SANHAO : XIAOSI)] }));
    } else {
      if (table.length === 0) top = r;
      table.push(row);
    }
  });
  flush();
  return out;
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Rows of the sheet as a table; a merge across columns becomes a cell spanning them, a cell the sheet leaves empty has no rule. */
function tableOf(sheet: SheetModel, rows: SheetModel['rows'], top: number, textWidth: number): Table {
  const width = sheet.widths.length;
  const total = sheet.widths.reduce((a, w) => a + w, 0);
  const columnWidths = sheet.widths.map((w) => Math.floor((textWidth * w) / total));
  const spans = new Map(sheet.merges.map((m) => [`${m.top}:${m.left}`, m.right - m.left + 1]));
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths,
    rows: rows.map((row, i) => {
      const cells: TableCell[] = [];
      for (let c = 0; c < width;) {
        const span = spans.get(`${top + i + 1}:${c + 1}`) ?? 1;
        cells.push(cellOf(row[c] ?? null, span, columnWidths.slice(c, c + span).reduce((a, w) => a + w, 0)));
        c += span;
      }
      return new TableRow({ children: cells });
    }),
  });
}

function cellOf(cell: CellModel | null, span: number, twips: number): TableCell {
  const ruled = cell !== null;
  const strong = cell?.s === 'section' || cell?.s === 'header';
  const text = cell === null || cell.v === null ? '' : String(cell.v);
  return new TableCell({
    columnSpan: span,
    width: { size: twips, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders: ruled ? { top: LINE_BORDER, bottom: LINE_BORDER, left: LINE_BORDER, right: LINE_BORDER } : { top: NONE, bottom: NONE, left: NONE, right: NONE },
    children: [new Paragraph({
      alignment: cell?.s === 'header' ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { line: 360, lineRule: LineRuleType.AT_LEAST },
      children: [run(text, cell?.s === 'section' ? HEAD_FONT : BODY_FONT, XIAOSI, strong && cell?.s === 'header' ? { bold: true } : {})],
    })],
  });
}

/**
 * The packed document with fixed dates and ids: docx stamps the time and random relationship ids,
 * so the zip is rebuilt with the core properties' dates fixed, ids numbered in order, and entries dated alike.
 */
export async function docxBytes(doc: Document): Promise<Buffer> {
  const packed = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const names = Object.keys(packed.files).filter((n) => !packed.files[n]!.dir).sort();
  const texts = new Map<string, string>();
  for (const n of names) texts.set(n, await packed.file(n)!.async('string'));
  const ids = new Map<string, string>();
  const out = new JSZip();
  for (const n of names) {
    let t = texts.get(n)!
      .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${FIXED_ISO}`)
      .replace(/\b(?:Id|r:id)="(r?Id)?([A-Za-z0-9_-]{12,})"/g, (m, _p, id: string) => {
        if (!ids.has(id)) ids.set(id, `rIdx${ids.size + 1}`);
        return m.replace(/"[^"]*"$/, `"${ids.get(id)}"`);
      });
    out.file(n, t, { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
}

/** The notice as a .docx to write with the 通报 pair (see writeAllAtomically). */
export function docxFile(target: string, doc: NoticeDoc): PendingFile {
  return { target, write: async (temp) => writeFile(temp, await docxBytes(noticeDocument(doc))) };
}
