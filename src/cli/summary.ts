import Table from 'cli-table3';
import type { Assessment, UnitResult } from '../engine/assess.js';
import { allBands } from '../report/wording.js';

/** Counts per band and category, the first thing a clerk checks against expectations. */
export function summaryTable(a: Assessment, colour: boolean): string {
  const { categories } = a.scheme;
  const table = new Table({
    head: ['等次', ...categories, '合计'],
    style: colour ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
  });
  const row = (label: string, test: (r: UnitResult) => boolean): void => {
    const counts = categories.map((c) => a.results.filter((r) => test(r) && r.unit.category === c).length);
    table.push([label, ...counts.map(String), String(counts.reduce((x, y) => x + y, 0))]);
  };
  for (const band of allBands(a.scheme)) row(band.name, (r) => r.band === band.name);
  if (a.results.some((r) => r.pending)) row('待定', (r) => r.pending !== undefined);
  const totals = categories.map((c) => a.results.filter((r) => r.unit.category === c).length);
  table.push(['合计', ...totals.map(String), String(a.results.length)]);
  return table.toString();
}

/** The units that did not take part, named under the table: a clerk counting the roster finds them here. */
export function excludedLine(a: Assessment): string {
  if (a.excluded.length === 0) return '';
  const note = a.scheme.excluded.note ? `（${a.scheme.excluded.note}）` : '';
  return `不参与评比 ${a.excluded.length} 个${note}：${a.excluded.join('、')}\n`;
}
