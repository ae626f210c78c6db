/**
 * The size PRODUCT section 8 and issue 7 hold the add-on to: 100,000 Log rows and a team of 500
 * assistants (and their manager), one KPI each in a mix of aggregations, set up by the add-on
 * and filled in at once, with Apps Script's modelled time switched on afterwards.
 */
import { headers } from '../../src/engine/i18n/vocabulary';
import { syntheticWorkbook } from '../../scripts/lib/generate';
import { fillTabs } from '../../scripts/lib/addon';
import { loadAddon, type Addon } from '../support/addon';
import type { EmulatorOptions } from '../../emulator';

export const NOW = Date.UTC(2026, 10, 26, 11, 0); // Thu 26 Nov 2026 12:00 in Copenhagen
export const TIME_ZONE = 'Europe/Copenhagen';
export const MANAGER = 'manager@example.com';
export const LOG_ROWS = 100_000;
export const ASSISTANTS = 500;

const MIX = ['Sum', 'Count', 'Average', 'Min', 'Max', 'Latest', 'On-time'];

/** The synthetic workbook with its 500 KPIs spread over the aggregations. */
function contents() {
  const book = syntheticWorkbook(LOG_ROWS, NOW, TIME_ZONE, ASSISTANTS, 1);
  const header = headers('en', 'kpis');
  const at = (name: string) => header.indexOf(name);
  book.kpis.slice(1).forEach((row, i) => {
    const aggregation = MIX[i % MIX.length] as string;
    row[at('Aggregation')] = aggregation;
    row[at('Target')] = aggregation === 'On-time' ? 90 : 20;
    row[at('Unit')] = aggregation === 'On-time' ? '%' : 'items';
    row[at('Due time')] = aggregation === 'On-time' ? '16:00' : '';
  });
  return book;
}

/**
 * Set up tracker as the manager, then the tabs filled in; the clock is put back to NOW and a new
 * execution begins, so what a test measures starts from zero.
 */
export function bigWorkbook(options: EmulatorOptions = {}): Addon {
  const addon = loadAddon({
    now: NOW,
    timeZone: TIME_ZONE,
    owner: MANAGER,
    user: MANAGER,
    ...options,
  });
  const { emu, gas } = addon;
  emu.run(() => gas.setUpTracker());
  fillTabs(emu, contents());
  emu.clock.set(NOW);
  emu.endExecution();
  emu.resetCalls();
  return addon;
}

/**
 * The dispatcher's busiest hour: every KPI wants an entry each working day, everyone works in
 * Copenhagen, nobody has logged today (today's rows go), and it is 15:30 — so a Missing entry
 * reminder is due for all 500 assistants at once. Host-side changes, not counted.
 */
export function everyoneOwesAnEntry({ emu }: Addon): void {
  const edit = (tab: string, header: string, value: unknown): void => {
    const rows = emu.sheetValues(tab);
    const at = (rows[0] ?? []).indexOf(header);
    rows.slice(1).forEach((row) => (row[at] = value));
    emu.setSheetValues(tab, rows);
  };
  edit('KPIs', 'Period', 'Day');
  edit('Team', 'Time zone', TIME_ZONE);
  const log = emu.sheetValues('Log');
  const date = (log[0] ?? []).indexOf('Date');
  const today = Date.parse('2026-11-26T00:00:00+01:00');
  emu.setSheetValues(
    'Log',
    log.filter((row, i) => i === 0 || (row[date] as Date).getTime() < today),
  );
  emu.clock.set(NOW + 3.5 * 3_600_000);
  emu.endExecution();
}
