import type { CellStyle } from '../report/sheet-model.js';
import { xmlAttr } from './xml-text.js';

/**
 * The look of every kind of cell the report names (CellStyle), as SpreadsheetML styles: 宋体
 * throughout, thin borders on table cells, pale yellow for cells to fill in, grey for cells that
 * do not apply. A style is numbered the first time a cell uses it, with its number format.
 */
const FONTS = [
  '<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>',
  '<font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font>',
  '<font><b/><sz val="12"/><name val="宋体"/><family val="3"/><charset val="134"/></font>',
  '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>',
  '<font><sz val="12"/><name val="宋体"/><family val="3"/><charset val="134"/></font>',
];
const FILLS = [
  '<fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill>',
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill>',
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>',
];
const BORDERS = [
  '<border><left/><right/><top/><bottom/><diagonal/></border>',
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>',
];

interface Look {
  font: number;
  fill?: number;
  border?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical: 'center' | 'top';
  wrap?: boolean;
  /** Characters in from the left rule, so a number right-aligned before the text never reads as one with it. */
  indent?: number;
  unlocked?: boolean;
}

export const LOOKS: Record<CellStyle, Look> = {
  title: { font: 1, horizontal: 'center', vertical: 'center', wrap: true },
  section: { font: 2, border: true, horizontal: 'left', vertical: 'center' },
  header: { font: 3, border: true, horizontal: 'center', vertical: 'center', wrap: true },
  body: { font: 0, border: true, horizontal: 'left', vertical: 'center', indent: 1 },
  score: { font: 0, border: true, horizontal: 'right', vertical: 'center' },
  entry: { font: 0, border: true, horizontal: 'left', vertical: 'center', indent: 1 },
  note: { font: 0, horizontal: 'left', vertical: 'top', wrap: true },
  input: { font: 0, border: true, fill: 2, vertical: 'center', unlocked: true },
  na: { font: 0, border: true, fill: 3, vertical: 'center' },
  wrap: { font: 0, border: true, horizontal: 'left', vertical: 'center', wrap: true, indent: 1 },
  sign: { font: 4, horizontal: 'right', vertical: 'center' },
  center: { font: 0, border: true, horizontal: 'center', vertical: 'center' },
};

function xf(look: Look, numFmt: number): string {
  const attrs = [`numFmtId="${numFmt}"`, `fontId="${look.font}"`, `fillId="${look.fill ?? 0}"`, `borderId="${look.border ? 1 : 0}"`, 'xfId="0"',
    'applyFont="1"', ...(look.fill ? ['applyFill="1"'] : []), ...(look.border ? ['applyBorder="1"'] : []), ...(numFmt ? ['applyNumberFormat="1"'] : []),
    'applyAlignment="1"', ...(look.unlocked ? ['applyProtection="1"'] : [])];
  const align = `<alignment${look.horizontal ? ` horizontal="${look.horizontal}"` : ''} vertical="${look.vertical}"${look.wrap ? ' wrapText="1"' : ''}${look.indent ? ` indent="${look.indent}"` : ''}/>`;
  return `<xf ${attrs.join(' ')}>${align}${look.unlocked ? '<protection locked="0"/>' : ''}</xf>`;
}

/** The styles a workbook's cells use, numbered as first used (0 is the default: no border, 宋体 11). */
export class StyleTable {
  private readonly index = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly formats = new Map<string, number>();

  /** The number of the style for cells of kind `style`, numbers shown in `format` (e.g. 0.00). */
  of(style: CellStyle, format?: string): number {
    const key = `${style}\u0000${format ?? ''}`;
    let n = this.index.get(key);
    if (n === undefined) {
      let id = 0;
      if (format !== undefined) {
        id = this.formats.get(format) ?? 164 + this.formats.size;
        this.formats.set(format, id);
      }
      n = this.xfs.length;
      this.xfs.push(xf(LOOKS[style], id));
      this.index.set(key, n);
    }
    return n;
  }

  xml(): string {
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`);
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
      + (numFmts.length > 0 ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '')
      + `<fonts count="${FONTS.length}">${FONTS.join('')}</fonts>`
      + `<fills count="${FILLS.length}">${FILLS.join('')}</fills>`
      + `<borders count="${BORDERS.length}">${BORDERS.join('')}</borders>`
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`
      + '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
      + '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';
  }
}
