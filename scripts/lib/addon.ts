/**
 * The compiled add-on running in the emulator: what `npm start`, the bench
 * and the integration tests all drive. dist/ must be built first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEmulator, type Bundle, type Emulator, type EmulatorOptions } from '../../emulator';
import { headers } from '../../src/engine/i18n/vocabulary';

export const DIST = path.resolve(__dirname, '../../dist');

export const EXAMPLE_OPTIONS: EmulatorOptions = {
  timeZone: 'Europe/Copenhagen',
  locale: 'en_US',
  owner: 'mette@example.com',
  user: 'mette@example.com',
  spreadsheetName: 'Team KPIs',
  htmlDir: DIST,
};

export interface Addon {
  emu: Emulator;
  gas: Bundle;
}

export function loadAddon(options: EmulatorOptions = {}): Addon {
  if (!fs.existsSync(path.join(DIST, 'Code.js'))) {
    throw new Error('dist/Code.js is missing: run `npm run build` first.');
  }
  const emu = createEmulator({ ...EXAMPLE_OPTIONS, ...options });
  const gas = emu.load(DIST);
  return { emu, gas };
}

/** Appends rows below a tab's last row, as a paste would leave them (no edit trigger). */
export function appendRows(emu: Emulator, sheetName: string, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const values = emu.sheetValues(sheetName);
  const width = Math.max(values[0]?.length ?? 0, ...rows.map((r) => r.length));
  const pad = (row: unknown[]): unknown[] => [
    ...row,
    ...Array<unknown>(width - row.length).fill(''),
  ];
  emu.setSheetValues(sheetName, [...values.map(pad), ...rows.map(pad)]);
}

const TAB_NAMES = { team: 'Team', goals: 'Goals', kpis: 'KPIs', log: 'Log', targets: 'Targets' };

/** An English workbook's tabs given new contents, host-side: no trigger runs, no call is counted. */
export function fillTabs(
  emu: Emulator,
  contents: Partial<Record<keyof typeof TAB_NAMES, unknown[][]>>,
): void {
  for (const [tab, name] of Object.entries(TAB_NAMES)) {
    const values = contents[tab as keyof typeof TAB_NAMES];
    if (values) emu.setSheetValues(name, values);
  }
}

export { headers };
