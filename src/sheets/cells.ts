/**
 * Values the add-on writes to cells. User text is stored as text, never as
 * a formula (PRODUCT section 8): Sheets reads a written string that starts
 * with = + - @ as a formula or a number, and an apostrophe in front is how
 * Sheets itself marks "this is text" (it is not shown and not stored).
 */
import type { DayNumber, Instant } from '../engine/types';
import { instantAt } from '../engine/time/calendar';

const FORMULA_START = /^[=+\-@\t\r\n]/;

export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A date cell: midnight of that day in the spreadsheet's zone, as Sheets stores dates. */
export function dateCell(day: DayNumber, timeZone: string): Date {
  return new Date(instantAt(day, 0, timeZone));
}

export function dateTimeCell(instant: Instant): Date {
  return new Date(instant);
}

/** A row as wide as the tab, with each field's value at its column and '' elsewhere. */
export function rowFor(
  positions: Record<string, number>,
  values: Record<string, unknown>,
  width: number,
): unknown[] {
  const row: unknown[] = Array<unknown>(width).fill('');
  for (const [field, value] of Object.entries(values)) {
    const column = positions[field];
    if (column !== undefined && value !== undefined) row[column - 1] = value;
  }
  return row;
}

export function widthOf(positions: Record<string, number>): number {
  return Math.max(0, ...Object.values(positions));
}
