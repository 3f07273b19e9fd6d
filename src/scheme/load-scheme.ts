import type { CodeOf } from '../core/codes.js';
import { Rational } from '../core/rational.js';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { brief, error, warning, type Diagnostic, type Where } from '../core/diagnostic.js';
import { didYouMean } from '../core/suggest.js';
import { normaliseScheme, schemeSchema, type Band, type Scheme } from './schema.js';
import { keysAt } from './schema-keys.js';
import { inspectYaml, pathText, pathWords, type Finding } from './inspect-yaml.js';
import { issueWords, type IssueLike } from './issue-words.js';

/** Where the scheme text came from: a YAML file, or the 方案 sheet of a workbook (one line a row). */
export interface SchemeSource {
  text: string;
  /** Where line `line` (1-based) of the text is, for messages. */
  locate(line: number, column?: number): Where;
}

export interface LoadedScheme {
  scheme?: Scheme;
  diagnostics: Diagnostic[];
}

export function fileSource(file: string, text: string): SchemeSource {
  return { text, locate: (line, column) => (column === undefined ? { file, line } : { file, line, column }) };
}

/** How often one anchor's content may be repeated through aliases (the yaml package's guard against "billion laughs"). */
export const MAX_ALIAS_EXPANSION = 100;

/**
 * Parses and validates a scheme. Never throws on user data: problems come back as diagnostics.
 * Anchors and aliases (&名称 / *名称) are allowed, each expanded at most MAX_ALIAS_EXPANSION
 * times; an alias without its anchor is a YAML error at its line (docs/scheme.md).
 */
export function loadScheme(source: SchemeSource): LoadedScheme {
  const lineCounter = new LineCounter();
  // uniqueKeys off: the parser compares every key with every earlier one (minutes for 120,000
  // keys); inspectYaml finds repeated keys in one pass.
  const doc = parseDocument(source.text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    // A Tab throws the parser off for the lines after it: the Tab is the one thing to tell.
    const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
    return {
      diagnostics: (tabs.length > 0 ? tabs : doc.errors).map((e) => {
        // Without prettyErrors the parser gives offsets only: the line is counted here.
        const pos = lineCounter.linePos(e.pos[0]);
        const where = source.locate(pos.line, pos.col);
        return error('E_SCHEME_YAML', where, `方案不是有效的 YAML：${yamlMessage(e.code)}`,
          e.code === 'TAB_AS_INDENT' ? '请把这一行开头的 Tab 换成空格（每级缩进两个空格）；记事本中 Tab 和空格看起来一样，可以删去行首空白后重新用空格缩进。' : '请检查该行的缩进、冒号和括号；缩进只能用空格，不能用 Tab。');
      }),
    };
  }
  const inspected = inspectYaml(doc);
  const findings = inspected.findings.map((f) => findingDiagnostic(f, lineCounter, source));
  if (findings.some((d) => d.severity === 'error')) return { diagnostics: findings };
  const data = toData(doc, source.locate(inspected.firstAlias === undefined ? 1 : lineCounter.linePos(inspected.firstAlias).line));
  if (data.diagnostic) return { diagnostics: [...findings, data.diagnostic] };
  const checked = validate(data.value, doc, lineCounter, source);
  return { ...checked, diagnostics: [...findings, ...checked.diagnostics] };
}

function findingDiagnostic(f: Finding, lc: LineCounter, source: SchemeSource): Diagnostic {
  const where = { ...source.locate(lc.linePos(f.offset).line), ...(f.path.length > 0 ? { path: pathText(f.path) } : {}) };
  return f.severity === 'error' ? error(f.code as CodeOf<'error'>, where, f.message, f.hint) : warning(f.code as CodeOf<'warning'>, where, f.message, f.hint);
}

/** The document as plain data; alias expansion past the bound is a YAML error, not a crash. */
function toData(doc: Document, firstAlias: Where): { value?: unknown; diagnostic?: Diagnostic } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }) as unknown };
  } catch {
    return { diagnostic: error('E_SCHEME_YAML', firstAlias, `方案中的别名（*名称）展开后过大：同一段内容被重复引用超过 ${MAX_ALIAS_EXPANSION} 次。`,
      '别名用来重复前面用 &名称 定义的内容；请直接写出需要的内容，不要层层引用。') };
  }
}

function validate(data: unknown, doc: Document, lc: LineCounter, source: SchemeSource): LoadedScheme {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { diagnostics: [error('E_SCHEME_EMPTY', source.locate(1), '方案为空或格式不对：应为「键: 值」形式的 YAML。')] };
  }
  const parsed = schemeSchema.safeParse(data);
  if (!parsed.success) {
    return { diagnostics: withoutTypoEchoes(parsed.error.issues.flatMap((issue) => issueDiagnostics(issue as Issue, data, doc, lc, source))) };
  }
  const scheme = normaliseScheme(parsed.data);
  const diagnostics = checkRules(scheme, (p) => locatePath(p, doc, lc, source));
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { scheme, diagnostics };
}

type PathItem = string | number;


function locatePath(path: readonly PathItem[], doc: Document, lc: LineCounter, source: SchemeSource): Where {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = lc.linePos(node.range[0]);
      return { ...source.locate(pos.line), path: pathText(path) };
    }
  }
  return { ...source.locate(1), path: pathText(path) };
}

interface Issue extends IssueLike {
  path: PropertyKey[];
  keys?: string[];
}

/** Unknown keys named one by one; the rest of them counted in one line (each costs a walk of its map). */
export const SHOWN_UNKNOWN_KEYS = 20;

function issueDiagnostics(issue: Issue, data: unknown, doc: Document, lc: LineCounter, source: SchemeSource): Diagnostic[] {
  const path = issue.path.filter((p): p is PathItem => typeof p === 'string' || typeof p === 'number');
  if (issue.code === 'unrecognized_keys' && issue.keys) return unknownKeys(issue.keys, path, doc, lc, source);
  const value = valueAt(data, path);
  const missing = issue.code === 'invalid_type' && value === undefined;
  const message = missing ? `方案缺少必填项「${pathWords(path)}」。` : `方案中「${pathWords(path)}」${issueWords(issue, value)}。`;
  return [error(missing ? 'E_SCHEME_MISSING' : 'E_SCHEME_VALUE', locatePath(path, doc, lc, source), message)];
}

function unknownKeys(keys: readonly string[], path: PathItem[], doc: Document, lc: LineCounter, source: SchemeSource): Diagnostic[] {
  const allowed = keysAt(path);
  const out = keys.slice(0, SHOWN_UNKNOWN_KEYS).map((key) =>
    error('E_SCHEME_UNKNOWN_KEY', locatePath([...path, key], doc, lc, source), `方案中有未知的键「${brief(key)}」。`,
      didYouMean(key, allowed) ?? `此处可用的键：${allowed.join('、')}`));
  if (keys.length > SHOWN_UNKNOWN_KEYS) {
    const rest = keys.slice(SHOWN_UNKNOWN_KEYS);
    out.push(error('E_SCHEME_UNKNOWN_KEY', locatePath([...path, rest[0]!], doc, lc, source), `方案${path.length > 0 ? `的「${pathWords(path)}」中` : '中'}另有 ${rest.length} 个未知的键（「${brief(rest[0]!)}」至「${brief(rest.at(-1)!)}」）。`,
      `此处可用的键：${allowed.join('、')}`));
  }
  return out;
}

/** The value at a path of the parsed data, undefined where there is none. */
function valueAt(data: unknown, path: readonly PathItem[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined;
    v = (v as Record<PathItem, unknown>)[p];
  }
  return v;
}

/**
 * A misspelt required key ("categoies") is one mistake, not two: the "missing categories" that
 * follows from it is dropped when the unknown key's hint already names it.
 */
function withoutTypoEchoes(diagnostics: Diagnostic[]): Diagnostic[] {
  const suggested = new Set(diagnostics.filter((d) => d.code === 'E_SCHEME_UNKNOWN_KEY' && d.hint?.startsWith('是否应为'))
    .flatMap((d) => [...(d.hint ?? '').matchAll(/「([^」]+)」/g)].map((m) => parentOf(d.where.path) + m[1])));
  return diagnostics.filter((d) => !(d.code === 'E_SCHEME_MISSING' && suggested.has(d.where.path ?? '')));
}

function parentOf(path: string | undefined): string {
  const cut = Math.max((path ?? '').lastIndexOf('.'), (path ?? '').lastIndexOf(']'));
  return cut < 0 ? '' : (path ?? '').slice(0, cut + 1);
}

/** The rules zod cannot express: order of bands, uniqueness of names. */
function checkRules(s: Scheme, at: (path: PathItem[]) => Where): Diagnostic[] {
  const out: Diagnostic[] = [];
  duplicates(s.categories).forEach((i) =>
    out.push(error('E_SCHEME_DUP_CATEGORY', at(['categories', i]), `类别「${s.categories[i]}」重复。`)));
  duplicates(s.excluded.units).forEach((i) =>
    out.push(error('E_SCHEME_DUP_EXCLUDED', at(['excluded', 'units', i]), `不参与评比的单位「${s.excluded.units[i]}」重复。`)));
  duplicates(s.vetoes.flatMap((v) => [v.name, ...v.aliases])).forEach(() =>
    out.push(error('E_SCHEME_DUP_VETO', at(['vetoes']), '一票否决事项的名称或别名有重复。')));
  const full = Rational.of(s.fullMarks);
  if (full.lte(0)) out.push(error('E_SCHEME_FULL_MARKS', at(['fullMarks']), `满分应大于 0，现为 ${s.fullMarks}。`));
  const ceiling = s.bandBasis === 'percent' ? Rational.of(100) : full;
  out.push(...checkBands(s.bands, ceiling, ['bands'], at));
  s.categories.forEach((name, i) => {
    if (s.bandsOf.get(name) !== s.bands) out.push(...checkBands(s.bandsOf.get(name)!, ceiling, ['categories', i, 'bands'], at));
  });
  duplicates(s.periods).forEach((i) => out.push(error('E_SCHEME_DUP_PERIOD', at(['periods', i]), `期次「${s.periods[i]}」重复。`)));
  s.components.forEach((c, i) => {
    const clash = s.components.slice(0, i).find((o) => o.part === c.part && (o.categories === undefined || c.categories === undefined || o.categories.some((x) => c.categories!.includes(x))));
    if (clash) out.push(error('E_SCHEME_DUP_COMPONENT', at(['components', i, 'part']), `部分「${c.part}」在 components 中对同一类别写了两次。`, '同一部分按类别分别写时，各条的 categories 不能重叠。'));
  });
  const known = (list: readonly string[] | undefined, path: PathItem[]): void => {
    for (const c of (list ?? []).filter((c) => !s.categories.includes(c))) {
      out.push(error('E_SCHEME_UNKNOWN_CATEGORY', at(path), `类别「${c}」不在方案的类别中。`, didYouMean(c, s.categories)));
    }
  };
  s.components.forEach((c, i) => known(c.categories, ['components', i, 'categories']));
  s.flags.forEach((f, i) => known(f.categories, ['flags', i, 'categories']));
  s.components.forEach((c, i) => {
    for (const period of Object.keys(c.periods ?? {}).filter((p) => !s.periods.includes(p))) {
      out.push(error('E_SCHEME_UNKNOWN_PERIOD', at(['components', i, 'periods', period]), `「${c.part}」的期次「${period}」不在方案的 periods 中。`,
        didYouMean(period, s.periods) ?? `请在方案中写 periods: [${s.periods.join(', ') || '中期, 年终'}]`));
    }
  });
  const nodes = s.nodes ?? [];
  nodes.forEach((r, i) => {
    const named = Array.isArray(r.periods) ? r.periods : Object.keys(r.periods);
    for (const period of named.filter((p) => !s.periods.includes(p))) {
      out.push(error('E_SCHEME_UNKNOWN_PERIOD', at(['nodes', i, 'periods']), `「${r.node}」的期次「${period}」不在方案的 periods 中。`,
        didYouMean(period, s.periods) ?? `请在方案中写 periods: [${s.periods.join(', ') || '一季度, 二季度, 三季度, 四季度'}]`));
    }
    duplicates(named).forEach((j) => out.push(error('E_SCHEME_DUP_PERIOD', at(['nodes', i, 'periods']), `「${r.node}」的期次「${named[j]}」写了两次。`)));
    const total = Array.isArray(r.periods) ? undefined : Object.values(r.periods).reduce((t, w) => t.plus(Rational.of(w)), Rational.of(0));
    if (total && !total.eq(100)) {
      out.push(error('E_SCHEME_VALUE', at(['nodes', i, 'periods']), `「${r.node}」各期的百分比合计为 ${total.toString()}，应为 100。`,
        '指标按各期得分的加权平均计分，各期百分比之和须为 100；各期相同时可写成列表，如 periods: [一季度, 二季度, 三季度, 四季度]。'));
    }
  });
  duplicates(nodes.map((r) => r.node)).forEach((i) => out.push(error('E_SCHEME_VALUE', at(['nodes', i, 'node']), `指标「${nodes[i]!.node}」在 nodes 中写了两次。`)));
  for (const side of ['bonus', 'deduction'] as const) {
    const items = s.adjustments?.[side]?.items ?? [];
    duplicates(items.flatMap((i) => [i.name, ...i.aliases])).forEach(() =>
      out.push(error('E_SCHEME_DUP_ITEM', at(['adjustments', side, 'items']), `${side === 'bonus' ? '加分' : '减分'}项目的名称或别名有重复。`)));
    items.forEach((item, i) => {
      if (item.points !== undefined && item.max !== undefined) {
        out.push(error('E_SCHEME_VALUE', at(['adjustments', side, 'items', i]), `项目「${item.name}」写了固定分值 points，就不需要 max。`));
      }
    });
  }
  for (const c of (s.adjustments?.categories ?? []).filter((c) => !s.categories.includes(c))) {
    out.push(error('E_SCHEME_UNKNOWN_CATEGORY', at(['adjustments', 'categories']), `加减分适用的类别「${c}」不在方案的类别中。`, didYouMean(c, s.categories)));
  }
  const bandNames = new Set([...s.bandsOf.values()].flat().map((b) => b.name));
  s.honours.forEach((h, i) => {
    if (h.from !== undefined && !bandNames.has(h.from)) {
      out.push(error('E_SCHEME_UNKNOWN_BAND', at(['honours', i, 'from']), `荣誉「${h.name}」的 from「${h.from}」不是方案中的等次。`, didYouMean(h.from, bandNames)));
    }
  });
  (s.history?.rules ?? []).forEach((h, i) => {
    if (!bandNames.has(h.band)) out.push(error('E_SCHEME_UNKNOWN_BAND', at(['history', 'rules', i, 'band']), `往年规则「${h.name}」的等次「${h.band}」不是方案中的等次。`, didYouMean(h.band, bandNames)));
  });
  s.figures.forEach((f, i) => {
    for (const key of Object.keys(f.values).filter((k) => !bandNames.has(k))) {
      out.push(error('E_SCHEME_UNKNOWN_BAND', at(['figures', i, 'values', key]), `「${f.name}」中的「${key}」不是方案中的等次。`, didYouMean(key, bandNames)));
    }
  });
  return out;
}

/** Bands from high to low, every one but the last with a declared boundary, inside [0, ceiling]. */
function checkBands(bands: readonly Band[], ceiling: Rational, base: PathItem[], at: (path: PathItem[]) => Where): Diagnostic[] {
  const out: Diagnostic[] = [];
  duplicates(bands.map((b) => b.name)).forEach((i) =>
    out.push(error('E_SCHEME_DUP_BAND', at([...base, i, 'name']), `等次「${bands[i]!.name}」重复。`)));
  let previous: Rational | undefined;
  bands.forEach((band, i) => {
    const last = i === bands.length - 1;
    const bound = band.atLeast ?? band.above;
    if (!last && band.bottom !== undefined) {
      out.push(error('E_SCHEME_VALUE', at([...base, i, 'bottom']), `只有最后一个等次可以写 bottom（后几名），「${band.name}」不是最后一个。`));
    }
    if (last) {
      if (bound !== undefined) {
        out.push(error('E_SCHEME_BAND_LAST', at([...base, i]), `最后一个等次「${band.name}」不应设下限：低于上一等次的都归入它。`,
          '删除它的 atLeast/above，或在其后再加一个兜底等次。'));
      }
      if (band.quota !== undefined) out.push(error('E_SCHEME_BAND_LAST', at([...base, i, 'quota']), `最后一个等次「${band.name}」不能限定名额：其余单位都归入它。`));
      return;
    }
    if (bound === undefined) {
      if (band.quota !== undefined) return; // a band by quota alone (杭: 前几名)
      if (i === bands.length - 2 && bands[i + 1]!.bottom !== undefined) return; // 其余 (宿迁: 先进、达标、后三位诫勉)
      out.push(error('E_SCHEME_BAND_BOUND', at([...base, i]), `等次「${band.name}」没有写下限。`,
        '用 atLeast: 80 表示「80分以上（含80分）」，用 above: 80 表示「超过80分（不含80分）」。'));
      return;
    }
    const value = Rational.of(bound);
    if (value.gt(ceiling) || value.lt(0)) {
      out.push(error('E_SCHEME_BAND_RANGE', at([...base, i]), `等次「${band.name}」的下限 ${bound} 不在 0 到 ${ceiling.toString()} 之间。`));
    }
    if (previous !== undefined && !value.lt(previous)) {
      out.push(error('E_SCHEME_BAND_ORDER', at([...base, i]), `等次应从高到低排列：「${band.name}」的下限 ${bound} 不低于上一等次的下限 ${previous.toString()}。`));
    }
    previous = value;
  });
  return out;
}

function duplicates(items: readonly string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  items.forEach((x, i) => (seen.has(x) ? out.push(i) : seen.add(x)));
  return out;
}

function yamlMessage(code: string): string {
  const messages: Record<string, string> = {
    BAD_INDENT: '缩进不对',
    TAB_AS_INDENT: '用了 Tab 缩进',
    DUPLICATE_KEY: '同一个键写了两次',
    MISSING_CHAR: '缺少括号或引号',
    MULTILINE_IMPLICIT_KEY: '键不能跨行，可能缺少冒号',
    UNEXPECTED_TOKEN: '出现了意外的字符',
    BLOCK_AS_IMPLICIT_KEY: '缩进或冒号有误',
  };
  return messages[code] ?? `语法错误（${code}）`;
}
