import { isNode, LineCounter, parseDocument } from 'yaml';
import type { Where } from '../core/diagnostic.js';
import type { SchemeSource } from './load-scheme.js';

/** Where a key's value is in the scheme text (`notice.template` → 方案!A29), for messages about what it names. */
export function whereIsKey(source: SchemeSource, keyPath: readonly (string | number)[]): Where {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter });
  const node = doc.getIn(keyPath, true);
  const line = isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : 1;
  return { ...source.locate(line), path: keyPath.join('.') };
}
