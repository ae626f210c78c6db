/**
 * The Outbox tab (PRODUCT section 3): one row per reminder, keyed by its
 * Reminder key, so that nothing is ever sent twice (section 7). Read once
 * per run; status changes are written in blocks, the rows found by key in
 * that read. A manager may sort or delete Outbox rows while a run sends
 * (it holds the document lock only between chunks), so before writing, the
 * rows to be written are read again and their keys checked; when a key has
 * moved, the tab is read again whole and the rows found anew.
 */
import { t } from '../../engine/i18n/messages';
import { choiceWord, readChoice } from '../../engine/i18n/vocabulary';
import type { OutboxStatus } from '../../engine/reminders/types';
import { readInstant, readText } from '../../engine/records/cells';
import { cellOf, isBlankRow, toTable, type Table } from '../../engine/records/table';
import type { Channel, Instant, Lang } from '../../engine/types';
import { dateTimeCell } from '../cells';
import { appendRecords, positionsOf, writeRows, type Positions } from '../rowWriter';
import { readTab } from '../tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type { OutboxStatus };

export interface OutboxEntry {
  key: string;
  /** null when the cell holds something else than a status: such a row is left alone. */
  status: OutboxStatus | null;
  dueAt: Instant | null;
  attempts: number;
  /** Skipped only because a later message took its items over, or its reason went away: nothing was sent. */
  superseded: boolean;
  /** Where the last read found it (1-based); checked again before every write. */
  row: number;
}

export interface Outbox {
  sheet: Sheet;
  lang: Lang;
  positions: Positions;
  /** The first row of each key, in sheet order. */
  entries: Map<string, OutboxEntry>;
  /** The columns the last read covered (the header's width). */
  width: number;
}

/** The Error text a superseded row carries, in either language. */
const SUPERSEDED = new Set([t('en', 'outbox.stale'), t('da', 'outbox.stale')]);

/** null when the tab lacks the columns nothing can be recorded without (Reminder key, Status). */
export function readOutbox(sheet: Sheet, lang: Lang): Outbox | null {
  const values = readTab(sheet) ?? [];
  const table: Table<'outbox'> = toTable('outbox', values);
  if (table.columns.reminderKey === undefined || table.columns.status === undefined) return null;
  const entries = new Map<string, OutboxEntry>();
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const entry = entryOf(table, row, i + 2);
    if (entry && !entries.has(entry.key)) entries.set(entry.key, entry);
  });
  return {
    sheet,
    lang,
    positions: positionsOf(table.columns),
    entries,
    width: values[0]?.length ?? 0,
  };
}

function entryOf(table: Table<'outbox'>, row: readonly unknown[], at: number): OutboxEntry | null {
  const key = readText(cellOf(table, row, 'reminderKey'));
  if (!key) return null;
  const due = readInstant(cellOf(table, row, 'dueAt'));
  const attempts = Number(cellOf(table, row, 'attempts'));
  return {
    key,
    status: readChoice('outboxStatus', cellOf(table, row, 'status')),
    dueAt: due.ok ? due.value : null,
    attempts: Number.isFinite(attempts) && attempts > 0 ? Math.floor(attempts) : 0,
    superseded: SUPERSEDED.has(readText(cellOf(table, row, 'error'))),
    row: at,
  };
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
  const first = appendRecords(
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
  rows.forEach((row, i) => {
    if (outbox.entries.has(row.key)) return; // the first row of a key is the one that counts
    outbox.entries.set(row.key, {
      key: row.key,
      status: row.status,
      dueAt: row.dueAt,
      attempts: 0,
      superseded: false,
      row: first + i,
    });
  });
}

export interface StatusChange {
  key: string;
  status: OutboxStatus;
  attempts?: number;
  sentAt?: Instant;
  /** Written as text whatever it holds (a server's answer may start with "="). */
  error?: string;
  /**
   * Only when the row's status is still this one now (a claim takes Queued
   * rows only: a manager may have changed one by hand since the read).
   */
  onlyIf?: OutboxStatus;
}

/** The cells a status change writes (side by side in the tab setup makes), each in its column's format. */
type StatusField = 'status' | 'attempts' | 'sentAt' | 'error';

/**
 * Writes status changes (Status, Attempts, Sent at, Error: what a change
 * leaves out keeps what the row holds now), one block per run of adjacent
 * rows — a claim or a record of a chunk is usually one block, since new
 * rows are appended together and claimed in order. Call under the lock.
 *
 * The rows come from the last read; the span they lie in is read again
 * first (one read), and when a key is no longer on its row (sorted,
 * deleted, inserted by hand) the whole tab is read again and the rows found
 * by key. Returns the keys written: a row deleted by hand is not, nor one
 * whose status is no longer `onlyIf`.
 */
export function writeStatuses(outbox: Outbox, all: readonly StatusChange[]): Set<string> {
  if (all.length === 0) return new Set();
  const changes = [...new Map(all.map((change) => [change.key, change])).values()];
  let current = readRows(outbox, changes);
  if (!current) {
    reread(outbox);
    current = readRows(outbox, changes);
  }
  if (!current) return new Set(); // the tab lost its Reminder key or Status column
  const placed: Array<{ row: number; change: StatusChange; record: Record<StatusField, unknown> }> =
    [];
  for (const change of changes) {
    const entry = outbox.entries.get(change.key);
    const now = entry ? current.get(entry.row) : undefined;
    if (!entry || !now) continue;
    if (change.onlyIf && now.status !== change.onlyIf) continue;
    placed.push({
      row: entry.row,
      change,
      record: {
        status: choiceWord(outbox.lang, 'outboxStatus', change.status),
        attempts: change.attempts ?? now.cells.attempts,
        sentAt: change.sentAt === undefined ? now.cells.sentAt : dateTimeCell(change.sentAt),
        error: change.error ?? now.cells.error,
      },
    });
  }
  writeRows(outbox.sheet, 'outbox', outbox.positions, placed);
  for (const { change } of placed) {
    const entry = outbox.entries.get(change.key) as OutboxEntry;
    entry.status = change.status;
    if (change.attempts !== undefined) entry.attempts = change.attempts;
    if (change.error !== undefined) entry.superseded = SUPERSEDED.has(change.error);
  }
  return new Set(placed.map(({ change }) => change.key));
}

interface RowNow {
  status: OutboxStatus | null;
  cells: Record<StatusField, unknown>;
}

/**
 * The rows of these keys as they are now, by row number, read in one block
 * from the first to the last; null when any key is not on the row the last
 * read found it on. Keys the last read did not find are left out.
 */
function readRows(outbox: Outbox, changes: readonly StatusChange[]): Map<number, RowNow> | null {
  const { positions } = outbox;
  if (positions.reminderKey === undefined || positions.status === undefined) return null;
  const rows = changes.flatMap((change) => outbox.entries.get(change.key)?.row ?? []);
  const found = new Map<number, RowNow>();
  if (rows.length === 0) return found;
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const width = Math.max(outbox.width, ...Object.values(positions).map((p) => p ?? 0));
  let values: unknown[][];
  try {
    values = outbox.sheet.getRange(first, 1, last - first + 1, width).getValues();
  } catch (error) {
    // Past the sheet's last row: rows were deleted by hand since the read.
    if (error instanceof Error && /Exceeded maximum execution time/i.test(error.message))
      throw error;
    return null;
  }
  const at = (line: readonly unknown[], field: string): unknown => {
    const column = positions[field];
    return column === undefined ? '' : line[column - 1];
  };
  for (const change of changes) {
    const entry = outbox.entries.get(change.key);
    if (!entry) continue;
    const line = values[entry.row - first] ?? [];
    if (readText(at(line, 'reminderKey')) !== change.key) return null;
    found.set(entry.row, {
      status: readChoice('outboxStatus', at(line, 'status')),
      cells: {
        status: at(line, 'status'),
        attempts: at(line, 'attempts'),
        sentAt: at(line, 'sentAt'),
        error: at(line, 'error'),
      },
    });
  }
  return found;
}

/** The whole tab again: where every key is now, and each one's status. */
function reread(outbox: Outbox): void {
  const again = readOutbox(outbox.sheet, outbox.lang);
  outbox.entries = again?.entries ?? new Map();
  outbox.positions = again?.positions ?? {};
  outbox.width = again?.width ?? 0;
}
