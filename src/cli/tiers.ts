import { setFlagsFromString } from 'node:v8';

/**
 * V8 set up for the size of the job. Most runs are a county's: a few hundred kilobytes of sheets, done
 * in half a second, most of it code running for the first time. There TurboFan, V8's optimising
 * compiler, only costs: it compiles, on the second core, functions the run is about to leave behind.
 * And every page of memory touched for the first time costs about 21 µs on the machines measured, so a
 * young generation grown to 8 MB costs more than the collections it saves. So a run starts with TurboFan
 * off and the young generation kept at its first size, and gets V8's defaults back when its input passes
 * LARGE_INPUT_BYTES, before most of a large job's work is done.
 *
 * Measured (40 indicators; medians of alternating runs, before → after): 60 units 0.57 → 0.48 s, with
 * 1,200 fewer page faults; 300 units 0.69 → 0.58 s; 1,000 units (1.3 MB of sheets) 0.93 → 0.92 s;
 * 3,000 units 1.28 → 1.24 s. Kept at the start settings, 3,000 units would take 24 % longer: hence 1 MB.
 * The flags are set while V8 runs, so each is set itself: a lower --max-opt would turn --turbofan off
 * with it, and raising --max-opt again does not turn it back on (test/cli/tiers.test.ts).
 */
export const START_FLAGS = '--no-turbofan --semi-space-growth-factor=1';

/** V8's own defaults for the two settings START_FLAGS changes (`node --v8-options`; test/cli/tiers.test.ts checks them). */
export const FULL_FLAGS = '--turbofan --semi-space-growth-factor=2';

/** Inflated sheet or CSV bytes past which a run is a long one: a 1,000-unit workbook of 40 indicators has 1.3 MB. */
export const LARGE_INPUT_BYTES = 1024 * 1024;

/**
 * V8's defaults again, for a long run: src/cli/run.ts calls this once the input read passes
 * LARGE_INPUT_BYTES (src/io/input-meter.ts); `said` is told (SCORE_DEBUG). bin/score.js starts with
 * START_FLAGS (src/cli/load-app.ts, which sets them before the bundle loads, since they are part of
 * what its code cache is made for).
 */
export function raiseTiers(said?: (text: string) => void): void {
  setFlagsFromString(FULL_FLAGS);
  said?.('调试信息：输入已超过 1 MB，改用完整优化\n');
}
