// The differential test's plumbing, shared by test/golden/differential.test.ts and the long run
// (node test/support/differential.mjs FROM TO, against dist/): write a generated assessment as a
// workbook, read the engine's 排名 sheet back, and compare it with the reckoning unit by unit.
import ExcelJS from 'exceljs';
import { generate, withDecisions } from './random-assessment.mjs';
import { reckon } from './reckoning.mjs';

/** Writes the workbook of a generated assessment: the scheme one YAML line a row in 方案, then the sheets. */
export async function writeAssessment(file, g) {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2024, 0, 1));
  const style = (name) => {
    const m = /^(.+)（(.+)）$/.exec(name);
    if (!m || !g.periodSheet || g.periodSheet === '（）') return name;
    return g.periodSheet === '()' ? `${m[1]}(${m[2]})` : `${m[1]}-${m[2]}`;
  };
  for (const [name, content] of Object.entries(g.sheets)) {
    const ws = wb.addWorksheet(style(name));
    const rows = typeof content === 'string' ? content.replace(/\n$/, '').split('\n').map((l) => [l]) : content;
    rows.forEach((r) => {
      const row = ws.addRow(r.map((c) => (c !== null && typeof c === 'object' ? c.value : c)));
      r.forEach((c, i) => { if (c !== null && typeof c === 'object') row.getCell(i + 1).numFmt = c.numFmt; });
    });
  }
  await wb.xlsx.writeFile(file);
}

/** The 排名 sheet as rows of plain values (as test/support/workbook.ts dumpSheet gives them). */
export async function rankingRows(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('排名');
  const rows = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = [];
    // A merged range's value in its master cell only (exceljs repeats it in every cell), as dumpSheet reads it.
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      row.push(cell.isMerged && cell.master.address !== cell.address ? null : cell.value ?? null);
    }
    rows.push(row);
  }
  return rows;
}

/** The 排名 sheet's rows read as one entry a unit, by name. */
export function standingsFromRows(rows) {
  const [head, ...body] = rows;
  const col = (name) => head.indexOf(name);
  const out = new Map();
  for (const row of body) {
    const at = (name) => (col(name) >= 0 ? row[col(name)] : undefined);
    const text = (name) => (at(name) === undefined || at(name) === null ? '' : String(at(name)));
    const name = text('单位名称');
    if (!name) continue;
    out.set(name, {
      category: text('类别'), rank: at('名次'), total: at('总分'), band: text('等次'), honour: text('荣誉'),
      flags: text('标记') === '' ? [] : text('标记').split('、'), note: text('说明'), cell: (c) => (col(c) >= 0 ? text(c) : undefined),
      // A part's column: its name, then （分值） or its weights.
      part: (p) => { const i = head.findIndex((h) => h === p || String(h).startsWith(`${p}（`)); return i < 0 ? '（无此列）' : row[i]; },
    });
  }
  return { head, units: out };
}

/** The 排名 sheet of the engine's 通报 workbook, read back. */
export async function readStandings(file) {
  return standingsFromRows(await rankingRows(file));
}

/** `value` shown with `decimals` places, for comparing a published number with the reckoned text. */
export const shown = (value, decimals) => (typeof value === 'number' ? value.toFixed(decimals) : String(value));

/** Every disagreement between the reckoning and the engine's outcome: a list of lines, empty when they agree. */
export function disagreements(expected, got, code) {
  const out = [];
  if (code !== expected.exit) out.push(`exit status: expected ${expected.exit}, got ${code}`);
  const d = expected.scheme.rounding.decimals;
  for (const u of expected.units) {
    const g = got.units.get(u.name);
    if (!g) { out.push(`${u.name}: missing from 排名`); continue; }
    // 标记 in the scheme's order of flags (docs/scheme.md, 末位标记).
    const want = { total: u.total, rank: u.rank, band: u.band, honour: u.honour, flags: u.flags.join('、') };
    const have = { total: shown(g.total, d), rank: g.rank, band: g.band, honour: g.honour, flags: g.flags.join('、') };
    if (typeof g.total === 'number' && Number(u.total) !== g.total) have.total += ` (cell ${g.total})`;
    if (expected.scheme.awards.length > 0) { want.awards = u.awards.join('、'); have.awards = g.cell('单项奖'); }
    for (const [f, v] of Object.entries(u.figures ?? {})) if (v !== undefined) { want[`figure ${f}`] = v; have[`figure ${f}`] = g.cell(f); }
    // Each part as counted in the total, shown to the scheme's decimals (— where the category has no such part).
    for (const [p, v] of Object.entries(u.parts ?? {})) {
      const cell = g.part(p);
      want[`part ${p}`] = v ?? '—';
      have[`part ${p}`] = typeof cell === 'number' && v !== undefined && Number(v) === cell ? v : cell === null ? '' : String(cell);
    }
    for (const k of Object.keys(want)) {
      if (want[k] !== have[k]) out.push(`${u.name} [${u.category}] ${k}: expected ${JSON.stringify(want[k])}, got ${JSON.stringify(have[k])}   (exact ${u.exact}, expected total ${u.total} rank ${u.rank} band ${u.band}; engine 说明: ${g.note})`);
    }
  }
  for (const name of got.units.keys()) if (!expected.units.some((u) => u.name === name) && !expected.excluded.includes(name)) out.push(`${name}: in 排名 but not reckoned`);
  const order = [...got.units.keys()].filter((n) => !expected.excluded.includes(n));
  if (expected.order && order.join('、') !== expected.order.join('、')) out.push(`排名 order: expected ${expected.order.join('、')}, got ${order.join('、')}`);
  const excludedLast = [...got.units.keys()].slice(-expected.excluded.length || Infinity);
  if (expected.excluded.length > 0 && excludedLast.join('、') !== expected.excluded.join('、')) out.push(`excluded units: expected last, ${expected.excluded.join('、')}; got ${[...got.units.keys()].join('、')}`);
  return out;
}

/** Generates the seed's assessment and its reckoning. */
export function caseOf(seed) {
  const g = generate(seed);
  return { g, expected: reckon(g.yaml, g.sheets) };
}

/**
 * The second round of a seed whose ties the engine and the reckoning agreed on: the same workbook
 * with a 「决定」表 settling every tie; undefined when there is nothing (or nothing the docs settle)
 * to decide.
 */
export function decisionCaseOf(g, expected) {
  if (expected.exit !== 1 || expected.ties.length === 0) return undefined;
  const g2 = withDecisions(g, expected.ties);
  try {
    return { g: g2, expected: reckon(g2.yaml, g2.sheets) };
  } catch {
    return undefined;
  }
}

/** A report of one failing seed: enough to reproduce it (DIFF_SEED=…) and see why. */
export function report(seed, g, expected, lines, stderr) {
  return [
    `seed ${seed} (DIFF_SEED=${seed}): ${lines.length} disagreement(s)`,
    ...lines.map((l) => `  ${l}`),
    '--- scheme ---',
    g.yaml,
    '--- engine stderr (first lines) ---',
    stderr.split('\n').slice(0, 12).join('\n'),
    '--- plan ---',
    g.notes.join('\n'),
    ...(g.sheets.决定 ? ['--- 决定 ---', g.sheets.决定.map((r) => r.join(' | ')).join('\n')] : []),
  ].join('\n');
}

/** What seeds FROM…TO cover: features of the schemes and data, and how often each rule of the reckoning ran. */
export async function coverage(from, to) {
  const { TRACE } = await import('./reckoning.mjs');
  TRACE.clear();
  const c = {};
  const inc = (k, n = 1) => (c[k] = (c[k] ?? 0) + n);
  for (let seed = from; seed <= to; seed++) {
    const { g, expected: e } = caseOf(seed);
    const s = e.scheme;
    const d = s.rounding.decimals;
    inc(`fullMarks ${s.fullMarks}`); inc(`decimals ${d}`); inc(`roundParts ${s.rounding.roundParts}`); inc(`rankOn ${s.rounding.rankOn}`); inc(`bandBasis ${s.bandBasis}`);
    if (s.periods) inc(`periods ×${s.periods.length}`);
    if (s.components.some((x) => x.weight)) inc('component weights');
    if (s.components.some((x) => x.categories)) inc('components per category');
    if (g.sheets.指标体系.slice(1).some((r) => r[7] && r[7] !== '全部' && r[2] !== null)) inc('leaves per category in a shared part');
    for (const row of g.sheets.指标体系.slice(1)) if ((row[5] !== null || row[2] !== null) && !String(row[2]).endsWith('综合')) inc(`leaf method written ${row[5] ?? '(blank: direct)'}`);
    for (const b of [...s.bandsOf.values()].flat()) { if (b.quota) inc(`quota ${Object.keys(b.quota).filter((k) => k !== 'rounding').join('+')}${b.quota.rounding ? ` ${b.quota.rounding}` : ''}`); if (b.bottom) inc('bottom N'); if (b.above !== undefined) inc('floor above'); }
    if (s.categories.length !== s.bandsOf.size || [...s.bandsOf.values()][0] !== [...s.bandsOf.values()][1]) inc('bands per category');
    if (s.tieBreak.length) inc('tieBreak');
    for (const r of g.sheets.一票否决?.slice(1) ?? []) inc(`veto ${r[1]}`);
    if (s.honours.length) inc(`honours ${[...new Set(s.honours.map((h) => `${h.scope ?? 'category'}${h.from ? '+from' : ''}`))].join('/')}`);
    for (const f of s.flags) inc(`flag ${f.under !== undefined ? 'under' : f.atMost !== undefined ? 'atMost' : 'rank only'}${f.scope === 'all' ? ' all' : ''}${f.categories ? ' categories' : ''}`);
    if (g.sheets.加减分) { inc('schemes with 加减分 rows'); if (s.adjustments.deduction?.sources) inc('sources'); }
    if (s.excluded) inc('excluded unit');
    if (s.figures) inc('figures');
    for (const n of g.notes) { const m = /(aims at|missed|clones)/.exec(n); if (m) inc(`unit ${m[1]}`); const t = /\((\w+) tie/.exec(n); if (t) inc(`tie ${t[1]}`); }
    inc(`expected exit ${e.exit}`);
    if (decisionCaseOf(g, e)) inc('with a 决定 round');
    for (const u of e.units) {
      if (u.band?.startsWith('待定')) inc('unit 待定 band'); if (u.honour?.startsWith('待定')) inc('unit 待定 honour'); if (u.flags.some((f) => f.startsWith('待定'))) inc('unit 待定 flag');
      if (u.exact.includes('/')) inc('units: total not a terminating decimal');
      else if (u.exact.split('.')[1]?.length === d + 1 && u.exact.endsWith('5')) inc('units: total x.xx5 (half a unit)');
      const { frac } = await import('./fraction.mjs');
      for (const b of s.bandsOf.get(u.category)) {
        const f = b.atLeast ?? b.above;
        if (f === undefined) continue;
        const at = s.bandBasis === 'percent' ? frac(f).times(s.fullMarks).div(100) : frac(f);
        if (frac(u.total).eq(at)) inc('units: total published on a band floor');
        if (frac(u.exact.includes('/') ? u.exact : u.exact).eq(at)) inc('units: total exactly on a band floor');
      }
    }
  }
  return { features: c, trace: Object.fromEntries(TRACE) };
}

// The long run: node test/support/differential.mjs FROM TO  (after npm run build); --stats FROM TO for coverage.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()) && process.argv[2] === '--stats') {
  const { features, trace } = await coverage(Number(process.argv[3] ?? 1), Number(process.argv[4] ?? 200));
  console.log(Object.entries(features).sort().map(([k, v]) => `${k}: ${v}`).join('\n'));
  console.log('--- rules exercised (counts include the generator\'s own solving) ---');
  console.log(Object.entries(trace).sort().map(([k, v]) => `${k}: ${v}`).join('\n'));
} else if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { main } = await import('../../dist/cli/main.js');
  const from = Number(process.argv[2] ?? 1);
  const to = Number(process.argv[3] ?? from + 99);
  const verbose = process.argv.includes('-v');
  let failed = 0;
  let decided = 0;
  const started = Date.now();
  for (let seed = from; seed <= to; seed++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'diffq-'));
    const file = path.join(dir, 'a.xlsx');
    let lines;
    let stderr = '';
    let g;
    let expected;
    try {
      ({ g, expected } = caseOf(seed));
      await writeAssessment(file, g);
      const code = await main([file], { stdout: { write: () => {} }, stderr: { write: (s) => (stderr += s) }, env: { NO_COLOR: '1' }, cwd: dir });
      if (code > 1) lines = [`exit status ${code}`];
      else {
        const got = await readStandings(file.replace('.xlsx', '.通报.xlsx'));
        lines = disagreements(expected, got, code);
        // Round two: the ties settled in a 「决定」表.
        const second = lines.length === 0 ? decisionCaseOf(g, expected) : undefined;
        if (second) {
          decided++;
          const file2 = path.join(dir, 'b.xlsx');
          await writeAssessment(file2, second.g);
          stderr = '';
          const code2 = await main([file2], { stdout: { write: () => {} }, stderr: { write: (s) => (stderr += s) }, env: { NO_COLOR: '1' }, cwd: dir });
          if (code2 > 1) lines = [`with 决定: exit status ${code2}`];
          else {
            const got2 = await readStandings(file2.replace('.xlsx', '.通报.xlsx'));
            lines = disagreements(second.expected, got2, code2).map((l) => `with 决定: ${l}`);
          }
          if (lines.length > 0) { g = second.g; expected = second.expected; }
        }
      }
    } catch (e) {
      lines = [`crash: ${e.stack}`];
    }
    if (lines.length > 0) {
      failed++;
      console.log(verbose && g ? report(seed, g, expected, lines, stderr) : `seed ${seed}: ${lines.join(' | ')}${stderr ? `\n    stderr: ${stderr.split('\n').filter((l) => /^错误/.test(l)).slice(0, 3).join(' / ')}` : ''}`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`seeds with a 决定 round: ${decided}`);
  console.log(`seeds ${from}–${to}: ${failed} with disagreements, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
