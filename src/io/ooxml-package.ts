import path from 'node:path/posix';
import { decodeXml } from './xml-decode.js';
import { parseXml, rootIs, type XmlHandler } from './xml-events.js';
import { XlsxProblem } from './xlsx-problem.js';
import type { ZipPackage } from './zip-reader.js';

/** Reads one part of the package with a handler: inflate → decode → parse, all streaming. */
export async function readPart(zip: ZipPackage, part: string, handler: XmlHandler): Promise<void> {
  await parseXml(decodeXml(zip.read(part), part), part, handler);
}

export interface Relationship {
  type: string;
  /** The part it points at, resolved against the source part (an internal target). */
  part: string;
}

/** Relationship types end with their name in both transitional and strict URIs (…/relationships/worksheet). */
export function isType(rel: Relationship, name: string): boolean {
  return rel.type.endsWith(`/${name}`);
}

/** xl/workbook.xml → xl/_rels/workbook.xml.rels; the package itself ('') → _rels/.rels. */
function relsPartOf(source: string): string {
  return path.join(path.dirname(source), '_rels', `${path.basename(source)}.rels`);
}

/** A target as a part name: relative to the source's folder, or absolute from the package root; %-escapes decoded. */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A bare % is a name, not an escape.
  }
  const joined = decoded.startsWith('/') ? decoded : path.join(path.dirname(source), decoded);
  return path.normalize(joined).replace(/^\/+/, '');
}

/** The relationships of a part by id (empty when it has none); external targets (links to web pages) are left out. */
export async function readRelationships(zip: ZipPackage, source: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const part = zip.find(relsPartOf(source));
  if (part === undefined) return rels;
  await readPart(zip, part, {
    root: rootIs('pkg', 'Relationships'),
    open(ns, local, tag) {
      if (ns !== 'pkg' || local !== 'Relationship') return;
      const id = tag.attr('Id');
      const target = tag.attr('Target');
      if (id === undefined || target === undefined || tag.attr('TargetMode') === 'External') return;
      rels.set(id, { type: tag.attr('Type') ?? '', part: resolveTarget(source, target) });
    },
    close() {},
  });
  return rels;
}

export interface SheetEntry {
  name: string;
  /** The r:id of its relationship from the workbook part. */
  relId: string | undefined;
}

export interface WorkbookList {
  sheets: SheetEntry[];
  /** Dates count from 1904-01-01 (old Mac Excel) instead of 1899-12-30. */
  date1904: boolean;
}

/** The sheets in the order the workbook lists them, and its date system. */
export async function readWorkbookList(zip: ZipPackage, part: string): Promise<WorkbookList> {
  const list: WorkbookList = { sheets: [], date1904: false };
  await readPart(zip, part, {
    root: rootIs('main', 'workbook'),
    open(ns, local, tag) {
      if (ns !== 'main') return;
      if (local === 'sheet') list.sheets.push({ name: tag.attr('name') ?? '', relId: tag.relId() });
      else if (local === 'workbookPr') list.date1904 = /^(1|true)$/i.test(tag.attr('date1904') ?? '');
    },
    close() {},
  });
  return list;
}

/**
 * The workbook part: where the package's officeDocument relationship points, else the usual
 * xl/workbook.xml. A zip with none of a workbook's parts is another program's archive.
 */
export async function findWorkbookPart(zip: ZipPackage): Promise<string> {
  const root = await readRelationships(zip, '');
  const office = [...root.values()].find((r) => isType(r, 'officeDocument'));
  const part = (office && zip.find(office.part)) ?? zip.find('xl/workbook.xml');
  if (part !== undefined) return part;
  const looksLikeWorkbook = zip.find('[Content_Types].xml') !== undefined || office !== undefined;
  throw new XlsxProblem(looksLikeWorkbook ? 'no-workbook-part' : 'not-workbook', { part: office?.part ?? 'xl/workbook.xml' });
}
