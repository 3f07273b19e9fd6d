import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FULL_FLAGS, LARGE_INPUT_BYTES, START_FLAGS } from '../../src/cli/tiers.js';
import { ROOT } from '../support/bundle.js';
import { BIN } from '../support/files.js';
import { tempDir } from '../support/cli.js';

// src/cli/tiers.ts: a run starts with V8 set for a short job and gets V8's defaults back once its input is large.

const RAISED = '调试信息：输入已超过 1 MB，改用完整优化';

/** A flag's name: `--no-turbofan` and `--turbofan=…` are both `turbofan`. */
const nameOf = (flag: string): string => flag.replace(/^--(no-)?/, '').replace(/=.*$/, '');

describe('V8 tiers', () => {
  it('gives back V8\'s own defaults, for every flag the start changes', () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    const full = FULL_FLAGS.split(' ');
    expect(START_FLAGS.split(' ').map(nameOf).sort()).toEqual(full.map(nameOf).sort());
    for (const flag of full) {
      const entry = new RegExp(`^\\s+--${nameOf(flag)} \\(.*\\n\\s+type: \\S+\\s+default: (\\S+)$`, 'm').exec(options);
      expect([flag, entry?.[1]]).toEqual([flag, flag]);
    }
  });

  it('optimises nothing at the start, and optimises again once raised, when set while the process runs', () => {
    // What the settings must do when set as the tool sets them: from inside the process, after V8 has started.
    // (Raising --max-opt instead would leave TurboFan off: a lower --max-opt turns --turbofan off with it.)
    const child = `
      const v8 = require('node:v8');
      v8.setFlagsFromString(process.argv[1]);
      v8.setFlagsFromString('--trace-opt');
      function hot(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 31 + (s >>> 3)) | 0; return s; }
      for (let k = 0; k < 30; k++) hot(1e5);
      console.log('RAISE');
      v8.setFlagsFromString(process.argv[2]);
      for (let k = 0; k < 30; k++) hot(1e5);`;
    const r = spawnSync(process.execPath, ['-e', child, '--', START_FLAGS, FULL_FLAGS], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const [before, after] = r.stdout.split('RAISE');
    expect(before).not.toMatch(/completed optimizing/);
    expect(after).toMatch(/completed optimizing .*JSFunction hot/);
  });

  it('are raised by a run whose input passes 1 MB, once, and not by a county\'s', () => {
    const dir = tempDir();
    const big = path.join(dir, '得分表.csv');
    const row = '某某乡镇人民政府,98.50\n';
    writeFileSync(big, `单位名称,A1\n${row.repeat(Math.ceil(LARGE_INPUT_BYTES / Buffer.byteLength(row)))}`);
    const env = { ...process.env, SCORE_DEBUG: '1', NO_COLOR: '1' };
    const large = spawnSync(process.execPath, [BIN, 'check', big], { encoding: 'utf8', env, cwd: dir });
    expect(large.stderr.split(RAISED).length - 1).toBe(1);
    expect(large.stderr).not.toMatch(/unrecognized flag/i);
    const county = spawnSync(process.execPath, [BIN, 'check', path.join(ROOT, 'samples', 'guannan-2009', 'annual.xlsx')], { encoding: 'utf8', env, cwd: dir });
    expect(county.status).toBe(0);
    expect(county.stderr).not.toContain(RAISED);
  });
});
