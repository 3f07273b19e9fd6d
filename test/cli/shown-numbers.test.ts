import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { dumpSheet, writeBook } from '../support/workbook.js';

// Issue 9: every number a person reads carries at most the scheme's decimals, or a short exact form.

const SCHEME = `name: 显示
categories: [部门]
rounding:
  decimals: 2
bands:
  - name: 合格
    atLeast: 60
  - name: 不合格
adjustments:
  deduction:
    items:
      - {name: 督查, cap: 0.5}
      - {name: 投诉}
    sources:
      - {name: 督查室, cap: 2}
`;

/** Digits after the point in every decimal number of a text; 14/3 and 0.67 are fine, 4.666… is not. */
function longTails(text: string, decimals: number): string[] {
  return [...text.matchAll(/\d+\.(\d+)/g)].filter((m) => m[1]!.length > decimals).map((m) => m[0]);
}

describe('numbers shown to people', () => {
  let dir: string;
  let file: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    dir = tempDir();
    // 一局: C ratio 10 × 20/30 = 20/3; raters (7 + 7 + 7)/3 = 7; 督查室 gives 1 (督查) + 2 (投诉) = 3, capped at 2,
    // so 督查 counts 1 × 2/3 = 2/3 and is then capped at 0.5, 投诉 counts 4/3: deduction 0.5 + 4/3 = 11/6.
    file = await writeBook(path.join(dir, 'shown.xlsx'), {
      方案: SCHEME,
      指标体系: [['编码', '一级指标', '分值', '评分方法', '参数'], ['C', '甲', 10, 'ratio', '目标值=30'], ['R', '乙', 10, 'raters', null], ['D', '丙', 80, 'direct', null]],
      单位名单: [['单位名称', '类别'], ['一局', '部门'], ['二局', '部门']],
      得分表: [['单位名称', 'C', 'D'], ['一局', 20, 70], ['二局', 30, 70]],
      评议: [['单位名称', '指标编码', '评分人', '分数'], ['一局', 'R', '甲', 7], ['一局', 'R', '乙', 7], ['一局', 'R', '丙', 7], ['二局', 'R', '甲', 9], ['二局', 'R', '乙', 9], ['二局', 'R', '丙', 9]],
      加减分: [['单位名称', '类型', '项目', '分值', '事由', '依据', '来源'], ['一局', '减分', '督查', 1, '迟报', '督查通报1号', '督查室'], ['一局', '减分', '投诉', 2, '投诉属实', '督查通报2号', '督查室']],
    });
    run = await runCli([file]);
  });

  it('publishes the exact total rounded once: 20/3 + 7 + 70 − 11/6 = 491/6 → 81.83', async () => {
    expect(run.code).toBe(0);
    const rows = new Map((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名')).map((r) => [r[2], r]));
    expect(rows.get('一局')?.slice(3, 9)).toEqual([6.67, 7, 70, 1.83, 81.83, '合格']);
  });

  it('writes rounded figures with their short exact form in notes, never a long tail', async () => {
    const rows = new Map((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名')).map((r) => [r[2], r]));
    expect(rows.get('一局')?.[9]).toBe('来源「督查室」的减分 3 分，超过上限 2 分，按 2 分计；减分项目「督查」 0.67（精确值 2/3） 分，超过上限 0.5 分，按 0.5 分计');
    const adjustments = await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '加减分核算');
    expect(adjustments.find((r) => r[2] === '减分小计')?.slice(4, 6)).toEqual([1.83, '合计 3，封顶后 1.83（精确值 11/6）']);
  });

  it('notes once where the published parts do not add up to the published total', async () => {
    // 6.67 + 7 + 70 − 1.83 = 81.84, one hundredth above the published 81.83; 二局's figures add up.
    const ranking = await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名');
    const notes = ranking.filter((r) => typeof r[0] === 'string' && r[0].startsWith('注：'));
    expect(notes).toHaveLength(1);
    expect(notes[0]![0]).toContain('一局');
    expect(notes[0]![0]).not.toContain('二局');
  });

  it('leaves no number with more than two decimals in any sheet, the notice or the messages', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.replace('.xlsx', '.通报.xlsx'));
    const seen: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'number') seen.push(...longTails(String(cell.value), 2).map((t) => `${ws.name}!${cell.address} ${t}`));
      if (typeof cell.value === 'string') seen.push(...longTails(cell.value, 2).map((t) => `${ws.name}!${cell.address} ${t}`));
    })));
    seen.push(...longTails(readFileSync(file.replace('.xlsx', '.通报.txt'), 'utf8'), 2), ...longTails(run.stdout + run.stderr, 2));
    expect(seen).toEqual([]);
  });
});
