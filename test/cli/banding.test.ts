import { readFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { copySample, runCli } from '../support/cli.js';
import { columnOf, dumpSheet, editWorkbook, rowOf } from '../support/workbook.js';

/** A variant of the 灌南 sample with other band rules in its 方案 sheet, and optional edits. */
async function variant(schemeEdit: (yaml: string) => string, edit: (wb: ExcelJS.Workbook) => void = () => undefined): Promise<{ dir: string; file: string }> {
  const dir = copySample('guannan-2009');
  const file = path.join(dir, 'variant.xlsx');
  const yaml = schemeEdit(readFileSync(path.join(dir, 'scheme.yaml'), 'utf8')).replace(/\n$/, '').split('\n');
  await editWorkbook(path.join(dir, 'annual.xlsx'), file, (wb) => {
    const ws = wb.getWorksheet('方案')!;
    ws.eachRow((row) => (row.getCell(1).value = null));
    yaml.forEach((line, i) => (ws.getCell(i + 1, 1).value = line));
    edit(wb);
  });
  return { dir, file };
}

const quotaOf2 = (yaml: string): string => yaml.replace('    atLeast: 80\n', '    atLeast: 80\n    quota: {count: 2}\n');

async function ranking(dir: string): Promise<Map<unknown, unknown[]>> {
  return new Map((await dumpSheet(path.join(dir, 'variant.通报.xlsx'), '排名')).map((r) => [r[2], r]));
}

describe('score: ties at a quota cut', () => {
  // 部门: 人事局 95, 教育局 94.25, 财政局 92.5 … make 教育局 equal to 财政局 at the second place.
  const tie = (wb: ExcelJS.Workbook): void => {
    const ws = wb.getWorksheet('得分表')!;
    const cell = rowOf(ws, '教育局').getCell(columnOf(ws, /^A2/));
    cell.value = Number(cell.value) - 1.75;
  };

  it('writes the outputs, marks the tied units 待定, names them and exits 1', async () => {
    const { dir, file } = await variant(quotaOf2, tie);
    const run = await runCli([file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/.*类别「部门」「先进」还剩 1 个名额，教育局、财政局 总分同为 92\.50，方案未规定并列时如何取舍，需要人工研究决定[^\n]*（代码 E_TIE_UNDECIDED）/);
    const rows = await ranking(dir);
    expect(rows.get('人事局')?.[9]).toBe('先进');
    expect(rows.get('教育局')?.[9]).toBe('待定（先进或达标）');
    expect(rows.get('财政局')?.[9]).toBe('待定（先进或达标）');
    // The unit's deduction is cited after what the banding says (扣分明细).
    expect(rows.get('财政局')?.[10]).toBe('与教育局并列，待研究决定；扣分：D1 半年绩效材料迟报 1 分');
    const text = readFileSync(path.join(dir, 'variant.通报.txt'), 'utf8');
    expect(text).not.toMatch(/先进单位[^；]*教育局/);
    expect(run.stdout).toMatch(/待定\s*│ 0\s*│ 0\s*│ 2\s*│ 2/);
  });

  it('resolves the tie by the declared tie-break', async () => {
    const { dir, file } = await variant((y) => `${quotaOf2(y)}tieBreak: [内部绩效, 健全组织]\n`, tie);
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/.*教育局、财政局 总分同为 92\.50，按方案依次比较内部绩效、健全组织，\S+ 入选[^\n]*（代码 I_TIE_DECIDED）/);
    const rows = await ranking(dir);
    const bands = ['教育局', '财政局'].map((u) => rows.get(u)?.[9]).sort();
    expect(bands).toEqual(['先进', '达标']);
  });
});

describe('score: vetoes', () => {
  it('takes 先进 away from a vetoed unit and shows the reason', async () => {
    const { dir, file } = await variant(
      (y) => `${y}vetoes:\n  - name: 特大生产安全事故\n    effect: ineligible\n  - name: 失职渎职\n    effect: fail\n`,
      (wb) => {
        const ws = wb.addWorksheet('一票否决');
        ws.addRow(['单位名称', '否决事项', '说明']);
        ws.addRow(['新安镇', '特大生产安全事故', '县安委办通报〔2009〕3号']);
        ws.addRow(['人事局', '失职渎职', '县纪委处理决定']);
      });
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    const rows = await ranking(dir);
    expect(rows.get('新安镇')?.[9]).toBe('达标');
    expect(rows.get('新安镇')?.[10]).toBe('一票否决：特大生产安全事故（县安委办通报〔2009〕3号），取消评先资格');
    expect(rows.get('人事局')?.[9]).toBe('未达标');
    expect(readFileSync(path.join(dir, 'variant.通报.txt'), 'utf8')).toContain('未达标单位1个：人事局');
  });

  it('refuses a veto item the scheme does not name, suggesting the nearest', async () => {
    const { file } = await variant(
      (y) => `${y}vetoes:\n  - name: 特大生产安全事故\n    effect: ineligible\n`,
      (wb) => {
        const ws = wb.addWorksheet('一票否决');
        ws.addRow(['单位名称', '否决事项', '说明']);
        ws.addRow(['新安镇', '特大安全生产事故', '通报']);
      });
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\S+ 一票否决!B2：否决事项「特大安全生产事故」不是方案中的一票否决事项。[^\n]*（代码 E_UNKNOWN_VETO）\n\s+→ 是否应为：「特大生产安全事故」/);
  });
});

describe('score: an unknown tie-break part', () => {
  it('is reported at the tieBreak line of the scheme, with the parts to choose from', async () => {
    const { file } = await variant((y) => `${y}tieBreak: [指标评估]\n`);
    const lines = readFileSync(path.join(path.dirname(file), 'scheme.yaml'), 'utf8').split('\n').length; // the appended line
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file} 方案!A${lines} tieBreak：方案 tieBreak 中的「指标评估」不是一级指标。（代码 E_SCHEME_TIEBREAK）`);
    expect(run.stderr).toContain('一级指标：健全组织、内部绩效、网上绩效、材料报送、档案管理');
  });
});
