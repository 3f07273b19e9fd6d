// Writes a synthetic score workbook of N units × K direct indicators (streaming, so any size fits),
// in the project's documented layout: 方案 (YAML, one line a row), 指标体系 (5 parts of 20 points, the
// indicators spread over them, 评分方法 direct), 单位名单 (units in 3 categories in turn) and 得分表
// (each value 50–100 % of its indicator's 分值, two decimals, from a fixed-seed generator: the same
// workbook every time). Used by bench/run.js; bench/baseline.js relies on these sheet names and headers.
import ExcelJS from 'exceljs';

export async function makeWorkbook(file, units, indicators) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const categories = ['乡镇', '园区', '部门'];
  const per = 100 / indicators;
  const scheme = wb.addWorksheet('方案');
  [
    'name: 基准测试', 'fullMarks: 100', `categories: [${categories.join(', ')}]`,
    'bands:', '  - name: 优秀', '    atLeast: 90', '  - name: 良好', '    atLeast: 80', '  - name: 合格', '    atLeast: 60', '  - name: 不合格',
  ].forEach((line) => scheme.addRow([line]).commit());
  scheme.commit();
  const ind = wb.addWorksheet('指标体系');
  ind.addRow(['编码', '一级指标', '二级指标', '分值', '评分方法']).commit();
  const parts = 5;
  for (let p = 0; p < parts; p++) {
    ind.addRow([`P${p}`, `部分${p}`, null, (100 / parts), null]).commit();
    for (let k = p; k < indicators; k += parts) ind.addRow([`I${k}`, `部分${p}`, `指标${k}`, per, 'direct']).commit();
  }
  ind.commit();
  const roster = wb.addWorksheet('单位名单');
  roster.addRow(['单位名称', '类别']).commit();
  for (let u = 0; u < units; u++) roster.addRow([`单位${u}`, categories[u % 3]]).commit();
  roster.commit();
  const scores = wb.addWorksheet('得分表');
  scores.addRow(['单位名称', ...Array.from({ length: indicators }, (_, k) => `I${k}`)]).commit();
  let seed = 1;
  for (let u = 0; u < units; u++) {
    const row = [`单位${u}`];
    for (let k = 0; k < indicators; k++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      row.push(Math.round((per * (0.5 + (seed % 1000) / 2000)) * 100) / 100);
    }
    scores.addRow(row).commit();
  }
  scores.commit();
  await wb.commit();
}
