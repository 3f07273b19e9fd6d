import { paragraphXml, run, runProperties, type RunStyle } from './wordml.js';
import { xmlEscape } from './xml-text.js';

/**
 * The parts of the .docx around its document: what the package holds, the properties, the default
 * font, the settings and the two page-number footers. Only what carries meaning: no theme, font
 * table, numbering or comment parts (Word and LibreOffice supply their own defaults).
 */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const FIXED_DATE = '2000-01-01T00:00:00Z';
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

/** The footers by relationship id: the default one (odd pages) and the even pages' one. */
export const FOOTERS = { odd: 'rId3', even: 'rId4' } as const;

export const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
  + `<Override PartName="/word/document.xml" ContentType="${WML}.document.main+xml"/>`
  + `<Override PartName="/word/styles.xml" ContentType="${WML}.styles+xml"/>`
  + `<Override PartName="/word/settings.xml" ContentType="${WML}.settings+xml"/>`
  + `<Override PartName="/word/footer1.xml" ContentType="${WML}.footer+xml"/>`
  + `<Override PartName="/word/footer2.xml" ContentType="${WML}.footer+xml"/>`
  + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
  + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';

export const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL}">`
  + `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>`
  + `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>`
  + `<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

export const DOCUMENT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL}">`
  + `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>`
  + `<Relationship Id="rId2" Type="${R}/settings" Target="settings.xml"/>`
  + `<Relationship Id="${FOOTERS.odd}" Type="${R}/footer" Target="footer1.xml"/>`
  + `<Relationship Id="${FOOTERS.even}" Type="${R}/footer" Target="footer2.xml"/></Relationships>`;

export function coreProperties(title: string): string {
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>score</dc:creator>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:modified></cp:coreProperties>`;
}

export const APP = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>score</Application></Properties>`;

/** The document's default run (the body's font and size) and Word's usual table cell margins. */
export function stylesXml(body: RunStyle): string {
  return `${XML_HEAD}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault>${runProperties(body)}</w:rPrDefault><w:pPrDefault/></w:docDefaults>`
    + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    + '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>';
}

/** Odd and even pages have footers of their own (the page number on the outside edge); Word 2013+ layout rules. */
export const SETTINGS = `${XML_HEAD}<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="720"/><w:evenAndOddHeaders/>`
  + '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>';

/** 「— 1 —」: the page number as a PAGE field between dashes, a character in from the edge it is aligned to (GB/T 9704 7.5). */
export function footerXml(align: 'left' | 'right', style: RunStyle): string {
  const field = (inner: string): string => `<w:r>${runProperties(style)}${inner}</w:r>`;
  const runs = [
    run('— ', style),
    field('<w:fldChar w:fldCharType="begin"/>'),
    field('<w:instrText xml:space="preserve"> PAGE </w:instrText>'),
    field('<w:fldChar w:fldCharType="separate"/>'),
    field('<w:fldChar w:fldCharType="end"/>'),
    run(' —', style),
  ];
  const indent = align === 'right' ? { right: 280 } : { left: 280 };
  return `${XML_HEAD}<w:ftr xmlns:w="${W}" xmlns:r="${R}">${paragraphXml({ style: { indent, align }, runs })}</w:ftr>`;
}
