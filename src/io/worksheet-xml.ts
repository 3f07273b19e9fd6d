import type { CellModel, Merge, SheetModel, Validation } from '../report/sheet-model.js';
import { CodeIndex } from '../core/code-map.js';
import { CELL_TEXT_MAX, excelCellText } from '../core/excel-text.js';
import { rowHeights, type PageSetup } from '../report/print-plan.js';
import { cellRef, columnLetter } from '../core/raw-sheet.js';
import type { StyleTable } from './xlsx-styles.js';
import { needsPreserve, spaceAtEnds, unchangedInXml, xmlAttr, xmlEscape, xmlText } from './xml-text.js';
import { RowBytes } from './row-bytes.js';
import { Memo } from '../core/memo.js';

/** Page numbers as a clerk files them. */
export const PAGE_FOOTER = '&C第 &P 页 共 &N 页';

/**
 * The sheet's title as the printed page's header, in Excel's codes: bold 14-point, centred ("&" doubled to print as itself).
 * The size comes before &B: digits after &14 would be read as part of the size (「2020年度…」 printed as 「年度…」).
 */
export function pageHeader(title: string): string {
  return `&C&14&B${title.replace(/&/g, '&&')}`;
}

/** The texts of a workbook's cells, each stored once (sharedStrings.xml) and referred to by number. */
export class SharedStrings {
  /** Each distinct text numbered in the order first written. */
  private readonly numbered = new CodeIndex();
  uses = 0;

  get texts(): readonly string[] {
    return this.numbered.codes;
  }

  of(text: string): number {
    this.uses++;
    return this.numbered.number(text);
  }

  *xml(): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    yield `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.texts.length}">`;
    for (const t of this.texts) yield needsPreserve(t) ? `<si><t xml:space="preserve">${xmlText(t)}</t></si>` : `<si><t>${xmlText(t)}</t></si>`;
    yield '</sst>';
  }
}

/** Excel's limits: a prompt of 255 characters. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function validationXml(rule: Validation, sqref: string): string {
  const common = `allowBlank="1" showInputMessage="1" promptTitle="填写说明" prompt="${xmlAttr(clip(rule.prompt, 255))}" showErrorMessage="1" errorStyle="stop" errorTitle="填写有误" error="${xmlAttr(clip(rule.prompt, 225))}"`;
  if (rule.type === 'list') {
    const source = rule.source ?? `"${(rule.items ?? []).join(',')}"`;
    return `<dataValidation type="list" ${common} sqref="${sqref}"><formula1>${xmlEscape(source)}</formula1></dataValidation>`;
  }
  const f = (x: string): string => xmlEscape(x);
  if (rule.min !== undefined && rule.max !== undefined) {
    return `<dataValidation type="${rule.type}" ${common} sqref="${sqref}"><formula1>${f(rule.min)}</formula1><formula2>${f(rule.max)}</formula2></dataValidation>`;
  }
  if (rule.max !== undefined) return `<dataValidation type="${rule.type}" operator="lessThanOrEqual" ${common} sqref="${sqref}"><formula1>${f(rule.max)}</formula1></dataValidation>`;
  return `<dataValidation type="${rule.type}" operator="greaterThanOrEqual" ${common} sqref="${sqref}"><formula1>${f(rule.min ?? '0')}</formula1></dataValidation>`;
}

/** What the workbook part must say of a sheet: its print titles and print area (defined names). */
export interface SheetNames {
  printTitles?: string;
  printArea?: string;
}

function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Excel's form of a range in a defined name: every column and row anchored (A$1:E$22 → $A$1:$E$22, 1:2 → $1:$2). */
function anchored(range: string): string {
  return range.split(':').map((x) => x.replace(/^\$?([A-Z]*)\$?(\d*)$/, (_, col: string, row: string) => `${col ? `$${col}` : ''}${row ? `$${row}` : ''}`)).join(':');
}

/** The print titles and print area of a sheet's page setup (print-plan.ts), as the workbook names them. */
export function printNames(setup: PageSetup, name: string): SheetNames {
  const titles = [setup.printTitlesColumn, setup.printTitlesRow].filter((x) => x !== undefined).map((x) => `${quoted(name)}!${anchored(x)}`).join(',');
  return {
    ...(titles ? { printTitles: titles } : {}),
    ...(setup.printArea ? { printArea: `${quoted(name)}!${anchored(setup.printArea)}` } : {}),
  };
}

function paneXml(ySplit: number, xSplit: number): string {
  if (ySplit === 0 && xSplit === 0) return '';
  const pane = ySplit > 0 && xSplit > 0 ? 'bottomRight' : ySplit > 0 ? 'bottomLeft' : 'topRight';
  return `<pane${xSplit > 0 ? ` xSplit="${xSplit}"` : ''}${ySplit > 0 ? ` ySplit="${ySplit}"` : ''} topLeftCell="${cellRef(ySplit + 1, xSplit)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`;
}

function coveredCells(merges: readonly Merge[]): Set<number> {
  // Row and column as one number: a sheet has at most 16,384 columns.
  const covered = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(r * 16384 + c);
  }
  return covered;
}

/**
 * A sheet's XML, piece by piece as its rows are written: cells refer to shared strings and to
 * styles by number. Strings are written as strings, never as formulas, whatever they begin with,
 * as Excel opens them (control characters visible, at most 32,767 characters); the other cells
 * of a merged range take only their style, their borders closing the merged box.
 */
export function* worksheetXml(model: SheetModel, setup: PageSetup, first: boolean, styles: StyleTable, strings: SharedStrings): Generator<string | Uint8Array> {
  const frozen = model.headerRows ?? 0;
  const frozenColumns = model.frozenColumns ?? 0;
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
  if (setup.fitToPage) yield '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  yield `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0">${paneXml(frozen, frozenColumns)}</sheetView></sheetViews>`;
  yield '<sheetFormatPr defaultRowHeight="15"/>';
  if (model.widths.length > 0) yield `<cols>${model.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
  yield '<sheetData>';
  const covered = coveredCells(model.merges);
  const height = rowHeights(model);
  const scoreStyle = styles.of('score', model.scoreFormat);
  let r = 0;
  for (const cells of model.rows) {
    r++;
    yield rowXml(cells, r, height(cells, r - 1), covered, styles, strings, scoreStyle);
  }
  // Texts of streamed rows are mostly unique (a unit's name, its record): sharing them would only hold them all.
  for (const cells of model.body?.rows() ?? []) {
    r++;
    yield rowXml(cells, r, height(cells, r - 1), covered, styles, strings, scoreStyle, true);
  }
  for (const cells of model.after ?? []) {
    r++;
    yield rowXml(cells, r, height(cells, r - 1), covered, styles, strings, scoreStyle);
  }
  yield '</sheetData>';
  if (model.protect) {
    // No password, so nothing random in the file; the protection guards against slips.
    yield `<sheetProtection sheet="1" formatColumns="0" formatRows="0"${model.protect.insertRows ? ' insertRows="0" deleteRows="0"' : ''}/>`;
  }
  if (model.merges.length > 0) {
    yield `<mergeCells count="${model.merges.length}">${model.merges.map((m) => `<mergeCell ref="${cellRef(m.top, m.left - 1)}:${cellRef(m.bottom, m.right - 1)}"/>`).join('')}</mergeCells>`;
  }
  const validations = model.validations ?? [];
  if (validations.length > 0) {
    yield `<dataValidations count="${validations.length}">${validations.map((v) => validationXml(v.rule, `${cellRef(v.top, v.left - 1)}:${cellRef(v.bottom, v.right - 1)}`)).join('')}</dataValidations>`;
  }
  if (setup.horizontalCentered) yield '<printOptions horizontalCentered="1"/>';
  const m = setup.margins;
  yield `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  yield `<pageSetup paperSize="${setup.paperSize}" scale="${setup.scale}" fitToWidth="${setup.fitToWidth}" fitToHeight="${setup.fitToHeight}" orientation="${setup.orientation}"/>`;
  const footer = xmlEscape(model.footer ?? PAGE_FOOTER);
  const header = model.title ? xmlEscape(pageHeader(model.title)) : undefined;
  yield `<headerFooter>${header ? `<oddHeader>${header}</oddHeader>` : ''}<oddFooter>${footer}</oddFooter>${header ? `<evenHeader>${header}</evenHeader>` : ''}<evenFooter>${footer}</evenFooter></headerFooter>`;
  yield '</worksheet>';
}

/** Column letters by index, made once each (a province's sheet names millions of cells). */
const LETTERS: string[] = [];
function letters(c: number): string {
  return LETTERS[c] ??= columnLetter(c);
}

const ascii = (text: string): Uint8Array => Buffer.from(text, 'latin1');
/** `<c r="AB`: a cell's opening up to its row number, made once for each column. */
const CELL_OPEN: Uint8Array[] = [];
/** `" s="3"` (or the quote alone for style 0): the end of the reference and the style, made once for each style. */
const STYLE_ATTRIBUTE: Uint8Array[] = [];
const ROW_OPEN = ascii('<row r="');
const NUMBER_OPEN = ascii('><v>');
const VALUE_CLOSE = ascii('</v></c>');
const SHARED_OPEN = ascii(' t="s"><v>');
const INLINE_OPEN = ascii(' t="inlineStr"><is><t');
const PRESERVE = ascii(' xml:space="preserve"');
const INLINE_CLOSE = ascii('</t></is></c>');
const ROW_CLOSE = ascii('</row>');
const NO_ROW = new Uint8Array(0);
/**
 * A number's text, made once for each number: a province's scores are a few thousand distinct
 * values written millions of times, and turning a fraction into its shortest decimal text was
 * half of writing a row.
 */
const NUMBER_TEXT = new Memo((v: number) => ascii(String(v)));

/** Every row of every sheet is made in this one buffer (see RowBytes: the writer copies each row before the next). */
const ROW = new RowBytes();

/**
 * A row's XML as UTF-8 bytes, or none for a row with neither a cell nor a height. `inline`: texts
 * written in the cell itself (an empty text stays shared: readers take an empty inline text for no value).
 */
function rowXml(cells: readonly (CellModel | null)[], r: number, height: number | undefined, covered: Set<number>, styles: StyleTable, strings: SharedStrings, scoreStyle: number, inline = false): Uint8Array {
  const out = ROW;
  out.begin();
  out.bytes(ROW_OPEN);
  // The row's number written once, and copied into each of its cells' references.
  const numberStart = out.length;
  out.digits(r);
  const numberEnd = out.length;
  out.ascii(height === undefined ? '"' : `" ht="${height}" customHeight="1"`);
  out.ascii('>');
  const opened = out.length;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell) continue;
    const s = cell.s === undefined ? 0 : cell.s === 'score' ? scoreStyle : styles.of(cell.s);
    const v = covered.size > 0 && covered.has(r * 16384 + c + 1) ? null : cell.v;
    // A cell covered by a merge keeps only its style; one with neither is not written.
    if (v === null && s === 0) continue;
    out.bytes(CELL_OPEN[c] ??= ascii(`<c r="${letters(c)}`));
    out.again(numberStart, numberEnd);
    out.bytes(STYLE_ATTRIBUTE[s] ??= ascii(s === 0 ? '"' : `" s="${s}"`));
    // An empty text stays an empty text (as a cell a clerk cleared), not a missing cell.
    if (v === null) out.ascii('/>');
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`${letters(c)}${r}: ${v} is no number a cell can hold`);
      out.bytes(NUMBER_OPEN);
      out.bytes(NUMBER_TEXT.of(v));
      out.bytes(VALUE_CLOSE);
    } else if (!inline || v === '') {
      out.bytes(SHARED_OPEN);
      out.digits(strings.of(excelCellText(v)));
      out.bytes(VALUE_CLOSE);
    } else {
      // Most texts (names, records) are written as they are: looked at once, not by each step.
      const plain = v.length <= CELL_TEXT_MAX && unchangedInXml(v);
      const text = plain ? v : excelCellText(v);
      out.bytes(INLINE_OPEN);
      if (plain ? spaceAtEnds(text) : needsPreserve(text)) out.bytes(PRESERVE);
      out.ascii('>');
      out.utf8(plain ? text : xmlText(text));
      out.bytes(INLINE_CLOSE);
    }
  }
  if (out.length === opened && height === undefined) return NO_ROW;
  out.bytes(ROW_CLOSE);
  return out.take();
}
