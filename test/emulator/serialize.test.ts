import { newEmulator } from './helpers';

describe('Saving and restoring', () => {
  test('serialize then restore gives the same workbook', () => {
    const emu = newEmulator();
    const { SpreadsheetApp, PropertiesService, ScriptApp } = emu.globals;
    const ss = SpreadsheetApp.getActive();
    const log = ss.insertSheet('Log');
    log.getRange('A1:C2').setValues([
      ['Date', 'Value', 'Note'],
      [new Date('2026-11-20T09:00:00Z'), 5, '=SUM(B2)'],
    ]);
    log.getRange('B2').setNumberFormat('0.0').setBackground('#eeeeee').setNote('typed by hand');
    log.getRange('A2').setDataValidation(SpreadsheetApp.newDataValidation().requireDate().build());
    log.addDeveloperMetadata('kpiloop.tab', 'log');
    log.protect().setDescription('Log').addEditor('priya@example.com');
    ss.setNamedRange('LogValues', log.getRange('B2:B'));
    PropertiesService.getDocumentProperties().setProperty('settings', '{"lang":"da"}');
    ScriptApp.newTrigger('onTick').timeBased().everyHours(1).create();
    emu.clock.advance(3_600_000);

    // Without an explicit `now`, the restored clock is the saved one.
    const copy = newEmulator({ state: emu.serialize(), now: undefined });
    const again = copy.globals.SpreadsheetApp.getActive();
    const restored = again.getSheetByName('Log');
    expect(copy.sheetValues('Log')).toEqual(emu.sheetValues('Log'));
    expect(copy.sheetValues('Log')[1]?.[0]).toBeInstanceOf(Date);
    expect(restored?.getRange('A1:C2').getFormulas()).toEqual(log.getRange('A1:C2').getFormulas());
    expect([
      restored?.getRange('B2').getDisplayValue(),
      restored?.getRange('B2').getBackground(),
      restored?.getRange('B2').getNote(),
    ]).toEqual(['5.0', '#eeeeee', 'typed by hand']);
    expect(restored?.getRange('A2').getDataValidation()?.getCriteriaType()).toBe(
      SpreadsheetApp.DataValidationCriteria.DATE_IS_VALID_DATE,
    );
    expect(restored?.getDeveloperMetadata()[0]?.getValue()).toBe('log');
    expect(
      restored
        ?.protect()
        .getEditors()
        .map((u) => u.getEmail()),
    ).toEqual(['mette@example.com', 'priya@example.com']);
    expect(again.getRangeByName('LogValues')?.getA1Notation()).toBe('B2:B1000');
    expect(copy.globals.PropertiesService.getDocumentProperties().getProperty('settings')).toBe(
      '{"lang":"da"}',
    );
    expect(copy.triggers).toEqual(emu.triggers);
    expect(copy.clock.now()).toBe(emu.clock.now());
  });

  test('a saved workbook is plain JSON', () => {
    const emu = newEmulator();
    emu.setSheetValues('Log', [[new Date('2026-11-20T09:00:00Z')]]);
    expect(JSON.parse(emu.serialize()).sheets[1].layers.values[0][0]).toEqual({
      $date: '2026-11-20T09:00:00.000Z',
    });
  });
});
