import path from 'node:path';
import { copySample, runCli } from '../support/cli.js';
import { dumpSheet, editWorkbook, type DumpValue } from '../support/workbook.js';

/** The 通报 workbook's 扣分明细: every deduction row of the input, with its reason, evidence and cell. */

type Row = DumpValue[];

/** The input's deduction rows of the named sheets as [unit, code, points, reason, evidence, sheet!cell]. */
async function inputRows(file: string, sheets: string[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const sheet of sheets) {
    const rows = await dumpSheet(file, sheet);
    const head = rows[0]!.map(String);
    const col = (name: string): number => head.indexOf(name);
    rows.slice(1).forEach((r, i) => {
      if (r.every((v) => v === null)) return;
      const quoted = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet}'`;
      out.push([String(r[col('单位名称')]), String(r[col('指标编码')]), String(r[col('扣分')]), String(r[col('扣分原因')]),
        col('依据') >= 0 ? String(r[col('依据')] ?? '') : '', `${quoted}!C${i + 2}`]);
    });
  }
  return out.sort();
}

/** The output's 扣分明细 rows in the same shape. */
function outputRows(rows: Row[]): string[][] {
  const head = rows[0]!.map(String);
  const col = (name: string): number => head.indexOf(name);
  return rows.slice(1).map((r) => [String(r[col('单位名称')]), String(r[col('指标编码')]), String(r[col('扣分')]), String(r[col('扣分原因')]),
    String(r[col('依据')] ?? ''), String(r[col('来源')]).replace(/^annual\.xlsx /, '')]).sort();
}

describe('扣分明细 in the 通报 workbook', () => {
  it('holds exactly the input deduction rows of 灌南, each citing its cell, and 排名 cites them briefly', async () => {
    const dir = copySample('guannan-2009');
    const file = path.join(dir, 'annual.xlsx');
    // One deduction with its evidence, as a clerk would add it.
    await editWorkbook(file, file, (wb) => {
      const ws = wb.getWorksheet('扣分明细')!;
      ws.getCell('E1').value = '依据';
      ws.getCell('E21').value = '县绩效办督查通报〔2009〕3号';
    });
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    const out = path.join(dir, 'annual.通报.xlsx');
    const detail = await dumpSheet(out, '扣分明细');
    expect(detail[0]).toEqual(['类别', '单位名称', '指标编码', '指标名称', '扣分', '扣分原因', '依据', '来源']);
    expect(outputRows(detail)).toEqual(await inputRows(file, ['扣分明细']));
    expect(detail.find((r) => r[1] === '汤沟镇' && r[2] === 'D1')).toEqual(['乡镇', '汤沟镇', 'D1', '按时准确报送', 1, '半年绩效材料迟报', '县绩效办督查通报〔2009〕3号', 'annual.xlsx 扣分明细!C21']);
    const ranking = new Map((await dumpSheet(out, '排名')).map((r) => [r[2], r]));
    expect(ranking.get('汤沟镇')!.at(-1)).toBe('扣分：D1 半年绩效材料迟报 1 分；E1 档案分类不规范 0.5 分');
  });

  it('lists 正定\'s deductions of every period sheet, and keeps a long list short in 说明', async () => {
    const dir = copySample('zhengding');
    const file = path.join(dir, 'annual.xlsx');
    const run = await runCli([file]);
    expect(run.code).toBe(0);
    const out = path.join(dir, 'annual.通报.xlsx');
    const detail = await dumpSheet(out, '扣分明细');
    expect(detail[0]).toContain('期次');
    expect(outputRows(detail)).toEqual(await inputRows(file, ['扣分明细', '扣分明细（中期）', '扣分明细（年终）']));
    const ranking = new Map((await dumpSheet(out, '排名')).map((r) => [r[2], r]));
    const remark = String(ranking.get('北早现乡')!.at(-1));
    expect(remark).toBe('扣分：Z22（中期）安全生产检查发现问题 4 分；Z22（中期）信访积案未按期化解 4 分 等 10 项，见「扣分明细」');
    expect(String(ranking.get('城管局')!.at(-1))).toBe('扣分：G12 安全生产检查发现问题 1.5 分');
    // A remark that was there before stays first and whole.
    expect(ranking.get('新城铺镇')!.at(-1)).toBe('加分合计 5 分，超过上限 4 分，按 4 分计');
  });

  it('is left out where no indicator is scored by deduction (千分制 杭)', async () => {
    const dir = copySample('hang-1000');
    expect((await runCli([path.join(dir, 'annual.xlsx')])).code).toBe(0);
    await expect(dumpSheet(path.join(dir, 'annual.通报.xlsx'), '扣分明细')).rejects.toThrow(/no sheet/);
  });
});
