/**
 * The example workbook the playground runs on: made fresh the way a manager
 * would ("Set up tracker with example data", then six weeks of work for the
 * example team), or reloaded from the file the last run left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEmulator } from '../../emulator';
import { appendRows, DIST, EXAMPLE_OPTIONS, loadAddon, type Addon } from '../lib/addon';
import { exampleLogRows, logTabRows } from '../lib/generate';

export type Lang = 'en' | 'da';

/** Sheets shows an add-on's menu under Extensions, titled with the add-on's name. */
const ADDON_NAME = 'KPI Loop';

export interface OpenOptions {
  /** Where the workbook is kept between runs; null keeps nothing. */
  stateFile: string | null;
  /** Start over even when a saved workbook exists. */
  reset: boolean;
  lang: Lang;
  /** The moment the clock shows at the start. */
  now: number;
}

export interface Opened extends Addon {
  /** Where the workbook came from, for the start banner. */
  origin: 'created' | 'reloaded';
}

export function openWorkbook(options: OpenOptions): Opened {
  const saved = options.reset ? null : savedWorkbook(options);
  return saved ?? { ...freshWorkbook(options), origin: 'created' };
}

function freshWorkbook({ lang, now }: OpenOptions): Addon {
  const addon = loadAddon({
    locale: lang === 'da' ? 'da_DK' : 'en_US',
    now,
    addonName: ADDON_NAME,
  });
  const { emu, gas } = addon;
  emu.run(() => gas.setUpTrackerWithExamples());
  const rows = exampleLogRows(emu.clock.now(), EXAMPLE_OPTIONS.timeZone as string);
  appendRows(emu, logTabName(addon), logTabRows(rows));
  // Writes Check and SMART for the new rows and seeds the ID counters.
  emu.run(() => gas.setUpTracker());
  // The manager's first look: Dashboard: refresh.
  emu.run(() => gas.refreshDashboard());
  return addon;
}

/** The Log tab is found by its metadata, as the add-on finds it: its name depends on the language. */
function logTabName({ emu }: Addon): string {
  const sheet = emu.spreadsheet
    .getSheets()
    .find((s) => s.getDeveloperMetadata().some((m) => m.getValue() === 'log'));
  return sheet?.getName() ?? 'Log';
}

function savedWorkbook({ stateFile, now }: OpenOptions): Opened | null {
  if (stateFile === null || !fs.existsSync(stateFile)) return null;
  try {
    const emu = createEmulator({
      ...EXAMPLE_OPTIONS,
      addonName: ADDON_NAME,
      state: fs.readFileSync(stateFile, 'utf8'),
      now,
    });
    return { emu, gas: emu.load(DIST), origin: 'reloaded' };
  } catch (error) {
    console.warn(`Could not read ${stateFile} (${String(error)}); starting over.`);
    return null;
  }
}

/** Written to a temporary file first, so a crash half-way never leaves a broken workbook. */
export function saveWorkbook(stateFile: string, serialized: string): void {
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  const temporary = `${stateFile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, serialized);
  fs.renameSync(temporary, stateFile);
}
