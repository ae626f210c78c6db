/**
 * Rows typed by hand (PRODUCT section 3). In Log the edit stamps Entry ID,
 * Logged at and Logged by and writes the row's Check; in KPIs it stamps the
 * KPI ID, keeps target changes in Targets and refreshes SMART; in Check-ins,
 * Feedback and Actions it stamps IDs and Done on (feedbackLoopEdits.ts). A bad row is
 * kept exactly as typed. A simple trigger must never fail loudly, so any
 * surprise becomes a toast.
 */
import type { Lang } from '../engine/types';
import { t } from '../engine/i18n/messages';
import { buildSnapshot } from '../engine/snapshot';
import { logRowChecker } from '../engine/records/log';
import { findColumns, type Table } from '../engine/records/table';
import { readNumber, readText } from '../engine/records/cells';
import { localDay } from '../engine/time/calendar';
import { formatSmart, smartCheck } from '../engine/kpi/smart';
import { smartReferences } from '../engine/kpi/history';
import { now } from '../services/clock';
import { withDocumentLock } from '../services/lock';
import { activeUserEmail } from '../services/session';
import { dateCell, dateTimeCell, rowFor, safeText, widthOf } from './cells';
import { checkText } from './derivedColumns';
import { takeIds } from './ids';
import { loadSnapshot, type Loaded } from './snapshot';
import { readSettings } from './settings';
import { readTab, TAB_METADATA_KEY, findTabs } from './tabs';
import { isFeedbackLoopTab, stampFeedbackLoopRows } from './feedbackLoopEdits';
import { tellNotStamped } from './missingIds';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A burst of stamps waits a little for another writer, but a typist must not wait long. */
const EDIT_LOCK_WAIT_MS = 5_000;

export function handleEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = event?.range;
  if (!range) return;
  const sheet = range.getSheet();
  const tab = sheet
    .getDeveloperMetadata()
    .find((m) => m.getKey() === TAB_METADATA_KEY)
    ?.getValue();
  const firstRow = Math.max(2, range.getRow());
  const lastRow = range.getRow() + range.getNumRows() - 1;
  if (lastRow < firstRow) return;
  if (tab === 'log') stampLogRows(sheet, firstRow, lastRow, editorOf(event));
  else if (tab === 'kpis') handleKpiEdit(sheet, firstRow, lastRow, event);
  else if (isFeedbackLoopTab(tab))
    stampFeedbackLoopRows(sheet, tab, range, firstRow, lastRow, EDIT_LOCK_WAIT_MS);
}

function editorOf(event: GoogleAppsScript.Events.SheetsOnEdit): string {
  try {
    return event.user?.getEmail()?.toLowerCase() || activeUserEmail();
  } catch {
    return activeUserEmail();
  }
}

function stampLogRows(sheet: Sheet, firstRow: number, lastRow: number, editor: string): void {
  const spreadsheet = sheet.getParent();
  const { settings, dateOrder } = readSettings(spreadsheet);
  const instant = now();
  const today = localDay(instant, settings.timeZone);
  const tabs = findTabs(spreadsheet);
  const lastColumn = sheet.getLastColumn();
  const columns = findColumns(
    'log',
    sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as unknown[],
  );
  const rows = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, lastColumn).getValues();
  const { team, kpis } = buildSnapshot(
    { team: readTab(tabs.team), kpis: readTab(tabs.kpis), goals: null, log: null, targets: null },
    settings,
    dateOrder,
    today,
    instant,
  );
  const table: Table<'log'> = { tab: 'log', rows, columns };
  const checkRow = logRowChecker(table, {
    lang: settings.lang,
    timeZone: settings.timeZone,
    dateOrder,
    team,
    kpis,
    today,
    now: instant,
  });
  const checks = rows.map(checkRow);
  const column = (field: keyof typeof columns): number | undefined => {
    const index = columns[field];
    return index === undefined ? undefined : index + 1;
  };
  const writeColumn = (field: keyof typeof columns, values: unknown[]): void => {
    const at = column(field);
    if (at !== undefined)
      sheet.getRange(firstRow, at, values.length, 1).setValues(values.map((v) => [v]));
  };
  const cellAt = (row: unknown[], field: keyof typeof columns): unknown => {
    const index = columns[field];
    return index === undefined ? '' : row[index];
  };

  // Logged at, Logged by and Check are facts of this edit about the rows just typed, which no
  // other writer touches; only the Entry ID comes from the shared counter and needs the lock.
  const typed = checks.map((check) => check.ok !== 'blank');
  writeColumn(
    'loggedAt',
    rows.map((row, i) =>
      typed[i] && cellAt(row, 'loggedAt') === '' ? dateTimeCell(instant) : cellAt(row, 'loggedAt'),
    ),
  );
  writeColumn(
    'loggedBy',
    rows.map((row, i) =>
      typed[i] && cellAt(row, 'loggedBy') === '' ? safeText(editor) : cellAt(row, 'loggedBy'),
    ),
  );
  writeColumn(
    'check',
    checks.map((check) => checkText(settings.lang, check)),
  );
  const idColumn = column('entryId');
  if (idColumn === undefined || !rows.some((row, i) => typed[i] && cellAt(row, 'entryId') === ''))
    return;
  const stamped = withDocumentLock(() => {
    // Read again under the lock: a Refresh may have given these rows their IDs meanwhile.
    const current = sheet.getRange(firstRow, idColumn, rows.length, 1).getValues();
    const needsId = current.map(([id], i) => typed[i] === true && readText(id) === '');
    const ids = takeIds('E', needsId.filter(Boolean).length);
    let next = 0;
    if (ids.length > 0)
      writeColumn(
        'entryId',
        current.map(([id], i) => (needsId[i] ? ids[next++] : id)),
      );
  }, EDIT_LOCK_WAIT_MS);
  if (!stamped.ok) tellNotStamped(spreadsheet, settings.lang, firstRow, lastRow);
}

function handleKpiEdit(
  sheet: Sheet,
  firstRow: number,
  lastRow: number,
  event: GoogleAppsScript.Events.SheetsOnEdit,
): void {
  const loaded = loadSnapshot(sheet.getParent());
  const lang = loaded.snapshot.settings.lang;
  const stamped = withDocumentLock(() => {
    recordTargetChange(event, loaded, lang);
    return stampKpiIds(sheet, firstRow, lastRow, loaded);
  }, EDIT_LOCK_WAIT_MS);
  if (!stamped.ok)
    sheet.getParent().toast(t(lang, 'edit.kpiNotRecorded'), t(lang, 'setup.title'), 15);
  // New IDs change what the rows are: read them again from the values in hand, not the sheet.
  const { snapshot, moment } = loaded;
  const current =
    stamped.ok && stamped.value
      ? buildSnapshot(loaded.values, snapshot.settings, loaded.dateOrder, moment.today)
      : snapshot;
  const editedRows = current.kpis.rows.slice(firstRow - 2, lastRow - 1);
  const smartColumn = current.columns.kpis.smart;
  if (smartColumn !== undefined && editedRows.length > 0) {
    sheet
      .getRange(firstRow, smartColumn + 1, editedRows.length, 1)
      .setValues(
        editedRows.map((kpi) => [
          kpi ? formatSmart(lang, smartCheck(kpi, smartReferences(current, kpi, moment))) : '',
        ]),
      );
  }
}

/** A row typed into KPIs without an ID gets the next K number; says whether any did. */
function stampKpiIds(
  sheet: Sheet,
  firstRow: number,
  lastRow: number,
  { snapshot, values }: Loaded,
): boolean {
  const idColumn = snapshot.columns.kpis.kpiId;
  const nameColumn = snapshot.columns.kpis.kpi;
  if (idColumn === undefined || nameColumn === undefined || !values.kpis) return false;
  const block = values.kpis.slice(firstRow - 1, lastRow);
  const missing = block.map(
    (row) => readText(row[idColumn]) === '' && readText(row[nameColumn]) !== '',
  );
  const count = missing.filter(Boolean).length;
  if (count === 0) return false;
  const ids = takeIds(
    'K',
    count,
    snapshot.kpis.kpis.map((k) => k.id),
  );
  let next = 0;
  block.forEach((row, i) => {
    if (missing[i]) row[idColumn] = ids[next++];
  });
  sheet
    .getRange(firstRow, idColumn + 1, block.length, 1)
    .setValues(block.map((row) => [row[idColumn]]));
  return true;
}

/**
 * A target typed over in the KPIs tab goes to Targets, so past periods keep
 * the target they had. Only a one-cell edit tells the old value.
 */
function recordTargetChange(
  event: GoogleAppsScript.Events.SheetsOnEdit,
  loaded: Loaded,
  lang: Lang,
): void {
  const { snapshot, moment, tabs } = loaded;
  const targetColumn = snapshot.columns.kpis.target;
  const range = event.range;
  if (
    !tabs.targets ||
    targetColumn === undefined ||
    range.getNumRows() !== 1 ||
    range.getNumColumns() !== 1
  )
    return;
  if (range.getColumn() !== targetColumn + 1) return;
  const kpi = snapshot.kpis.rows[range.getRow() - 2];
  // The new target as the sheet now holds it; the old one only the event knows.
  if (!kpi || kpi.target === null) return;
  const after = { ok: true as const, value: kpi.target };
  const before = eventNumber(event.oldValue, lang);
  const targetsSheet = tabs.targets;
  const header = targetsSheet
    .getRange(1, 1, 1, targetsSheet.getLastColumn())
    .getValues()[0] as unknown[];
  const positions = Object.fromEntries(
    Object.entries(findColumns('targets', header)).map(([f, i]) => [f, (i as number) + 1]),
  );
  const width = widthOf(positions);
  const tz = snapshot.settings.timeZone;
  const editor = safeText(editorOf(event) || '');
  const rows: unknown[][] = [];
  if (!snapshot.targets.has(kpi.id.toUpperCase()) && before.ok) {
    rows.push(
      rowFor(
        positions,
        {
          kpiId: kpi.id,
          validFrom: dateCell(kpi.start ?? moment.today, tz),
          target: before.value,
          changedBy: editor,
          reason: t(lang, 'examples.initialTarget'),
        },
        width,
      ),
    );
  }
  rows.push(
    rowFor(
      positions,
      {
        kpiId: kpi.id,
        validFrom: dateCell(moment.today, tz),
        target: after.value,
        changedBy: editor,
        reason: t(lang, 'edit.targetReason'),
      },
      width,
    ),
  );
  const at = targetsSheet.getLastRow() + 1;
  if (targetsSheet.getMaxRows() < at + rows.length - 1)
    targetsSheet.insertRowsAfter(targetsSheet.getMaxRows(), rows.length);
  targetsSheet.getRange(at, 1, rows.length, width).setValues(rows);
}

/**
 * An edit event carries cell values as text: a number as JavaScript writes
 * it ("1.5", whatever the locale), or what a person typed into a text cell.
 */
function eventNumber(text: unknown, lang: Lang): ReturnType<typeof readNumber> {
  if (typeof text === 'string' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text.trim())) {
    return { ok: true, value: Number(text) };
  }
  return readNumber(text, lang);
}

export function reportEditFailure(error: unknown, lang: Lang = 'en'): void {
  try {
    SpreadsheetApp.getActive().toast(
      t(lang, 'error.unexpected', {
        message: error instanceof Error ? error.message : String(error),
      }),
      t(lang, 'setup.title'),
      10,
    );
  } catch {
    // Nothing more a simple trigger can do; Apps Script logs the original error.
  }
}

/** The simple edit trigger: it must never throw at the person typing. */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    handleEdit(e);
  } catch (error) {
    reportEditFailure(error);
  }
}
