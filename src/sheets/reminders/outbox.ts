/**
 * The Outbox tab (PRODUCT section 3): one row per reminder, keyed by its
 * Reminder key, so that nothing is ever sent twice (section 7). Read once
 * per run; every status change is one write of that row's cells, the row
 * found by its key at that moment — a manager may sort or delete Outbox rows
 * while a run goes on, so a row number from the read is never trusted.
 */
import { t } from '../../engine/i18n/messages';
import { choiceWord, readChoice } from '../../engine/i18n/vocabulary';
import type { OutboxStatus } from '../../engine/reminders/types';
import { isBlank, readInstant, readText } from '../../engine/records/cells';
import { cellOf, isBlankRow, toTable, type Table } from '../../engine/records/table';
import type { Channel, Instant, Lang } from '../../engine/types';
import { dateTimeCell } from '../cells';
import { AUTOMATIC_FORMAT, NUMBER_FORMATS } from '../layout';
import { appendRecords, positionsOf, writeRecord, type Positions } from '../rowWriter';
import { columnLetter } from '../setup';
import { readTab } from '../tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DATE_TIME = NUMBER_FORMATS.dateTime ?? 'yyyy-mm-dd hh:mm';

export type { OutboxStatus };

export interface OutboxEntry {
  key: string;
  /** null when the cell holds something else than a status: such a row is left alone. */
  status: OutboxStatus | null;
  dueAt: Instant | null;
  attempts: number;
  /** Skipped only because a later message took its items over, or its reason went away: nothing was sent. */
  superseded: boolean;
}

export interface Outbox {
  sheet: Sheet;
  lang: Lang;
  positions: Positions;
  /** The first row of each key, in sheet order. */
  entries: Map<string, OutboxEntry>;
}

/** null when the tab lacks the columns nothing can be recorded without (Reminder key, Status). */
/** The Error text a superseded row carries, in either language. */
const SUPERSEDED = new Set([t('en', 'outbox.stale'), t('da', 'outbox.stale')]);

export function readOutbox(sheet: Sheet, lang: Lang): Outbox | null {
  const table: Table<'outbox'> = toTable('outbox', readTab(sheet) ?? []);
  if (table.columns.reminderKey === undefined || table.columns.status === undefined) return null;
  const entries = new Map<string, OutboxEntry>();
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const key = readText(cellOf(table, row, 'reminderKey'));
    if (!key || entries.has(key)) continue;
    const due = readInstant(cellOf(table, row, 'dueAt'));
    const attempts = Number(cellOf(table, row, 'attempts'));
    entries.set(key, {
      key,
      status: readChoice('outboxStatus', cellOf(table, row, 'status')),
      dueAt: due.ok ? due.value : null,
      attempts: Number.isFinite(attempts) && attempts > 0 ? Math.floor(attempts) : 0,
      superseded: SUPERSEDED.has(readText(cellOf(table, row, 'error'))),
    });
  }
  return { sheet, lang, positions: positionsOf(table.columns), entries };
}

export interface NewOutboxRow {
  key: string;
  created: Instant;
  dueAt: Instant;
  recipient: string;
  channel: Channel;
  /** The rules of the message's items, in words. */
  rule: string;
  /** The e-mail subject / chat title: user text, stored as text. */
  subject: string;
  status: OutboxStatus;
  error?: string;
}

/** New rows below the last one, one block write whatever their number. Call under the lock. */
export function appendOutboxRows(outbox: Outbox, rows: readonly NewOutboxRow[]): void {
  if (rows.length === 0) return;
  const { lang } = outbox;
  appendRecords(
    outbox.sheet,
    'outbox',
    outbox.positions,
    rows.map((row) => ({
      reminderKey: row.key,
      created: dateTimeCell(row.created),
      dueAt: dateTimeCell(row.dueAt),
      recipient: row.recipient,
      channel: choiceWord(lang, 'channel', row.channel),
      rule: row.rule,
      subject: row.subject,
      status: choiceWord(lang, 'outboxStatus', row.status),
      attempts: 0,
      sentAt: '',
      error: row.error ?? '',
    })),
  );
  for (const row of rows)
    outbox.entries.set(row.key, {
      key: row.key,
      status: row.status,
      dueAt: row.dueAt,
      attempts: 0,
      superseded: false,
    });
}

export interface StatusChange {
  status: OutboxStatus;
  attempts?: number;
  sentAt?: Instant;
  /** Written as text whatever it holds (a server's answer may start with "="). */
  error?: string;
}

/**
 * Writes one row's status cells, the row found by its key now. False when
 * the row is gone (deleted by hand): then nothing was written.
 *
 * The cells are written through the range the search found (Status,
 * Attempts, Sent at and Error sit side by side in the tab setup makes), so a
 * status change costs the search and one write; the Error cell's text format
 * is set again only when there is an error to write. Columns moved apart by
 * hand are written one run at a time by writeRecord.
 */
export function writeStatus(outbox: Outbox, key: string, change: StatusChange): boolean {
  const found = locate(outbox, key);
  if (found === null) return false;
  const { lang, positions } = outbox;
  const cells: Array<{ field: string; value: unknown; format: string }> = [
    {
      field: 'status',
      value: choiceWord(lang, 'outboxStatus', change.status),
      format: AUTOMATIC_FORMAT,
    },
  ];
  if (change.attempts !== undefined)
    cells.push({ field: 'attempts', value: change.attempts, format: AUTOMATIC_FORMAT });
  if (change.sentAt !== undefined)
    cells.push({ field: 'sentAt', value: dateTimeCell(change.sentAt), format: DATE_TIME });
  if (change.error !== undefined) cells.push({ field: 'error', value: change.error, format: '@' });
  const columns = cells.map((cell) => positions[cell.field]);
  const keyColumn = positions.reminderKey as number;
  const first = columns[0];
  const sideBySide = first !== undefined && columns.every((column, i) => column === first + i);
  if (sideBySide) {
    const range = found.offset(0, first - keyColumn, 1, cells.length);
    if (change.error) range.setNumberFormats([cells.map((cell) => cell.format)]);
    range.setValues([cells.map((cell) => cell.value)]);
  } else {
    const record = Object.fromEntries(cells.map((cell) => [cell.field, cell.value]));
    writeRecord(outbox.sheet, 'outbox', found.getRow(), positions, record);
  }
  const entry = outbox.entries.get(key);
  if (entry) {
    entry.status = change.status;
    if (change.attempts !== undefined) entry.attempts = change.attempts;
  }
  return true;
}

/**
 * The cell holding `key` in the Reminder key column, by a search in the
 * sheet itself. Keys are unique whatever their case (e-mails are
 * lower-cased, IDs compared upper-cased), so the search ignores case.
 */
function locate(outbox: Outbox, key: string): GoogleAppsScript.Spreadsheet.Range | null {
  const column = outbox.positions.reminderKey;
  if (column === undefined || isBlank(key)) return null;
  const letter = columnLetter(column);
  return outbox.sheet
    .getRange(`${letter}2:${letter}`)
    .createTextFinder(key)
    .matchEntireCell(true)
    .findNext();
}
