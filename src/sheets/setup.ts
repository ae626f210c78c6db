/**
 * "Set up tracker": creates every tab of PRODUCT section 3 that is missing
 * and repairs headers, validation, protection and formatting of the rest.
 * It never deletes, moves or rewrites a user's data, so running it again
 * changes nothing.
 */
import type { Lang } from '../engine/types';
import { t } from '../engine/i18n/messages';
import {
  CHOICES,
  choiceWords,
  fields,
  headers,
  TAB_IDS,
  tabName,
  type FieldOf,
  type TabId,
} from '../engine/i18n/vocabulary';
import { findColumns } from '../engine/records/table';
import { COLUMN_METADATA_KEY, findTabs, TAB_METADATA_KEY } from './tabs';
import { LAYOUT, MANAGER_ONLY_TABS, NUMBER_FORMATS, type ColumnKind } from './layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupReport {
  created: TabId[];
  repaired: TabId[];
  sheets: Partial<Record<TabId, Sheet>>;
  /** 1-based column of each field, per tab. */
  positions: Partial<Record<TabId, Record<string, number>>>;
}

const HEADER_BACKGROUND = '#e8eaed';
const PROBLEM_BACKGROUND = '#fce8e6';
const WARNING_BACKGROUND = '#fef7e0';

export function setUpTabs(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  lang: Lang,
): SetupReport {
  const found = findTabs(spreadsheet);
  const report: SetupReport = { created: [], repaired: [], sheets: {}, positions: {} };
  for (const id of TAB_IDS) {
    let sheet = found[id];
    if (!sheet) {
      sheet = spreadsheet.insertSheet(tabName(lang, id), spreadsheet.getSheets().length);
      report.created.push(id);
    }
    const { repaired, positions } = repairTab(sheet, id, lang);
    report.positions[id] = positions;
    if (repaired && !report.created.includes(id)) report.repaired.push(id);
    report.sheets[id] = sheet;
  }
  return report;
}

/** Says whether anything structural had to change, and where each field's column is. */
function repairTab(
  sheet: Sheet,
  id: TabId,
  lang: Lang,
): { repaired: boolean; positions: Record<string, number> } {
  let repaired = ensureTabMetadata(sheet, id);
  let positions: Record<string, number> = {};
  if (fields(id).length > 0) {
    const columns = repairHeaders(sheet, id, lang);
    repaired = columns.changed || repaired;
    if (sheet.getFrozenRows() !== 1) {
      sheet.setFrozenRows(1);
      repaired = true;
    }
    sheet.getRange(1, 1, 1, columns.width).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
    applyColumnRules(sheet, id, lang, columns.positions);
    applyProblemColours(sheet, id, columns.positions);
    if (id === 'actions') applyOverdueColours(sheet, columns.positions, columns.width);
    positions = columns.positions;
  }
  return { repaired, positions };
}

function ensureTabMetadata(sheet: Sheet, id: TabId): boolean {
  const present = sheet
    .getDeveloperMetadata()
    .some((m) => m.getKey() === TAB_METADATA_KEY && m.getValue() === id);
  if (!present) sheet.addDeveloperMetadata(TAB_METADATA_KEY, id);
  return !present;
}

interface HeaderRepair {
  /** 1-based column of each field. */
  positions: Record<string, number>;
  width: number;
  changed: boolean;
}

/**
 * Finds each field's column by its header; a header that was typed over is
 * put back where the column's metadata says the field lives; a missing
 * column is added after the last one.
 */
function repairHeaders(sheet: Sheet, id: TabId, lang: Lang): HeaderRepair {
  const lastColumn = sheet.getLastColumn();
  const header =
    lastColumn > 0 ? (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as unknown[]) : [];
  const byHeader = findColumns(id, header) as Record<string, number | undefined>;
  const byMetadata = columnMetadata(sheet);
  const words = headers(lang, id);
  const newHeader = header.slice();
  const positions: Record<string, number> = {};
  const taken = new Set(Object.values(byHeader).filter((i): i is number => i !== undefined));
  let changed = false;
  fields(id).forEach((field, order) => {
    let index = byHeader[field];
    if (index === undefined) {
      const remembered = byMetadata.get(field);
      index = remembered !== undefined && !taken.has(remembered) ? remembered : newHeader.length;
      newHeader[index] = words[order];
      taken.add(index);
      changed = true;
    }
    positions[field] = index + 1;
  });
  const width = newHeader.length;
  if (changed) {
    if (sheet.getMaxColumns() < width)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, 1, 1, width).setValues([newHeader.map((cell) => cell ?? '')]);
  }
  for (const [field, column] of Object.entries(positions)) {
    if (byMetadata.get(field) !== column - 1) {
      // Metadata sits on whole columns only, named in A1 as C:C.
      const letter = columnLetter(column);
      sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(COLUMN_METADATA_KEY, field);
    }
  }
  return { positions, width, changed };
}

/** field → 0-based column, from the column metadata setup left behind. */
function columnMetadata(sheet: Sheet): Map<string, number> {
  const found = new Map<string, number>();
  for (const metadata of sheet
    .createDeveloperMetadataFinder()
    .withKey(COLUMN_METADATA_KEY)
    .find()) {
    const field = metadata.getValue();
    const column = metadata.getLocation().getColumn();
    if (field && column && !found.has(field)) found.set(field, column.getColumn() - 1);
  }
  return found;
}

function applyColumnRules(
  sheet: Sheet,
  id: TabId,
  lang: Lang,
  positions: Record<string, number>,
): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  const layout = LAYOUT[id] as Record<string, ColumnKind>;
  for (const [field, column] of Object.entries(positions)) {
    const kind = layout[field];
    if (!kind) continue;
    const range = sheet.getRange(2, column, rows, 1);
    const format = NUMBER_FORMATS[kind.kind];
    if (format) range.setNumberFormat(format);
    const rule = validationFor(kind, lang);
    if (rule) range.setDataValidation(rule);
  }
}

function validationFor(
  kind: ColumnKind,
  lang: Lang,
): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  switch (kind.kind) {
    case 'choice':
      return builder.requireValueInList(choiceWords(lang, kind.list), true).build();
    case 'checkbox':
      return SpreadsheetApp.newDataValidation().requireCheckbox().build();
    case 'date':
      return builder.requireDate().build();
    default:
      return null;
  }
}

/** Rows the add-on could not count stand out: Log's Check and KPIs' SMART cells that are not OK. */
function applyProblemColours(sheet: Sheet, id: TabId, positions: Record<string, number>): void {
  const marked: Partial<Record<TabId, { field: string; colour: string }>> = {
    log: { field: 'check' satisfies FieldOf<'log'>, colour: PROBLEM_BACKGROUND },
    kpis: { field: 'smart' satisfies FieldOf<'kpis'>, colour: WARNING_BACKGROUND },
  };
  const mark = marked[id];
  const column = mark ? positions[mark.field] : undefined;
  if (!mark || column === undefined) return;
  const letter = columnLetter(column);
  const formula = `=AND($${letter}2<>"",$${letter}2<>"OK")`;
  const rules = sheet.getConditionalFormatRules().filter((rule) => !isOurRule(rule, letter));
  rules.push(
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(mark.colour)
      .setRanges([sheet.getRange(2, column, Math.max(1, sheet.getMaxRows() - 1), 1)])
      .build(),
  );
  sheet.setConditionalFormatRules(rules);
}

/** Marks our overdue rule, whichever columns Due and Status are in now. */
const OVERDUE_RULE = /^=AND\(ISNUMBER\(\$[A-Z]+2\),\$[A-Z]+2<TODAY\(\)/;

/**
 * Overdue actions stand out in the Actions tab (issue 4): a Due date before
 * today while the Status is neither Done nor Dropped, in either language.
 * The rule is replaced, never added twice, so setup stays idempotent.
 */
function applyOverdueColours(sheet: Sheet, positions: Record<string, number>, width: number): void {
  const due = positions['due' satisfies FieldOf<'actions'>];
  const status = positions['status' satisfies FieldOf<'actions'>];
  if (due === undefined || status === undefined) return;
  const [d, s] = [columnLetter(due), columnLetter(status)];
  const closed = (['Done', 'Dropped'] as const)
    .flatMap((value) => CHOICES.actionStatus[value])
    .map((w) => `$${s}2<>"${w}"`);
  const formula = `=AND(ISNUMBER($${d}2),$${d}2<TODAY(),${closed.join(',')})`;
  const ours = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean =>
    (rule.getBooleanCondition()?.getCriteriaValues() ?? []).some(
      (v) => typeof v === 'string' && OVERDUE_RULE.test(v),
    );
  const rules = sheet.getConditionalFormatRules().filter((rule) => !ours(rule));
  rules.push(
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(PROBLEM_BACKGROUND)
      .setRanges([sheet.getRange(2, 1, Math.max(1, sheet.getMaxRows() - 1), width)])
      .build(),
  );
  sheet.setConditionalFormatRules(rules);
}

function isOurRule(
  rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
  letter: string,
): boolean {
  const values = rule.getBooleanCondition()?.getCriteriaValues() ?? [];
  return values.some((v) => typeof v === 'string' && v.startsWith(`=AND($${letter}2<>""`));
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Protects the managers' tabs; adds those whose protection had to change to the report. */
export function protectManagerTabs(
  report: SetupReport,
  lang: Lang,
  managers: readonly string[],
): void {
  for (const id of MANAGER_ONLY_TABS) {
    const sheet = report.sheets[id];
    if (!sheet || !protectForManagers(sheet, lang, managers)) continue;
    if (!report.created.includes(id) && !report.repaired.includes(id)) report.repaired.push(id);
  }
}

/** Returns whether the protection had to be created or its editors corrected. */
function protectForManagers(sheet: Sheet, lang: Lang, managers: readonly string[]): boolean {
  const description = t(lang, 'setup.protection');
  const existing = sheet
    .getProtections(SpreadsheetApp.ProtectionType.SHEET)
    .find(
      (p) =>
        p.getDescription() === description ||
        p.getDescription() === t(lang === 'en' ? 'da' : 'en', 'setup.protection'),
    );
  const protection = existing ?? sheet.protect().setDescription(description);
  let changed = !existing;
  const editors = new Set(protection.getEditors().map((u) => u.getEmail().toLowerCase()));
  const missing = managers.filter((m) => !editors.has(m));
  if (missing.length > 0) {
    protection.addEditors(missing);
    changed = true;
  }
  const extra = [...editors].filter((e) => !managers.includes(e));
  if (extra.length > 0) {
    protection.removeEditors(extra);
    changed = true;
  }
  if (protection.canDomainEdit()) {
    protection.setDomainEdit(false);
    changed = true;
  }
  return changed;
}
