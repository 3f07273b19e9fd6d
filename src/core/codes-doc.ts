import { CODES, ExitCode, type CodeInfo } from './codes.js';
import { SEVERITY_LABEL } from './diagnostic.js';

const EXIT_WORDS: Record<ExitCode, string> = {
  [ExitCode.ok]: '成功（只有警告或提示）',
  [ExitCode.dataProblems]: '数据有问题',
  [ExitCode.usage]: '用法或方案错误',
  [ExitCode.unreadable]: '文件无法读取或写入',
  [ExitCode.internal]: '程序内部错误',
};

function row(code: string, info: CodeInfo): string {
  const meaning = info.where === 'none' ? `${info.meaning}（不指向文件）` : info.meaning;
  return `| \`${code}\` | ${SEVERITY_LABEL[info.severity]} | ${info.exit} | ${meaning} |`;
}

/** docs/diagnostics.md, written from the registry by `npm run docs:codes`; a test keeps the two in step. */
export function codesDoc(): string {
  return [
    '# 问题代码',
    '',
    '<!-- 由 `npm run docs:codes` 从 src/core/codes.ts 生成，请勿手工修改。 -->',
    '',
    '`score` 报告的每一个问题都带一个代码，屏幕上、`score check --json` 和通报工作簿的「问题」表中都有。',
    '除下表注明「不指向文件」的以外，每个问题都指出所在的文件，以及工作表和单元格（或方案的行）。',
    '',
    '一次运行的退出码取所有「错误」中退出码最大的一个；只有警告和提示时为 0：',
    '',
    '| 退出码 | 含义 |',
    '| --- | --- |',
    ...Object.entries(EXIT_WORDS).map(([exit, words]) => `| ${exit} | ${words} |`),
    '',
    '| 代码 | 级别 | 退出码 | 含义 |',
    '| --- | --- | --- | --- |',
    ...Object.entries(CODES).map(([code, info]) => row(code, info)),
    '',
  ].join('\n');
}
