import { newEmulator } from './helpers';

function logSheet() {
  const emu = newEmulator();
  const ss = emu.globals.SpreadsheetApp.getActive();
  return { emu, ss, sheet: ss.insertSheet('Log') };
}

describe('Range values', () => {
  test('an empty cell reads as an empty string', () => {
    const { sheet } = logSheet();
    expect(sheet.getRange('B2:C2').getValues()).toEqual([['', '']]);
  });

  test('numbers and booleans come back as numbers and booleans', () => {
    const { sheet } = logSheet();
    sheet.getRange('A1:B1').setValues([[42.5, true]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[42.5, true]]);
  });

  test('a date written comes back as a Date on read', () => {
    const { sheet } = logSheet();
    const when = new Date('2026-11-20T08:15:00Z');
    sheet.getRange('A1').setValues([[when]]);
    const read = sheet.getRange('A1').getValues()[0]?.[0];
    expect(read).toBeInstanceOf(Date);
    expect((read as Date).getTime()).toBe(when.getTime());
    expect(read).not.toBe(when);
  });

  test('text that looks like a number is stored as a number, as typing it would', () => {
    const { sheet } = logSheet();
    sheet.getRange('A1:D1').setValues([['+1', '-3', '007', '2.50']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1, -3, 7, 2.5]]);
  });

  test('a leading apostrophe keeps text as text and is dropped', () => {
    const { sheet } = logSheet();
    sheet.getRange('A1:B1').setValues([["'=1+1", "'007"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['=1+1', '007']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
  });

  test('a cell formatted as plain text keeps what was written', () => {
    const { sheet } = logSheet();
    sheet
      .getRange('A1:B1')
      .setNumberFormat('@')
      .setValues([['007', '=SUM(1)']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['007', '=SUM(1)']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
  });

  test('an ISO date typed in becomes a date at midnight in the spreadsheet time zone', () => {
    const { sheet } = logSheet();
    sheet.getRange('A1').setValues([['2026-11-26']]);
    expect(sheet.getRange('A1').getValues()[0]?.[0]).toEqual(new Date('2026-11-25T23:00:00Z'));
  });

  test('a time typed in reads back as a Date on 30 December 1899 in the spreadsheet time zone', () => {
    const { emu, sheet } = logSheet();
    sheet.getRange('A1').setValues([['15:00']]);
    const time = sheet.getRange('A1').getValues()[0]?.[0] as Date;
    expect(time).toBeInstanceOf(Date);
    expect(emu.globals.Utilities.formatDate(time, 'Europe/Copenhagen', 'yyyy-MM-dd HH:mm:ss')).toBe(
      '1899-12-30 15:00:00',
    );
    expect(sheet.getRange('A1').getDisplayValue()).toBe('15:00');
  });

  test('a string starting with = is stored as a formula; one Sheets cannot run reads as empty', () => {
    const { sheet } = logSheet();
    sheet.getRange('A1').setValues([['=SUM(B1:B3)']]);
    expect(sheet.getRange('A1').getFormulas()).toEqual([['=SUM(B1:B3)']]);
    expect(sheet.getRange('A1').getValues()).toEqual([['']]);
  });

  test("setValues with too few rows throws Apps Script's message", () => {
    const { sheet } = logSheet();
    expect(() => sheet.getRange('A1:B3').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
  });

  test('setValues with a short row throws the columns message', () => {
    const { sheet } = logSheet();
    expect(() => sheet.getRange('A1:C1').setValues([[1, 2]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  test("a flat array instead of rows does not match setValues' signature", () => {
    const { sheet } = logSheet();
    expect(() => sheet.getRange('A1:B1').setValues([1, 2] as unknown as unknown[][])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  test('writing outside the grid throws instead of growing the sheet', () => {
    const { sheet } = logSheet();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('A1000:A1001').setValues([[1], [2]])).toThrow(
      'outside the dimensions of the sheet',
    );
  });

  test("row 0 and zero rows are refused with Apps Script's messages", () => {
    const { sheet } = logSheet();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
  });

  test("a missing row number does not match getRange's signature", () => {
    const { sheet } = logSheet();
    expect(() => sheet.getRange(undefined as unknown as number, 1)).toThrow(
      "The parameters (null,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  test('a cell holds at most 50000 characters', () => {
    const { sheet } = logSheet();
    expect(() => sheet.getRange('A1').setValues([['x'.repeat(50001)]])).toThrow(
      'more than the maximum of 50000 characters',
    );
  });

  test('display values follow the number format and the locale', () => {
    const { sheet } = logSheet();
    sheet.getRange('A1:C1').setValues([[0.256, 1234.5, new Date('2026-11-26T11:00:00Z')]]);
    sheet.getRange('A1').setNumberFormat('0.0%');
    sheet.getRange('B1').setNumberFormat('#,##0.00');
    sheet.getRange('C1').setNumberFormat('yyyy-mm-dd hh:mm');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([
      ['25.6%', '1,234.50', '2026-11-26 12:00'],
    ]);
  });

  test('a Danish workbook reads "1,5" as a number and shows it with a decimal comma', () => {
    const emu = newEmulator({ locale: 'da_DK' });
    const sheet = emu.globals.SpreadsheetApp.getActive().getSheets()[0];
    sheet?.getRange('A1:B1').setValues([['1,5', true]]);
    expect(sheet?.getRange('A1:B1').getValues()).toEqual([[1.5, true]]);
    expect(sheet?.getRange('A1:B1').getDisplayValues()).toEqual([['1,5', 'SAND']]);
    expect(sheet?.getName()).toBe('Ark1');
  });

  test('a number in a date-formatted cell reads as a Date', () => {
    const { sheet } = logSheet();
    sheet
      .getRange('A1')
      .setNumberFormat('yyyy-mm-dd')
      .setValues([[46352]]);
    expect(sheet.getRange('A1').getValues()[0]?.[0]).toEqual(new Date('2026-11-25T23:00:00Z'));
  });
});

describe('Sheet size and shape', () => {
  test('a new sheet has 1000 rows and 26 columns', () => {
    const { sheet } = logSheet();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
  });

  test('getLastRow is the last row with content, 0 when empty', () => {
    const { sheet } = logSheet();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('B7').setValues([['x']]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 2]);
  });

  test('getDataRange covers A1 to the last cell with content, and is A1 on an empty sheet', () => {
    const { sheet } = logSheet();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C4').setValues([['x']]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
  });

  test('appendRow writes below the data and grows a full sheet', () => {
    const { sheet } = logSheet();
    sheet.deleteRows(2, 999);
    sheet.appendRow(['header']);
    sheet.appendRow(['first', '+2']);
    expect(sheet.getMaxRows()).toBe(2);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['header', ''],
      ['first', 2],
    ]);
  });

  test('inserted rows push data down', () => {
    const { sheet } = logSheet();
    sheet.getRange('A1:A2').setValues([['a'], ['b']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([['a'], [''], [''], ['b']]);
  });

  test('deleted rows pull data up', () => {
    const { sheet } = logSheet();
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.deleteRow(2);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['a'], ['c']]);
    expect(sheet.getMaxRows()).toBe(999);
  });

  test('A1 notation reads whole rows, whole columns and open-ended ranges', () => {
    const { ss, sheet } = logSheet();
    expect(sheet.getRange('2:3').getA1Notation()).toBe('2:3');
    expect(sheet.getRange('B:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
    expect(ss.getRange("'Log'!B2:C3").getSheet().getName()).toBe('Log');
  });

  test('setFormula on a block moves relative references, not absolute ones', () => {
    const { sheet } = logSheet();
    sheet.getRange('C1:C2').setFormula('=A1*$B$1');
    expect(sheet.getRange('C1:C2').getFormulas()).toEqual([['=A1*$B$1'], ['=A2*$B$1']]);
  });

  test('clear removes contents and formats; clearContent keeps formats', () => {
    const { sheet } = logSheet();
    const cell = sheet
      .getRange('A1')
      .setValues([[5]])
      .setBackground('#ff0000');
    cell.clearContent();
    expect([cell.getValues(), cell.getBackground()]).toEqual([[['']], '#ff0000']);
    cell.clear();
    expect(cell.getBackground()).toBe('#ffffff');
  });

  test('notes and validation rules are kept per cell', () => {
    const { emu, sheet } = logSheet();
    const rule = emu.globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(['Yes', 'No'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('A1:A2').setDataValidation(rule).setNote('pick one');
    const rules = sheet.getRange('A1:A2').getDataValidations();
    const [first, second] = [rules[0]?.[0], rules[1]?.[0]];
    expect(second?.getCriteriaType()).toBe(
      emu.globals.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST,
    );
    expect(first?.getCriteriaValues()).toEqual([['Yes', 'No'], true]);
    expect(first?.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('A2').getNote()).toBe('pick one');
    expect(sheet.getRange('B1').getDataValidation()).toBeNull();
  });
});
