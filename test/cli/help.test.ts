import { runCli } from '../support/cli.js';

describe('help', () => {
  it('lists every command with a Chinese summary', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const line of [/check \[选项\] <工作簿…>\s+只检查/, /init \[文件夹\] \[--preset <样例>\]\s+从样例生成新一年的起步文件/, /template \[选项\] <工作簿…>\s+生成空白填报表/, /merge \[选项\] <交回的表…>\s+合并各部门交回的填报表/]) {
      expect(run.stdout).toMatch(line);
    }
  });

  it.each([['template', '--by-department'], ['merge', '-o, --out <文件>']])('score %s --help explains its options in Chinese', async (command, option) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('用法：');
    expect(run.stdout).toContain(option);
  });
});
