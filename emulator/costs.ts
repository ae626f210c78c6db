/**
 * What Apps Script's time limits and service calls cost, for the emulator's cost model:
 * `createEmulator({ ...APPS_SCRIPT_TIME })` moves the clock by each counted call's modelled cost
 * and stops a run past Apps Script's limits. Off unless asked for, so other tests keep a still
 * clock.
 *
 * Sources (figures rounded; "estimate" marks a figure no published measurement was found for):
 * [quotas] Google, Quotas for Google Services,
 *   https://developers.google.com/apps-script/guides/services/quotas — script runtime 6 min per
 *   execution, custom function runtime 30 s per execution.
 * [best] Google, Best practices, https://developers.google.com/apps-script/guides/support/best-practices
 *   — every call to a service is far slower than script code; read and write blocks in one call.
 * [peralta] L. Peralta, Google Apps Script APIs performance (100 runs each),
 *   https://ziritione.org/post/apps_script_performance — Properties getProperty avg 30 ms,
 *   setProperty avg 62 ms; CacheService get avg 3 ms, put avg 93 ms.
 * [so-batch] "What is faster: ScriptDb or SpreadsheetApp?" (a Stack Overflow answer timed in
 *   Apps Script, as mirrored at https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp)
 *   — one setValues of 4,000 cells under 50 ms; the same with SpreadsheetApp.flush() 610 ms.
 * [bugbug] GoogleAppsScriptのスプレッドシート処理を高速化する (2019),
 *   https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html — 1,000 getLastRow() calls
 *   in a loop 160 s (about 160 ms each), 1,000 cached getRange().getValue() 3.1 s (about 3 ms).
 * [outbox] Small Outbox (a mail-merge add-on), FAQ,
 *   https://sites.google.com/quickfixters.com/add-onsuniverse/faq — an e-mail of 100 KB takes
 *   about 1.2 s to send; 150 e-mails fit in a 6-minute run.
 */
import type { CallSize, CostModel } from './options';

/** [quotas] */
export const APPS_SCRIPT_LIMITS = { executionLimitMs: 360_000, customFunctionLimitMs: 30_000 };

/** A spreadsheet call that reaches the Sheets backend: "tens of ms" ([best]); 50 ms sits between
 * a cached read (3 ms) and an uncached one (160 ms) of [bugbug]. */
export const SPREADSHEET_CALL_MS = 50;
/** A call answered without a round trip: a reference (getRange, offset), a builder, a getter on
 * something already fetched — about a cached call of [bugbug]. */
export const LOCAL_CALL_MS = 5;
/** Per cell moved by a block read or write: [so-batch] wrote 4,000 cells in under 50 ms. */
export const CELL_MS = 0.01;

/** ms per call by 'Class.method', then by class ('Class.*'); anything else costs SPREADSHEET_CALL_MS. */
const TABLE: Record<string, number> = {
  'SpreadsheetApp.flush': 600, // [so-batch]: flush added 560 ms
  'Properties.getProperty': 30, // [peralta]
  'Properties.getProperties': 30, // [peralta], as getProperty
  'Properties.getKeys': 30, // [peralta], as getProperty
  'Properties.setProperty': 62, // [peralta]
  'Properties.setProperties': 62, // [peralta], one write
  'Properties.deleteProperty': 62, // [peralta], as a write
  'Cache.get': 3, // [peralta]
  'Cache.getAll': 3, // [peralta], as get
  'Cache.put': 93, // [peralta]
  'Cache.putAll': 93, // [peralta], as put
  'Cache.remove': 93, // [peralta], as put
  'TextFinder.replaceAllWith': 200, // estimate: a workbook-wide search and rewrite
  'TextFinder.findAll': 200, // estimate
  'MailApp.sendEmail': 800, // [outbox]: 1.2 s for 100 KB; a reminder is a few KB
  'MailApp.getRemainingDailyQuota': 30, // estimate, as a property read
  'UrlFetchApp.fetch': 300, // estimate, plus whatever the remote server takes
  'UrlFetchApp.fetchAll': 300, // estimate
  'Lock.tryLock': 30, // estimate, as a property read (waiting is modelled apart)
  'Lock.waitLock': 30, // estimate
  'Lock.releaseLock': 30, // estimate
  'ScriptApp.getProjectTriggers': 100, // estimate
  'ScriptApp.getUserTriggers': 100, // estimate
  'ScriptApp.deleteTrigger': 300, // estimate
  'ClockTriggerBuilder.create': 300, // estimate
  'SpreadsheetTriggerBuilder.create': 300, // estimate
  'Ui.showSidebar': 200, // estimate
  'Ui.showModalDialog': 200, // estimate
  'Ui.alert': 200, // estimate (time the person takes is not modelled)
  'PropertiesService.*': 1, // getting a store: no round trip of its own ([peralta] timed the chain)
  'CacheService.*': 1,
  'LockService.*': 1,
  'Session.*': 10, // estimate
  'User.*': 1,
  'Utilities.*': 1, // local work
  'Logger.*': 1, // [bugbug]: a loop of 1,000 Logger.log took under 1 s
  'Blob.*': 1,
  'HtmlService.*': 5, // estimate
  'HtmlOutput.*': 1,
  'HtmlTemplate.*': 5,
  'Menu.*': 1,
};

/** Calls that move a block of cells: they cost a call plus CELL_MS per cell. */
const BLOCK = /^(Range|RangeList)\.(get|set)[A-Z]\w*s$/;

/** References, builders and getters of data already fetched: LOCAL_CALL_MS. */
const LOCAL = new RegExp(
  [
    'SpreadsheetApp\\.(getActive|getActiveSpreadsheet|new\\w+)',
    'Spreadsheet\\.(getId|getUrl|getName|createTextFinder|createDeveloperMetadataFinder)',
    'Sheet\\.(getRange|getRangeList|getName|getSheetId|getParent|createTextFinder)',
    'Range\\.(offset|getRow|getColumn|getNumRows|getNumColumns|getLastRow|getLastColumn|getA1Notation|getSheet|createTextFinder)',
    'TextFinder\\.(matchCase|matchEntireCell|matchFormulaText|useRegularExpression|ignoreDiacritics|startFrom)',
    'DeveloperMetadataFinder\\.(with\\w+|onIntersectingLocations)',
    'DeveloperMetadata\\.(getKey|getValue|getId|getVisibility|getLocation)',
    'DeveloperMetadataLocation\\.\\w+',
    '\\w+Builder\\.(?!create$)\\w+', // builders are local until create()
  ]
    .map((pattern) => `^${pattern}$`)
    .join('|'),
);

/** Apps Script's cost of one service call, in ms (see the sources above). */
export const appsScriptCost: CostModel = (name: string, size: CallSize): number => {
  const exact = TABLE[name];
  if (exact !== undefined) return exact;
  const byClass = TABLE[`${name.split('.')[0] ?? ''}.*`];
  if (byClass !== undefined) return byClass;
  if (LOCAL.test(name)) return LOCAL_CALL_MS;
  return SPREADSHEET_CALL_MS + (BLOCK.test(name) ? size.cells * CELL_MS : 0);
};

/** Options for a run that models Apps Script's time: the cost table and both limits. */
export const APPS_SCRIPT_TIME = { costPerCallMs: appsScriptCost, ...APPS_SCRIPT_LIMITS };
