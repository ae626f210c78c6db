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
 * Appends records below the tab's last row: one block write per contiguous
 * run of columns, whatever the number of records. Call under the lock.
 * Returns the first row written (1-based).
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
  const layout = LAYOUT[tab] as Record<string, ColumnKind>;
  const fields = [...new Set(records.flatMap((record) => Object.keys(record)))];
  for (const run of runs(positions, fields)) {
    const cells = records.map((record) =>
      run.fields.map((field) => cellFor(layout[field], (record as Record<string, unknown>)[field])),
    );
    const range = sheet.getRange(first, run.first, records.length, run.fields.length);
    range.setNumberFormats(cells.map((row) => row.map((c) => c.format)));
    range.setValues(cells.map((row) => row.map((c) => c.value)));
  }
  return first;
}
