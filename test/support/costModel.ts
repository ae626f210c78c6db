/**
 * What a service call costs in time, for runs that must stop before Apps
 * Script's 6-minute limit (emulator option costPerCallMs). Google publishes
 * no per-call figures; these are of the size measured in public reports and
 * are meant to be pessimistic rather than exact:
 *
 * - MailApp.sendEmail 500 ms: sending is the slowest common call (reports
 *   range from about 0.3 to 1 s per message);
 * - UrlFetchApp.fetch 300 ms: one HTTPS round trip to a webhook;
 * - a spreadsheet write (set…, insert…, clear…) 80 ms and a read that goes
 *   to the sheet (getValues, a TextFinder search) 60 ms: Apps Script
 *   batches spreadsheet work, and Google's best-practice guide shows a
 *   read-write loop costing tens of milliseconds per call;
 * - Properties: get 30 ms, set 60 ms (measured averages, 100 runs each:
 *   ziritione.org, "Google Apps Script APIs performance");
 * - LockService 20 ms, MailApp.getRemainingDailyQuota 30 ms;
 * - everything else (getRange, getters, builders) 5 ms: these build a
 *   request locally and go to Google's servers with the next read or write.
 */
export function googleishCostMs(name: string): number {
  if (name === 'MailApp.sendEmail') return 500;
  if (name.startsWith('UrlFetchApp.')) return 300;
  if (name === 'MailApp.getRemainingDailyQuota') return 30;
  if (/^(Range|RangeList|Sheet|Spreadsheet)\.(set|insert|delete|clear|append)/.test(name))
    return 80;
  if (/^Range\.get(Values|DisplayValues|Formulas)$/.test(name)) return 60;
  if (/^TextFinder\.(findNext|findPrevious|findAll|replaceAllWith|replaceWith)$/.test(name))
    return 60;
  if (/^Properties\.(set|delete)/.test(name)) return 60;
  if (/^Properties\.get/.test(name)) return 30;
  if (name.startsWith('Lock.')) return 20;
  return 5;
}

/** Apps Script's limit for one execution (https://developers.google.com/apps-script/guides/services/quotas). */
export const EXECUTION_LIMIT_MS = 360_000;
