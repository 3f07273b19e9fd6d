import type { Command, Help, Option } from 'commander';
import { displayWidth } from '../core/text.js';

/** commander's section titles, in Chinese. */
const TITLES: Record<string, string> = { 'Usage:': '用法：', 'Arguments:': '参数：', 'Options:': '选项：', 'Commands:': '命令：', 'Global Options:': '全局选项：' };

/**
 * An option's description with what commander would append in English ("(default: …)",
 * "(choices: …)") said in Chinese instead; a --no-x switch needs no "default: true".
 */
function optionDescription(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`可选：${option.argChoices.join('、')}`);
  if (option.defaultValue !== undefined && !option.negate && typeof option.defaultValue !== 'boolean') extra.push(`默认：${option.defaultValueDescription ?? String(option.defaultValue)}`);
  return extra.length > 0 ? `${option.description}（${extra.join('；')}）` : option.description;
}

/** Help in Chinese, its columns aligned for Chinese text (commander counts every character as one). */
export const HELP_CONFIG: Partial<Help> = {
  helpWidth: 100,
  styleTitle: (title: string) => TITLES[title] ?? title,
  subcommandTerm: (cmd: Command) => `${cmd.name()} ${cmd.usage()}`,
  displayWidth: (text: string) => displayWidth(text.replace(/\x1b\[[0-9;]*m/g, '')),
  optionDescription,
};

/** One example under each command's help. */
export function example(...lines: string[]): string {
  return `\n例：\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}
