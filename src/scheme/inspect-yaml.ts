import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { brief, keyPathWords } from '../core/diagnostic.js';
import { visibleControls } from '../core/text.js';

/**
 * What the YAML parser accepts but a scheme cannot use, found in one pass over the document
 * before it becomes data: repeated keys, anchors and aliases, tags (!!binary, !!timestamp),
 * numbers no calculation can hold (1e400, .nan, .inf), control characters in text. One pass,
 * so a scheme of 120,000 keys is checked in linear time (the parser's own uniqueKeys check
 * compares every key with every earlier one: minutes).
 */
export interface Finding {
  severity: 'error' | 'warning';
  code: 'E_SCHEME_YAML' | 'E_SCHEME_VALUE' | 'W_CONTROL_CHARS';
  path: (string | number)[];
  /** Offset in the text, for the line. */
  offset: number;
  message: string;
  hint?: string;
}

/** More aliases than any scheme needs: each one costs the parser a walk of the document. */
export const MAX_ALIASES = 200;

/** Tags a plain scheme may carry: the YAML core schema's own. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

const keyText = (key: unknown): string => (isScalar(key) ? String(key.value) : String(key));

interface Walk {
  findings: Finding[];
  anchors: Set<string>;
  aliases: number;
  /** Where the first alias is: where to point when expanding them goes too far. */
  firstAlias?: number;
}

export function inspectYaml(doc: Document): { findings: Finding[]; firstAlias?: number } {
  const walk: Walk = { findings: [], anchors: new Set(), aliases: 0 };
  visitNode(doc.contents as Node | null, [], walk);
  if (walk.aliases > MAX_ALIASES) {
    walk.findings.push({ severity: 'error', code: 'E_SCHEME_YAML', path: [], offset: 0, message: `方案中有 ${walk.aliases} 处别名（*名称），超过 ${MAX_ALIASES} 处。`,
      hint: '别名用来重复前面用 &名称 定义的内容；方案用不到这么多，请直接写出内容。' });
  }
  return { findings: walk.findings, ...(walk.firstAlias !== undefined ? { firstAlias: walk.firstAlias } : {}) };
}

function visitNode(node: Node | null, path: (string | number)[], walk: Walk): void {
  if (node === null || node === undefined) return;
  const offset = node.range?.[0] ?? 0;
  if (isAlias(node)) {
    walk.aliases++;
    walk.firstAlias ??= offset;
    if (!walk.anchors.has(node.source)) {
      walk.findings.push({ severity: 'error', code: 'E_SCHEME_YAML', path, offset, message: `「*${brief(node.source)}」是 YAML 的别名，但前面没有用「&${brief(node.source)}」定义它。`,
        hint: `YAML 中以 * 开头的值表示引用前文的内容；如果这就是要写的文字，请加引号，例如 "*${brief(node.source)}"。` });
    }
    return;
  }
  // The anchor counts from the end of its node: `a: &x [*x]` refers to itself, which no scheme means.
  try {
    visitContent(node, path, walk);
  } finally {
    if (node.anchor) walk.anchors.add(node.anchor);
  }
}

function visitContent(node: Node, path: (string | number)[], walk: Walk): void {
  const offset = node.range?.[0] ?? 0;
  if (node.tag && !PLAIN_TAGS.has(node.tag)) {
    walk.findings.push({ severity: 'error', code: 'E_SCHEME_VALUE', path, offset, message: `方案中「${pathWords(path)}」用了 YAML 标签「${tagText(node.tag)}」，方案不使用标签。`,
      hint: `请删去「${tagText(node.tag)}」，直接写值（文字、数或列表）。` });
    return;
  }
  if (isMap(node)) {
    const keys = new Set<string>();
    for (const pair of node.items) {
      const key = keyText(pair.key);
      if (keys.has(key)) {
        const at = (pair.key as Node | null)?.range?.[0] ?? offset;
        walk.findings.push({ severity: 'error', code: 'E_SCHEME_YAML', path: [...path, key], offset: at, message: `方案不是有效的 YAML：同一个键「${brief(key)}」写了两次。`,
          hint: '请删去重复的一处，或合并两处的内容。' });
      }
      keys.add(key);
      visitNode(pair.key as Node | null, path, walk);
      visitNode(pair.value as Node | null, [...path, key], walk);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => visitNode(item as Node | null, [...path, i], walk));
  } else if (isScalar(node)) scalar(node, path, walk);
}

function scalar(node: Node & { value: unknown; source?: string }, path: (string | number)[], walk: Walk): void {
  const offset = node.range?.[0] ?? 0;
  const { value } = node;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    const written = node.source ?? String(value);
    const special = /^[-+]?\.(nan|inf)$/i.test(written);
    walk.findings.push({ severity: 'error', code: 'E_SCHEME_VALUE', path, offset,
      message: special ? `方案中「${pathWords(path)}」的值「${written}」在 YAML 中表示${/nan/i.test(written) ? '「不是数」' : '无穷大'}，不是可以计算的数。`
        : `方案中「${pathWords(path)}」的值「${brief(written)}」太大，超出了可以计算的范围。`,
      hint: '请写普通的数，例如 100 或 80.5。' });
  } else if (typeof value === 'string') {
    const shown = visibleControls(value);
    if (shown !== value) {
      node.value = shown;
      walk.findings.push({ severity: 'warning', code: 'W_CONTROL_CHARS', path, offset,
        message: `方案中「${pathWords(path)}」的文字含控制字符（如终端颜色代码），已显示为可见符号：「${brief(shown)}」。`,
        hint: '这些字符通常来自复制粘贴；请删去后重新保存方案。' });
    }
  }
}

function tagText(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/, '!!');
}

export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The same path in a message: 「bands 第 1 项的 atLeast」. */
export function pathWords(path: readonly (string | number)[]): string {
  return keyPathWords(pathText(path));
}
