// Cost of exact arithmetic: scores N units × K values with the engine's Rational (parse, ratio,
// weight, sum, half-up) and, as the baseline in the same run, with bare BigInt integers scaled to
// 1/10000 point (the least an exact pipeline can do for these inputs). Each runs in its own
// process; the ratio is what the exact representation costs. Usage: node bench/arith.js [units] [values]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [units = 100000, values = 40] = process.argv.slice(2, 4).map(Number);
const mode = process.argv[4];

/** The same deterministic cell texts in both runs: one decimal place, as clerks type them. */
function cell(u, k) {
  return `${(u * 7 + k * 13) % 100}.${(u + k) % 10}`;
}

async function rational() {
  const { Rational } = await import('../dist/core/rational.js');
  let check = Rational.ZERO;
  for (let u = 0; u < units; u++) {
    let total = Rational.ZERO;
    for (let k = 0; k < values; k++) {
      const v = Rational.parse(cell(u, k));
      // every fourth value a ratio to a target of 96, the rest weighted 30 %
      total = total.plus(k % 4 === 0 ? v.mul(10).div(96) : v.mul('0.3'));
    }
    check = check.plus(total.round(2));
  }
  return check.toFixed(2);
}

function baseline() {
  // 1/10000 point is not exact for /96, so the baseline keeps numerator and a common denominator 96 × 10 × 10000.
  const D = 9600000n;
  let check = 0n;
  for (let u = 0; u < units; u++) {
    let total = 0n;
    for (let k = 0; k < values; k++) {
      const [i, f] = cell(u, k).split('.');
      const tenths = BigInt(i) * 10n + BigInt(f);
      total += k % 4 === 0 ? tenths * 10n * (D / 960n) : tenths * 3n * (D / 100n);
    }
    const cents = (total * 100n * 2n + D) / (2n * D); // half-up, all positive
    check += cents;
  }
  return `${check / 100n}.${String(check % 100n).padStart(2, '0')}`;
}

if (mode) {
  const start = process.hrtime.bigint();
  const result = mode === 'rational' ? await rational() : baseline();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ result, ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else {
  const self = fileURLToPath(import.meta.url);
  const run = (m) => JSON.parse(execFileSync(process.execPath, [self, String(units), String(values), m], { encoding: 'utf8' }));
  const base = run('baseline');
  const exact = run('rational');
  if (base.result !== exact.result) throw new Error(`results differ: ${base.result} vs ${exact.result}`);
  console.log(`values\tbaseline ms\tRational ms\tratio\tbaseline RSS MB\tRational RSS MB`);
  console.log(`${units * values}\t${base.ms}\t${exact.ms}\t${(exact.ms / base.ms).toFixed(1)}\t${base.maxRssMB}\t${exact.maxRssMB}`);
}
