import { ASSISTANT, BUNDLE, OWNER, newEmulator } from './helpers';

function workbook() {
  const emu = newEmulator();
  const { SpreadsheetApp } = emu.globals;
  return { emu, SpreadsheetApp, ss: SpreadsheetApp.getActive() };
}

describe('Spreadsheet', () => {
  test('knows its name, owner, time zone and locale', () => {
    const { ss } = workbook();
    expect([
      ss.getName(),
      ss.getOwner()?.getEmail(),
      ss.getSpreadsheetTimeZone(),
      ss.getSpreadsheetLocale(),
    ]).toEqual(['Team KPIs', OWNER, 'Europe/Copenhagen', 'en_US']);
  });

  test('a new tab goes where asked and becomes the active sheet', () => {
    const { ss } = workbook();
    const team = ss.insertSheet('Team', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Team', 'Sheet1']);
    expect([team.getIndex(), ss.getActiveSheet().getName()]).toEqual([1, 'Team']);
  });

  test('a second tab with the same name is refused', () => {
    const { ss } = workbook();
    ss.insertSheet('Log');
    expect(() => ss.insertSheet('log')).toThrow(
      'A sheet with the name "log" already exists. Please enter another name.',
    );
  });

  test('a tab cannot grow the spreadsheet past 10 million cells, as in Sheets; up to the limit it can', () => {
    const { ss } = workbook();
    const sheet = ss.getSheets()[0]!; // 1,000 rows × 26 columns
    const limit =
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    expect(() => sheet.insertColumnsAfter(26, 10_000)).toThrow(limit);
    expect(sheet.getMaxColumns()).toBe(26);
    sheet.insertColumnsAfter(26, 10_000 - 26); // exactly 10,000,000 cells
    expect(sheet.getMaxColumns()).toBe(10_000);
    expect(() => sheet.insertRowsAfter(1000, 1)).toThrow(limit);
    expect(() => ss.insertSheet('More')).toThrow(limit);
    expect(ss.getSheets()).toHaveLength(1);
  });

  test('the last tab cannot be deleted', () => {
    const { ss } = workbook();
    expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  test('a named range finds its cells and follows inserted rows', () => {
    const { ss } = workbook();
    const sheet = ss.getSheets()[0]!;
    ss.setNamedRange('Targets', sheet.getRange('B2:B4'));
    sheet.insertRowsBefore(1, 1);
    expect(ss.getRangeByName('Targets')?.getA1Notation()).toBe('B3:B5');
    ss.removeNamedRange('Targets');
    expect(ss.getRangeByName('Targets')).toBeNull();
  });

  test("toasts are recorded with Apps Script's default of 5 seconds", () => {
    const { emu, ss } = workbook();
    ss.toast('Refreshing…', 'KPI Loop');
    expect(emu.ui.toasts).toEqual([
      { message: 'Refreshing…', title: 'KPI Loop', timeoutSeconds: 5 },
    ]);
  });
});

describe('Developer metadata', () => {
  test('tabs are found by metadata, whatever they are called', () => {
    const { ss, SpreadsheetApp } = workbook();
    ss.insertSheet('Logbog').addDeveloperMetadata(
      'kpiloop.tab',
      'log',
      SpreadsheetApp.DeveloperMetadataVisibility.PROJECT,
    );
    const [found] = ss
      .createDeveloperMetadataFinder()
      .withKey('kpiloop.tab')
      .withValue('log')
      .find();
    expect(found?.getLocation().getSheet()?.getName()).toBe('Logbog');
    expect(found?.getVisibility()).toBe(SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    expect(found?.getLocation().getLocationType()).toBe(
      SpreadsheetApp.DeveloperMetadataLocationType.SHEET,
    );
  });

  test('a visibility alone is not taken for a value', () => {
    const { ss, SpreadsheetApp } = workbook();
    ss.addDeveloperMetadata('kpiloop.version', SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    const [meta] = ss.getDeveloperMetadata();
    expect([meta?.getValue(), String(meta?.getVisibility())]).toEqual([null, 'PROJECT']);
  });

  test('metadata on a whole row moves with the row', () => {
    const { ss } = workbook();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('3:3').addDeveloperMetadata('header');
    sheet.insertRowsBefore(1, 2);
    const [meta] = sheet.createDeveloperMetadataFinder().withKey('header').find();
    expect(meta?.getLocation().getRow()?.getA1Notation()).toBe('5:5');
  });

  test('metadata on a block of cells is refused like Apps Script refuses it', () => {
    const { ss } = workbook();
    expect(() => ss.getSheets()[0]!.getRange('A1:B2').addDeveloperMetadata('x')).toThrow(
      'Adding developer metadata to arbitrary ranges is not currently supported.',
    );
  });

  test('removed metadata is gone from the finder', () => {
    const { ss } = workbook();
    ss.addDeveloperMetadata('k', 'v');
    ss.getDeveloperMetadata()[0]?.remove();
    expect(ss.createDeveloperMetadataFinder().withKey('k').find()).toHaveLength(0);
  });
});

describe('Protection', () => {
  function protectedTeam() {
    const { emu, ss, SpreadsheetApp } = workbook();
    ss.addEditor(ASSISTANT);
    const sheet = ss.insertSheet('Team');
    const protection = sheet.protect().setDescription('Managers only');
    protection.removeEditors(protection.getEditors());
    return { emu, ss, sheet, protection, SpreadsheetApp };
  }

  test("a new protection lets the spreadsheet's editors edit until its editors are changed", () => {
    const { ss } = workbook();
    ss.addEditor(ASSISTANT);
    const protection = ss.insertSheet('Team').protect();
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([OWNER, ASSISTANT]);
  });

  test('editing a protected sheet as someone who is not its editor throws', () => {
    const { emu, sheet } = protectedTeam();
    emu.setUser(ASSISTANT);
    expect(() => sheet.getRange('A1').setValues([['x']])).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(() => sheet.appendRow(['x'])).toThrow('protected cell');
  });

  test('the owner can always edit a protected sheet', () => {
    const { sheet, protection } = protectedTeam();
    sheet.getRange('A1').setValues([['x']]);
    expect([sheet.getRange('A1').getValues(), protection.canEdit()]).toEqual([[['x']], true]);
  });

  test('an unprotected range inside a protected sheet stays open', () => {
    const { emu, sheet, protection } = protectedTeam();
    protection.setUnprotectedRanges([sheet.getRange('B2:B10')]);
    emu.asUser(ASSISTANT, () => sheet.getRange('B3').setValues([['ok']]));
    expect(sheet.getRange('B3').getValues()).toEqual([['ok']]);
  });

  test('an editor added to the protection may edit; a warning-only protection stops nobody', () => {
    const { emu, sheet, protection } = protectedTeam();
    protection.addEditor(ASSISTANT);
    emu.asUser(ASSISTANT, () => sheet.getRange('A1').setValues([['editor']]));
    protection.removeEditor(ASSISTANT).setWarningOnly(true);
    emu.asUser(ASSISTANT, () => sheet.getRange('A2').setValues([['warned']]));
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['editor'], ['warned']]);
  });

  test('range protections are listed by type and keep their description', () => {
    const { ss, sheet, SpreadsheetApp } = protectedTeam();
    sheet.getRange('A1:C1').protect().setDescription('Headers');
    const ranges = ss.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    expect(ranges.map((p) => [p.getDescription(), p.getRange().getA1Notation()])).toEqual([
      ['Headers', 'A1:C1'],
    ]);
    expect(ss.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0]?.getDescription()).toBe(
      'Managers only',
    );
  });
});

describe('Conditional formats and charts', () => {
  test('conditional format rules keep their condition, colours and ranges', () => {
    const { ss, SpreadsheetApp } = workbook();
    const sheet = ss.insertSheet('Dashboard');
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('Off track')
      .setBackground('#f4c7c3')
      .setFontColor('#a50e0e')
      .setRanges([sheet.getRange('E2:E50')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const [kept] = sheet.getConditionalFormatRules();
    const condition = kept?.getBooleanCondition();
    expect(condition?.getCriteriaType()).toBe(SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO);
    expect([
      condition?.getCriteriaValues(),
      condition?.getBackground(),
      condition?.getFontColor(),
    ]).toEqual([['Off track'], '#f4c7c3', '#a50e0e']);
    expect(kept?.getRanges().map((r) => r.getA1Notation())).toEqual(['E2:E50']);
  });

  test('a chart is inserted, changed and removed', () => {
    const emu = newEmulator();
    const sheet = emu.globals.SpreadsheetApp.getActive().insertSheet('Dashboard');
    const { Charts } = emu.load<{ Charts: GoogleAppsScript.Charts.Charts }>(BUNDLE);
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(2, 8, 0, 0)
      .setOption('title', 'Team scorecard')
      .build();
    sheet.insertChart(chart);
    const [placed] = sheet.getCharts();
    expect(placed?.getOptions().get('title')).toBe('Team scorecard');
    expect(placed?.getContainerInfo().getAnchorColumn()).toBe(8);
    sheet.updateChart(placed!.modify().setOption('title', 'Scorecard').build());
    expect(sheet.getCharts()[0]?.getOptions().get('title')).toBe('Scorecard');
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});
