import path from 'node:path';
import { caseOf, decisionCaseOf, disagreements, report, standingsFromRows, writeAssessment, type Generated, type Reckoned } from '../support/differential.mjs';
import { runCli, tempDir } from '../support/cli.js';
import { DOC_EXAMPLES } from '../support/doc-examples.mjs';
import { reckon } from '../support/reckoning.mjs';
import { dumpSheet } from '../support/workbook.js';

// A differential test: random small assessments written straight from docs/scheme.md
// (test/support/random-assessment.mjs: every 评分方法, trees of 2–3 levels and per category,
// weights and periods, 千分制, decimals 0–3, roundParts, rankOn, percent bands, quotas, bottom N,
// vetoes, honours, flags, 单项奖 (awards), conditions on a part or leaf, 加减分 with caps and
// sources; totals aimed at floors, x.xx5, thirds and sevenths, ties at cuts) are scored by the
// engine and by an independent reckoning in exact fractions (test/support/reckoning.mjs, importing
// nothing from src/). Every unit's published total, each part's column, rank, band (with 待定),
// honour, 单项奖, flags (in the scheme's order) and figures, the 排名 order and
// the exit status must agree; a seed with ties is scored again with them settled in a 「决定」表.
// The worked examples of docs/scheme.md (test/support/doc-examples.mjs) go the same way, each
// also holding the reckoning to what the docs say of it.
//
// DIFF_SEEDS=500 for a longer run (seeds DIFF_FROM … DIFF_FROM+N−1); DIFF_SEED=123 for one seed.
// The long run without jest: npm run build && node test/support/differential.mjs 1 2000
// (coverage of a range: node test/support/differential.mjs --stats 1 500).
// Any disagreement fails: the reckoning follows docs/scheme.md, and so must the engine.
const FROM = Number(process.env.DIFF_FROM ?? 1);
const COUNT = Number(process.env.DIFF_SEEDS ?? 40);
const SEEDS = process.env.DIFF_SEED ? [Number(process.env.DIFF_SEED)] : Array.from({ length: COUNT }, (_, i) => FROM + i);

describe('differential: the engine against an independent reckoning from docs/scheme.md', () => {
  /** Scores a generated workbook with the real CLI; the disagreements with the reckoning. */
  async function score(seed: number, g: Generated, expected: Reckoned, what: string) {
    const file = path.join(tempDir(), 'assessment.xlsx');
    await writeAssessment(file, g);
    const run = await runCli([file]);
    if (run.code > 1) throw new Error(report(seed, g, expected, [`${what}exit status ${run.code}: the engine refused the data`], run.stderr));
    const got = standingsFromRows(await dumpSheet(file.replace(/\.xlsx$/, '.通报.xlsx'), '排名'));
    return { run, got, lines: disagreements(expected, got, run.code).map((l) => `${what}${l}`) };
  }

  it.each(SEEDS)('seed %i: every total, rank, band, honour, flag and the exit status agree (and again with its ties decided in 决定)', async (seed) => {
    const { g, expected } = caseOf(seed);
    const first = await score(seed, g, expected, '');
    if (first.lines.length > 0) throw new Error(report(seed, g, expected, first.lines, first.run.stderr));
    // docs/scheme.md 人工决定: the same workbook with a 「决定」表 settling every tie.
    const second = decisionCaseOf(g, expected);
    if (!second) return;
    const again = await score(seed, second.g, second.expected, 'with 决定: ');
    if (again.lines.length > 0) throw new Error(report(seed, second.g, second.expected, again.lines, again.run.stderr));
  });
});

describe('differential: the worked examples of docs/scheme.md', () => {
  // Each example states what the docs say of it (`says`), which holds the reckoning to the text;
  // then the engine is held to the reckoning.
  it.each(DOC_EXAMPLES.map((ex) => [ex.g.name, ex] as const))('%s', async (_name, ex) => {
    const expected = reckon(ex.g.yaml, ex.g.sheets);
    const said: string[] = [];
    for (const [key, want] of Object.entries(ex.says)) {
      if (key === 'exit') { if (expected.exit !== want) said.push(`exit status: reckoned ${expected.exit}, the docs say ${String(want)}`); continue; }
      const unit = expected.units.find((u) => u.name === key) as unknown as Record<string, unknown>;
      for (const [field, value] of Object.entries(want as Record<string, unknown>)) {
        if (JSON.stringify(unit[field]) !== JSON.stringify(value)) said.push(`${key} ${field}: reckoned ${JSON.stringify(unit[field])}, the docs say ${JSON.stringify(value)}`);
      }
    }
    expect({ example: ex.quote, reckoningAgainstDocs: said }).toEqual({ example: ex.quote, reckoningAgainstDocs: [] });
    const file = path.join(tempDir(), 'example.xlsx');
    await writeAssessment(file, ex.g);
    const run = await runCli([file]);
    if (run.code > 1) throw new Error(report(0, ex.g, expected, [`exit status ${run.code}`], run.stderr));
    const got = standingsFromRows(await dumpSheet(file.replace(/\.xlsx$/, '.通报.xlsx'), '排名'));
    const lines = disagreements(expected, got, run.code);
    if (lines.length > 0) throw new Error(`${ex.quote}\n${report(0, ex.g, expected, lines, run.stderr)}`);
  });
});
