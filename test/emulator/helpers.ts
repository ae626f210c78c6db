/** A workbook as KPI Loop's tests start from: a fixed clock, a Danish team's time zone, an owner. */
import path from 'node:path';
import { createEmulator } from '../../emulator';
import type { EmulatorOptions } from '../../emulator';

export const BUNDLE = path.join(__dirname, 'fixtures', 'bundle');
export const HTML = path.join(__dirname, 'fixtures', 'html');
export const OWNER = 'mette@example.com';
export const ASSISTANT = 'priya@example.com';
export const NOW = new Date('2026-11-26T11:00:00Z');

export function newEmulator(options: EmulatorOptions = {}) {
  return createEmulator({
    now: NOW,
    timeZone: 'Europe/Copenhagen',
    locale: 'en_US',
    owner: OWNER,
    spreadsheetName: 'Team KPIs',
    htmlDir: HTML,
    ...options,
  });
}
