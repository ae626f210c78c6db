/**
 * Rows typed by hand into Check-ins, Feedback and Actions (PRODUCT section
 * 3): the edit trigger stamps the row's ID (C…, F…, A…) where it has none,
 * and in Actions sets Done on when Status is typed as Done and Done on is
 * empty. No other cell is ever changed: a hand-typed row is the person's.
 */
import { readChoice, type TabId } from '../engine/i18n/vocabulary';
import { isBlank, readText } from '../engine/records/cells';
import { findColumns } from '../engine/records/table';
import { localDay } from '../engine/time/calendar';
import { now } from '../services/clock';
import { withDocumentLock } from '../services/lock';
import { dateCell } from './cells';
import { takeIds } from './ids';
import { ID_COLUMNS } from './layout';
import { readSettings } from './settings';
import { columnLetter } from './setup';
import { tellNotStamped } from './missingIds';
import { runsOf } from './rowWriter';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type FeedbackLoopTab = 'checkIns' | 'feedback' | 'actions';

export function isFeedbackLoopTab(tab: string | null | undefined): tab is FeedbackLoopTab {
  return tab === 'checkIns' || tab === 'feedback' || tab === 'actions';
}

export function stampFeedbackLoopRows(
  sheet: Sheet,
  tab: FeedbackLoopTab,
  range: GoogleAppsScript.Spreadsheet.Range,
  firstRow: number,
  lastRow: number,
  lockWaitMs: number,
): void {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) return;
  const columns = findColumns(
    tab as TabId,
    sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as unknown[],
  ) as Partial<Record<string, number>>;
  const { field, prefix } = ID_COLUMNS[tab] as { field: string; prefix: string };
  const idIndex = columns[field];
  if (idIndex === undefined) return;
  const rows = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, lastColumn).getValues();

  const hasContent = (row: unknown[]): boolean =>
    row.some((cell, i) => i !== idIndex && !isBlank(cell));
  const needId = rows.flatMap((row, i) =>
    hasContent(row) && readText(row[idIndex]) === '' ? [firstRow + i] : [],
  );

  // Done on only when this edit typed the Status: an old Done row is left as it is.
  const statusIndex = columns.status;
  const doneOnIndex = columns.doneOn;
  const typedStatus =
    tab === 'actions' &&
    statusIndex !== undefined &&
    range.getColumn() <= statusIndex + 1 &&
    statusIndex + 1 <= range.getColumn() + range.getNumColumns() - 1;
  const needDoneOn =
    typedStatus && doneOnIndex !== undefined
      ? rows.flatMap((row, i) =>
          readChoice('actionStatus', row[statusIndex as number]) === 'Done' &&
          isBlank(row[doneOnIndex])
            ? [firstRow + i]
            : [],
        )
      : [];
  if (needId.length === 0 && needDoneOn.length === 0) return;

  const spreadsheet = sheet.getParent();
  const { settings } = readSettings(spreadsheet);
  // Done on is a fact of this edit about the row just typed; only IDs need the shared counter.
  if (needDoneOn.length > 0) {
    const letter = columnLetter((doneOnIndex as number) + 1);
    sheet
      .getRangeList(needDoneOn.map((row) => `${letter}${row}`))
      .setValue(dateCell(localDay(now(), settings.timeZone), settings.timeZone));
  }
  if (needId.length === 0) return;
  const stamped = withDocumentLock(() => {
    // IDs typed by hand elsewhere in the tab are never handed out again.
    const existing = sheet
      .getRange(2, idIndex + 1, Math.max(1, sheet.getLastRow() - 1), 1)
      .getValues()
      .map((row) => row[0]);
    // A Refresh may have given some of these rows their IDs since they were read.
    const still = needId.filter((row) => readText(existing[row - 2]) === '');
    const ids = takeIds(prefix, still.length, existing);
    let next = 0;
    for (const [first, count] of runsOf(still)) {
      sheet
        .getRange(first, idIndex + 1, count, 1)
        .setValues(Array.from({ length: count }, () => [ids[next++]]));
    }
  }, lockWaitMs);
  if (!stamped.ok) tellNotStamped(spreadsheet, settings.lang, firstRow, lastRow);
}
