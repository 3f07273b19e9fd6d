import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The workbooks a batch scores: each file named, and in each folder named its .xlsx/.xlsm/.csv
 * files (not our own outputs, not Excel's ~$ lock files, not the 历史 folder), by name.
 */
export async function findWorkbooks(entries: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const entry of entries) {
    const info = await stat(entry).catch(() => undefined);
    if (!info) missing.push(entry);
    else if (info.isDirectory()) {
      const names = (await readdir(entry)).filter((n) => /\.(xlsx|xlsm|csv)$/i.test(n) && !/\.(通报|反馈单)\.xlsx$/.test(n) && !n.startsWith('~$') && !n.startsWith('.'));
      files.push(...names.sort((a, b) => a.localeCompare(b, 'zh-CN')).map((n) => path.join(entry, n)));
    } else files.push(entry);
  }
  return { files, missing };
}
