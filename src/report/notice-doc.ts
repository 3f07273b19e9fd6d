import type { Assessment } from '../engine/assess.js';
import { appendixSheet } from './appendix-sheet.js';
import type { SheetModel } from './sheet-model.js';

/**
 * The notice in the parts of a 党政机关公文 (GB/T 9704), taken from the same rendered text as the
 * .txt, so the two never say different things: 标题, 主送, 正文, 附件说明, 落款; the appendix is the
 * 附件 sheet's table (seed 001's layout) rather than its plain-text form.
 */
export interface NoticeDoc {
  issuer?: string;
  docNumber?: string;
  title: string[];
  recipients?: string;
  body: string[];
  /** 「附件：…」 under the body. */
  attachment?: string;
  /** 落款: the office and the date, right-aligned. */
  closing: string[];
  appendix: SheetModel;
}

/**
 * Most units whose 附件 table goes into the Word file: beyond it (a city's or a province's
 * thousands) the table would run to hundreds of pages and hold the whole document in memory, so
 * the 附件 page says where the table is instead: the workbook's 附件 sheet, printable as it is.
 */
export const DOCX_APPENDIX_MAX_UNITS = 1000;

const ATTACHMENT = /^附件[：:]\s*\S/;
const APPENDIX_START = /^附件[：:]\s*$/;

/** Splits the rendered notice: title block, 主送 line, body up to the 附件 line, closing; the text's own appendix is left to the table. */
export function noticeDoc(a: Assessment, text: string, workbook = '通报工作簿'): NoticeDoc {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  const end = all.findIndex((l) => APPENDIX_START.test(l.trim()));
  const lines = (end < 0 ? all : all.slice(0, end)).map((l) => l.trim());
  let i = lines.findIndex((l) => l !== '');
  const title: string[] = [];
  // The title runs to a blank line or to the 主送 line (「…：」), which 001 puts right under it.
  for (; i >= 0 && i < lines.length && lines[i] !== '' && !lines[i]!.endsWith('：'); i++) title.push(lines[i]!);
  const rest = lines.slice(Math.max(i, 0)).filter((l) => l !== '');
  const recipients = rest[0]?.endsWith('：') ? rest.shift() : undefined;
  const at = rest.findIndex((l) => ATTACHMENT.test(l));
  const { issuer, docNumber, date } = a.scheme.notice;
  // Without an 附件 line, the closing is whatever trailing lines are the office and the date.
  let cut = at >= 0 ? at : rest.length;
  while (at < 0 && cut > 0 && (rest[cut - 1] === issuer || rest[cut - 1] === date)) cut--;
  return {
    ...(issuer ? { issuer } : {}),
    ...(docNumber ? { docNumber } : {}),
    title,
    ...(recipients ? { recipients } : {}),
    body: rest.slice(0, cut),
    ...(at >= 0 ? { attachment: rest[at] } : {}),
    closing: rest.slice(at >= 0 ? at + 1 : cut),
    appendix: a.results.length > DOCX_APPENDIX_MAX_UNITS ? appendixPointer(a.results.length, workbook) : appendixSheet(a),
  };
}

/** The sentence the Word file's 附件 page carries in place of a table too long for it. */
export function appendixPointerText(units: number, workbook: string): string {
  return `本附件共列 ${units} 个单位，超过 Word 文件适合排版的 ${DOCX_APPENDIX_MAX_UNITS} 个，未排入本文件；请见《${workbook}》的「附件」表（已按 A4 排好，可直接打印）。`;
}

function appendixPointer(units: number, workbook: string): SheetModel {
  return { name: '附件', rows: [[{ v: '附件：', s: 'note' }], [{ v: appendixPointerText(units, workbook), s: 'note' }]], merges: [], widths: [60] };
}
