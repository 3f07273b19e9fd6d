/**
 * Why an .xlsx could not be read, as the reader finds it: a kind and where. The Chinese sentence a
 * clerk reads is made from it in one place (xlsx-messages.ts); the library's own text travels only
 * as `cause`, shown behind SCORE_DEBUG=1.
 */
export type XlsxProblemKind =
  /** No end of central directory: cut short in copying or download, or not a zip at all. */
  | 'not-zip'
  /** The file could not be opened or read (permissions, I/O). */
  | 'io'
  /** A part's compressed data is damaged (inflate error, size that does not match). */
  | 'bad-entry'
  /** A part encrypted with the old zip password scheme, or packed by a method zlib cannot undo. */
  | 'encrypted-entry'
  | 'unsupported-method'
  /** A zip with none of a workbook's parts: another program's archive. */
  | 'not-workbook'
  /** A workbook whose list of sheets (xl/workbook.xml) is missing. */
  | 'no-workbook-part'
  /** A sheet the workbook lists whose part is not in the zip, or has no relationship. */
  | 'missing-part'
  /** A part inflates past SCORE_MAX_SHEET_MB. */
  | 'too-large'
  /** A part inflates to far more than its compressed size: a zip bomb. */
  | 'ratio'
  /** A run of text with no markup longer than any cell Excel allows, many times over. */
  | 'text-run'
  /** Not well-formed XML (text outside the root, unclosed tags, bad characters). */
  | 'bad-xml'
  /** Bytes that are not text in the encoding the part declares, or an encoding nobody knows. */
  | 'bad-encoding'
  /** A row's or cell's `r` that is not a reference (`r="第3行"`). */
  | 'bad-reference'
  /** A cell beyond column XFD. */
  | 'too-many-columns'
  /** The workbook lists no sheets. */
  | 'no-sheets';

export interface XlsxProblemPlace {
  /** The zip part, e.g. xl/worksheets/sheet4.xml. */
  part?: string;
  sheet?: string;
  cell?: string;
  line?: number;
  /** What was found: the bad text, the encoding's name, the limit in bytes. */
  found?: string;
  limit?: number;
}

export class XlsxProblem extends Error {
  constructor(readonly kind: XlsxProblemKind, readonly place: XlsxProblemPlace = {}, cause?: unknown) {
    super(`${kind}${place.part ? ` ${place.part}` : ''}`, cause === undefined ? undefined : { cause });
    this.name = 'XlsxProblem';
  }
}

/** Adds where it happened (the sheet being read) to a problem raised below that knowledge. */
export function within(e: unknown, place: XlsxProblemPlace): unknown {
  if (e instanceof XlsxProblem) Object.assign(e.place, { ...place, ...e.place });
  return e;
}
