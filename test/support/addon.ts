/**
 * Integration tests drive the compiled dist/Code.js inside the emulator,
 * exactly as Apps Script would run it. `npm test` builds first.
 */
import { appendRows, loadAddon, type Addon } from '../../scripts/lib/addon';
import { headers } from '../../src/engine/i18n/vocabulary';
import { columnLetter } from '../../src/sheets/setup';
import type { EmulatorOptions } from '../../emulator';

export { appendRows, loadAddon, headers };
export type { Addon };

/** Thu 26 Nov 2026 12:00 in Copenhagen: the worked example of PRODUCT section 4. */
export const WORKED_EXAMPLE_NOW = new Date('2026-11-26T11:00:00Z');

export function setUpExampleWorkbook(options: EmulatorOptions = {}): Addon {
  const addon = loadAddon({ now: WORKED_EXAMPLE_NOW, ...options });
  addon.emu.run(() => addon.gas.setUpTrackerWithExamples());
  addon.emu.resetCalls();
  return addon;
}

/** A date cell as Sheets stores it: midnight in the spreadsheet's zone (Copenhagen is +01:00 in winter). */
export function day(iso: string, offset = '+01:00'): Date {
  return new Date(`${iso}T00:00:00${offset}`);
}

/** A Log row in setup's column order: Entry ID, Date, Assistant, KPI, Value, Note, Link, Logged at, Logged by, Check. */
export function logRow(
  date: unknown,
  assistant: string,
  kpi: string,
  value: unknown,
  loggedAt: Date | '' = '',
): unknown[] {
  return ['', date, assistant, kpi, value, '', '', loggedAt, '', ''];
}

/** Rows of the worked example: W48, Mon 23 – Thu 26 Nov 2026. */
export function workedExampleRows(): unknown[][] {
  const rows: unknown[][] = [];
  const posts = [3, 3, 3, 2]; // 11 approved posts so far
  ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'].forEach((iso, i) => {
    rows.push(logRow(day(iso), 'priya@example.com', 'K1', posts[i]));
  });
  for (const hours of [3.5, 5, 4.5])
    rows.push(logRow(day('2026-11-24'), 'juan@example.com', 'K3', hours));
  rows.push(logRow(day('2026-11-24'), 'ana@example.com', 'K8', 35));
  rows.push(logRow(day('2026-11-25'), 'ana@example.com', 'K9', 4));
  return rows;
}

/**
 * Types values into a row of a tab as a person would: the emulator writes
 * them and fires the simple edit trigger (and any installable one) with the
 * event Sheets builds, as the active user.
 */
export function typeInto(
  { emu }: Addon,
  sheetName: string,
  row: number,
  values: unknown[],
  column = 1,
): void {
  const user = emu.globals.Session.getActiveUser().getEmail();
  emu.typeInto(sheetName, `${columnLetter(column)}${row}`, [values], { user });
}

/** Column values of a tab by header, data rows only. */
export function column(addon: Addon, sheetName: string, header: string): unknown[] {
  const values = addon.emu.sheetValues(sheetName);
  const index = (values[0] ?? []).indexOf(header);
  if (index < 0) throw new Error(`No column ${header} in ${sheetName}`);
  return values.slice(1).map((row) => row[index]);
}
