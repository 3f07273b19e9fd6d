import type { SheetModel } from '../report/sheet-model.js';
import { pageSetup } from '../report/print-plan.js';
import { distinctSheetNames } from '../core/excel-text.js';
import type { PendingFile } from './atomic-write.js';
import { printNames, SharedStrings, worksheetXml, type SheetNames } from './worksheet-xml.js';
import { StyleTable } from './xlsx-styles.js';
import { xmlAttr, xmlEscape } from './xml-text.js';
import { ZipWriter } from './zip-writer.js';

export { PAGE_FOOTER, pageHeader } from './worksheet-xml.js';

/**
 * The workbooks score writes (通报, forms, merged scores, 反馈单), written by hand as SpreadsheetML:
 * each sheet's XML is produced row by row and deflated into the zip as it comes, so that a
 * province's 指标得分 is never a whole string, a DOM or a library's model in memory; the shared
 * strings and styles, which only grow with distinct texts, follow the sheets. The same models
 * give the same bytes: a fixed time on every entry and in the properties.
 */
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const FIXED_DATE = '2000-01-01T00:00:00Z';

function contentTypes(sheets: number): string {
  const sheetTypes = Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + `${sheetTypes}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
    + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL}">`
  + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`
  + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
  + `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const CORE = `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
  + `<dc:creator>score</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:modified></cp:coreProperties>`;

const APP = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>score</Application></Properties>`;

function workbookRels(sheets: number): string {
  const rels = Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels}`
    + `<Relationship Id="rId${sheets + 1}" Type="${REL}/styles" Target="styles.xml"/>`
    + `<Relationship Id="rId${sheets + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
}

function workbookXml(sheets: readonly SheetModel[], names: readonly string[], printing: readonly SheetNames[]): string {
  const list = sheets.map((s, i) => `<sheet name="${xmlAttr(names[i]!)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('');
  const defined = printing.flatMap((p, i) => [
    ...(p.printArea ? [`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlEscape(p.printArea)}</definedName>`] : []),
    ...(p.printTitles ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(p.printTitles)}</definedName>`] : []),
  ]).join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>`
    + `<sheets>${list}</sheets>${defined ? `<definedNames>${defined}</definedNames>` : ''}<calcPr calcId="191029"/></workbook>`;
}

/** The workbook written to `file` (which must not exist yet). */
export async function writeWorkbook(file: string, sheets: readonly SheetModel[]): Promise<void> {
  const zip = await ZipWriter.create(file);
  try {
    // The models name their sheets acceptably already (and say where a name changed); this is
    // the guard that no name reaches the file that Excel refuses.
    const names = distinctSheetNames(sheets.map((s) => s.name));
    const styles = new StyleTable();
    const strings = new SharedStrings();
    await zip.add('[Content_Types].xml', [contentTypes(sheets.length)]);
    await zip.add('_rels/.rels', [ROOT_RELS]);
    await zip.add('docProps/core.xml', [CORE]);
    await zip.add('docProps/app.xml', [APP]);
    // The plan of each sheet's pages, made once: the workbook names its print titles, the sheet writes the rest.
    const setups = sheets.map(pageSetup);
    await zip.add('xl/workbook.xml', [workbookXml(sheets, names, setups.map((setup, i) => printNames(setup, names[i]!)))]);
    await zip.add('xl/_rels/workbook.xml.rels', [workbookRels(sheets.length)]);
    for (const [i, sheet] of sheets.entries()) await zip.add(`xl/worksheets/sheet${i + 1}.xml`, worksheetXml(sheet, setups[i]!, i === 0, styles, strings));
    await zip.add('xl/sharedStrings.xml', strings.xml());
    await zip.add('xl/styles.xml', [styles.xml()]);
  } catch (e) {
    await zip.abandon();
    throw e;
  }
  await zip.close();
}

/** The workbook as a file to write as one of a set (see writeAllAtomically). */
export function workbookFile(target: string, sheets: readonly SheetModel[]): PendingFile {
  return { target, write: (temp) => writeWorkbook(temp, sheets) };
}
