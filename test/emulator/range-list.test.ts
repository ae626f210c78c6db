import { ASSISTANT, newEmulator } from './helpers';

function dashboard() {
  const emu = newEmulator();
  const ss = emu.globals.SpreadsheetApp.getActive();
  const sheet = ss.insertSheet('Dashboard');
  return { emu, ss, sheet };
}

describe('RangeList', () => {
  test('getRangeList gives the ranges of the A1 notations, in order', () => {
    const { sheet } = dashboard();
    const list = sheet.getRangeList(['B2', 'A1:A3', 'C:C']);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['B2', 'A1:A3', 'C:C']);
  });

  test('setValue types the value into every cell of every range', () => {
    const { emu, sheet } = dashboard();
    sheet.getRangeList(['A1', 'B2:C2']).setValue('42');
    expect(emu.sheetValues('Dashboard')).toEqual([
      [42, '', ''],
      ['', 42, 42],
    ]);
  });

  test('formats go on every range; clearContent keeps them', () => {
    const { emu, sheet } = dashboard();
    const list = sheet.getRangeList(['A1', 'C3']);
    list.setValue(0.25).setNumberFormat('0%').setBackground('#ffeeee').setFontWeight('bold');
    list.clearContent();
    const c3 = sheet.getRange('C3');
    expect([c3.getNumberFormat(), c3.getBackground(), c3.getFontWeight()]).toEqual([
      '0%',
      '#ffeeee',
      'bold',
    ]);
    expect(emu.sheetValues('Dashboard')).toEqual([]);
  });

  test('a change to the list is one counted call', () => {
    const { emu, sheet } = dashboard();
    const list = sheet.getRangeList(['A1', 'B2']);
    emu.resetCalls();
    list.setValue('x');
    expect(emu.calls).toEqual({ 'RangeList.setValue': 1 });
  });

  test('a protected range stops the change before any range is changed', () => {
    const { emu, ss, sheet } = dashboard();
    sheet.getRange('B2').protect().removeEditor(ASSISTANT);
    ss.addEditor(ASSISTANT);
    const change = () => emu.asUser(ASSISTANT, () => sheet.getRangeList(['A1', 'B2']).setValue(1));
    expect(change).toThrow('You are trying to edit a protected cell or object.');
    expect(emu.sheetValues('Dashboard')).toEqual([]);
  });

  test('activate makes the sheet active', () => {
    const { ss, sheet } = dashboard();
    ss.setActiveSheet(ss.getSheetByName('Sheet1')!);
    sheet.getRangeList(['A1']).activate();
    expect(ss.getActiveSheet().getName()).toBe('Dashboard');
  });

  test('a notation that is not a range of this sheet is refused', () => {
    const { sheet } = dashboard();
    expect(() => sheet.getRangeList(['A1', 'nonsense!'])).toThrow('Range not found');
    expect(() => sheet.getRangeList(['Sheet1!A1'])).toThrow('Range not found');
    expect(() => sheet.getRangeList([])).toThrow('Range not found');
  });
});
