import path from 'node:path';
import { ExitCode } from '../../core/codes.js';
import { defaultCorrectionTemplatePath, readText } from '../../io/read-inputs.js';
import { correctionValues, diffRecords, hasChanges } from '../../report/diff.js';
import { renderTemplate } from '../../report/notice.js';
import { colours, type Context } from '../context.js';
import { changesReport } from '../changes.js';
import { printDiagnostics } from '../print.js';
import { readRecord } from '../record.js';

export interface DiffOptions {
  json?: boolean;
  correction?: boolean;
  color: boolean;
}

/**
 * `score diff OLD.通报.xlsx NEW.通报.xlsx`: what changed between two results, unit by unit with the
 * causes, read from the records the results carry. Exit 0 whether or not anything changed.
 */
export async function runDiff(oldFile: string, newFile: string, options: DiffOptions, ctx: Context): Promise<ExitCode> {
  const [before, after] = [await readRecord(oldFile), await readRecord(newFile)];
  const d = diffRecords(before, after);
  if (options.json === true) {
    ctx.stdout.write(`${JSON.stringify({ changed: hasChanges(d), old: path.basename(oldFile), new: path.basename(newFile), ...d }, null, 2)}\n`);
    return ExitCode.ok;
  }
  if (options.correction === true) {
    const settings = after.scheme.settings as { notice?: { title?: string; issuer?: string; date?: string } };
    const template = defaultCorrectionTemplatePath();
    const rendered = renderTemplate(await readText(template, '更正通报模板'), correctionValues(d, after, { name: after.scheme.name, ...settings.notice }), { file: template });
    if (rendered.diagnostics.length > 0) {
      printDiagnostics(rendered.diagnostics, ctx.stderr, colours(ctx, ctx.stderr, options.color));
      return ExitCode.usage;
    }
    ctx.stdout.write(`${rendered.text.trimEnd()}\n`);
    return ExitCode.ok;
  }
  const out = colours(ctx, ctx.stdout, options.color);
  ctx.stdout.write(hasChanges(d) ? changesReport(d, `「${path.basename(oldFile)}」`, out.level > 0) : `两次结果相同：各单位的总分、名次、等次、荣誉和标记均未变化，输入文件和方案也未变化。\n`);
  if (hasChanges(d)) for (const u of d.units.filter((x) => x.causes.length > 0 && !(x.band || x.rank || x.honour || x.flags))) ctx.stdout.write(`${u.unit}：${u.causes.join('；')}（总分 ${u.total ? `${u.total[0]} → ${u.total[1]}` : '不变'}）\n`);
  return ExitCode.ok;
}
