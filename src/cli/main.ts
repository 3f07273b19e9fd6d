import { Command, CommanderError } from 'commander';
import { error } from '../core/diagnostic.js';
import { ExitCode, exitCodeFor } from '../core/codes.js';
import { ScoreError } from '../core/errors.js';
import { visibleControls } from '../core/text.js';
import { systemFailure } from '../io/fs-errors.js';
import { packageVersion } from '../io/package-info.js';
import { colours, type Context } from './context.js';
import { example, HELP_CONFIG } from './help-words.js';
import { thisProcess } from './outputs.js';
import { printDiagnostics } from './print.js';
import { expandPatterns } from './globs.js';
import { commandTypo, withNearestFiles } from './typos.js';
import { writeDebug } from './debug.js';

// Each command's module (and with it zod, yaml, csv-parse…) is loaded only when that command
// runs: `score --help`, `--version` and a usage error cost Node and commander, not the whole tool.

const COMMANDER_MESSAGES: Record<string, (e: CommanderError) => string> = {
  'commander.unknownOption': (e) => `不认识的选项：${/'([^']+)'/.exec(e.message)?.[1] ?? e.message}`,
  'commander.unknownCommand': (e) => `不认识的命令：${/'([^']+)'/.exec(e.message)?.[1] ?? e.message}`,
  'commander.missingArgument': (e) => `缺少参数：${/'([^']+)'/.exec(e.message)?.[1] ?? ''}`,
  'commander.optionMissingArgument': (e) => `选项缺少取值：${/'([^']+)'/.exec(e.message)?.[1] ?? ''}`,
  'commander.excessArguments': () => '参数过多',
};

const ENCODING = ['--encoding <编码>', 'CSV 文件的编码（默认自动识别 UTF-8 或 GBK/GB18030），如 gb18030'] as const;
const NO_COLOR = ['--no-color', '不使用颜色'] as const;

/** A subcommand with the parts every one has: its usage line, Chinese help switch, and one example. */
function subcommand(program: Command, name: string, usage: string, lines: string[]): Command {
  return program.command(name).usage(usage).helpOption('-h, --help', '显示帮助').addHelpText('after', example(...lines));
}

function build(ctx: Context, setCode: (code: ExitCode) => void): Command {
  const program = new Command('score')
    .configureHelp(HELP_CONFIG)
    .usage('[选项] <工作簿…>  或  score <命令> [选项]')
    .description('绩效考评计分：读取指标体系和得分表，计算总分、排名、等次，生成通报。')
    .version(packageVersion(), '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s), outputError: () => undefined })
    .exitOverride()
    .showSuggestionAfterError(false)
    // `score check a.xlsx --indicators b.xlsx`: options after a command belong to that command.
    .enablePositionalOptions();
  program
    .argument('[工作簿...]', '得分工作簿（.xlsx），可内含方案和指标体系；也可以是 CSV，文件名即工作表名（如 得分表.csv）')
    .option('--scheme <文件>', '方案文件（YAML），代替工作簿中的「方案」表')
    .option('--indicators <文件>', '指标体系工作簿，代替工作簿中的「指标体系」表')
    .option('-o, --out <文件夹>', '输出文件夹（默认与第一个工作簿相同；不存在时新建）')
    .option('--compare <通报.xlsx>', '与指定的较早通报工作簿比较（默认与将被替换的通报比较）')
    .option('--feedback <文件夹>', '另为每个参评单位生成一份反馈单（<单位>.反馈单.xlsx，A4 打印），写入该文件夹')
    .option('-q, --quiet', '不在终端上显示进度')
    .option('--previous <通报.xlsx...>', '往年的通报工作簿（…通报.xlsx），用于方案 history 的连续几年规则和名次变化；放在命令的最后')
    .option(...ENCODING)
    .option(...NO_COLOR)
    .addHelpText('after', example('score samples/guannan-2009/annual.xlsx -o "2026 通报" --feedback 反馈单'))
    .action(async (given: string[], options) => {
      const files = expandPatterns(given, ctx.cwd);
      if (files.length === 0) {
        program.outputHelp();
        setCode(ExitCode.usage);
        return;
      }
      const typo = commandTypo(files, program.commands.map((c) => c.name()), ctx.cwd);
      if (typo) throw new ScoreError([typo]);
      const { runScore } = await import('./commands/score.js');
      setCode(await runScore(files, options, ctx));
    });
  subcommand(program, 'check', '[选项] <工作簿…>', ['score check annual.xlsx', 'score check annual.xlsx --all --json > 问题.json'])
    .summary('只检查，列出全部问题及位置')
    .description('只检查，不生成通报：列出全部问题及位置，有错误时退出码为 1。\n同一指标或同一部门的同类问题合为一行计数；--all 逐条列出。')
    .argument('<工作簿...>', '得分工作簿（.xlsx 或 CSV）')
    .option('--scheme <文件>', '方案文件（YAML）')
    .option('--indicators <文件>', '指标体系工作簿')
    .option(...ENCODING)
    .option('--all', '逐条列出全部问题，不合并')
    .option('--json', '以 JSON 输出全部问题（供脚本使用）')
    .option(...NO_COLOR)
    .action(async (files: string[], options) => setCode(await (await import('./commands/check.js')).runCheck(expandPatterns(files, ctx.cwd), options, ctx)));
  subcommand(program, 'init', '[文件夹] [--preset <样例>]', ['score init 2026年度 --preset zhengding'])
    .description('从样例生成新一年的起步文件：方案、指标体系、空白得分表（不覆盖已有文件）')
    .argument('[文件夹]', '输出文件夹（默认当前文件夹；不存在时新建）')
    .option('--preset <样例>', '照哪个样例起步：guannan-2009、zhengding、qitai、hang-1000、suqian、jiangsu-2013、budget-performance、guannan-sanzheng', 'guannan-2009')
    .action(async (dir: string | undefined, options) => setCode(await (await import('./commands/init.js')).runInit(dir, options, ctx)));
  subcommand(program, 'template', '[选项] <工作簿…>', ['score template 得分表.xlsx --scheme 方案.yaml --indicators 指标体系.xlsx --by-department -o 填报'])
    .summary('生成空白填报表（可按牵头部门分别生成）')
    .description('生成空白填报表：每个单位一行、每个末级指标一列，带填写说明和输入检查')
    .argument('<工作簿...>', '含「单位名单」的工作簿（可内含方案和指标体系）')
    .option('--scheme <文件>', '方案文件（YAML）')
    .option('--indicators <文件>', '指标体系工作簿')
    .option('--by-department', '按牵头部门分别生成，每个部门只含本部门的指标')
    .option('-o, --out <文件夹>', '输出文件夹（默认与第一个工作簿相同；不存在时新建）')
    .option('--force', '覆盖已有的同名填报表')
    .option(...ENCODING)
    .option(...NO_COLOR)
    .action(async (files: string[], options) => setCode(await (await import('./commands/template.js')).runTemplate(expandPatterns(files, ctx.cwd), options, ctx)));
  subcommand(program, 'merge', '[选项] <交回的表…>', ['score merge 交回/水利局.xlsx 交回/教育局.xlsx -o 合并得分表.xlsx'])
    .summary('合并各部门交回的填报表，冲突即报错，列出未填')
    .description('合并各部门交回的填报表：同一单元格填得不同即报错，不替您选择；列出未填的单元格')
    .argument('<交回的表...>', '交回的填报表（.xlsx 或 CSV）')
    .option('-o, --out <文件>', '合并结果（默认：第一个文件所在文件夹的「合并得分表.xlsx」；给出文件夹时写在其中）')
    .option('--scheme <文件>', '方案文件（YAML），代替填报表中携带的方案')
    .option('--indicators <文件>', '指标体系工作簿，代替填报表中携带的指标体系')
    .option(...ENCODING)
    .option(...NO_COLOR)
    .action(async (files: string[], options) => setCode(await (await import('./commands/merge.js')).runMerge(expandPatterns(files, ctx.cwd), options, ctx)));
  subcommand(program, 'batch', '[选项] <文件夹或工作簿…>', ['score batch 2026年度考评/ -o 通报'])
    .summary('一次计算多个独立的考评，逐个生成通报，最后汇总')
    .description('一次计算多个独立的考评：每个工作簿单独计算、单独生成通报；某个出错时继续计算其余的，最后列出汇总表。\n有工作簿未完成时退出码非 0。')
    .argument('<文件夹或工作簿...>', '工作簿，或含工作簿的文件夹')
    .option('-o, --out <文件夹>', '输出文件夹（默认与各工作簿相同；不存在时新建）')
    .option(...ENCODING)
    .option('--json', '以 JSON 输出汇总（供脚本使用）')
    .option(...NO_COLOR)
    .action(async (entries: string[], options) => setCode(await (await import('./commands/batch.js')).runBatch(expandPatterns(entries, ctx.cwd), options, ctx)));
  subcommand(program, 'diff', '[选项] <原通报.xlsx> <新通报.xlsx>', ['score diff 历史/annual.通报-20261201-093306/annual.通报.xlsx annual.通报.xlsx'])
    .summary('比较两次结果：哪些单位的总分、名次、等次变了，原因是什么')
    .description('比较两次计算结果（通报工作簿）：列出总分、名次、等次、荣誉或标记变化的单位及原因（哪个指标、扣分、加减分或否决变了，\n或只因其他单位变化），以及变化的输入文件和方案设置。')
    .argument('<原通报>', '较早的通报工作簿')
    .argument('<新通报>', '较新的通报工作簿')
    .option('--json', '以 JSON 输出（供脚本使用）')
    .option('--correction', '输出更正通报的文字（模板 templates/correction.txt）')
    .option(...NO_COLOR)
    .action(async (oldFile: string, newFile: string, options) => setCode(await (await import('./commands/diff.js')).runDiff(oldFile, newFile, options, ctx)));
  subcommand(program, 'explain', '[选项] <工作簿…> <单位>', ['score explain samples/guannan-2009/annual.xlsx 汤沟镇'])
    .summary('逐行说明一个单位的计算过程')
    .description('逐行说明一个单位的计算过程：各指标从原始数据到得分、各部分、加减分、四舍五入、名次、等次及其理由、与上一等次的差距')
    .argument('<工作簿和单位...>', '得分工作簿（可以有几个），最后一个参数是单位名称（也可以用简称或别名）')
    .option('--scheme <文件>', '方案文件（YAML）')
    .option('--indicators <文件>', '指标体系工作簿')
    .option(...ENCODING)
    .option('--json', '以 JSON 输出（供脚本使用；分数为精确值的字符串）')
    .option(...NO_COLOR)
    .action(async (args: string[], options) => setCode(await (await import('./commands/explain.js')).runExplain([...expandPatterns(args.slice(0, -1), ctx.cwd), ...args.slice(-1)], options, ctx)));
  return program;
}

/** The whole CLI. Returns the exit status; only bin/score.js hands it to the process. */
export async function main(argv: string[], ctx: Context = processContext()): Promise<number> {
  let code: ExitCode = ExitCode.ok;
  try {
    const program = build(ctx, (c) => (code = c));
    const unknown = unknownHelpTopic(program, argv);
    if (unknown !== undefined) {
      const usage = error('E_USAGE', {}, `用法错误：没有命令「${visibleControls(unknown)}」。可用的命令：${program.commands.map((c) => c.name()).join('、')}。`, '运行 score --help 查看用法。');
      printDiagnostics([usage], ctx.stderr, colours(ctx, ctx.stderr, !argv.includes('--no-color')));
      return exitCodeFor([usage]);
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    const err = colours(ctx, ctx.stderr, !argv.includes('--no-color'));
    if (e instanceof ScoreError) {
      printDiagnostics(withNearestFiles(e.diagnostics, ctx.cwd), ctx.stderr, err);
      writeDebug(ctx, e);
      return e.exitCode;
    }
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.ok;
      const usage = error('E_USAGE', {}, `用法错误：${visibleControls(COMMANDER_MESSAGES[e.code]?.(e) ?? e.message)}。`, '运行 score --help 查看用法。');
      printDiagnostics([usage], ctx.stderr, err);
      return exitCodeFor([usage]);
    }
    const system = systemFailure(e);
    if (system) {
      printDiagnostics(system.diagnostics, ctx.stderr, err);
      return system.exitCode;
    }
    const diag = error('E_INTERNAL', {}, `程序内部错误：${(e as Error).message}`, '这是 score 的缺陷，请把命令和输入文件反馈给维护者。');
    printDiagnostics([diag], ctx.stderr, err);
    if (ctx.env.SCORE_DEBUG) ctx.stderr.write(`${(e as Error).stack}\n`);
    return exitCodeFor([diag]);
  }
}

/** The commands' names, for rendering their help ahead (help-texts-source.ts). */
export function commandNames(): string[] {
  return build({ stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: '.' }, () => undefined).commands.map((c) => c.name());
}

/** `score help nonexist`: commander shows the general help and exits 0, which tells a script nothing went wrong. */
function unknownHelpTopic(program: Command, argv: readonly string[]): string | undefined {
  if (argv[0] !== 'help' || argv[1] === undefined) return undefined;
  return program.commands.some((c) => c.name() === argv[1] || c.aliases().includes(argv[1]!)) ? undefined : argv[1];
}

export function processContext(): Context {
  const ctx: Context = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), owner: thisProcess() };
  if (process.env.SCORE_TEST_PAUSE_BEFORE_COMMIT) ctx.beforeCommit = () => pauseForTests(ctx);
  return ctx;
}

/**
 * SCORE_TEST_PAUSE_BEFORE_COMMIT: the tests' handle on the moment between staging the outputs and
 * committing them. Says so on stderr and waits for a line (or the end) on stdin, so a test can
 * interrupt the run exactly there, without guessing at timing.
 */
async function pauseForTests(ctx: Context): Promise<void> {
  ctx.stderr.write('SCORE_PAUSED\n');
  await new Promise<void>((resolve) => {
    process.stdin.once('data', () => resolve());
    process.stdin.once('end', () => resolve());
    process.stdin.resume();
  });
  process.stdin.destroy();
}
