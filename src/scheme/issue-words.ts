import { brief } from '../core/diagnostic.js';

/**
 * A zod issue as a sentence a clerk can act on. zod's Chinese locale still says
 * "期望 string，实际接收 Buffer" or only "无效输入"; here the expected and the found value are
 * both said in words.
 */
export interface IssueLike {
  code: string;
  message: string;
  expected?: string;
  values?: unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  errors?: IssueLike[][];
}

const EXPECTED: Record<string, string> = {
  number: '数', int: '整数', string: '文字', boolean: 'true 或 false', array: '列表（[甲, 乙] 或逐行以「- 」开头）',
  object: '一组「键: 值」', record: '一组「键: 值」', literal: '规定的值',
};

/** A value as a clerk wrote it, in words: 文字「一百」, 数 7.5, 列表, 空. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '空';
  if (typeof value === 'number') return `数 ${value}`;
  if (typeof value === 'string') return `文字「${brief(value)}」`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '列表';
  return '一组「键: 值」';
}

/** zod's own message when it is one of ours (a refine, a regex with its own words), else undefined. */
function ownMessage(issue: IssueLike): string | undefined {
  return issue.code === 'custom' || (issue.code === 'invalid_format' && !/^无效/.test(issue.message)) ? issue.message : undefined;
}

function expectedOf(issue: IssueLike): string | undefined {
  if (issue.code === 'invalid_type') return EXPECTED[issue.expected ?? ''] ?? '其他类型的值';
  if (issue.code === 'invalid_value') return (issue.values ?? []).map((v) => `「${String(v)}」`).join('、') + ((issue.values ?? []).length > 1 ? ' 之一' : '');
  return undefined;
}

/** What is wrong with `value` by `issue`, without the key (the caller names it). */
export function issueWords(issue: IssueLike, value: unknown): string {
  const own = ownMessage(issue);
  if (own) return own;
  const found = `现为${describeValue(value)}`;
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_value':
      return `应为${expectedOf(issue)}，${found}`;
    case 'too_small':
      return `应${issue.inclusive === false ? '大于' : '不小于'} ${String(issue.minimum)}，${found}`;
    case 'too_big':
      return `应${issue.inclusive === false ? '小于' : '不大于'} ${String(issue.maximum)}，${found}`;
    case 'invalid_union': {
      const branches = (issue.errors ?? []).map((b) => b[0]).filter((b): b is IssueLike => b !== undefined);
      const custom = branches.map(ownMessage).find((m) => m !== undefined);
      if (custom) return `${custom}，${found}`;
      const expected = [...new Set(branches.map(expectedOf).filter((e): e is string => e !== undefined))];
      return expected.length > 0 ? `应为${expected.join('或')}，${found}` : `写法不对，${found}`;
    }
    default:
      return `写法不对，${found}`;
  }
}
