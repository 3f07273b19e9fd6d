// Preloaded into every process bench/run.js measures (node --require bench/peak.cjs …): when the
// process exits, writes its exit code, peak resident memory (the kernel's maxrss) and CPU time as
// JSON to the file named by BENCH_PEAK_FILE. A process killed by the kernel or by V8 running out of
// heap writes nothing; bench/run.js reports that from the exit status and standard error.
const { writeFileSync } = require('node:fs');

process.on('exit', (code) => {
  const usage = process.resourceUsage();
  const report = { code, maxRssMB: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
  writeFileSync(process.env.BENCH_PEAK_FILE, JSON.stringify(report));
});
