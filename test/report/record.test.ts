import path from 'node:path';
import { loadInputs } from '../../src/cli/load.js';
import { assess } from '../../src/engine/assess.js';
import { buildRecord, entryTexts } from '../../src/report/record.js';
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
      const units = [...buildRecord(a, entries, META).eachUnit()];
      expect(units).toHaveLength(a.results.length);
      for (const u of units) {
        const want = order === 'missing' && u.unit === dropped ? {} : own(u.unit);
        expect([order, u.unit, u.entries]).toEqual([order, u.unit, { ...want, ...Object.fromEntries(Object.entries(u.entries).filter(([k]) => k.startsWith('决定 '))) }]);
      }
      expect(Object.keys(units.find((u) => u.unit !== dropped)!.entries).length).toBeGreaterThan(0);
    }
  });
});
