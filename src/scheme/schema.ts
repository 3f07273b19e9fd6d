import * as z from 'zod';
import { zhCN } from 'zod/locales';
import { Rational } from '../core/rational.js';
import { normalizeName } from '../core/text.js';

// A run checks one scheme, once: zod's compiled fast path for objects (a `new Function` per object
// shape) costs more to build than it saves on a single parse — the scheme step of a county run took
// 27 ms instead of 38 without it (medians of 7). The same checks and messages either way. Set before
// any schema is built: each object schema reads it when it is made. zod is imported as a namespace
// and the locale by name (not `{ z }` and z.locales.zhCN, which the bundler keeps whole): dist/app/ then
// holds the parts of zod this file uses, 144 KB instead of 582 KB with all 64 locales.
z.config({ ...zhCN(), jitless: true });

/** A number as written in YAML: 80, 80.5 or "80.5". Kept as text so that Rational sees what the clerk typed. */
const decimalText = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, '应为数字，例如 80 或 80.5')])
  .transform((v) => String(v));

const nonEmpty = z.string().trim().min(1, '不能为空');

/**
 * How many units a band may take in a category: a count, a percentage of the category's units
 * with the rounding the scheme declares (002 正定: 25% of 7 is 1.75 and the seed says 2), or a
 * range (古城: 3–5; `min` alone: at least, no most). A quota never overrides the band's floor.
 */
export const quotaSchema = z
  .strictObject({
    count: z.number().int().min(0).optional(),
    percent: decimalText.optional(),
    rounding: z.enum(['up', 'down', 'half-up']).optional(),
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
  })
  .refine((q) => [q.count, q.percent, q.max ?? q.min].filter((x) => x !== undefined).length === 1, {
    message: '名额写 count（个数）、percent（百分比）或 min/max（至少、最多几个，可只写一个）中的一种',
  })
  .refine((q) => q.percent === undefined || q.rounding !== undefined, {
    message: '按百分比确定名额时必须写 rounding：up（进一）、down（去尾）或 half-up（四舍五入）',
  })
  .refine((q) => q.percent === undefined || (Rational.of(q.percent).gt(0) && Rational.of(q.percent).lte(100)), {
    message: '名额百分比应大于 0、不超过 100',
  })
  .refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, { message: 'min 不能大于 max' });

/**
 * A band (等次). Every band but the last states its lower boundary and whether it is included:
 * `atLeast: 80` is 80分以上（含80分）, `above: 80` is 超过80分（不含80分）. 001 灌南's
 * "80分以上…80—60分" is ambiguous at the boundary, so the scheme must say which.
 */
export const bandSchema = z
  .strictObject({
    name: nonEmpty,
    atLeast: decimalText.optional(),
    above: decimalText.optional(),
    /** Wording in the notice, e.g. 先进单位; defaults to name + unitNoun. */
    label: nonEmpty.optional(),
    quota: quotaSchema.optional(),
    /** Last band only: it takes the bottom N of each category, whatever their scores (宿迁: 后三位 → 诫勉). */
    bottom: z.number().int().min(1).optional(),
  })
  .refine((b) => !(b.atLeast !== undefined && b.above !== undefined), {
    message: 'atLeast（含边界）与 above（不含边界）只能写一个',
  });

export const roundingSchema = z
  .strictObject({
    /** Decimals of every published score. */
    decimals: z.number().int().min(0).max(6).default(2),
    mode: z.literal('half-up').default('half-up'),
    /** Round each part before adding them (some offices do, so that the total matches the hand sum). */
    roundParts: z.boolean().default(false),
    /** What ranks, bands and quotas compare: the published (rounded) total, or the exact one. */
    rankOn: z.enum(['published', 'exact']).default('published'),
  })
  .default({ decimals: 2, mode: 'half-up', roundParts: false, rankOn: 'published' });

export const excludedSchema = z
  .strictObject({
    units: z.array(nonEmpty).default([]),
    /** Wording for the appendix note; generated from `units` when absent. */
    note: nonEmpty.optional(),
  })
  .default({ units: [] });

export const noticeSchema = z
  .strictObject({
    title: nonEmpty.optional(),
    recipients: nonEmpty.optional(),
    appendixTitle: nonEmpty.optional(),
    issuer: nonEmpty.optional(),
    docNumber: nonEmpty.optional(),
    date: nonEmpty.optional(),
    /** Template for the notice text, relative to the scheme's file; defaults to templates/notice.txt. */
    template: nonEmpty.optional(),
    /** Wording of the band rule in the appendix notes; generated from `bands` when absent. */
    ruleText: nonEmpty.optional(),
  })
  .default({});

export const appendixSchema = z
  .strictObject({
    /** Columns that fit across the printed page; a long category column is continued beside itself. */
    maxColumns: z.number().int().min(1).max(30).default(7),
  })
  .default({ maxColumns: 7 });

/** A category: a name, or a name with bands of its own (002 正定 古城: 先进 3–5, ≥ 95). */
export const categorySchema = z.union([nonEmpty, z.strictObject({ name: nonEmpty, bands: z.array(bandSchema).min(1).optional() })]);

/**
 * How a part (一级指标) counts in the total. By default its points count as they are (百分制,
 * 千分制). `weight`: that percentage of its score counts (奇台: 公众评议 × 10%). `periods`: it is
 * scored in each period, and each period's score counts by its percentage (正定: 中期 50, 年终 50;
 * 奇台: 半年 30, 年终 60).
 */
export const componentSchema = z
  .strictObject({
    part: nonEmpty,
    /** Only the part's roots for these categories (正定: 中期/年终 for 乡镇 and 部门, not 古城). */
    categories: z.array(nonEmpty).optional(),
    weight: decimalText.optional(),
    periods: z.record(z.string(), decimalText).optional(),
  })
  .refine((c) => !(c.weight !== undefined && c.periods !== undefined), { message: 'weight 与 periods 只能写一个：分期计分时各期的百分比已决定权重' });

/**
 * Periods on any node, not only on a part (000 灌南: 勤政五维按季度考核，其中社会满意程度按年度评估;
 * 002 正定: 古城 指标评估和领导评估每月评估一次). The node (an indicator code, or names from 一级 down
 * joined by /) is scored in each period from that period's sheets and counts as the weighted mean
 * of its period scores: a list is the plain mean, a map gives each period's percentage (adding to
 * 100). `periods: []` on a node inside a periodic one: scored once for the year.
 */
export const nodeRuleSchema = z.strictObject({
  node: nonEmpty,
  periods: z.union([z.array(nonEmpty), z.record(z.string(), decimalText)]),
});

/** A kind of 加分 or 减分 (002 正定: 受省委省政府表彰 3 分; 市通报批评 1 分), with its cap. */
export const adjustmentItemSchema = z.strictObject({
  name: nonEmpty,
  /** Fixed points of one such item; the sheet may leave 分值 blank. */
  points: decimalText.optional(),
  /** Most points one such item may carry, where the points vary. */
  max: decimalText.optional(),
  /** Most points all items of this kind may add up to, for one unit. */
  cap: decimalText.optional(),
  aliases: z.array(nonEmpty).default([]),
});

/** One side of the adjustments: 加分 (bonus) or 减分 (deduction). */
export const adjustmentSideSchema = z.strictObject({
  /** Most points in total for one unit (正定: 加分 ≤ 4, 减分 ≤ 4; 杭: 察访核验 ≤ 200). */
  cap: decimalText.optional(),
  items: z.array(adjustmentItemSchema).min(1, '至少列出一种加分或减分项目'),
  /** Caps by who reported the item (杭 察访核验: 效能办 50, 督查室 20 …). */
  sources: z.array(z.strictObject({ name: nonEmpty, cap: decimalText })).default([]),
  /** Each item must name its evidence (文件、证书); 正定: 加分项目以正式文件、证书等为依据. */
  requireEvidence: z.boolean().optional(),
});

export const adjustmentsSchema = z.strictObject({
  /** Categories the adjustments apply to; all when absent (正定: not the 古城 group). */
  categories: z.array(nonEmpty).optional(),
  bonus: adjustmentSideSchema.optional(),
  deduction: adjustmentSideSchema.optional(),
});

/** 一票否决 items and what they do: 取消评先资格 (ineligible) or 定为最低等次 (fail). */
export const vetoSchema = z.strictObject({
  name: nonEmpty,
  effect: z.enum(['ineligible', 'fail']),
  aliases: z.array(nonEmpty).default([]),
});

/** Titles given by rank: 江苏 10 先进单位 from 优秀; 杭 一等奖 1, 二等奖 2, 三等奖 3. */
export const honourSchema = z.strictObject({
  name: nonEmpty,
  count: z.number().int().min(1),
  /** Only units of this band are considered. */
  from: nonEmpty.optional(),
  scope: z.enum(['category', 'all']).default('category'),
});

/** Bottom-N flags: 宿迁 后三位 → 诫勉谈话; 正定 "60分以下且后三名". */
export const flagSchema = z
  .strictObject({
    name: nonEmpty,
    bottom: z.number().int().min(1),
    /** And only if the total is at most (含) this. */
    atMost: decimalText.optional(),
    /** And only if the total is under (不含) this. */
    under: decimalText.optional(),
    scope: z.enum(['category', 'all']).default('category'),
    /** Only these categories (正定: 承担日常工作的乡镇、部门和单位). */
    categories: z.array(nonEmpty).optional(),
  })
  .refine((f) => !(f.atMost !== undefined && f.under !== undefined), { message: 'atMost（含）与 under（不含）只能写一个' });

/**
 * A single-indicator award (003: 「单项工作先进奖」 for the best on one of the 20 key tasks): the
 * best `count` units on a part (一级指标, by name or code) or a leaf (by code), within each
 * category or all units together; units tied at the last place all take it.
 */
export const awardSchema = z.strictObject({
  name: nonEmpty,
  /** The part (name or code) or leaf (code) the award is for. */
  on: nonEmpty,
  count: z.number().int().min(1).default(1),
  scope: z.enum(['category', 'all']).default('category'),
});

/**
 * A rule on one part's or leaf's score (002 奇台: 满意率达不到60%的单位，取消…年度评优资格): a unit
 * under (or at most) the line loses 评优 eligibility (as a veto `ineligible`: not the first band,
 * no honours or awards) and/or is flagged.
 */
export const conditionSchema = z
  .strictObject({
    name: nonEmpty,
    on: nonEmpty,
    under: decimalText.optional(),
    atMost: decimalText.optional(),
    /** The line is a percentage of the part's or leaf's full points (满意率 60% of a rate leaf). */
    percent: z.boolean().default(false),
    effects: z.array(z.enum(['ineligible', 'flag'])).min(1, '至少写一种后果：ineligible（取消评优资格）或 flag（标记）'),
  })
  .refine((c) => (c.under === undefined) !== (c.atMost === undefined), { message: 'under（低于，不含）与 atMost（不超过，含）必须写一个，也只能写一个' });

/** A rule on this and earlier years' bands (002 奇台: 连续两年被评为差; 003: 连续三年落后), from `--previous` results. */
export const historyRuleSchema = z.strictObject({
  name: nonEmpty,
  band: nonEmpty,
  /** This year and the years before it, all in `band` (连续两年: 2). */
  years: z.number().int().min(2).max(10),
});

export const historySchema = z.strictObject({
  /** 排名 shows the change of rank against the latest previous year (进位/退位). */
  rankChange: z.boolean().default(false),
  rules: z.array(historyRuleSchema).default([]),
});

/**
 * 先自评、牵头部门审核 (004): units propose their own points (自评分) beside the audited ones; the
 * audited ones count, the proposals are shown beside them. `on`: the parts (一级指标 name or code) or
 * leaves (code) every unit must self-assess; none: every leaf.
 */
export const selfAssessmentSchema = z.strictObject({
  on: z.array(nonEmpty).optional(),
});

/** A figure that follows from the band (宿迁: 公务员优秀比例 先进 18%, 达标 15%, 诫勉 12%). */
export const figureSchema = z.strictObject({
  name: nonEmpty,
  values: z.record(z.string(), z.union([z.number(), z.string()])),
});

export const schemeSchema = z.strictObject({
  name: nonEmpty,
  year: z.number().int().min(1900).max(2200).optional(),
  /** 百分制 100, 千分制 1000. */
  fullMarks: decimalText.default('100'),
  /** 单位 in 先进单位; 干部 schemes might say 干部 or leave it empty. */
  unitNoun: z.string().default('单位'),
  categories: z.array(categorySchema).min(1, '至少需要一个类别'),
  rounding: roundingSchema,
  bands: z.array(bandSchema).min(1, '至少需要一个等次'),
  /** Assessment periods (期次), in order; a part scored per period reads the sheets 得分表（期次） etc. */
  periods: z.array(nonEmpty).default([]),
  components: z.array(componentSchema).default([]),
  /**
   * 缺项折算 for every leaf entered per unit: a blank entry is a missing item, and the unit's other
   * leaves of that part are rescaled to the part's points; 'error' (the default): a blank is an error.
   */
  missingItems: z.enum(['error', 'rescale']).optional(),
  /** Periods of nodes below the parts (nodeRuleSchema). */
  nodes: z.array(nodeRuleSchema).optional(),
  /** score: bounds are points; percent: bounds are % of full marks (002 奇台: 90% / 80% / 70%). */
  bandBasis: z.enum(['score', 'percent']).default('score'),
  /** Parts (一级指标 names or codes) that decide a tie at a cut, in order; none: a person decides. */
  tieBreak: z.array(nonEmpty).default([]),
  adjustments: adjustmentsSchema.optional(),
  vetoes: z.array(vetoSchema).default([]),
  honours: z.array(honourSchema).default([]),
  flags: z.array(flagSchema).default([]),
  figures: z.array(figureSchema).default([]),
  awards: z.array(awardSchema).default([]),
  conditions: z.array(conditionSchema).default([]),
  history: historySchema.optional(),
  selfAssessment: selfAssessmentSchema.optional(),
  excluded: excludedSchema,
  notice: noticeSchema,
  appendix: appendixSchema,
});

export type SchemeInput = z.input<typeof schemeSchema>;
export type ParsedScheme = z.output<typeof schemeSchema>;
export type Band = z.output<typeof bandSchema>;
export type Quota = z.output<typeof quotaSchema>;
export type Veto = z.output<typeof vetoSchema>;
export type Honour = z.output<typeof honourSchema>;
export type Flag = z.output<typeof flagSchema>;
export type Award = z.output<typeof awardSchema>;
export type Condition = z.output<typeof conditionSchema>;
export type HistoryRule = z.output<typeof historyRuleSchema>;
export type SelfAssessment = z.output<typeof selfAssessmentSchema>;
export type Component = z.output<typeof componentSchema>;
export type NodeRule = z.output<typeof nodeRuleSchema>;
export type AdjustmentSide = z.output<typeof adjustmentSideSchema>;
export type Adjustments = z.output<typeof adjustmentsSchema>;

/** The scheme as the rest of the program sees it: category names, and each category's bands. */
export interface Scheme extends Omit<ParsedScheme, 'categories'> {
  categories: string[];
  /** Bands of each category: its own where it has them, else the scheme's. */
  bandsOf: Map<string, Band[]>;
}

export function normaliseScheme(parsed: ParsedScheme): Scheme {
  const categories = parsed.categories.map((c) => (typeof c === 'string' ? c : c.name));
  const bandsOf = new Map(parsed.categories.map((c) => [typeof c === 'string' ? c : c.name, (typeof c === 'string' ? undefined : c.bands) ?? parsed.bands]));
  return { ...parsed, categories, bandsOf };
}

export { z };

/** The component rule of a part for a category: the one naming the category, else one naming none. */
export function componentFor(scheme: Pick<Scheme, 'components'>, part: string, category: string): Component | undefined {
  const rules = scheme.components.filter((c) => normalizeName(c.part) === part);
  return rules.find((c) => c.categories?.includes(category)) ?? rules.find((c) => c.categories === undefined);
}
