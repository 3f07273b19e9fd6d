// The workbook a sample generator builds: the 方案 sheet from the sample's scheme.yaml (one line
// a row), sheets added from rows, a fixed date so a regenerated file holds the same data.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

export function sampleBook(dir, date) {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = date;
  const sheet = (name, rows) => {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
    return ws;
  };
  sheet('方案', readFileSync(new URL('scheme.yaml', dir), 'utf8').replace(/\n$/, '').split('\n').map((l) => [l])).getColumn(1).width = 100;
  return { sheet, save: () => wb.xlsx.writeFile(new URL('annual.xlsx', dir).pathname) };
}
