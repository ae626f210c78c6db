/**
 * What each authorization mode lets the script call. Apps Script checks this per service call and
 * throws "You do not have permission to call …"; so does the emulator, from this one table.
 *
 * - NONE: an add-on's onOpen in a document where it was never used. Only services that need no
 *   authorization work, so the add-on menu can be built and nothing else is read
 *   (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle,
 *   https://developers.google.com/apps-script/reference/script/auth-mode). The emulator is strict:
 *   Session and the spreadsheet are out, even getActiveUserLocale.
 * - LIMITED: simple triggers (onOpen once the add-on is enabled, onEdit): the bound spreadsheet, the
 *   UI, properties, cache, lock, session, but nothing that reaches outside the document.
 * - CUSTOM_FUNCTION: Sheets' custom functions: spreadsheet getters only, no set*(), no UI, no mail,
 *   no triggers; UrlFetch, Properties reads, Cache, Lock and Utilities work
 *   (https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services).
 * - FULL: everything.
 */
import type { AuthModeName } from './options';

/** Services that need no authorization at all. */
const UNAUTHORIZED_OK = new Set([
  'Utilities',
  'Logger',
  'Blob',
  'HtmlService',
  'HtmlOutput',
  'HtmlTemplate',
]);

const MENU_BUILDING = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
]);

/** Reaches outside the bound document, so only FULL may call these. */
const FULL_ONLY = new Set([
  'MailApp',
  'UrlFetchApp',
  'HTTPResponse',
  'ScriptApp',
  'TriggerBuilder',
  'ClockTriggerBuilder',
  'SpreadsheetTriggerBuilder',
  'Trigger',
]);

const SPREADSHEET_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'TextFinder',
  'NamedRange',
  'DeveloperMetadata',
  'DeveloperMetadataFinder',
  'DeveloperMetadataLocation',
  'Protection',
  'DataValidation',
  'DataValidationBuilder',
  'ConditionalFormatRule',
  'ConditionalFormatRuleBuilder',
  'BooleanCondition',
  'EmbeddedChart',
  'EmbeddedChartBuilder',
  'ContainerInfo',
  'ChartOptions',
]);

const CUSTOM_FUNCTION_OK = new Set([
  'Cache',
  'CacheService',
  'Lock',
  'LockService',
  'UrlFetchApp',
  'HTTPResponse',
  'PropertiesService',
  'Session.getScriptTimeZone',
  'Session.getActiveUserLocale',
  'Session.getTemporaryActiveUserKey',
  'Properties.getProperty',
  'Properties.getProperties',
  'Properties.getKeys',
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActiveSheet',
  'SpreadsheetApp.getActiveRange',
]);

/** Read-only spreadsheet methods, the ones a custom function may use. A TextFinder may be set up
 * and searched, but not replace (the emulator's reading of "read only"). */
const READS =
  /^(get|is|can|find|with|offset|createDeveloperMetadataFinder|createTextFinder|copy|match|useRegularExpression|ignoreDiacritics|startFrom)/;

export function isAllowed(mode: AuthModeName, service: string, method: string): boolean {
  const name = `${service}.${method}`;
  if (mode === 'FULL' || UNAUTHORIZED_OK.has(service)) return true;
  switch (mode) {
    case 'NONE':
      return MENU_BUILDING.has(name);
    case 'LIMITED':
      return !FULL_ONLY.has(service);
    case 'CUSTOM_FUNCTION':
      if (CUSTOM_FUNCTION_OK.has(service) || CUSTOM_FUNCTION_OK.has(name)) return true;
      return SPREADSHEET_CLASSES.has(service) && service !== 'SpreadsheetApp' && READS.test(method);
  }
}
