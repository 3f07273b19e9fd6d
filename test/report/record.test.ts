import path from 'node:path';
import { loadInputs } from '../../src/cli/load.js';
import { assess } from '../../src/engine/assess.js';
import { buildRecord, entryTexts, parseRecord, RECORD_FORMAT, storedRecord, unitFromStored, unitRecord, unitRecordText, type ResultRecord, type StoredUnitRecord, type UnitRecord } from '../../src/report/record.js';
import { copySample } from '../support/cli.js';
import { directBook } from '../support/direct-book.js';

// Issue 11: the record finds each unit's entries without a Map of every unit held through the
// writing (by their places in the roster); whatever their order, each unit's
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
      const units = [...buildRecord(a, entries, META).eachText()].map((t) => unitFromStored(JSON.parse(t) as StoredUnitRecord));
      expect(units).toHaveLength(a.results.length);
      for (const u of units) {
        const want = order === 'missing' && u.unit === dropped ? {} : own(u.unit);
        expect([order, u.unit, u.entries]).toEqual([order, u.unit, { ...want, ...Object.fromEntries(Object.entries(u.entries).filter(([k]) => k.startsWith('决定 '))) }]);
      }
      expect(Object.keys(units.find((u) => u.unit !== dropped)!.entries).length).toBeGreaterThan(0);
    }
    // Places in the roster far apart (found by a Map, not by place): the same records.
    const byPlace = [...buildRecord(a, orders.reversed, META).eachText()];
    for (const e of assembled.entries) e.unit.order = e.unit.order * 1_000_003 + 7;
    expect([...buildRecord(a, orders.reversed, META).eachText()]).toEqual(byPlace);
  });
});

describe('the record\'s JSON text (format 2)', () => {
  const SAMPLE_NAMES = ['zhengding', 'guannan-2009', 'guannan-sanzheng', 'suqian', 'jiangsu-2013', 'qitai', 'hang-1000', 'budget-performance'];
  async function assessed(sample: string) {
    const assembled = await loadInputs([path.join(copySample(sample), 'annual.xlsx')], {});
    const a = assess(assembled.scheme!, assembled.tree!, assembled.entries, { vetoes: assembled.vetoes, decisions: assembled.decisions, tieBreak: assembled.tieBreak });
    return { assembled, a };
  }

  // Written without making the record's objects: it must say what the record says, for every unit
  // of every sample (periods, raters, deductions, 加减分, 自评, vetoes, decisions), and read back as it.
  it.each(SAMPLE_NAMES)('reads back as the unit\'s record, and says what storing the record says (%s)', async (sample) => {
    const { assembled, a } = await assessed(sample);
    for (const r of a.results) {
      const e = assembled.entries.find((x) => x.unit === r.unit);
      const text = unitRecordText(r, a, e);
      const record = unitRecord(r, a, e);
      expect([r.unit.name, JSON.parse(text)]).toEqual([r.unit.name, storedRecord(record)]);
      expect([r.unit.name, unitFromStored(JSON.parse(text) as StoredUnitRecord)]).toEqual([r.unit.name, record]);
    }
  });

  it('stores each entered score once where the leaves are the 得分表 entries, and in full where they are not', async () => {
    const texts = (assembled: Awaited<ReturnType<typeof loadInputs>>, a: ReturnType<typeof assess>) => a.results.map((r) => {
      const e = assembled.entries.find((x) => x.unit === r.unit);
      return { text: unitRecordText(r, a, e), v1: JSON.stringify(unitRecord(r, a, e)) };
    });
    const { assembled, a: scored } = await directBook();
    const direct = texts(assembled, scored);
    expect(direct).toHaveLength(30);
    expect(direct.every((u) => (JSON.parse(u.text) as StoredUnitRecord).leaves === '得分表')).toBe(true);
    // Each entered score once (format 1 had it twice: as a leaf, and as 「得分表 A」).
    const count = (text: string, part: string): number => text.split(part).length - 1;
    for (const code of ['A', 'B', 'C']) {
      expect(direct.map((u) => [count(u.text, `"${code}":`), count(u.v1, `"${code}":`) + count(u.v1, `"得分表 ${code}":`)])).toEqual(direct.map(() => [1, 2]));
    }
    expect(direct.every((u) => u.text.length < u.v1.length)).toBe(true);
    // zhengding's leaves are worked out from what is entered: kept in full.
    const { assembled: z, a } = await assessed('zhengding');
    expect(texts(z, a).every((u) => typeof (JSON.parse(u.text) as StoredUnitRecord).leaves === 'object')).toBe(true);
  });

  it('a leaf that differs from its entry, or an entry with no leaf, keeps the leaves in full', async () => {
    const { assembled, a } = await directBook();
    const r = a.results[0]!;
    const e = assembled.entries.find((x) => x.unit === r.unit)!;
    const [first, second] = [...r.score.leaves];
    const changed = { ...r, score: { ...r.score, leaves: new Map([[first![0], second![1]], ...[...r.score.leaves].slice(1)]) } };
    const fewer = { ...r, score: { ...r.score, leaves: new Map([...r.score.leaves].slice(1)) } };
    for (const odd of [changed, fewer]) {
      const text = unitRecordText(odd, a, e);
      expect(typeof (JSON.parse(text) as StoredUnitRecord).leaves).toBe('object');
      expect(unitFromStored(JSON.parse(text) as StoredUnitRecord)).toEqual(unitRecord(odd, a, e));
    }
  });

  it('keys that are array indexes, and what a name or reason holds, come back as they were', async () => {
    const { assembled, a } = await assessed('zhengding');
    const r = a.results[0]!;
    const e = assembled.entries.find((x) => x.unit === r.unit)!;
    // Leaves coded 12 and 3: JSON puts them first, in numeric order, whatever the order made.
    const leaves = new Map([...r.score.leaves].slice(0, 2).concat([['12', r.score.total], ['3', r.score.exact]]));
    const odd = { ...r, unit: { ...r.unit, name: '"引号\\反斜杠\u0001\ud800' }, score: { ...r.score, leaves } };
    const text = unitRecordText(odd, a, e);
    expect(unitFromStored(JSON.parse(text) as StoredUnitRecord)).toEqual(unitRecord(odd, a, e));
    expect((JSON.parse(text) as StoredUnitRecord).unit).toBe('"引号\\反斜杠\u0001\ud800');
  });

  it('an entry key of any shape survives being grouped: no space, a space first, several spaces', () => {
    const base = { unit: '甲', category: '乡镇', rank: 1, band: '', honour: '', flags: [], total: '1', exact: '1', parts: [], vetoes: [] };
    const record: UnitRecord = { ...base, leaves: { A: '1' }, entries: { 得分表: 'x', ' 前导': 'y', '得分表（第 一 季度） A': '1', '加减分 加分「两 个」': '2（理由）', '得分表 A': '1' } };
    expect(unitFromStored(JSON.parse(JSON.stringify(storedRecord(record))) as StoredUnitRecord)).toEqual(record);
  });

  it('a 记录 of format 1 (earlier versions) is still read; one of a later format is refused', async () => {
    const { assembled, a } = await assessed('guannan-2009');
    const record = buildRecord(a, assembled.entries, META);
    const units = a.results.map((r) => unitRecord(r, a, assembled.entries.find((x) => x.unit === r.unit)));
    const meta = JSON.stringify({ format: 1, ...META, decimals: 2, excluded: [] });
    const v1 = parseRecord([['score-record', '1'], ['meta', meta], ...units.map((u) => ['unit', JSON.stringify(u)])]) as ResultRecord;
    expect(v1.units).toEqual(units);
    const v2 = parseRecord([['score-record', String(RECORD_FORMAT)], ['meta', meta], ...[...record.eachText()].map((t) => ['unit', t])]) as ResultRecord;
    expect(v2.units).toEqual(units);
    expect(parseRecord([['score-record', String(RECORD_FORMAT + 1)], ['meta', meta]])).toBe('记录由更新版本的 score 写入，请升级后再比较');
  });
});
