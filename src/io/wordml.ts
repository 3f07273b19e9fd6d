import { xmlEscape } from './xml-text.js';

/**
 * WordprocessingML written as text: the few paragraph, run and cell properties the 通报 uses, each
 * element in the order the schema requires (Word refuses a file whose properties are out of order).
 */

export interface RunStyle {
  font: string;
  /** Half-points. */
  size: number;
  bold?: boolean;
  /** RGB in hex, as FF0000. */
  color?: string;
}

export interface Spacing {
  before?: number;
  after?: number;
  /** Twips, exactly or at least. */
  line?: number;
  rule?: 'exact' | 'atLeast';
}

export interface ParagraphStyle {
  keepNext?: boolean;
  /** A rule under the paragraph: [eighths of a point, colour, points between text and rule]. */
  bottomRule?: [number, string, number];
  spacing?: Spacing;
  indent?: { firstLine?: number; left?: number; right?: number };
  align?: 'left' | 'center' | 'right' | 'both';
}

/** One paragraph: its properties and its runs (already XML). */
export interface Paragraph {
  style: ParagraphStyle;
  runs: string[];
}

function attrs(pairs: [string, number | string | undefined][]): string {
  return pairs.filter(([, v]) => v !== undefined).map(([k, v]) => ` w:${k}="${v}"`).join('');
}

export function runProperties(r: RunStyle): string {
  return `<w:rPr><w:rFonts w:ascii="${r.font}" w:hAnsi="${r.font}" w:eastAsia="${r.font}" w:cs="${r.font}"/>${r.bold ? '<w:b/><w:bCs/>' : ''}`
    + `${r.color ? `<w:color w:val="${r.color}"/>` : ''}<w:sz w:val="${r.size}"/><w:szCs w:val="${r.size}"/></w:rPr>`;
}

/**
 * Text as the content of a run: markup escaped, characters XML 1.0 cannot carry left out (as the
 * docx library did), a line break and a tab as Word's own elements (in <w:t> they would read as a
 * space), spaces at the ends or doubled kept by xml:space="preserve".
 */
export function runText(text: string): string {
  return text.replace(/\r\n?/g, '\n').split(/(\n|\t)/).map((piece) => {
    if (piece === '\n') return '<w:br/>';
    if (piece === '\t') return '<w:tab/>';
    if (piece === '') return '';
    return /^\s|\s$|\s\s/.test(piece) ? `<w:t xml:space="preserve">${xmlEscape(piece)}</w:t>` : `<w:t>${xmlEscape(piece)}</w:t>`;
  }).join('');
}

export function run(text: string, style: RunStyle): string {
  return `<w:r>${runProperties(style)}${runText(text)}</w:r>`;
}

function spacingXml(s: Spacing): string {
  return `<w:spacing${attrs([['before', s.before], ['after', s.after], ['line', s.line], ['lineRule', s.line === undefined ? undefined : s.rule]])}/>`;
}

/** The paragraph's properties; a section's properties go last, in the section's final paragraph. */
export function paragraphProperties(p: ParagraphStyle, sectPr = ''): string {
  const inner = (p.keepNext ? '<w:keepNext/>' : '')
    + (p.bottomRule ? `<w:pBdr><w:bottom w:val="single" w:sz="${p.bottomRule[0]}" w:space="${p.bottomRule[2]}" w:color="${p.bottomRule[1]}"/></w:pBdr>` : '')
    + (p.spacing ? spacingXml(p.spacing) : '')
    + (p.indent ? `<w:ind${attrs([['left', p.indent.left], ['right', p.indent.right], ['firstLine', p.indent.firstLine]])}/>` : '')
    + (p.align ? `<w:jc w:val="${p.align}"/>` : '')
    + sectPr;
  return inner ? `<w:pPr>${inner}</w:pPr>` : '';
}

export function paragraphXml(p: Paragraph, sectPr = ''): string {
  return `<w:p>${paragraphProperties(p.style, sectPr)}${p.runs.join('')}</w:p>`;
}

/** A single black rule of half a point, or none. */
function cellBorders(ruled: boolean): string {
  const side = ruled ? 'w:val="single" w:sz="4" w:space="0" w:color="000000"' : 'w:val="none" w:sz="0" w:space="0" w:color="auto"';
  return `<w:tcBorders><w:top ${side}/><w:left ${side}/><w:bottom ${side}/><w:right ${side}/></w:tcBorders>`;
}

/** A table cell: its width (twips), the columns it spans, its rules, its text centred vertically. */
export function cellXml(twips: number, span: number, ruled: boolean, content: string): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${twips}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${cellBorders(ruled)}<w:vAlign w:val="center"/></w:tcPr>${content}</w:tc>`;
}
