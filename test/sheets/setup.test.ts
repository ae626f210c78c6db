import {
  column,
  headers,
  loadAddon,
  setUpExampleWorkbook,
  WORKED_EXAMPLE_NOW,
} from '../support/addon';
import type { Emulator } from '../../emulator';

/** The workbook without what changes on every run (clock) — what a user would compare. */
function workbookOf(emu: Emulator): unknown {
  const state = JSON.parse(emu.serialize()) as Record<string, unknown>;
  delete state.now;
  return state;
}

const TABS = [
  'Team',
  'Goals',
  'KPIs',
  'Log',
  'Check-ins',
  'Feedback',
  'Actions',
  'Targets',
  'Dashboard',
  'Outbox',
];

describe('Set up tracker', () => {
  test('creates every tab with its headers, a frozen header row and its metadata', () => {
    const { emu, gas } = loadAddon({ now: WORKED_EXAMPLE_NOW });
    emu.run(() => gas.setUpTracker());
    const names = emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(expect.arrayContaining(TABS));
    expect(emu.sheetValues('Log')[0]).toEqual(headers('en', 'log'));
    expect(emu.sheetValues('KPIs')[0]).toEqual(headers('en', 'kpis'));
    const log = emu.spreadsheet.getSheetByName('Log');
    expect(log?.getFrozenRows()).toBe(1);
    expect(log?.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toContainEqual([
      'kpiloop.tab',
      'log',
    ]);
    expect(emu.ui.toasts.at(-1)?.message).toBe('KPI Loop is set up: 10 tabs created, 0 repaired.');
  });

  test('running it twice gives the same workbook', () => {
    const { emu, gas } = setUpExampleWorkbook();
    const once = workbookOf(emu);
    emu.run(() => gas.setUpTracker());
    expect(workbookOf(emu)).toEqual(once);
    expect(emu.ui.toasts.at(-1)?.message).toBe('KPI Loop is set up; nothing needed repair.');
  });

  test('protects Team, Goals, KPIs, Targets, Dashboard and Outbox for managers only', () => {
    const { emu } = setUpExampleWorkbook();
    for (const name of ['Team', 'Goals', 'KPIs', 'Targets', 'Dashboard', 'Outbox']) {
      const [protection] =
        emu.spreadsheet
          .getSheetByName(name)
          ?.getProtections(emu.globals.SpreadsheetApp.ProtectionType.SHEET) ?? [];
      expect(protection?.getEditors().map((u) => u.getEmail())).toEqual(['mette@example.com']);
    }
    for (const name of ['Log', 'Feedback', 'Actions', 'Check-ins']) {
      expect(
        emu.spreadsheet
          .getSheetByName(name)
          ?.getProtections(emu.globals.SpreadsheetApp.ProtectionType.SHEET),
      ).toHaveLength(0);
    }
  });

  test('an assistant cannot change a protected tab', () => {
    const { emu } = setUpExampleWorkbook();
    expect(() =>
      emu.asUser('priya@example.com', () =>
        emu.globals.SpreadsheetApp.getActive()
          .getSheetByName('KPIs')
          ?.getRange('I2')
          .setValues([[1]]),
      ),
    ).toThrow(/protected/);
  });

  test('loads the example team, goals and KPIs with each first target in Targets', () => {
    const addon = setUpExampleWorkbook();
    expect(column(addon, 'Team', 'Email')).toEqual([
      'mette@example.com',
      'priya@example.com',
      'juan@example.com',
      'ana@example.com',
    ]);
    expect(column(addon, 'KPIs', 'KPI ID')).toHaveLength(10);
    expect(column(addon, 'KPIs', 'SMART')).toEqual(Array(10).fill('OK'));
    expect(column(addon, 'Targets', 'Target')).toEqual([15, 48, 4, 90, 100, 100, 3, 50, 5, 10]);
    expect(column(addon, 'KPIs', 'Start')[0]).toBeInstanceOf(Date);
  });

  test('a Danish workbook gets Danish tabs, headers and choice words', () => {
    const addon = setUpExampleWorkbook({ locale: 'da_DK' });
    const names = addon.emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(
      expect.arrayContaining(['Team', 'Mål', "KPI'er", 'Log', 'Målhistorik', 'Oversigt']),
    );
    expect(addon.emu.sheetValues("KPI'er")[0]?.slice(0, 4)).toEqual([
      'KPI-ID',
      'KPI',
      'Ejer',
      'Mål-ID',
    ]);
    expect(column(addon, "KPI'er", 'Beregning')).toContain('Forhold');
    expect(column(addon, 'Team', 'Rolle')).toEqual([
      'Leder',
      'Assistent',
      'Assistent',
      'Assistent',
    ]);
  });

  test('example data never overwrites a tab that holds data', () => {
    const addon = setUpExampleWorkbook();
    addon.emu.setSheetValues('Team', [
      headers('en', 'team'),
      ['Only Me', 'mette@example.com', 'Manager'],
    ]);
    addon.emu.run(() => addon.gas.setUpTrackerWithExamples());
    expect(column(addon, 'Team', 'Name')).toEqual(['Only Me']);
    expect(addon.emu.ui.toasts.at(-1)?.message).toContain(
      'Example data not loaded: Team already holds data.',
    );
  });

  test('a renamed tab and a moved column keep working; a typed-over header is put back', () => {
    const addon = setUpExampleWorkbook();
    const { emu, gas } = addon;
    emu.spreadsheet.getSheetByName('KPIs')?.setName('Our KPIs');
    const values = emu.sheetValues('Our KPIs');
    // Swap the Target and Unit columns and type over the SMART header.
    const moved = values.map((row) => {
      const copy = [...row];
      [copy[8], copy[9]] = [copy[9], copy[8]];
      return copy;
    });
    (moved[0] as unknown[])[20] = 'notes';
    emu.setSheetValues('Our KPIs', moved);
    emu.run(() => gas.setUpTracker());
    const header = emu.sheetValues('Our KPIs')[0] as unknown[];
    expect(header[8]).toBe('Unit');
    expect(header[9]).toBe('Target');
    expect(header[20]).toBe('SMART');
    expect(emu.spreadsheet.getSheets().map((s) => s.getName())).not.toContain('KPIs');
    const status = emu.run(() => emu.withAuthMode('CUSTOM_FUNCTION', () => gas.KPI_TARGET('K1')));
    expect(status).toBe(15);
  });

  test('an assistant may not set up the tracker once it has a manager', () => {
    const { emu, gas } = setUpExampleWorkbook();
    const before = emu.serialize();
    emu.asUser('priya@example.com', () => emu.run(() => gas.setUpTracker()));
    expect(emu.ui.toasts.at(-1)?.message).toBe('Only managers can set up the tracker.');
    expect(JSON.parse(emu.serialize()).sheets).toEqual(JSON.parse(before).sheets);
  });

  test('while another process holds the lock nothing is written and the user is told', () => {
    const { emu, gas } = loadAddon({ now: WORKED_EXAMPLE_NOW });
    emu.holdDocumentLock('someone-else@example.com');
    emu.run(() => gas.setUpTracker());
    expect(emu.spreadsheet.getSheets()).toHaveLength(1);
    expect(emu.ui.toasts.at(-1)?.message).toMatch(/Someone else is changing the tracker right now/);
  });
});
