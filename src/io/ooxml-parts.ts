import { decodeEscapes } from './cell-text.js';
import { formatKind, type FormatKind } from './number-formats.js';
import { readPart } from './ooxml-package.js';
import { rootIs } from './xml-events.js';
import type { ZipPackage } from './zip-reader.js';

/**
 * The shared strings: one text per <si>, rich text runs joined; phonetic guides (<rPh>, furigana)
 * are not part of the text.
 */
export async function readSharedStrings(zip: ZipPackage, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  await readPart(zip, part, {
    root: rootIs('main', 'sst'),
    open(ns, local) {
      if (ns !== 'main') return;
      if (local === 'si') [inItem, current] = [true, ''];
      else if (local === 'rPh') phonetic++;
      else if (local === 't') inText = inItem && phonetic === 0;
    },
    text(t) {
      if (inText) current += t;
    },
    close(ns, local) {
      if (ns !== 'main') return;
      if (local === 't') inText = false;
      else if (local === 'rPh') phonetic--;
      else if (local === 'si') {
        strings.push(decodeEscapes(current));
        inItem = false;
      }
    },
  });
  return strings;
}

/** The kind of number format of every cell style (cellXfs, by index: a cell's `s`). */
export async function readCellFormats(zip: ZipPackage, part: string): Promise<FormatKind[]> {
  const codes = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  await readPart(zip, part, {
    root: rootIs('main', 'styleSheet'),
    open(ns, local, tag) {
      if (ns !== 'main') return;
      if (local === 'numFmts') inNumFmts = true;
      // dxfs (conditional formats) carry numFmt elements too; only the numFmts list defines ids.
      else if (local === 'numFmt' && inNumFmts) {
        const id = Number(tag.attr('numFmtId'));
        const code = tag.attr('formatCode');
        if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
      } else if (local === 'cellXfs') inCellXfs = true;
      else if (local === 'xf' && inCellXfs) ids.push(Number(tag.attr('numFmtId') ?? 0));
    },
    close(ns, local) {
      if (ns === 'main' && local === 'cellXfs') inCellXfs = false;
      if (ns === 'main' && local === 'numFmts') inNumFmts = false;
    },
  });
  return ids.map((id) => formatKind(id, codes.get(id)));
}
