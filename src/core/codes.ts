import type { Severity } from './diagnostic.js';

/** Exit statuses, as documented in the README. */
export const ExitCode = {
  ok: 0,
  dataProblems: 1,
  usage: 2,
  unreadable: 3,
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * What one code means. Only an error can fail a run; a warning or a note always exits 0.
 * `where: 'none'` marks the few codes that have no file to name: they are about the command
 * line or the program itself, or about a whole ranking group rather than any cell.
 */
export type CodeInfo =
  | { severity: 'error'; exit: Exclude<ExitCode, 0>; meaning: string; where?: 'none' }
  | { severity: 'warning' | 'info'; exit: 0; meaning: string; where?: 'none' };

/** Every problem a clerk can be told about, in the order of docs/diagnostics.md. */
export const CODES = {
  // Files that cannot be read or written.
  E_FILE_NOT_FOUND: { severity: 'error', exit: ExitCode.unreadable, meaning: '找不到输入的工作簿、方案或通报模板文件' },
  E_UNREADABLE: { severity: 'error', exit: ExitCode.unreadable, meaning: '文件无法读取：没有读取权限、被其他程序占用，或给出的方案、通报模板是文件夹' },
  E_IS_DIRECTORY: { severity: 'error', exit: ExitCode.unreadable, meaning: '给出的工作簿是一个文件夹' },
  E_EMPTY_FILE: { severity: 'error', exit: ExitCode.unreadable, meaning: '文件是空的（0 字节）' },
  E_OLD_XLS: { severity: 'error', exit: ExitCode.unreadable, meaning: '旧版 .xls/.et 格式或已加密的工作簿，需另存为 .xlsx' },
  E_NOT_XLSX: { severity: 'error', exit: ExitCode.unreadable, meaning: '文件不是 Excel 工作簿（.xlsx）' },
  E_NOT_WORKBOOK: { severity: 'error', exit: ExitCode.unreadable, meaning: '压缩文件中没有工作表，不是 Excel 工作簿' },
  E_CORRUPT_XLSX: { severity: 'error', exit: ExitCode.unreadable, meaning: '工作簿已损坏，无法读取' },
  E_NO_SHEETS: { severity: 'error', exit: ExitCode.unreadable, meaning: '工作簿中没有可读取的工作表' },
  E_SHEET_TOO_LARGE: { severity: 'error', exit: ExitCode.unreadable, meaning: '工作表解压后超过上限（SCORE_MAX_SHEET_MB），已停止读取' },
  E_TOO_MANY_COLUMNS: { severity: 'error', exit: ExitCode.unreadable, meaning: '工作表超过 Excel 的列数上限（16384 列）' },
  E_BAD_CSV: { severity: 'error', exit: ExitCode.unreadable, meaning: 'CSV 文件格式有误（如引号不成对）' },
  E_OUTPUT_LOCKED: { severity: 'error', exit: ExitCode.unreadable, meaning: '输出文件被占用（常见于在 Excel 中打开着），无法写入' },
  E_WRITE_FAILED: { severity: 'error', exit: ExitCode.unreadable, meaning: '输出文件无法写入（文件夹不存在、无权限或磁盘已满）' },
  E_NOT_REGULAR_FILE: { severity: 'error', exit: ExitCode.unreadable, meaning: '给出的文件不是普通文件（设备、管道等），不读取' },
  E_TEXT_ENCODING: { severity: 'error', exit: ExitCode.unreadable, meaning: '方案或模板文件的编码无法识别，或不是文本文件' },
  E_RECOVERY_FAILED: { severity: 'error', exit: ExitCode.unreadable, meaning: '上次中断的写出记录无法读懂，没有自动恢复' },
  E_OUTPUT_STREAM: { severity: 'error', exit: ExitCode.unreadable, meaning: '屏幕输出转到的文件或磁盘无法写入（如磁盘已满）', where: 'none' },
  // The command line.
  E_USAGE: { severity: 'error', exit: ExitCode.usage, meaning: '命令行有误：不认识的命令或选项、缺少参数、参数过多', where: 'none' },
  E_NO_RECORD: { severity: 'error', exit: ExitCode.usage, meaning: '用来比较的工作簿不是 score 生成的通报（没有「记录」表），或记录已损坏' },
  E_SEVERAL_ASSESSMENTS: { severity: 'error', exit: ExitCode.usage, meaning: '一次给了几个各自完整的考评（各有单位名单）；多个考评请用 score batch', where: 'none' },
  E_OUT_SAME_NAME: { severity: 'error', exit: ExitCode.usage, meaning: '几个同名的工作簿会把通报写到 --out 中的同一个文件' },
  E_BAD_ENCODING: { severity: 'error', exit: ExitCode.usage, meaning: '--encoding 给出的编码不认识' },
  E_UNKNOWN_PRESET: { severity: 'error', exit: ExitCode.usage, meaning: 'score init 的 --preset 不是已有的样例名称', where: 'none' },
  E_WOULD_OVERWRITE: { severity: 'error', exit: ExitCode.usage, meaning: '输出文件已存在，init 和 template 不会覆盖它' },
  E_OUTPUT_IS_INPUT: { severity: 'error', exit: ExitCode.usage, meaning: '输出文件是输入文件之一，不能覆盖输入' },
  E_OUT_NOT_FOLDER: { severity: 'error', exit: ExitCode.usage, meaning: '--out 给出的输出文件夹无法使用' },
  E_OUTPUT_NOT_FILE: { severity: 'error', exit: ExitCode.usage, meaning: '输出位置被一个文件夹或其他不是普通文件的东西占用' },
  E_NAME_TOO_LONG: { severity: 'error', exit: ExitCode.usage, meaning: '输出文件名太长，无法保存' },
  E_KEEP_EXISTS: { severity: 'error', exit: ExitCode.usage, meaning: '保存上次结果的位置已有同名文件' },
  E_FORM_NAME_CLASH: { severity: 'error', exit: ExitCode.dataProblems, meaning: '两个牵头部门的填报表会是同一个文件名' },
  E_TEMPLATE_PATH: { severity: 'error', exit: ExitCode.usage, meaning: '方案 notice.template 指向方案所在文件夹和 templates 以外的文件，或不是普通文件' },
  W_RECOVERY_PENDING: { severity: 'warning', exit: ExitCode.ok, meaning: '写出没有完成，下次在这个文件夹运行时自动恢复为上次完整的结果' },
  I_RECOVERED: { severity: 'info', exit: ExitCode.ok, meaning: '上次中断的写出已自动完成或恢复' },
  // The scheme (方案).
  E_SCHEME_YAML: { severity: 'error', exit: ExitCode.usage, meaning: '方案不是有效的 YAML（缩进、冒号、括号有误）' },
  W_SCHEME_PLACEHOLDER: { severity: 'warning', exit: ExitCode.ok, meaning: '方案中还有 score init 留下的「【待填】」内容（年度、名称、标题、文号、日期）' },
  E_SCHEME_EMPTY: { severity: 'error', exit: ExitCode.usage, meaning: '方案为空，或不是「键: 值」形式' },
  E_SCHEME_UNKNOWN_KEY: { severity: 'error', exit: ExitCode.usage, meaning: '方案中有未知的键（常为拼写错误）' },
  E_SCHEME_MISSING: { severity: 'error', exit: ExitCode.usage, meaning: '方案缺少必填项' },
  E_SCHEME_VALUE: { severity: 'error', exit: ExitCode.usage, meaning: '方案中某项的取值不对' },
  E_SCHEME_FULL_MARKS: { severity: 'error', exit: ExitCode.usage, meaning: '满分 fullMarks 不大于 0' },
  E_SCHEME_DUP_CATEGORY: { severity: 'error', exit: ExitCode.usage, meaning: '类别重复' },
  E_SCHEME_DUP_EXCLUDED: { severity: 'error', exit: ExitCode.usage, meaning: '不参与评比的单位重复' },
  E_SCHEME_DUP_VETO: { severity: 'error', exit: ExitCode.usage, meaning: '一票否决事项的名称或别名重复' },
  E_SCHEME_DUP_PERIOD: { severity: 'error', exit: ExitCode.usage, meaning: '期次重复' },
  E_SCHEME_DUP_COMPONENT: { severity: 'error', exit: ExitCode.usage, meaning: 'components 中同一部分对同一类别写了两次' },
  E_SCHEME_DUP_ITEM: { severity: 'error', exit: ExitCode.usage, meaning: '加分或减分项目的名称或别名重复' },
  E_SCHEME_DUP_BAND: { severity: 'error', exit: ExitCode.usage, meaning: '等次名称重复' },
  E_SCHEME_UNKNOWN_CATEGORY: { severity: 'error', exit: ExitCode.usage, meaning: '方案别处引用的类别不在 categories 中' },
  E_SCHEME_UNKNOWN_PERIOD: { severity: 'error', exit: ExitCode.usage, meaning: 'components 引用的期次不在 periods 中' },
  E_SCHEME_UNKNOWN_BAND: { severity: 'error', exit: ExitCode.usage, meaning: '荣誉、figures 或 history 引用的等次不是方案中的等次' },
  E_SCHEME_BAND_LAST: { severity: 'error', exit: ExitCode.usage, meaning: '最后一个等次设了下限或名额' },
  E_SCHEME_BAND_BOUND: { severity: 'error', exit: ExitCode.usage, meaning: '等次没有写下限（atLeast 或 above）' },
  E_SCHEME_BAND_RANGE: { severity: 'error', exit: ExitCode.usage, meaning: '等次的下限不在 0 到满分（或 100%）之间' },
  E_SCHEME_BAND_ORDER: { severity: 'error', exit: ExitCode.usage, meaning: '等次没有从高到低排列' },
  E_TEMPLATE_PLACEHOLDER: { severity: 'error', exit: ExitCode.usage, meaning: '通报模板中有无法识别的占位符' },
  // The scheme against the indicators: the scheme itself reads, so these are problems of the data.
  E_SCHEME_COMPONENT: { severity: 'error', exit: ExitCode.dataProblems, meaning: '方案 components 中的部分不是指标体系的一级指标' },
  E_RATER_GROUP: { severity: 'error', exit: ExitCode.dataProblems, meaning: '评议的评分组没有填、不是该指标的评分组，或该指标不分组却填了' },
  E_ALL_MISSING: { severity: 'error', exit: ExitCode.dataProblems, meaning: '一个单位某一级指标下的指标全部缺项，无从折算' },
  E_SCHEME_NODE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '方案 nodes 中的指标不在指标体系中，或其一级指标已在 components 中分期' },
  E_SCHEME_TIEBREAK: { severity: 'error', exit: ExitCode.dataProblems, meaning: '方案 tieBreak 中的部分不是指标体系的一级指标' },
  E_SCHEME_TARGET: { severity: 'error', exit: ExitCode.dataProblems, meaning: '方案 awards、conditions、selfAssessment 的 on 不是指标体系的一级指标或末级指标编码' },
  W_HISTORY_SHORT: { severity: 'warning', exit: ExitCode.ok, meaning: '往年结果（--previous）不够连续几年的规则判断，该规则本次不标记' },
  I_CONDITION: { severity: 'info', exit: ExitCode.ok, meaning: '单位某项指标低于方案 conditions 的分数线：取消评优资格或标记' },
  // Sheets and tables.
  E_MISSING_SHEET: { severity: 'error', exit: ExitCode.dataProblems, meaning: '缺少必需的工作表（方案、指标体系、单位名单、得分表）' },
  E_DUPLICATE_SHEET: { severity: 'error', exit: ExitCode.dataProblems, meaning: '同一种工作表有两个' },
  E_HEADER_NOT_FOUND: { severity: 'error', exit: ExitCode.dataProblems, meaning: '工作表前 10 行中找不到含必需列的表头' },
  W_UNKNOWN_SHEET: { severity: 'warning', exit: ExitCode.ok, meaning: '工作表不是计分用的，已跳过' },
  W_UNKNOWN_PERIOD: { severity: 'warning', exit: ExitCode.ok, meaning: '分期工作表的期次不在方案的 periods 中，已跳过' },
  // The indicators (指标体系).
  E_INDICATOR_NO_NAME: { severity: 'error', exit: ExitCode.dataProblems, meaning: '指标没有名称' },
  E_INDICATOR_NO_PARENT: { severity: 'error', exit: ExitCode.dataProblems, meaning: '指标缺少上级指标（名称或单独的一行）' },
  E_INDICATOR_POINTS: { severity: 'error', exit: ExitCode.dataProblems, meaning: '指标的分值不是大于 0 的数' },
  E_INDICATOR_METHOD: { severity: 'error', exit: ExitCode.dataProblems, meaning: '评分方法无法识别' },
  E_INDICATOR_PARAM: { severity: 'error', exit: ExitCode.dataProblems, meaning: '评分方法的参数缺少或有误' },
  E_INDICATOR_CATEGORY: { severity: 'error', exit: ExitCode.dataProblems, meaning: '指标的适用类别不在方案的类别中' },
  E_INDICATOR_DUPLICATE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '同一指标对同一类别出现两次' },
  E_INDICATOR_DUP_CODE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '指标编码重复' },
  E_INDICATOR_NO_CODE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '末级指标没有编码' },
  E_POINTS_TOTAL: { severity: 'error', exit: ExitCode.dataProblems, meaning: '某类别的一级指标分值合计与满分不符' },
  E_POINTS_CHILDREN: { severity: 'error', exit: ExitCode.dataProblems, meaning: '下级指标分值之和与上级指标不符' },
  W_NO_DEPARTMENT: { severity: 'warning', exit: ExitCode.ok, meaning: '末级指标没有填写牵头部门（按部门生成填报表时）' },
  // The roster (单位名单) and unit names.
  E_ROSTER_NO_CATEGORY: { severity: 'error', exit: ExitCode.dataProblems, meaning: '单位没有填写类别' },
  E_ROSTER_CATEGORY: { severity: 'error', exit: ExitCode.dataProblems, meaning: '单位的类别不在方案的类别中' },
  E_ROSTER_DUPLICATE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '单位在名单中出现两次' },
  E_ROSTER_TWO_CATEGORIES: { severity: 'error', exit: ExitCode.dataProblems, meaning: '单位同时属于两个类别' },
  E_ROSTER_NAME_CLASH: { severity: 'error', exit: ExitCode.dataProblems, meaning: '同一名称、简称或别名指向两个单位' },
  E_UNKNOWN_UNIT: { severity: 'error', exit: ExitCode.dataProblems, meaning: '单位不在单位名单中' },
  E_CATEGORY_MISMATCH: { severity: 'error', exit: ExitCode.dataProblems, meaning: '表中填的类别与单位名单不一致' },
  W_NAME_NORMALISED: { severity: 'warning', exit: ExitCode.ok, meaning: '单位名称含空格或全角字符，已按规范名称处理' },
  W_NAME_ALIAS: { severity: 'warning', exit: ExitCode.ok, meaning: '单位按简称或别名识别为名单中的单位' },
  I_RATE_PERCENT: { severity: 'info', exit: ExitCode.ok, meaning: '比率单元格为百分比格式（如 92%），按百分数读作 92' },
  I_EXCLUDED_ROW: { severity: 'info', exit: ExitCode.ok, meaning: '不参与评比的单位的行，未计分' },
  // The score sheets (得分表, 目标值).
  E_NO_SCORE_ROWS: { severity: 'error', exit: ExitCode.dataProblems, meaning: '得分表中没有任何单位的行' },
  E_MISSING_UNIT_ROW: { severity: 'error', exit: ExitCode.dataProblems, meaning: '名单中的单位在得分表中没有行' },
  E_DUPLICATE_UNIT_ROW: { severity: 'error', exit: ExitCode.dataProblems, meaning: '同一单位在表中有两行' },
  E_ROW_NO_UNIT: { severity: 'error', exit: ExitCode.dataProblems, meaning: '填了分数的行没有单位名称' },
  E_MISSING_COLUMN: { severity: 'error', exit: ExitCode.dataProblems, meaning: '得分表中没有某个末级指标的列' },
  E_DUPLICATE_COLUMN: { severity: 'error', exit: ExitCode.dataProblems, meaning: '同一指标在表头中出现两次' },
  E_NOT_IN_SCORES: { severity: 'error', exit: ExitCode.dataProblems, meaning: '扣分制或评议指标在得分表中填了分数' },
  E_MISSING_TARGET: { severity: 'error', exit: ExitCode.dataProblems, meaning: '完成比例折算的指标没有目标值' },
  E_BAD_TARGET: { severity: 'error', exit: ExitCode.dataProblems, meaning: '目标值不是大于 0 的数' },
  W_UNKNOWN_COLUMN: { severity: 'warning', exit: ExitCode.ok, meaning: '表头中的列不是该表读取的列（得分表中不是末级指标编码），该列未读取' },
  W_UNKNOWN_COLUMNS: { severity: 'warning', exit: ExitCode.ok, meaning: '另有多列不是指标编码（合并为一条）' },
  W_PARENT_COLUMN: { severity: 'warning', exit: ExitCode.ok, meaning: '列是上级指标，其得分由下级汇总，未参与计分' },
  W_COLUMN_ELSEWHERE: { severity: 'warning', exit: ExitCode.ok, meaning: '列的指标不在这一期计分，未使用' },
  W_NOT_APPLICABLE: { severity: 'warning', exit: ExitCode.ok, meaning: '指标不适用于该单位的类别，填写的分数未计分或未合并' },
  W_CONTROL_CHARS: { severity: 'warning', exit: ExitCode.ok, meaning: '文字中有控制字符，已改为可见的符号' },
  W_SHEET_RENAMED: { severity: 'warning', exit: ExitCode.ok, meaning: '工作表名称含 Excel 不允许的字符或过长，已改名' },
  W_ADJUSTMENT_NOT_APPLICABLE: { severity: 'warning', exit: ExitCode.ok, meaning: '单位的类别按方案不加减分，该项加减分未计入' },
  W_PERIOD_UNUSED: { severity: 'warning', exit: ExitCode.ok, meaning: '方案中没有按该期次计分的部分，这一期的工作表未读取' },
  W_MERGE_NOTE_DROPPED: { severity: 'warning', exit: ExitCode.ok, meaning: '填报表的备注列有内容，合并后的表不保留这一列' },
  // Cells.
  E_EMPTY_CELL: { severity: 'error', exit: ExitCode.dataProblems, meaning: '必填的单元格是空的' },
  E_NOT_A_NUMBER: { severity: 'error', exit: ExitCode.dataProblems, meaning: '应填数字的单元格不是数字' },
  E_FORMULA_NO_RESULT: { severity: 'error', exit: ExitCode.dataProblems, meaning: '公式没有保存计算结果' },
  E_ERROR_CELL: { severity: 'error', exit: ExitCode.dataProblems, meaning: '单元格是错误值（如 #DIV/0!）' },
  E_NEGATIVE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '得分为负数' },
  E_ABOVE_MAX: { severity: 'error', exit: ExitCode.dataProblems, meaning: '得分超过指标分值' },
  E_BAD_LABEL: { severity: 'error', exit: ExitCode.dataProblems, meaning: '达标制或等级指标填的结论或等级不可用' },
  E_GRADE_RANGE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '等级指标的分数不在等级的分值范围内，或按范围计分的等级没有填具体分数' },
  E_RATE_RANGE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '比率超过 100% 或不像百分数' },
  E_BAD_PLACE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '位次不是正整数' },
  E_SELF_VALUE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '「自评」表中的自评分不是 0 到指标分值之间的数' },
  W_SELF_MISSING: { severity: 'warning', exit: ExitCode.ok, meaning: '方案要求自评（selfAssessment），单位没有填写某些指标的自评分，或没有「自评」表' },
  W_NUMBER_AS_TEXT: { severity: 'warning', exit: ExitCode.ok, meaning: '数字存成了文本，已按数字计' },
  // 扣分明细.
  E_DEDUCTION_CODE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '扣分明细的指标编码不是扣分制指标' },
  E_DEDUCTION_ELSEWHERE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '扣分的指标不在这一期计分' },
  E_RATER_ELSEWHERE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '评分的指标不在这一期计分（分期指标的评分应填在对应期次的评议表）' },
  E_DEDUCTION_SIGN: { severity: 'error', exit: ExitCode.dataProblems, meaning: '扣分不是正数' },
  E_DEDUCTION_REASON: { severity: 'error', exit: ExitCode.dataProblems, meaning: '扣分没有填写原因' },
  // 评议.
  E_RATER_CODE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '评议表的指标编码不是评议指标' },
  E_RATER_TWICE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '同一评分人对同一单位同一指标评了两次' },
  E_TOO_FEW_RATERS: { severity: 'error', exit: ExitCode.dataProblems, meaning: '去掉最高最低分时评分少于 3 个' },
  E_NO_RATERS: { severity: 'error', exit: ExitCode.dataProblems, meaning: '单位的评议指标没有任何评分' },
  // 加减分, 一票否决.
  E_NO_ADJUSTMENT_RULES: { severity: 'error', exit: ExitCode.dataProblems, meaning: '有「加减分」表，但方案没有加减分规则' },
  E_ADJUSTMENT_SIDE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '加减分的类型无法识别' },
  E_ADJUSTMENT_ITEM: { severity: 'error', exit: ExitCode.dataProblems, meaning: '加减分的项目不是方案中的项目' },
  E_ADJUSTMENT_POINTS: { severity: 'error', exit: ExitCode.dataProblems, meaning: '加减分的分值有误' },
  E_ADJUSTMENT_REASON: { severity: 'error', exit: ExitCode.dataProblems, meaning: '加减分没有填写事由' },
  E_ADJUSTMENT_EVIDENCE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '加减分没有填写方案要求的依据' },
  E_ADJUSTMENT_SOURCE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '加减分的来源没有填写或不在方案列出的来源中' },
  E_UNKNOWN_VETO: { severity: 'error', exit: ExitCode.dataProblems, meaning: '否决事项不是方案中的一票否决事项' },
  E_VETO_NOTE: { severity: 'error', exit: ExitCode.dataProblems, meaning: '一票否决没有填写说明' },
  // Ranking and bands.
  E_DECISION_UNUSED: { severity: 'error', exit: ExitCode.dataProblems, meaning: '「决定」表中的决定没有用上：该单位已不在需要人工决定的并列之中' },
  E_DECISION: { severity: 'error', exit: ExitCode.dataProblems, meaning: '「决定」表中的一行有误：单位、决定或依据缺失或无法识别，或同一事项决定了两次' },
  E_TIE_UNDECIDED: { severity: 'error', exit: ExitCode.dataProblems, meaning: '名额的最后位置上有并列，方案没有规定如何取舍，需人工决定（通报照常生成）' },
  I_TIE_BY_DECISION: { severity: 'info', exit: ExitCode.ok, meaning: '名额边界上的并列已按「决定」表中的人工决定评定' },
  I_APPENDIX_IN_WORKBOOK: { severity: 'info', exit: ExitCode.ok, meaning: '单位太多，Word 版通报的附件不排表格，改为指向通报工作簿的「附件」表' },
  I_TIE_DECIDED: { severity: 'info', exit: ExitCode.ok, meaning: '名额的最后位置上的并列已按 tieBreak 决定' },
  I_QUOTA: { severity: 'info', exit: ExitCode.ok, meaning: '按比例计算的等次名额及其取整', where: 'none' },
  I_QUOTA_SHORT: { severity: 'info', exit: ExitCode.ok, meaning: '符合条件的单位不足名额，按实际评定', where: 'none' },
  I_ON_BOUNDARY: { severity: 'info', exit: ExitCode.ok, meaning: '总分恰好等于等次分界' },
  // Merging returned forms (score merge).
  E_MERGE_DIFFERENT_FORMS: { severity: 'error', exit: ExitCode.dataProblems, meaning: '交回的表不是用同一份方案、指标体系或单位名单生成的' },
  E_MERGE_CONFLICT: { severity: 'error', exit: ExitCode.dataProblems, meaning: '同一单元格或评分在两份表中填得不同' },
  W_MERGE_SAME_ROW: { severity: 'warning', exit: ExitCode.ok, meaning: '两份表中有完全相同的行，只计一次' },
  W_TARGET_UNUSED: { severity: 'warning', exit: ExitCode.ok, meaning: '不按完成比例计分的指标填了目标值，未合并' },
  W_SAME_FILE_TWICE: { severity: 'warning', exit: ExitCode.ok, meaning: '同一个文件给了两次，只读一次' },
  W_NOT_RETURNED: { severity: 'warning', exit: ExitCode.ok, meaning: '合并时某个牵头部门的指标一处也没有填（该部门没有交回填报表）' },
  W_UNFILLED: { severity: 'warning', exit: ExitCode.ok, meaning: '某牵头部门有未填的单元格（合并结果中为空）' },
  // The program itself.
  E_INTERNAL: { severity: 'error', exit: ExitCode.internal, meaning: '程序内部错误，请反馈给维护者', where: 'none' },
} as const satisfies Record<string, CodeInfo>;

type Codes = typeof CODES;
export type Code = keyof Codes;
/** The codes registered with severity `S`: error() takes only an error's code, and so on. */
export type CodeOf<S extends Severity> = { [K in Code]: Codes[K]['severity'] extends S ? K : never }[Code];

/** The exit status of a run that found `diagnostics`: the worst registered status among its errors. */
export function exitCodeFor(diagnostics: readonly { code: Code }[]): ExitCode {
  // Warnings and notes are registered with 0, so they never raise the status.
  return diagnostics.reduce<ExitCode>((worst, d) => (CODES[d.code].exit > worst ? CODES[d.code].exit : worst), ExitCode.ok);
}
