import { BUNDLE, newEmulator } from './helpers';

function withBundle() {
  const emu = newEmulator();
  const gas = emu.load(BUNDLE);
  const sheet = emu.globals.SpreadsheetApp.getActive().insertSheet('Dashboard');
  return { emu, gas, sheet };
}

describe('Formulas', () => {
  test('a formula calling a bundle custom function shows its result', () => {
    const { sheet } = withBundle();
    sheet.getRange('A1:B1').setValues([[21, '=DOUBLE(A1)']]);
    expect(sheet.getRange('B1').getValues()).toEqual([[42]]);
    expect(sheet.getRange('B1').getFormulas()).toEqual([['=DOUBLE(A1)']]);
  });

  test('custom function names are matched without regard to case', () => {
    const { sheet } = withBundle();
    sheet.getRange('A1').setFormulas([['=double(4)']]);
    expect(sheet.getRange('A1').getValues()).toEqual([[8]]);
  });

  test('a 2-D result spills right and down, and the spilled cells have no formula', () => {
    const { emu, sheet } = withBundle();
    emu.setSheetValues('Data', [
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('A1').setFormula("=DOUBLE_ALL('Data'!A1:B2)");
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [2, 4],
      [6, 8],
    ]);
    expect(sheet.getRange('A1:B2').getFormulas()).toEqual([
      ["=DOUBLE_ALL('Data'!A1:B2)", ''],
      ['', ''],
    ]);
  });

  test('a spill that would overwrite data shows #REF! and says why', () => {
    const { emu, sheet } = withBundle();
    emu.setSheetValues('Data', [[1], [2]]);
    sheet.getRange('A2').setValues([['in the way']]);
    sheet.getRange('A1').setFormula('=DOUBLE_ALL(Data!A1:A2)');
    expect(sheet.getRange('A1').getValues()).toEqual([['#REF!']]);
    expect(emu.formulaError('Dashboard', 'A1')).toBe(
      'Array result was not expanded because it would overwrite data in A2.',
    );
  });

  test('a custom function that throws shows #ERROR! with its message kept', () => {
    const { emu, sheet } = withBundle();
    sheet.getRange('A1').setFormula('=FAILS("KPI ""Leads"" not found")');
    expect(sheet.getRange('A1').getValues()).toEqual([['#ERROR!']]);
    expect(emu.formulaError('Dashboard', 'A1')).toBe('KPI "Leads" not found');
  });

  test('literal, blank and boolean arguments reach the function', () => {
    const { sheet } = withBundle();
    sheet.getRange('A1').setFormula('=ARGS("K1", , 3.5, TRUE)');
    expect(sheet.getRange('A1').getValues()).toEqual([['["K1","",3.5,true]']]);
  });

  test('any other formula evaluates to an empty cell', () => {
    const { sheet } = withBundle();
    sheet.getRange('A1:B1').setFormulas([['=SUM(1,2)', '=SPARKLINE(DOUBLE(2))']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
  });

  test('a custom function may read but not write the spreadsheet', () => {
    const { emu, sheet } = withBundle();
    sheet.getRange('A1').setFormula('=TRY_WRITE()');
    expect(sheet.getRange('A1').getValues()).toEqual([['#ERROR!']]);
    expect(emu.formulaError('Dashboard', 'A1')).toBe(
      'You do not have permission to call Range.setValues',
    );
  });

  test("calls made by custom functions are counted apart from the script's", () => {
    const { emu, sheet } = withBundle();
    emu.setSheetValues('Log', [['a'], ['b'], ['c']]);
    emu.resetCalls();
    sheet.getRange('A1').setFormula('=COUNT_ROWS("Log")');
    expect(sheet.getRange('A1').getValues()).toEqual([[3]]);
    expect(emu.customFunctionCalls['Range.getValues']).toBe(1);
    expect(emu.calls['Range.getValues']).toBe(1);
    expect(emu.calls['Range.setFormula']).toBe(1);
  });

  test('recalculate brings formulas up to date after their inputs change', () => {
    const { emu, sheet } = withBundle();
    sheet.getRange('A1:B1').setValues([[1, '=DOUBLE(A1)']]);
    sheet.getRange('A1').setValues([[5]]);
    expect(sheet.getRange('B1').getValues()).toEqual([[2]]);
    emu.recalculate();
    expect(sheet.getRange('B1').getValues()).toEqual([[10]]);
  });

  test('formulas in a restored workbook are computed when the bundle loads', () => {
    const first = newEmulator();
    first.setSheetValues('Sheet1', [[3, '=DOUBLE(A1)']]);
    expect(first.sheetValues('Sheet1')).toEqual([[3, '']]);
    const second = newEmulator({ state: first.serialize() });
    second.load(BUNDLE);
    expect(second.sheetValues('Sheet1')).toEqual([[3, 6]]);
  });
});
