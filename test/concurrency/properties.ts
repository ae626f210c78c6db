/**
 * What must hold after any interleaving of the writers (PRODUCT section 8): no row lost or
 * overwritten, IDs unique, and each writer that could not get the lock was told so and wrote
 * nothing. Each check returns the violations it found, as sentences naming the writer.
 */
import type { ConcurrentRun, ExecutionOutcome } from '../../emulator/concurrency';
import { t } from '../../src/engine/i18n/messages';
import type { Addon } from '../support/addon';
import type { Writer } from './writers';

const LOCK_BUSY = t('en', 'server.lockBusy');

/** The tab's rows as records by header. */
function records(addon: Addon, tab: string): Array<Record<string, unknown>> {
  const [header = [], ...rows] = addon.emu.sheetValues(tab);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

const holds = (record: Record<string, unknown>, token: string): boolean =>
  Object.values(record).some((cell) => typeof cell === 'string' && cell.includes(token));

interface Reply {
  ok: boolean;
  message?: string;
  value?: Record<string, unknown>;
}

/** Where each kind of writer leaves its rows, and the IDs its reply names. */
const TAB: Record<Writer['kind'], string> = {
  saveLogEntry: 'Log',
  typeLogRow: 'Log',
  typeActionRow: 'Actions',
  giveFeedback: 'Feedback',
  scheduleCheckIn: 'Check-ins',
  recordCheckIn: 'Check-ins',
};

function repliedIds(kind: Writer['kind'], value: Record<string, unknown>): string[] {
  if (kind === 'saveLogEntry') return [String(value.entryId)];
  if (kind === 'recordCheckIn') return [String(value.checkInId)];
  return [String(value.id)];
}

const ID_COLUMN: Record<string, string> = {
  Log: 'Entry ID',
  Feedback: 'Feedback ID',
  'Check-ins': 'Check-in ID',
  Actions: 'Action ID',
};

function checkWriter(
  addon: Addon,
  writer: Writer,
  runs: ExecutionOutcome[],
  row: number | undefined,
): string[] {
  const tab = TAB[writer.kind];
  const idColumn = ID_COLUMN[tab] as string;
  const mine = records(addon, tab).filter((r) => holds(r, writer.token));
  const who = `${writer.kind} by ${writer.user} (${writer.token})`;
  if (writer.kind === 'typeLogRow' || writer.kind === 'typeActionRow') {
    if (row === undefined) return [`${who}: the typing was refused`];
    if (mine.length !== 1)
      return [`${who}: typed into row ${row}, found ${mine.length} times in ${tab}`];
    // A row typed by hand is the person's own: it stays. Its ID comes from the edit trigger,
    // under the lock; when the trigger cannot have the lock the person must be told.
    const told = runs.some((e) => e.user === writer.user && e.calls.includes('Spreadsheet.toast'));
    if (!mine[0]?.[idColumn] && !told)
      return [`${who}: typed into row ${row}, never got its ${idColumn}, and was not told`];
    return [];
  }
  const reply = runs[0]?.value as Reply | undefined;
  if (!reply) return [`${who}: no reply (${runs[0]?.error?.message ?? 'nothing'})`];
  if (!reply.ok) {
    if (reply.message !== LOCK_BUSY) return [`${who}: refused with "${reply.message ?? ''}"`];
    return mine.length === 0
      ? []
      : [`${who}: told the lock was busy, yet wrote ${mine.length} row(s)`];
  }
  const ids = repliedIds(writer.kind, reply.value ?? {});
  if (mine.length === 0) return [`${who}: saved ${ids.join(', ')}, but its row is gone`];
  const found = mine.map((r) => String(r[idColumn]));
  return ids.every((id) => found.includes(id))
    ? []
    : [`${who}: replied ${ids.join(', ')}, rows hold ${found.join(', ')}`];
}

function duplicateIds(addon: Addon): string[] {
  return Object.entries(ID_COLUMN).flatMap(([tab, column]) => {
    const ids = records(addon, tab)
      .map((r) => String(r[column] ?? ''))
      .filter((id) => id !== '');
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    return twice.length > 0
      ? [`${tab}: ${column} used twice: ${[...new Set(twice)].join(', ')}`]
      : [];
  });
}

/** Triggers and server functions end without an error, and nothing reached console.error. */
function surprises(run: ConcurrentRun): string[] {
  return run.actors.flatMap(({ executions }) =>
    executions.flatMap((e) => [
      ...(e.error ? [`${e.fn} by ${e.user} threw ${e.error.message}`] : []),
      ...e.logs.map((line) => `${e.fn} by ${e.user} logged: ${line}`),
    ]),
  );
}

/** Rows with content that still have no ID, as "Log row 12". */
export function rowsWithoutIds(addon: Addon): string[] {
  return Object.entries(ID_COLUMN).flatMap(([tab, column]) => {
    const [header = [], ...rows] = addon.emu.sheetValues(tab);
    const idIndex = header.indexOf(column);
    const checkIndex = header.indexOf('Check');
    return rows.flatMap((row, i) =>
      row[idIndex] === '' && row.some((cell, j) => j !== idIndex && j !== checkIndex && cell !== '')
        ? [`${tab} row ${i + 2}`]
        : [],
    );
  });
}

export { duplicateIds };

export function violations(addon: Addon, writers: Writer[], run: ConcurrentRun): string[] {
  return [
    ...writers.flatMap((w, i) =>
      checkWriter(addon, w, run.actors[i]?.executions ?? [], run.actors[i]?.row),
    ),
    ...duplicateIds(addon),
    ...surprises(run),
  ];
}
