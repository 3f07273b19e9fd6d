import { writeFileSync } from 'node:fs';
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
