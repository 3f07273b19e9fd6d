import { firstPageColumns, fittedHeights, MIN_TYPE, pageSetup, printPlan, ROW_HEIGHT, sheetExtent } from '../../src/report/print-plan.js';
import { changesSheet, type RecordDiff } from '../../src/report/diff.js';
import { copiedSheet, wideSheet } from '../../src/forms/layout.js';
import type { CellModel, SheetModel } from '../../src/report/sheet-model.js';
import type { RawSheet } from '../../src/core/raw-sheet.js';
import type { Indicator, Unit } from '../../src/engine/model.js';
import { Rational } from '../../src/core/rational.js';

// Issue 13: the print decisions, looked at rendered with LibreOffice (test/support/render-pages.sh)
// and pinned here so that a change that prints worse fails.

const rows = (n: number, height = ROW_HEIGHT): { widths: number[]; height: number; repeated: number } =>
  ({ widths: [10, 10, 10, 10], height: ROW_HEIGHT + n * height, repeated: ROW_HEIGHT });

describe('print plan', () => {
  it('counts the rows of a streamed body of one height without making them, and fits each of the others', () => {
    const head: CellModel[] = [{ v: '单位', s: 'header' }];
    const sheet: SheetModel = {
      name: 't', rows: [head], merges: [], widths: [10], headerRows: 1,
      body: { count: 100_000, height: ROW_HEIGHT, rows: () => { throw new Error('a body of one height is not walked for the plan'); } },
      after: [[], [{ v: '注：'.repeat(30), s: 'note' }]],
    };
    const extent = sheetExtent(sheet);
    const note = fittedHeights({ ...sheet, body: undefined })[2]!;
    expect(note).toBeGreaterThan(ROW_HEIGHT);
    expect(extent.height).toBeCloseTo(ROW_HEIGHT + 100_000 * ROW_HEIGHT + ROW_HEIGHT + note, 6);
    expect(extent.repeated).toBe(ROW_HEIGHT);
  });

  it('fits each row of a body that fills one array again for every row (StreamedRows allows it)', () => {
    const long = '很长的说明'.repeat(10);
    const sheet: SheetModel = {
      name: 't', rows: [[{ v: '说明', s: 'header' }]], merges: [], widths: [12],
      body: {
        count: 3,
        *rows() {
          const cell: CellModel = { v: '', s: 'wrap' };
          const row = [cell];
          for (const v of ['短', long, '短']) {
            cell.v = v;
            yield row;
          }
        },
      },
    };
    const heights = fittedHeights(sheet);
    expect(heights[1]).toBe(ROW_HEIGHT);
    expect(heights[2]).toBeGreaterThan(3 * ROW_HEIGHT);
    expect(heights[3]).toBe(ROW_HEIGHT);
  });

  it('walks a body whose rows wrap, and fits each of them', () => {
    const long = '很长的说明'.repeat(10);
    const sheet: SheetModel = {
      name: 't', rows: [[{ v: '说明', s: 'header' }]], merges: [], widths: [12],
      body: { count: 2, rows: () => [[{ v: '短', s: 'wrap' }], [{ v: long, s: 'wrap' }]] },
    };
    const heights = fittedHeights(sheet);
    expect(heights[1]).toBe(ROW_HEIGHT);
    expect(heights[2]).toBeGreaterThan(3 * ROW_HEIGHT);
    expect(sheetExtent(sheet).height).toBeCloseTo(heights.reduce((a, h) => a + h, 0), 6);
  });

  it('turns a table on its side when upright would shrink the type and both take a page (qitai 排名: 9.9 pt upright, 11 pt on its side)', () => {
    // 15 units in columns 226 mm wide: upright shrinks to 0.8 (8.8 pt…), on its side it fits at full size.
    const widths = [8, 6, 14, 18, 12, 8, 10, 8, 36];
    const plan = printPlan({ widths, height: 30 + 15 * 17, repeated: 30 });
    expect(plan).toMatchObject({ landscape: true, fitToWidth: true, pages: { across: 1, down: 1 } });
    expect(plan.typeSize).toBeGreaterThanOrEqual(10);
  });

  it('keeps a narrow table upright, and a long narrow one upright because it takes fewer pages that way', () => {
    expect(printPlan(rows(20))).toMatchObject({ landscape: false, fitToWidth: true, fitToHeight: 0, typeSize: 11, pages: { down: 1 } });
    expect(printPlan(rows(40))).toMatchObject({ landscape: false, pages: { down: 1 } });
    expect(printPlan(rows(130))).toMatchObject({ landscape: false, typeSize: 11, pages: { down: 3 } });
  });

  it('shrinks a little to spare a page when a table runs a few rows over (never below 9 pt)', () => {
    // A4 upright holds 253.8 mm = 719 pt of rows: 50 rows of 14.25 pt and the header are 727 pt.
    const over = printPlan(rows(50));
    expect(over).toMatchObject({ landscape: false, fitToWidth: true, fitToHeight: 1, pages: { down: 1 } });
    expect(over.typeSize).toBeGreaterThanOrEqual(MIN_TYPE);
    expect(over.typeSize).toBeLessThan(11);
    // Twice a page is too far to shrink: it goes to two pages at full size.
    expect(printPlan(rows(80))).toMatchObject({ fitToHeight: 0, typeSize: 11, pages: { down: 2 } });
  });

  it('splits a table too wide for a page at the readable scale that takes the fewest pages', () => {
    // jiangsu-2013 指标得分: 30 units and a two-line note ran just over a page at 90 %, putting the note on a page of its own.
    const widths = [10, 22, ...Array(17).fill(12), 8];
    const plan = printPlan({ widths, height: 34 + 33 * ROW_HEIGHT + 49, repeated: 34 });
    expect(plan).toMatchObject({ landscape: true, fitToWidth: false, pages: { across: 2, down: 1 } });
    expect(plan.scale).toBeLessThan(90);
    expect(plan.typeSize).toBeGreaterThanOrEqual(MIN_TYPE);
    // Without that overflow the larger scale stays.
    expect(printPlan({ widths, height: 34 + 20 * ROW_HEIGHT, repeated: 34 }).scale).toBe(90);
  });

  it('counts the columns of the first page across of a split sheet', () => {
    const plan = printPlan(Array(30).fill(12));
    expect(plan.fitToWidth).toBe(false);
    // 266.5 mm across on its side, 239.9 mm with a tenth spare; a column of 12 is 23.5 mm, 21.2 mm at 90 %: 11 columns.
    expect(firstPageColumns(Array(30).fill(12), plan)).toBe(11);
    expect(firstPageColumns([10, 10], printPlan([10, 10]))).toBe(2);
  });
});

describe('page setup written for a sheet', () => {
  const table = (n: number, extra: Partial<SheetModel> = {}): SheetModel => ({
    name: '表', merges: [], widths: [10, 10, 10, 10], headerRows: 1,
    rows: [[{ v: '甲', s: 'header' }], ...Array.from({ length: n }, (): CellModel[] => [{ v: 1, s: 'score' }])], ...extra,
  });

  it('repeats the header, fits the width, spares a page, and sets a print area for forms', () => {
    expect(pageSetup(table(10))).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(pageSetup(table(52))).toMatchObject({ fitToPage: true, fitToHeight: 1 });
    expect(pageSetup(table(10, { printRows: 5 })).printArea).toBe('A$1:D$5');
    expect(pageSetup(table(10, { onePage: true }))).toMatchObject({ fitToPage: true, fitToHeight: 1 });
    expect(pageSetup(table(60, { onePage: true }))).toMatchObject({ fitToPage: true, fitToHeight: 1 });
    // zhengding's 说明 (its many indicators) went onto one page at 8 pt: two pages at a readable size instead.
    const long = printPlan({ ...sheetExtent(table(100, { onePage: true })), onePage: true });
    expect(long.typeSize).toBeGreaterThanOrEqual(MIN_TYPE);
    expect(pageSetup(table(100, { onePage: true })).fitToHeight).not.toBe(1);
  });

  it('repeats the key columns only when the sheet is split across pages', () => {
    expect(pageSetup(table(3, { keyColumns: 2 })).printTitlesColumn).toBeUndefined();
    const wide = pageSetup(table(3, { keyColumns: 2, widths: Array(30).fill(12) }));
    expect(wide).toMatchObject({ orientation: 'landscape', fitToPage: false, printTitlesColumn: 'A:B' });
  });

  it('measures the rows printed and those repeated, wrapped headers included', () => {
    const extent = sheetExtent(table(4, { rows: [[{ v: '一二三四五六七八九十一二三四五六七八九十', s: 'header' }], ...Array.from({ length: 4 }, (): CellModel[] => [{ v: 1 }])] }));
    expect(extent.repeated).toBeGreaterThan(ROW_HEIGHT);
    expect(extent.height).toBe(extent.repeated! + 4 * ROW_HEIGHT);
  });
});

describe('sheets laid out to print', () => {
  it('变更 has a page title, bordered rows that wrap, and its notes across the table', () => {
    const diff: RecordDiff = {
      units: [{ status: 'changed', category: '乡镇', unit: '汤沟镇', total: ['68.33', '72.33'], causes: ['得分表 C2：6 → 10'], byOthers: false }],
      inputs: [{ name: 'annual.xlsx', change: '修改' }], scheme: [], counts: { band: 0, rank: 0, total: 1, honour: 0, flags: 0, added: 0, removed: 0 },
    };
    const sheet = changesSheet(diff, 'annual.通报.xlsx', '某县考评');
    expect(sheet.title).toBe('某县考评 结果变更');
    expect(sheet.rows[1]!.map((c) => c?.s)).toEqual(['body', 'body', 'wrap', 'wrap']);
    const note = sheet.rows.findIndex((r) => String(r[0]?.v ?? '').startsWith('与「annual.通报.xlsx」比较'));
    expect(sheet.merges).toContainEqual({ top: note + 1, left: 1, bottom: note + 1, right: 4 });
    expect(sheet.widths[0]).toBeLessThanOrEqual(12);
  });

  it('a copied sheet (单位名单, a starter 得分表) prints with its title across, its header repeated and every row ruled', () => {
    const raw: RawSheet = { name: '得分表', rows: [
      { number: 1, values: ['全县乡科级单位2009年绩效管理组织工作评估得分表'] },
      { number: 2, values: ['单位名称', '类别', 'A1 领导小组'] },
      { number: 3, values: ['新安镇', '乡镇'] },
    ] } as RawSheet;
    const sheet = copiedSheet('得分表', raw);
    expect(sheet.title).toBe('得分表');
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(sheet.printTitleRows).toEqual([1, 2]);
    expect(sheet.rows[1]!.map((c) => c?.s)).toEqual(['header', 'header', 'header']);
    expect(sheet.rows[2]!.map((c) => c?.s)).toEqual(['body', 'body', 'body']);
    // The title does not widen column A (it took 40 characters and pushed the table onto two pages).
    expect(sheet.widths[0]).toBeLessThan(12);
  });

  it('a form too wide for a page has its title over the first page\'s columns only, so the column break does not cut it', () => {
    const leaf = (i: number): Indicator => ({ code: `A${i}`, path: ['一级', `指标名称较长的第${i}项`], level: 2, method: 'direct', points: Rational.of(10), params: {}, department: '', children: [] } as unknown as Indicator);
    const units = Array.from({ length: 30 }, (_, i): Unit => ({ name: `单位${i}`, category: '部门' } as Unit));
    const sheet = wideSheet({ name: '得分表', title: '2013年度省级机关绩效考评 得分表', kind: 'scores', leaves: Array.from({ length: 16 }, (_, i) => leaf(i)), units, form: true });
    const plan = printPlan(sheetExtent(sheet));
    expect(plan.fitToWidth).toBe(false);
    const across = firstPageColumns(sheet.widths, plan);
    expect(across).toBeLessThan(sheet.widths.length);
    expect(sheet.merges[0]).toEqual({ top: 1, left: 1, bottom: 1, right: across });
    // The header row grows with its wrapped lines: at a fixed 48 pt, 「（0—25 分）」 wrapped and pushed the code above the row.
    expect(fittedHeights(sheet)[1]).toBeGreaterThan(48);
  });
});
