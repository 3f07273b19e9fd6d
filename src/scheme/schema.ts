import { z } from 'zod';

z.config(z.locales.zhCN());

/** A number as written in YAML: 80, 80.5 or "80.5". Kept as text so that Decimal sees what the clerk typed. */
const decimalText = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, '应为数字，例如 80 或 80.5')])
  .transform((v) => String(v));

const nonEmpty = z.string().trim().min(1, '不能为空');

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
  })
  .default({ decimals: 2, mode: 'half-up', roundParts: false });

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

export const schemeSchema = z.strictObject({
  name: nonEmpty,
  year: z.number().int().min(1900).max(2200).optional(),
  /** 百分制 100, 千分制 1000. */
  fullMarks: decimalText.default('100'),
  /** 单位 in 先进单位; 干部 schemes might say 干部 or leave it empty. */
  unitNoun: z.string().default('单位'),
  categories: z.array(nonEmpty).min(1, '至少需要一个类别'),
  rounding: roundingSchema,
  bands: z.array(bandSchema).min(1, '至少需要一个等次'),
  excluded: excludedSchema,
  notice: noticeSchema,
  appendix: appendixSchema,
});

export type SchemeInput = z.input<typeof schemeSchema>;
export type Scheme = z.output<typeof schemeSchema>;
export type Band = z.output<typeof bandSchema>;

/** Every key the scheme accepts at each level, for "did you mean" hints. */
export { z };
