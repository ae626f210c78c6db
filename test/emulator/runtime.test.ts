import { createEmulator } from '../../emulator';
import { ASSISTANT, BUNDLE, NOW, OWNER, newEmulator } from './helpers';

describe('Call counting', () => {
  test('calls are counted per method', () => {
    const emu = newEmulator();
    const gas = emu.load(BUNDLE);
    emu.setSheetValues('Log', [['Date', 'Value']]);
    gas.readLog();
    gas.readLog();
    expect(emu.calls).toEqual({
      'SpreadsheetApp.getActive': 2,
      'Spreadsheet.getSheetByName': 2,
      'Sheet.getDataRange': 2,
      'Range.getValues': 2,
    });
    expect(emu.totalCalls()).toBe(8);
  });

  test('chained calls are counted too', () => {
    const emu = newEmulator();
    emu.globals.SpreadsheetApp.getActive()
      .getSheets()[0]
      ?.getRange('A1')
      .setValues([[1]])
      .setNumberFormat('0.0');
    expect(emu.calls['Range.setNumberFormat']).toBe(1);
  });

  test('host-side helpers are not counted, and resetCalls starts over', () => {
    const emu = newEmulator();
    emu.setSheetValues('Log', [['x']]);
    emu.sheetValues('Log');
    emu.spreadsheet.getSheetByName('Log')?.getRange('A1').getValues();
    expect(emu.totalCalls()).toBe(0);
    emu.globals.Session.getActiveUser();
    emu.resetCalls();
    expect(emu.calls).toEqual({});
  });

  test('the cost model advances the clock for every counted call', () => {
    const emu = newEmulator({ costPerCallMs: (name) => (name === 'Range.getValues' ? 50 : 1) });
    const sheet = emu.globals.SpreadsheetApp.getActive().getSheets()[0];
    sheet?.getRange('A1').getValues();
    expect(emu.elapsedModelledMs).toBe(53);
    expect(emu.clock.now() - NOW.getTime()).toBe(53);
  });

  test('recordCalls lists each call with the cells it moved; calls of a formula it set off are nested', () => {
    const emu = newEmulator();
    emu.load(BUNDLE);
    emu.setSheetValues('Log', [['Date'], ['2026-11-26'], ['2026-11-27']]);
    const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName('Log');
    const { result, calls } = emu.recordCalls(() => {
      const values = sheet?.getRange('A1:A3').getValues();
      sheet?.getRange('B1').setValues([['=COUNT_ROWS("Log")']]);
      return values?.length;
    });
    expect(result).toBe(3);
    expect(calls.map(({ name, size, depth }) => [name, size.cells, depth])).toEqual([
      ['Sheet.getRange', 0, 0],
      ['Range.getValues', 3, 0],
      ['Sheet.getRange', 0, 0],
      ['SpreadsheetApp.getActive', 0, 1],
      ['Spreadsheet.getSheetByName', 0, 1],
      ['Sheet.getDataRange', 0, 1],
      ['Range.getValues', 6, 1],
      ['Range.setValues', 1, 0],
    ]);
    expect(calls.every((call) => call.hostMs >= 0)).toBe(true);
    sheet?.getRange('A1').getValues();
    expect(calls).toHaveLength(8); // recording ends with fn
  });

  test('a run past the execution limit is stopped as Apps Script stops it', () => {
    const emu = newEmulator({ costPerCallMs: () => 1000, executionLimitMs: 2500 });
    const { Session } = emu.globals;
    Session.getActiveUser();
    Session.getActiveUser();
    expect(() => Session.getActiveUser()).toThrow('Exceeded maximum execution time');
  });
});

describe('Authorization modes', () => {
  test('the add-on menu builds in AuthMode.NONE but reading a range throws', () => {
    const emu = newEmulator();
    const gas = emu.load(BUNDLE);
    emu.setSheetValues('Log', [['x']]);
    emu.withAuthMode('NONE', () => gas.onOpen({ authMode: emu.globals.ScriptApp.AuthMode.NONE }));
    expect(emu.ui.menus[0]?.items).toEqual([{ caption: 'Log work', functionName: 'showLogWork' }]);
    expect(() => emu.withAuthMode('NONE', () => gas.readLog())).toThrow(
      'You do not have permission to call SpreadsheetApp.getActive',
    );
  });

  test('properties are out of reach in NONE and within reach in LIMITED', () => {
    const emu = newEmulator();
    const { PropertiesService } = emu.globals;
    expect(() => emu.withAuthMode('NONE', () => PropertiesService.getDocumentProperties())).toThrow(
      'permission',
    );
    expect(
      emu.withAuthMode('LIMITED', () => PropertiesService.getDocumentProperties().getProperty('x')),
    ).toBeNull();
  });

  test('LIMITED may edit the spreadsheet but not send mail, fetch or make triggers', () => {
    const emu = newEmulator();
    const { SpreadsheetApp, MailApp, UrlFetchApp, ScriptApp } = emu.globals;
    emu.withAuthMode('LIMITED', () =>
      SpreadsheetApp.getActive()
        .getSheets()[0]
        ?.getRange('A1')
        .setValues([['ok']]),
    );
    expect(emu.sheetValues('Sheet1')).toEqual([['ok']]);
    expect(() => emu.withAuthMode('LIMITED', () => MailApp.getRemainingDailyQuota())).toThrow(
      'MailApp.getRemainingDailyQuota',
    );
    expect(() => emu.withAuthMode('LIMITED', () => UrlFetchApp.fetch('https://x.test'))).toThrow(
      'UrlFetchApp.fetch',
    );
    expect(() => emu.withAuthMode('LIMITED', () => ScriptApp.getProjectTriggers())).toThrow(
      'ScriptApp.getProjectTriggers',
    );
  });

  test('an error thrown by a service is an Error in the bundle, named Exception', () => {
    const emu = newEmulator();
    const gas = emu.load(BUNDLE);
    emu.holdDocumentLock(ASSISTANT);
    const message = 'Lock timeout: another process was holding the lock for too long.';
    const caught = gas.catchMessage(() => emu.globals.LockService.getDocumentLock().waitLock(10));
    expect(caught).toEqual([true, message, `Exception: ${message}`]);
  });
});

describe('Clock and users', () => {
  test('new Date() and Date.now() in the bundle read the emulator clock', () => {
    const emu = newEmulator();
    const gas = emu.load(BUNDLE);
    emu.clock.advance(60_000);
    expect(gas.stamp()).toEqual(['2026-11-26T11:01:00.000Z', NOW.getTime() + 60_000, true]);
  });

  test('Dates cross between the tests and the bundle as the same kind of Date', () => {
    const emu = newEmulator();
    const gas = emu.load(BUNDLE);
    expect(new gas.Date()).toBeInstanceOf(Date);
    expect(new Date(0)).toBeInstanceOf(gas.Date);
  });

  test('the clock starts at real now unless told otherwise', () => {
    const before = Date.now();
    const emu = createEmulator();
    expect(emu.clock.now()).toBeGreaterThanOrEqual(before);
  });

  test('Session reports the active user, and asUser switches it for a while', () => {
    const emu = newEmulator();
    const { Session } = emu.globals;
    expect(emu.asUser(ASSISTANT, () => Session.getActiveUser().getEmail())).toBe(ASSISTANT);
    expect(Session.getActiveUser().getEmail()).toBe(OWNER);
    expect([Session.getScriptTimeZone(), Session.getActiveUserLocale()]).toEqual([
      'Europe/Copenhagen',
      'en',
    ]);
  });

  test('Logger and console output are captured', () => {
    const emu = newEmulator();
    const gas = emu.load(BUNDLE);
    emu.globals.Logger.log('sent %s of %s', 2, 3);
    gas.console.log('from the bundle', 1);
    expect(emu.logs).toEqual(['sent 2 of 3', 'from the bundle 1']);
    expect(emu.globals.Logger.getLog()).toBe('sent 2 of 3');
  });
});
