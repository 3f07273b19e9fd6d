import path from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { dumpSheet, writeBook } from '../support/workbook.js';

// docs/scheme.md「末位标记（flags）」: under bandBasis: percent, atMost/under are percentages of full marks, like the bands.
const scheme = (basis: string, flags: string): string => `name: 末位标记
fullMarks: 1000
categories: [部门]
bandBasis: ${basis}
bands:
  - name: 优秀
    atLeast: ${basis === 'percent' ? 90 : 900}
  - name: 合格
    atLeast: ${basis === 'percent' ? 60 : 600}
  - name: 不合格
flags:
${flags}`;

async function flagsOf(basis: string, flags: string): Promise<Map<unknown, unknown>> {
  const file = await writeBook(path.join(tempDir(), 'f.xlsx'), {
    方案: scheme(basis, flags),
    指标体系: [['编码', '一级指标', '分值'], ['A', '工作', 1000]],
    单位名单: [['单位名称', '类别'], ['甲局', '部门'], ['乙局', '部门'], ['丙局', '部门'], ['丁局', '部门']],
    得分表: [['单位名称', 'A'], ['甲局', 950], ['乙局', 700], ['丙局', 590], ['丁局', 550]],
  });
  const run = await runCli([file]);
  expect(run.code).toBe(0);
  return new Map((await dumpSheet(file.replace('.xlsx', '.通报.xlsx'), '排名')).map((r) => [r[2], r[6]]));
}

describe('flag thresholds follow bandBasis', () => {
  it('under bandBasis: percent, under: 60 means under 60% of full marks (590 of 1000 is 59%)', async () => {
    const flags = await flagsOf('percent', '  - {name: 通报批评, bottom: 3, under: 60}\n  - {name: 约谈, bottom: 3, atMost: 70}\n');
    expect(['甲局', '乙局', '丙局', '丁局'].map((u) => flags.get(u))).toEqual(['', '约谈', '通报批评、约谈', '通报批评、约谈']);
  });

  it('under bandBasis: score, they are points', async () => {
    const flags = await flagsOf('score', '  - {name: 通报批评, bottom: 3, under: 600}\n');
    expect(['甲局', '乙局', '丙局', '丁局'].map((u) => flags.get(u))).toEqual(['', '', '通报批评', '通报批评']);
  });
});
