// Lowers one score in a copy of a sample's workbook (the first positive number in a 得分表 sheet
// past the name columns), so that a second run has a 变更 sheet to print: node lower-score.mjs <book>.
import ExcelJS from 'exceljs';

const file = process.argv[2];
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(file);
let done = false;
for (const ws of wb.worksheets.filter((w) => w.name.startsWith('得分表'))) {
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (done || r < 2 || c < 2 || typeof cell.value !== 'number' || cell.value <= 1) return;
      cell.value = Math.floor(cell.value) - 1;
      done = true;
    });
  });
  if (done) break;
}
if (!done) throw new Error(`${file}：得分表中没有可改的分数`);
await wb.xlsx.writeFile(file);
