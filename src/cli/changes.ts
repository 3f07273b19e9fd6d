import Table from 'cli-table3';
import { causeText, movedText, summaryLine, type RecordDiff } from '../report/diff.js';

/** Most units listed on screen; the 变更 sheet has them all. */
const SHOWN = 30;

/**
 * What a re-run changed, for the terminal: one summary line, then the units whose band, rank,
 * honour, flags or total moved, with the cause (the sheet and code of the entry that changed, or others).
 */
export function changesReport(d: RecordDiff, against: string, colour: boolean): string {
  const lines = [`与${against}相比：${summaryLine(d)}`];
  const noun = d.noun ?? '单位';
  // Band and rank changes first, then totals: a corrected cell is named even when its unit kept its place.
  const weight = (u: (typeof d.units)[number]): number => (u.status !== 'changed' || u.band ? 0 : u.rank || u.honour || u.flags ? 1 : 2);
  const moved = d.units.filter((u) => u.status !== 'changed' || u.band || u.rank || u.honour || u.flags || u.total).sort((x, y) => weight(x) - weight(y));
  if (moved.length > 0) {
    const table = new Table({ head: [noun, '类别', '变化', '原因'], style: colour ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] }, wordWrap: true, colWidths: [null, null, 40, 50] as unknown as number[] });
    for (const u of moved.slice(0, SHOWN)) table.push([u.unit, u.category, movedText(u), causeText(u, noun) || '—']);
    lines.push(table.toString());
    if (moved.length > SHOWN) lines.push(`另有 ${moved.length - SHOWN} 个${noun}，详见通报工作簿的「变更」表。`);
  }
  for (const s of d.scheme.slice(0, 10)) lines.push(`方案：${s}`);
  return `${lines.join('\n')}\n`;
}
