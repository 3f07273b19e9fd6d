import path from 'node:path';
import { loadInputs } from '../../src/cli/load.js';
import { assess } from '../../src/engine/assess.js';
import { buildRecord, entryTexts, unitRecord, unitRecordText, type UnitRecord } from '../../src/report/record.js';
import { copySample } from '../support/cli.js';

// Issue 11: the record finds each unit's entries without a Map of every unit held through the
// writing (by halving, the entries being in roster order); whatever their order, each unit's
// record must carry its own entries, and a unit without entries none.

const META = { tool: 'test', scheme: { name: 's', sha256: '0', settings: {} }, inputs: [] };

describe('the record of each unit', () => {
  it.each(['zhengding', 'guannan-sanzheng'])('carries the unit\'s own entries, the entries in roster order or not (%s)', async (sample) => {
    const assembled = await loadInputs([path.join(copySample(sample), 'annual.xlsx')], {});
    const a = assess(assembled.scheme!, assembled.tree!, assembled.entries, { vetoes: assembled.vetoes, tieBreak: assembled.tieBreak });
    const own = (unit: string) => entryTexts(assembled.entries.find((e) => e.unit.name === unit));
    const dropped = assembled.entries[Math.floor(assembled.entries.length / 2)]!.unit.name;
    const orders = {
      roster: assembled.entries,
      reversed: [...assembled.entries].reverse(),
      // A unit without entries (as one with nothing to score in a year's sheet): its record has none.
      missing: assembled.entries.filter((e) => e.unit.name !== dropped),
    };
    for (const [order, entries] of Object.entries(orders)) {
      const units = [...buildRecord(a, entries, META).eachText()].map((t) => JSON.parse(t) as UnitRecord);
      expect(units).toHaveLength(a.results.length);
      for (const u of units) {
        const want = order === 'missing' && u.unit === dropped ? {} : own(u.unit);
        expect([order, u.unit, u.entries]).toEqual([order, u.unit, { ...want, ...Object.fromEntries(Object.entries(u.entries).filter(([k]) => k.startsWith('决定 '))) }]);
      }
      expect(Object.keys(units.find((u) => u.unit !== dropped)!.entries).length).toBeGreaterThan(0);
    }
  });
});

describe('the record\'s JSON text', () => {
  // Written without making the record's objects: it must be the very text JSON.stringify gives of
  // them, for every unit of every sample (periods, raters, deductions, 加减分, 自评, vetoes, decisions).
  it.each(['zhengding', 'guannan-2009', 'guannan-sanzheng', 'suqian', 'jiangsu-2013', 'qitai', 'hang-1000', 'budget-performance'])('is JSON.stringify of the record, unit by unit (%s)', async (sample) => {
    const assembled = await loadInputs([path.join(copySample(sample), 'annual.xlsx')], {});
    const a = assess(assembled.scheme!, assembled.tree!, assembled.entries, { vetoes: assembled.vetoes, decisions: assembled.decisions, tieBreak: assembled.tieBreak });
    for (const r of a.results) {
      const e = assembled.entries.find((x) => x.unit === r.unit);
      expect([r.unit.name, unitRecordText(r, a, e)]).toEqual([r.unit.name, JSON.stringify(unitRecord(r, a, e))]);
    }
  });

  it('keeps JSON\'s order of keys that are array indexes, and escapes what a name or reason holds', async () => {
    const assembled = await loadInputs([path.join(copySample('zhengding'), 'annual.xlsx')], {});
    const a = assess(assembled.scheme!, assembled.tree!, assembled.entries, { vetoes: assembled.vetoes, tieBreak: assembled.tieBreak });
    const r = a.results[0]!;
    const e = assembled.entries.find((x) => x.unit === r.unit)!;
    // Leaves coded 12 and 3: JSON.stringify puts them first, in numeric order, whatever the order made.
    const leaves = new Map([...r.score.leaves].slice(0, 2).concat([['12', r.score.total], ['3', r.score.exact]]));
    const odd = { ...r, unit: { ...r.unit, name: '"引号\\反斜杠\u0001\ud800' }, score: { ...r.score, leaves } };
    const text = unitRecordText(odd, a, e);
    expect(text).toBe(JSON.stringify(unitRecord(odd, a, e)));
    expect(Object.keys((JSON.parse(text) as UnitRecord).leaves).slice(0, 2)).toEqual(['3', '12']);
  });
});
