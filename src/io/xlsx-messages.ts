import type { CodeOf } from '../core/codes.js';
import { error, type Diagnostic, type Where } from '../core/diagnostic.js';
import { MAX_TEXT_RUN } from './xml-events.js';
import type { XlsxProblem, XlsxProblemKind } from './xlsx-problem.js';

const RESAVE = '请在 Excel 或 WPS 中打开（如提示修复，请选择修复）后重新保存为 .xlsx；若打不开，请找发来文件的人重新发送。';

/** What a well-formedness error from the XML parser means, in words a clerk can pass on. */
const XML_REASONS: [RegExp, string][] = [
  [/wrong root element/i, '根元素不是应有的元素，命名空间缺失或不对'],
  [/outside of root|after root|before root/i, '根元素之外有多余的文字'],
  [/only one root/i, '有不止一个根元素'],
  [/unclosed tag/i, '有未结束的标签'],
  [/unexpected close tag/i, '结束标签与开始标签不配对'],
  [/unexpected end/i, '在标签中间就结束了'],
  [/root element/i, '内容是空的'],
  [/DOCTYPE/, '含有文档类型定义（DOCTYPE），Excel 不会这样写'],
  [/declaration/i, 'XML 声明不在开头'],
  [/undefined entity/i, '有无法识别的「&…;」字符引用'],
  [/reference/i, '有不完整的「&…;」字符引用（文字中的 & 应写作 &amp;）'],
  [/prefix/i, '有未声明的命名空间前缀'],
  [/character/i, '有 XML 不允许的字符'],
  [/attribute/i, '标签的属性写法有误'],
  [/comment|CDATA|after <!/i, '注释或 CDATA 段写法有误'],
  [/tag/i, '标签写法有误'],
];

function xmlReason(found: string | undefined): string {
  return XML_REASONS.find(([pattern]) => pattern.test(found ?? ''))?.[1] ?? '格式有误';
}

type Message = { code: CodeOf<'error'>; message: string; hint: string };

/** The sentence for each kind: what is wrong, then (in the hint) what to do. `of` names the workbook. */
const SENTENCES: Record<XlsxProblemKind, (p: XlsxProblem, of: string, file: string) => Message> = {
  'not-zip': (_p, of) => ({ code: 'E_CORRUPT_XLSX', message: `${of}不完整或已损坏：找不到压缩包末尾的目录，文件可能没有下载或复制完。`, hint: `请重新下载或复制该文件。${RESAVE}` }),
  io: (_p, of) => ({ code: 'E_UNREADABLE', message: `无法打开${of}：没有读取权限，或文件正被其他程序占用。`, hint: '请关闭占用它的程序，或把文件复制到自己的文件夹后再试。' }),
  'bad-entry': (p, of) => ({ code: 'E_CORRUPT_XLSX', message: `${of}已损坏：其中的「${p.place.part}」无法解压（数据与记录的大小或内容不符）。`, hint: RESAVE }),
  'encrypted-entry': (p, of) => ({ code: 'E_OLD_XLS', message: `${of}中的「${p.place.part}」被压缩软件加了密码，无法读取。`, hint: '请用加密时的压缩软件去掉密码，或在 Excel 或 WPS 中打开后另存为 .xlsx。' }),
  'unsupported-method': (p, of) => ({ code: 'E_CORRUPT_XLSX', message: `${of}中的「${p.place.part}」用了 Excel 不使用的压缩方式（方式 ${p.place.found}），无法解压。`, hint: '请在 Excel 或 WPS 中打开后另存为 .xlsx，不要用压缩软件重新打包。' }),
  'not-workbook': (_p, _of, file) => ({ code: 'E_NOT_WORKBOOK', message: `「${file}」是压缩文件，但不是 Excel 工作簿（里面没有工作表）。`, hint: '请确认选对了文件；若是 WPS 或其他软件导出的，请在 Excel 或 WPS 中另存为「Excel 工作簿（*.xlsx）」。' }),
  'no-workbook-part': (p, of) => ({ code: 'E_CORRUPT_XLSX', message: `${of}不完整：缺少工作表清单「${p.place.part}」，无法知道有哪些工作表。`, hint: RESAVE }),
  'missing-part': (p, of) => ({ code: 'E_CORRUPT_XLSX', message: `${of}不完整：${p.place.sheet !== undefined ? `工作表「${p.place.sheet}」的内容` : '其中一部分'}${p.place.part ? `「${p.place.part}」` : ''}不在文件中。`, hint: RESAVE }),
  'too-large': (p, of) => ({ code: 'E_SHEET_TOO_LARGE', message: `${of}中的「${p.place.part}」解压后超过 ${Math.round((p.place.limit ?? 0) / 1024 / 1024)} MB，已停止读取。`, hint: '文件可能已损坏或被恶意构造；若确是正常的大表，请拆分后分别提交，或设置环境变量 SCORE_MAX_SHEET_MB 提高上限。' }),
  ratio: (p, of) => ({ code: 'E_SHEET_TOO_LARGE', message: `${of}中的「${p.place.part}」解压后是压缩数据的 ${p.place.found} 倍以上，像是恶意构造的「压缩炸弹」，已停止读取。`, hint: 'Excel 和 WPS 保存的工作表不会这样；请确认文件来源，在 Excel 或 WPS 中打开后重新保存再试。' }),
  'text-run': (p, of) => ({ code: 'E_SHEET_TOO_LARGE', message: `${of}中的「${p.place.part}」有一段超过 ${MAX_TEXT_RUN / 1024 / 1024 * 100} 万字的连续文字（Excel 一个单元格最多 32767 字），已停止读取。`, hint: `文件可能已损坏或被恶意构造。${RESAVE}` }),
  'bad-xml': (p, of) => ({ code: 'E_CORRUPT_XLSX', message: `${of}已损坏：「${p.place.part}」第 ${p.place.line ?? 1} 行不是有效的 XML（${xmlReason(p.place.found)}）。`, hint: `${RESAVE}若文件是某个程序导出的，请把问题告诉该程序的提供者。` }),
  'bad-encoding': (p, of) => ({ code: 'E_CORRUPT_XLSX', message: p.place.found === 'UTF-8' ? `${of}已损坏：「${p.place.part}」中有不是 UTF-8 的字节，文字无法正确读出。` : `${of}中的「${p.place.part}」声明的文字编码「${p.place.found}」无法识别。`, hint: RESAVE }),
  'bad-reference': (p, of) => ({ code: 'E_CORRUPT_XLSX', message: `${of}已损坏：工作表中的位置「${p.place.found}」不是有效的行号或单元格。`, hint: RESAVE }),
  'too-many-columns': (_p, of) => ({ code: 'E_TOO_MANY_COLUMNS', message: `${of}的工作表超过了 Excel 的列数上限（16384 列，即 XFD 列），无法读取。`, hint: '该文件不是 Excel 或 WPS 保存的；请在 Excel 或 WPS 中打开，删除多余的列后另存为 .xlsx。' }),
  'no-sheets': (_p, of) => ({ code: 'E_NO_SHEETS', message: `${of}中没有可读取的工作表。`, hint: '请在 Excel 或 WPS 中打开并重新保存为 .xlsx。' }),
};

/** The diagnostic a clerk reads for a workbook the reader refused: file, and sheet and cell where known. */
export function describeProblem(file: string, p: XlsxProblem): Diagnostic {
  const { code, message, hint } = SENTENCES[p.kind](p, `工作簿「${file}」`, file);
  const where: Where = { file };
  if (p.place.sheet !== undefined) where.sheet = p.place.sheet;
  if (p.place.cell !== undefined) where.cell = p.place.cell;
  return error(code, where, message, hint);
}
