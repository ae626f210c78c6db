/**
 * Appending and rewriting rows the add-on owns, one block write each.
 * Text columns are given the plain-text format in the same operation, so
 * whatever a person typed (=, +, -, @ …) is stored as text and never runs
 * as a formula (PRODUCT section 8).
 */
import type { FieldOf, TabId } from '../engine/i18n/vocabulary';
import { LAYOUT, AUTOMATIC_FORMAT, NUMBER_FORMATS, type ColumnKind } from './layout';
import { safeText } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** 1-based column per field, from the tab's header. */
export type Positions = Partial<Record<string, number>>;

export function positionsOf(columns: Partial<Record<string, number>>): Positions {
  const positions: Positions = {};
  for (const [field, index] of Object.entries(columns))
    if (index !== undefined) positions[field] = index + 1;
  return positions;
}

/** Consecutive row numbers as [first, count] runs, so each run is one block write. */
export function runsOf(rows: readonly number[]): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  for (const row of rows) {
    const last = result[result.length - 1];
    if (last && last[0] + last[1] === row) last[1]++;
    else result.push([row, 1]);
  }
  return result;
}

/** Contiguous runs of the add-on's columns, so user columns in between are never rewritten. */
function runs(
  positions: Positions,
  fields: readonly string[],
): Array<{ first: number; fields: string[] }> {
  const placed = fields
    .map((field) => ({ field, column: positions[field] }))
    .filter((p): p is { field: string; column: number } => p.column !== undefined)
    .sort((a, b) => a.column - b.column);
  const result: Array<{ first: number; fields: string[] }> = [];
  for (const { field, column } of placed) {
    const last = result[result.length - 1];
    if (last && last.first + last.fields.length === column) last.fields.push(field);
    else result.push({ first: column, fields: [field] });
  }
  return result;
}

function cellFor(kind: ColumnKind | undefined, value: unknown): { value: unknown; format: string } {
  const format = (kind && NUMBER_FORMATS[kind.kind]) ?? AUTOMATIC_FORMAT;
  if (typeof value !== 'string') return { value: value ?? '', format };
  // A plain-text cell keeps the string as typed; anywhere else Sheets would parse it.
  return kind?.kind === 'plainText' ? { value, format: '@' } : { value: safeText(value), format };
}

/** Writes one record into row `row` (1-based), one block per contiguous run of the tab's columns. */
export function writeRecord<T extends TabId>(
  sheet: Sheet,
  tab: T,
  row: number,
  positions: Positions,
  record: Partial<Record<FieldOf<T>, unknown>>,
): void {
  const layout = LAYOUT[tab] as Record<string, ColumnKind>;
  for (const run of runs(positions, Object.keys(record))) {
    const cells = run.fields.map((field) =>
      cellFor(layout[field], (record as Record<string, unknown>)[field]),
    );
    const range = sheet.getRange(row, run.first, 1, run.fields.length);
    range.setNumberFormats([cells.map((c) => c.format)]);
    range.setValues([cells.map((c) => c.value)]);
  }
}

/** The row below the last one with content, growing the sheet when it is full. Call under the lock. */
export function nextFreeRow(sheet: Sheet): number {
  const row = sheet.getLastRow() + 1;
  if (row > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(100, row - sheet.getMaxRows()));
  return row;
}

/**
 * Writes records into the given rows (1-based), one block per run of
 * adjacent rows and columns. The rows must have been found under the lock
 * (by ID or key) just before.
 */
export function writeRows<T extends TabId>(
  sheet: Sheet,
  tab: T,
  positions: Positions,
  placed: ReadonlyArray<{ row: number; record: Partial<Record<FieldOf<T>, unknown>> }>,
): void {
  const layout = LAYOUT[tab] as Record<string, ColumnKind>;
  const fields = [...new Set(placed.flatMap(({ record }) => Object.keys(record)))];
  const sorted = [...placed].sort((a, b) => a.row - b.row);
  const rowRuns: Array<typeof sorted> = [];
  for (const item of sorted) {
    const run = rowRuns[rowRuns.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.row + 1 === item.row) run.push(item);
    else rowRuns.push([item]);
  }
  for (const rowRun of rowRuns) {
    for (const run of runs(positions, fields)) {
      const cells = rowRun.map(({ record }) =>
        run.fields.map((field) =>
          cellFor(layout[field], (record as Record<string, unknown>)[field]),
        ),
      );
      const range = sheet.getRange(rowRun[0]!.row, run.first, rowRun.length, run.fields.length);
      range.setNumberFormats(cells.map((row) => row.map((c) => c.format)));
      range.setValues(cells.map((row) => row.map((c) => c.value)));
    }
  }
}

/**
 * Appends records below the tab's last row: one block write per contiguous
 * run of columns, whatever the number of records. Only for tabs nobody but
 * the add-on and managers write (Outbox, Targets, KPIs); where people type
 * rows, use appendRecordsBelowTypists. Call under the lock. Returns the
 * first row written (1-based).
 */
export function appendRecords<T extends TabId>(
  sheet: Sheet,
  tab: T,
  positions: Positions,
  records: ReadonlyArray<Partial<Record<FieldOf<T>, unknown>>>,
): number {
  const first = sheet.getLastRow() + 1;
  if (records.length === 0) return first;
  const last = first + records.length - 1;
  if (last > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(100, last - sheet.getMaxRows()));
  writeRows(
    sheet,
    tab,
    positions,
    records.map((record, i) => ({ row: first + i, record })),
  );
  return first;
}

/**
 * Appends records to a tab people type rows into (Log, Check-ins, Feedback,
 * Actions). The lock keeps other saves out, but not a person typing: reading
 * the last row and then writing below it would overwrite a row typed in
 * between. So each record first claims its row with Sheet.appendRow, which
 * Google documents as atomic for exactly this, holding only the record's ID;
 * the records are then written into the rows they claimed, with their
 * formats, one block per run of adjacent rows. Call under the lock, with
 * each record's ID in `idField`. Returns the row of each record (1-based).
 */
export function appendRecordsBelowTypists<T extends TabId>(
  sheet: Sheet,
  tab: T,
  positions: Positions,
  idField: FieldOf<T>,
  records: ReadonlyArray<Partial<Record<FieldOf<T>, unknown>>>,
): number[] {
  const idColumn = positions[idField];
  if (records.length === 0) return [];
  if (idColumn === undefined) {
    // Without its ID column a row cannot be claimed and found again: write below the last row.
    const first = appendRecords(sheet, tab, positions, records);
    return records.map((_, i) => first + i);
  }
  const ids = records.map((record) => String((record as Record<string, unknown>)[idField]));
  const before = sheet.getLastRow();
  for (const id of ids) {
    const claim: unknown[] = Array<unknown>(idColumn).fill('');
    claim[idColumn - 1] = id;
    sheet.appendRow(claim);
  }
  // Rows typed meanwhile sit among the claimed ones: find each ID below where they started.
  const after = sheet.getLastRow();
  const column = sheet.getRange(before + 1, idColumn, after - before, 1).getValues();
  const rowOf = new Map<string, number>();
  column.forEach(([cell], i) => rowOf.set(String(cell), before + 1 + i));
  const placed = records.map((record, i) => ({
    row: rowOf.get(ids[i] as string) as number,
    record,
  }));
  writeRows(sheet, tab, positions, placed);
  return placed.map(({ row }) => row);
}
