// Runs one `score` command in this process and prints its time and peak memory as JSON.
import { main } from '../dist/cli/main.js';

const sink = { write: () => true };
const start = process.hrtime.bigint();
const code = await main(process.argv.slice(2), { stdout: sink, stderr: sink, env: { NO_COLOR: '1' }, cwd: process.cwd() });
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(JSON.stringify({ code, ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
