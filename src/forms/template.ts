import type { Rational } from '../core/rational.js';
import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import { displayWidth } from '../core/text.js';
import { methodOf } from '../engine/methods/index.js';
import { nameOf, type Indicator, type IndicatorTree, type Unit } from '../engine/model.js';
import type { Roster } from '../input/roster.js';
import { SHEETS, unitHeader } from '../input/sheet-names.js';
import { requiredLeaves } from '../input/self-assessment.js';
import type { RawSheet } from '../core/raw-sheet.js';
import type { CellModel, SheetModel, Validation } from '../report/sheet-model.js';
import type { Scheme } from '../scheme/schema.js';
import { copiedSheet, entryHelp, renamedPeriods, fitsInlineList, leavesByPeriod, listSheet, schemeSheet, unitsFor, wideSheet, type ListColumn } from './layout.js';
import { unitWord } from '../scheme/unit-word.js';

/** What a form carries so that, returned, it says what it was made from. */
export interface Embedded {
  schemeText: string;
  indicatorSheet: RawSheet;
  rosterSheet: RawSheet;
}

export interface Form {
  /** The file name without .xlsx. */
  name: string;
  /** The lead department it is for; undefined for the form of every indicator. */
  department?: string;
  /** The leaves it asks for, and the units that have any of them. */
  leaves: Indicator[];
  units: Unit[];
  sheets: SheetModel[];
}

/** The sheet that says how to fill a form in; `score` reads past it. */
export const GUIDE_SHEET = '说明';
export const FORM_FILE = '得分填报表';
/** The form of adjustments and vetoes, which no lead department owns. */
export const OFFICE_FORM = '加减分和一票否决';
export const NO_DEPARTMENT = '未指定牵头部门';

interface Basics {
  scheme: Scheme;
  tree: IndicatorTree;
  roster: Roster;
}

/** Entry forms: one for every indicator, or (byDepartment) one per lead department plus one for adjustments and vetoes. */
export function planForms(basics: Basics, embedded: Embedded, byDepartment: boolean): { forms: Form[]; diagnostics: Diagnostic[] } {
  const { tree } = basics;
  const diagnostics: Diagnostic[] = renamedPeriods(basics.scheme.periods);
  const unowned = tree.leaves.filter((l) => l.department === '');
  if (byDepartment && unowned.length > 0) {
    diagnostics.push(warning('W_NO_DEPARTMENT', unowned[0]!.source, `${unowned.length} 个末级指标没有填写牵头部门（${unowned.slice(0, 5).map((l) => l.code).join('、')}${unowned.length > 5 ? ' 等' : ''}），放在「${NO_DEPARTMENT}」的表中。`,
      '请在指标体系的「牵头部门」列中填写。'));
  }
  // 004 先自评: the units' own points, asked for in the form of every indicator, not a lead department's.
  const self = basics.scheme.selfAssessment ? requiredLeaves(basics.scheme.selfAssessment.on, tree, { path: 'selfAssessment.on' }, diagnostics) : [];
  if (!byDepartment) return { forms: [buildForm(basics, embedded, tree.leaves, undefined, true, self)], diagnostics };
  const departments = new Map<string, Indicator[]>();
  for (const leaf of tree.leaves) {
    const d = leaf.department === '' ? NO_DEPARTMENT : leaf.department;
    departments.set(d, [...(departments.get(d) ?? []), leaf]);
  }
  const forms = [...departments].map(([d, leaves]) => buildForm(basics, embedded, leaves, d, false));
  if (hasOfficeSheets(basics.scheme)) forms.push(buildForm(basics, embedded, [], OFFICE_FORM, true));
  return { forms, diagnostics: [...diagnostics, ...nameClashes(forms)] };
}

/**
 * Two forms must never share a file: 县/委 and 县:委 both become 县_委, a department named like the
 * office's form takes its name, and Windows and macOS do not tell 科技局A from 科技局a.
 */
function nameClashes(forms: readonly Form[]): Diagnostic[] {
  const label = (f: Form): string => (f.leaves.length > 0 ? `牵头部门「${f.department}」` : `「${OFFICE_FORM}」`);
  const seen = new Map<string, Form>();
  const clashes: Diagnostic[] = [];
  for (const form of forms) {
    const key = form.name.normalize('NFC').toLowerCase();
    const first = seen.get(key);
    if (!first) {
      seen.set(key, form);
      continue;
    }
    const other = first.leaves.length > 0 ? first : form;
    clashes.push(error('E_FORM_NAME_CLASH', other.leaves[0]?.source ?? {}, `${label(first)}和${label(form)}的填报表会是同一个文件「${form.name}.xlsx」，一个会覆盖另一个。`,
      '请在指标体系的「牵头部门」列中把其中一个部门的名称改得不同：文件名中 \\ / : * ? " < > | 会换成 _，也不区分大小写。'));
  }
  return clashes;
}

function hasOfficeSheets(scheme: Scheme): boolean {
  return scheme.vetoes.length > 0 || scheme.adjustments?.bonus !== undefined || scheme.adjustments?.deduction !== undefined;
}

/**
 * A file name any system takes: no path separators or characters Windows refuses, no leading dot,
 * no trailing dot or space (Windows drops them), and at most `maxBytes` of UTF-8, since a name has
 * at most 255 bytes (85 Chinese characters) on the disks a clerk uses.
 */
export function fileSafe(name: string, maxBytes = 200): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').replace(/[. ]+$/, '_');
  let out = '';
  let bytes = 0;
  for (const ch of safe) {
    bytes += new TextEncoder().encode(ch).length;
    if (bytes > maxBytes) break;
    out += ch;
  }
  return out;
}

function buildForm(basics: Basics, embedded: Embedded, leaves: readonly Indicator[], department: string | undefined, office: boolean, self: readonly Indicator[] = []): Form {
  const { scheme, tree, roster } = basics;
  const own = new Set(leaves);
  const sheets: SheetModel[] = [];
  const forWhom = department ? `（${department}）` : '';
  const unitList = unitListRule(roster);
  const blank = Math.min(2000, Math.max(50, roster.units.length * 2));
  for (const { suffix, entered, targeted, deducted, rated } of leavesByPeriod(tree, scheme, (l) => own.has(l))) {
    if (entered.length > 0) {
      const name = `${SHEETS.scores[0]}${suffix}`;
      sheets.push(wideSheet({ name, title: `${scheme.name} ${name}${forWhom}`, kind: 'scores', leaves: entered, units: unitsFor(roster, entered), form: true, unitHeader: unitHeader(unitWord(scheme)) }));
    }
    if (targeted.length > 0) {
      const name = `${SHEETS.targets[0]}${suffix}`;
      sheets.push(wideSheet({ name, title: `${scheme.name} ${name}${forWhom}`, kind: 'targets', leaves: targeted, units: unitsFor(roster, targeted), form: true, unitHeader: unitHeader(unitWord(scheme)) }));
    }
    if (deducted.length > 0) {
      const name = `${SHEETS.deductions[0]}${suffix}`;
      // A leaf deducted on a 100-point scale (扣分基数=100) takes deductions up to that scale.
      const most = mostPoints(deducted.map((l) => ({ ...l, points: l.params.base ?? l.points })));
      sheets.push(listSheet({ name, title: `${scheme.name} ${name}${forWhom}`, form: true, blankRows: blank, columns: [
        { header: unitHeader(unitWord(scheme)), width: 20, ...(unitList ? { rule: unitList } : {}) },
        { header: '指标编码', width: 10, ...codeRule(deducted) },
        { header: '扣分', width: 8, rule: { type: 'decimal', min: '0', max: most.toString(), prompt: '扣几分填几（正数），不超过该指标的分值。' } },
        { header: '扣分原因', width: 40 },
        { header: '依据', width: 24 },
      ] }));
    }
    if (rated.length > 0) {
      const name = `${SHEETS.raters[0]}${suffix}`;
      const most = mostPoints(rated);
      sheets.push(listSheet({ name, title: `${scheme.name} ${name}${forWhom}`, form: true, blankRows: Math.min(5000, blank * 5), columns: [
        { header: unitHeader(unitWord(scheme)), width: 20, ...(unitList ? { rule: unitList } : {}) },
        { header: '指标编码', width: 10, ...codeRule(rated) },
        { header: '评分人', width: 12 },
        { header: '分数', width: 8, rule: { type: 'decimal', min: '0', max: most.toString(), prompt: `每位评分人的分数，0 到 ${most.toString()}。` } },
        ...groupColumn(rated),
      ] }));
    }
  }
  if (office) sheets.push(...officeSheets(scheme, unitList, blank, forWhom));
  if (self.length > 0) {
    const name = SHEETS.selfAssessed[0];
    sheets.push(wideSheet({ name, title: `${scheme.name} ${name}`, kind: 'self', leaves: self, units: unitsFor(roster, self), form: true, unitHeader: unitHeader(unitWord(scheme)) }));
  }
  const guide = guideSheet(scheme, leaves, department, sheets.map((s) => s.name));
  return {
    name: department ? `${FORM_FILE}-${fileSafe(department)}` : FORM_FILE,
    ...(department ? { department } : {}),
    leaves: [...leaves],
    units: unitsFor(roster, leaves),
    sheets: [guide, ...sheets, copiedSheet(SHEETS.roster[0], embedded.rosterSheet, { protect: true }),
      schemeSheet(embedded.schemeText, { hidden: true, protect: true }), copiedSheet(SHEETS.indicators[0], embedded.indicatorSheet, { hidden: true, protect: true })],
  };
}

/** 评分组, where a rated leaf weighs rater groups (分组=…): the groups to choose from. */
function groupColumn(rated: readonly Indicator[]): ListColumn[] {
  const groups = [...new Set(rated.flatMap((l) => (l.params.groups ?? []).map((g) => g.name)))];
  if (groups.length === 0) return [];
  return [{ header: '评分组', width: 12, ...(fitsInlineList(groups) ? { rule: { type: 'list' as const, items: groups, prompt: `评分人所在的评分组：${groups.join('、')}` } } : {}) }];
}

function mostPoints(leaves: readonly Indicator[]): Rational {
  return leaves.reduce((m, l) => (l.points.gt(m) ? l.points : m), leaves[0]!.points);
}

function codeRule(leaves: readonly Indicator[]): { rule?: Validation } {
  const codes = leaves.map((l) => l.code);
  return fitsInlineList(codes) ? { rule: { type: 'list', items: codes, prompt: `指标编码：${leaves.map((l) => `${l.code} ${nameOf(l)}`).join('，')}` } } : {};
}

/** A dropdown of the roster's names, from the roster sheet the form carries. */
function unitListRule(roster: Roster): Validation | undefined {
  const cells = roster.units.map((u) => /^([A-Z]+)(\d+)$/.exec(u.source.cell ?? '')).filter((m): m is RegExpExecArray => m !== null);
  if (cells.length === 0 || cells.length !== roster.units.length || new Set(cells.map((m) => m[1])).size !== 1) return undefined;
  const rows = cells.map((m) => Number(m[2]));
  const column = cells[0]![1]!;
  // The form's 单位名单 is the roster sheet copied cell for cell, so the names sit where they were read.
  return { type: 'list', source: `'${SHEETS.roster[0]}'!$${column}$${Math.min(...rows)}:$${column}$${Math.max(...rows)}`, prompt: '从下拉中选择单位名称（与「单位名单」一致）。' };
}

function officeSheets(scheme: Scheme, unitList: Validation | undefined, blank: number, forWhom: string): SheetModel[] {
  const sheets: SheetModel[] = [];
  const unit: ListColumn = { header: unitHeader(unitWord(scheme)), width: 20, ...(unitList ? { rule: unitList } : {}) };
  const adjustments = scheme.adjustments;
  if (adjustments?.bonus || adjustments?.deduction) {
    const items = [...(adjustments.bonus?.items ?? []), ...(adjustments.deduction?.items ?? [])].map((i) => i.name);
    const sides = [adjustments.bonus ? '加分' : undefined, adjustments.deduction ? '减分' : undefined].filter((s): s is string => s !== undefined);
    const sources = [...(adjustments.bonus?.sources ?? []), ...(adjustments.deduction?.sources ?? [])].map((s) => s.name);
    const name = SHEETS.adjustments[0];
    sheets.push(listSheet({ name, title: `${scheme.name} ${name}${forWhom}`, form: true, blankRows: blank, columns: [
      unit,
      { header: '类型', width: 8, rule: { type: 'list', items: sides, prompt: `填「${sides.join('」或「')}」。` } },
      { header: '项目', width: 20, ...(fitsInlineList([...new Set(items)]) ? { rule: { type: 'list' as const, items: [...new Set(items)], prompt: `方案中的加减分项目：${items.join('、')}` } } : {}) },
      { header: '分值', width: 8, rule: { type: 'decimal', min: '0', prompt: '填正数；项目分值固定的可不填。' } },
      { header: '事由', width: 36 },
      { header: '依据', width: 24 },
      { header: '来源', width: 14, ...(sources.length > 0 && fitsInlineList([...new Set(sources)]) ? { rule: { type: 'list' as const, items: [...new Set(sources)], prompt: '提出或核查该项的单位。' } } : {}) },
    ] }));
  }
  if (scheme.vetoes.length > 0) {
    const name = SHEETS.vetoes[0];
    const items = scheme.vetoes.map((v) => v.name);
    sheets.push(listSheet({ name, title: `${scheme.name} ${name}${forWhom}`, form: true, blankRows: Math.min(blank, 50), columns: [
      unit,
      { header: '否决事项', width: 24, ...(fitsInlineList(items) ? { rule: { type: 'list' as const, items, prompt: `方案中的一票否决事项：${items.join('、')}` } } : {}) },
      { header: '说明', width: 48 },
    ] }));
  }
  return sheets;
}

/** How to fill the form in, and which indicators it holds: the first sheet a department sees. */
function guideSheet(scheme: Scheme, leaves: readonly Indicator[], department: string | undefined, entrySheets: readonly string[]): SheetModel {
  const width = 7;
  const rows: (CellModel | null)[][] = [];
  const merges: SheetModel['merges'] = [];
  const heights: (number | undefined)[] = [];
  const line = (v: string, s: CellModel['s'] = 'note'): void => {
    rows.push([{ v, s }]);
    merges.push({ top: rows.length, left: 1, bottom: rows.length, right: width });
    heights[rows.length - 1] = s === 'title' ? 36 : 18 * Math.max(1, Math.ceil(displayWidth(v) / 110));
  };
  line(`${scheme.name} 得分填报表${department ? `（${department}）` : ''}`, 'title');
  line(department ? `填报部门：${department}` : '填报范围：全部指标');
  line('');
  line('填写方法', 'section');
  const steps = [
    `在浅黄色单元格中填写。本表包括：${entrySheets.map((s) => `「${s}」`).join('、') || '（无需填写的表）'}。`,
    `灰色单元格表示该指标不适用于该${unitWord(scheme)}，不用填写。`,
    `不要改动表头、${unitHeader(unitWord(scheme))}和工作表名称，不要增删列；「扣分明细」等逐条填写的表可以插入行。`,
    '一个单元格只填一个数（或一个等级），不要填公式、单位或说明文字；说明请写在「扣分原因」「事由」等列中。',
    '填完后保存为 .xlsx（Excel 或 WPS 均可），按原文件名交回绩效办。',
    '本工作簿中隐藏的「方案」「指标体系」工作表是绩效办合并时核对用的，请不要改动。',
    ...(entrySheets.includes(SHEETS.selfAssessed[0]) ? [`「${SHEETS.selfAssessed[0]}」表填各${unitWord(scheme)}对指标的自评分（0 到分值）：与审核的分数对照列出，计入总分的是审核分。`] : []),
  ];
  steps.forEach((s, i) => line(`${i + 1}. ${s}`));
  line('');
  if (leaves.length > 0) {
    line('本表指标', 'section');
    rows.push(['编码', '指标', '分值', '评分方法', '填写要求', '填在', '适用类别'].map((v) => ({ v, s: 'header' as const })));
    for (const leaf of leaves) {
      const method = methodOf(leaf);
      const where = SHEETS[method.sheet][0];
      const help = entryHelp(leaf);
      rows.push([leaf.code, leaf.path.join(' / '), leaf.points.toString(), method.title, help, where, leaf.categories?.join('、') ?? '全部']
        .map((v, i) => ({ v, s: i === 4 ? 'note' as const : 'body' as const })));
      heights[rows.length - 1] = 18 * Math.max(1, Math.ceil(displayWidth(help) / 46));
    }
  } else {
    line('本表内容', 'section');
    line('加减分和一票否决事项逐条填写，每条写明单位、项目和事由；项目名称须与方案一致（见下拉选项）。');
  }
  return { name: GUIDE_SHEET, rows, merges, widths: [8, 30, 6, 12, 48, 10, 12], heights, protect: {}, onePage: true };
}
