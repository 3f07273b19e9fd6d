import path from 'node:path';
import { caseOf, disagreements, explain, KNOWN_DEPARTURES, report, standingsFromRows, writeAssessment } from '../support/differential.mjs';
import { runCli, tempDir } from '../support/cli.js';
import { dumpSheet } from '../support/workbook.js';

// A differential test: random small assessments written straight from docs/scheme.md
// (test/support/random-assessment.mjs: methods, periods, weights, 千分制, decimals 0–3, roundParts,
// rankOn, percent bands, quotas, bottom N, vetoes, honours, flags, 加减分 with caps; totals aimed at
// floors and x.xx5, ties at cuts) are scored by the engine and by an independent reckoning in
// exact fractions (test/support/reckoning.mjs, importing nothing from src/). Every unit's
// published total, rank, band (with 待定), honour and flags, and the exit status, must agree.
//
// DIFF_SEEDS=500 for a longer run (seeds DIFF_FROM … DIFF_FROM+N−1); DIFF_SEED=123 for one seed.
// The long run without jest: npm run build && node test/support/differential.mjs 1 2000
// A seed whose only disagreements are departures of the engine from the docs already reported
// (KNOWN_DEPARTURES in test/support/differential.mjs) passes here and is listed at the end;
// DIFF_STRICT=1 fails it too.
const FROM = Number(process.env.DIFF_FROM ?? 1);
const COUNT = Number(process.env.DIFF_SEEDS ?? 40);
const SEEDS = process.env.DIFF_SEED ? [Number(process.env.DIFF_SEED)] : Array.from({ length: COUNT }, (_, i) => FROM + i);
const STRICT = process.env.DIFF_STRICT === '1';

const known = new Map<string, number[]>();

describe('differential: the engine against an independent reckoning from docs/scheme.md', () => {
  afterAll(() => {
    for (const [departure, seeds] of known) {
      console.log(`known departure of the engine from docs/scheme.md (${seeds.length} seed(s): ${seeds.join(' ')}):\n  ${departure}: ${KNOWN_DEPARTURES[departure]}`);
    }
  });

  it.each(SEEDS)('seed %i: every total, rank, band, honour, flag and the exit status agree', async (seed) => {
    const { g, expected } = caseOf(seed);
    const file = path.join(tempDir(), 'assessment.xlsx');
    await writeAssessment(file, g);
    const run = await runCli([file]);
    if (run.code > 1) throw new Error(report(seed, g, expected, [`exit status ${run.code}: the engine refused the data`], run.stderr));
    const got = standingsFromRows(await dumpSheet(file.replace(/\.xlsx$/, '.通报.xlsx'), '排名'));
    const lines = disagreements(expected, got, run.code);
    if (lines.length === 0) return;
    const departures = STRICT ? undefined : explain(g, got, run.code);
    if (departures) {
      for (const d of departures) known.set(d, [...(known.get(d) ?? []), seed]);
      return;
    }
    throw new Error(report(seed, g, expected, lines, run.stderr));
  });
});
