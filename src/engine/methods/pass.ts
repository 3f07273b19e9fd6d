import { ZERO, type Rational } from '../../core/rational.js';
import { plain, type ScoresMethod } from './method.js';

export interface PassDetail {
  method: 'pass';
  entered?: Rational;
}

const PASS = new Set(['达标', '是', '合格', '通过', '√', '✓', '✔', '☑', 'Y', 'YES', '已达标']);
const FAIL = new Set(['未达标', '否', '不合格', '未通过', '×', '✗', '✘', 'X', 'N', 'NO', '不达标']);

/** 达标制 (000 廉政五维): full marks or nothing. */
export const pass: ScoresMethod<PassDetail, 'pass'> = {
  name: 'pass',
  title: '达标制',
  aliases: ['达标', '达标制', '是否达标'],
  params: { takes: [], needs: [] },
  sheet: 'scores',
  targets: false,
  entry: {
    labels: {
      read: (leaf, label) => (PASS.has(label) ? { value: leaf.points } : FAIL.has(label) ? { value: ZERO } : undefined),
      what: '达标结论',
      allowed: () => '「达标」或「未达标」',
    },
    // Points entered instead of a label: only full marks or 0 mean anything.
    check: (leaf, v) => (v.eq(leaf.points) || v.isZero() ? undefined
      : { code: 'E_BAD_LABEL', message: `达标制指标只能得满分 ${leaf.points.toString()} 或 0，现为 ${v.toString()}。`, hint: '请填写「达标」或「未达标」。' }),
  },
  form: {
    words: () => '达标/未达标',
    help: (leaf) => `选「达标」或「未达标」：达标得 ${plain(leaf.points)} 分，未达标得 0 分。`,
    validation: (_leaf, prompt) => ({ type: 'list', items: ['达标', '未达标'], prompt }),
  },
  // The entry is already the points: the label was turned into points when read.
  score: (leaf, entries) => entries.values.get(leaf.code) ?? ZERO,
  detail: (leaf, entries) => ({ method: 'pass', entered: entries.values.get(leaf.code) }),
  explain: (t, d, n) => {
    const max = t.leaf.points;
    if (d.entered === undefined) return '未填写，按 0 分计';
    return d.entered.eq(max) ? `达标，得满分 ${n(max)}` : d.entered.isZero() ? '未达标，0 分' : `评分 ${n(d.entered)}`;
  },
  doc: { aliases: '达标、达标制、是否达标', scoring: '达标得满分，未达标得 0 分（廉政五维）', entry: '「达标/是/合格/√」或「未达标/否/不合格/×」；也可填满分或 0', params: '—' },
};
