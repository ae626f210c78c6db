/**
 * Finding the add-on's tabs. Each carries developer metadata naming what it
 * is, so a renamed tab keeps working (PRODUCT section 3). A tab that lost
 * its metadata (copied in from elsewhere) is still found by its name in
 * either language.
 */
import { TAB_IDS, TAB_SCHEMAS, normalizeWord, type TabId } from '../engine/i18n/vocabulary';

export const TAB_METADATA_KEY = 'kpiloop.tab';
export const COLUMN_METADATA_KEY = 'kpiloop.column';

export type Tabs = Partial<Record<TabId, GoogleAppsScript.Spreadsheet.Sheet>>;

export function findTabs(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Tabs {
  const tabs: Tabs = {};
  const found = spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(TAB_METADATA_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  for (const metadata of found) {
    const id = metadata.getValue() as TabId | null;
    if (id && TAB_IDS.includes(id) && !tabs[id]) {
      const sheet = metadata.getLocation().getSheet();
      if (sheet) tabs[id] = sheet;
    }
  }
  if (TAB_IDS.every((id) => tabs[id])) return tabs;
  const byName = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
  for (const sheet of spreadsheet.getSheets()) byName.set(normalizeWord(sheet.getName()), sheet);
  for (const id of TAB_IDS) {
    if (tabs[id]) continue;
    for (const name of TAB_SCHEMAS[id].name) {
      const sheet = byName.get(normalizeWord(name));
      if (sheet && !Object.values(tabs).includes(sheet)) {
        tabs[id] = sheet;
        break;
      }
    }
  }
  return tabs;
}

/** All of a tab's values in one read; [] for an empty tab. */
export function readTab(sheet: GoogleAppsScript.Spreadsheet.Sheet | undefined): unknown[][] | null {
  if (!sheet) return null;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) return [];
  return sheet.getRange(1, 1, lastRow, lastColumn).getValues();
}
