import ExcelJS from 'exceljs';

export type DumpValue = string | number | boolean | null;

/**
 * A sheet as rows of plain values, for golden comparisons: the value of a merged range appears
 * in its master cell only (exceljs repeats it in every cell of the range).
 */
export async function dumpSheet(file: string, sheetName: string): Promise<DumpValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet ${sheetName} in ${file}`);
  const rows: DumpValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: DumpValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      const v = cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
      row.push(v === undefined ? null : (v as DumpValue));
    }
    rows.push(row);
  }
  return rows;
}

/** Copies a workbook with some cells changed: the way a test makes a variant of a sample. */
export async function editWorkbook(source: string, target: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  edit(wb);
  await wb.xlsx.writeFile(target);
}

/** The row of a unit in a sheet whose column A holds unit names. */
export function rowOf(ws: ExcelJS.Worksheet, unit: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).text.replace(/\s/g, '') === unit) found = row;
  });
  if (!found) throw new Error(`no row for ${unit} in ${ws.name}`);
  return found;
}

/** The column number of a header text (first match in the first rows). */
export function columnOf(ws: ExcelJS.Worksheet, header: RegExp): number {
  for (let r = 1; r <= 5; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= ws.columnCount; c++) if (header.test(row.getCell(c).text)) return c;
  }
  throw new Error(`no column ${header} in ${ws.name}`);
}

export type Rows = (string | number | null)[][];

/** Writes a workbook whose sheets are given as rows of values; a string holding YAML goes one line a row. */
export async function writeBook(file: string, sheets: Record<string, Rows | string>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, content] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    const rows: Rows = typeof content === 'string' ? content.replace(/\n$/, '').split('\n').map((line) => [line]) : content;
    rows.forEach((row) => ws.addRow(row));
  }
  await wb.xlsx.writeFile(file);
  return file;
}
