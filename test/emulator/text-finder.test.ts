import { ASSISTANT, BUNDLE, newEmulator } from './helpers';

const where = (ranges: GoogleAppsScript.Spreadsheet.Range[]) =>
  ranges.map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`);

function workbook() {
  const emu = newEmulator();
  const ss = emu.globals.SpreadsheetApp.getActive();
  emu.setSheetValues('Sheet1', [
    ['Leads', 'leads called'],
    ['LEADS', 'Posts'],
  ]);
  emu.setSheetValues('Log', [['Priya', 'Leads']]);
  return { emu, ss };
}

describe('TextFinder: finding', () => {
  test('findAll returns single cells, row by row, tabs in tab order, ignoring case', () => {
    const { ss } = workbook();
    expect(where(ss.createTextFinder('leads').findAll())).toEqual([
      'Sheet1!A1',
      'Sheet1!B1',
      'Sheet1!A2',
      'Log!B1',
    ]);
  });

  test('matchCase and matchEntireCell narrow the search', () => {
    const { ss } = workbook();
    const sheet = ss.getSheetByName('Sheet1');
    expect(where(sheet!.createTextFinder('Leads').matchCase(true).findAll())).toEqual([
      'Sheet1!A1',
    ]);
    expect(where(sheet!.createTextFinder('leads').matchEntireCell(true).findAll())).toEqual([
      'Sheet1!A1',
      'Sheet1!A2',
    ]);
  });

  test('a range finder looks only inside the range', () => {
    const { ss } = workbook();
    const range = ss.getRange('Sheet1!B1:B2');
    expect(where(range.createTextFinder('leads').findAll())).toEqual(['Sheet1!B1']);
  });

  test('cells are searched by what they display', () => {
    const { emu, ss } = workbook();
    emu.setSheetValues('Numbers', [[0.5, '2026-11-26']]);
    ss.getRange('Numbers!A1').setNumberFormat('0%');
    ss.getRange('Numbers!B1').setNumberFormat('d MMMM yyyy');
    const sheet = ss.getSheetByName('Numbers')!;
    expect(where(sheet.createTextFinder('50%').findAll())).toEqual(['Numbers!A1']);
    expect(where(sheet.createTextFinder('November').findAll())).toEqual(['Numbers!B1']);
  });

  test('formula cells are found by their value, or by their formula text with matchFormulaText', () => {
    const emu = newEmulator();
    emu.load(BUNDLE);
    emu.setSheetValues('Sheet1', [['=DOUBLE(21)']]);
    const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName('Sheet1')!;
    expect(where(sheet.createTextFinder('42').findAll())).toEqual(['Sheet1!A1']);
    expect(sheet.createTextFinder('DOUBLE').findAll()).toEqual([]);
    expect(where(sheet.createTextFinder('DOUBLE').matchFormulaText(true).findAll())).toEqual([
      'Sheet1!A1',
    ]);
  });

  test('useRegularExpression and ignoreDiacritics', () => {
    const { emu, ss } = workbook();
    emu.setSheetValues('Notes', [
      ['Café KPI', 'K12'],
      ['cafe', 'K7b'],
    ]);
    const notes = ss.getSheetByName('Notes')!;
    expect(where(notes.createTextFinder('^K\\d+$').useRegularExpression(true).findAll())).toEqual([
      'Notes!B1',
    ]);
    expect(where(notes.createTextFinder('cafe').findAll())).toEqual(['Notes!A2']);
    expect(where(notes.createTextFinder('cafe').ignoreDiacritics(true).findAll())).toEqual([
      'Notes!A1',
      'Notes!A2',
    ]);
  });

  test('findNext and findPrevious walk the matches and give null past the ends', () => {
    const { ss } = workbook();
    const finder = ss.createTextFinder('leads');
    expect(finder.getCurrentMatch()).toBeNull();
    expect(finder.findNext()?.getA1Notation()).toBe('A1');
    expect(finder.findNext()?.getA1Notation()).toBe('B1');
    expect(finder.getCurrentMatch()?.getA1Notation()).toBe('B1');
    expect(finder.findPrevious()?.getA1Notation()).toBe('A1');
    expect(finder.findPrevious()).toBeNull();
    expect(finder.getCurrentMatch()?.getA1Notation()).toBe('A1');
  });

  test('startFrom makes the search begin right after a cell', () => {
    const { ss } = workbook();
    const finder = ss.createTextFinder('leads').startFrom(ss.getRange('Sheet1!A2'));
    expect(finder.findNext()?.getSheet().getName()).toBe('Log');
    expect(finder.findNext()).toBeNull();
  });

  test('each call on the finder is counted', () => {
    const { emu, ss } = workbook();
    emu.resetCalls();
    ss.createTextFinder('leads').matchCase(false).findAll();
    expect(emu.calls).toEqual({
      'Spreadsheet.createTextFinder': 1,
      'TextFinder.matchCase': 1,
      'TextFinder.findAll': 1,
    });
  });
});

describe('TextFinder: replacing', () => {
  test('replaceAllWith returns the number of cells changed; the text is literal', () => {
    const { emu, ss } = workbook();
    expect(ss.createTextFinder('leads').replaceAllWith('$1 deals')).toBe(4);
    expect(emu.sheetValues('Sheet1')).toEqual([
      ['$1 deals', '$1 deals called'],
      ['$1 deals', 'Posts'],
    ]);
  });

  test('with useRegularExpression the replacement refers to groups as $1', () => {
    const { emu, ss } = workbook();
    emu.setSheetValues('Notes', [['K12 (old)', 'K7 (old)', 'none']]);
    const finder = ss
      .getSheetByName('Notes')!
      .createTextFinder('K(\\d+) \\((\\w+)\\)')
      .useRegularExpression(true);
    expect(finder.replaceAllWith('$2: KPI $1')).toBe(2);
    expect(emu.sheetValues('Notes')).toEqual([['old: KPI 12', 'old: KPI 7', 'none']]);
  });

  test('a replaced value is typed in again: digits become a number', () => {
    const { emu, ss } = workbook();
    emu.setSheetValues('Numbers', [[10, "'10"]]);
    ss.getRange('Numbers!B1').setNumberFormat('@');
    expect(ss.getSheetByName('Numbers')!.createTextFinder('1').replaceAllWith('2')).toBe(2);
    expect(emu.sheetValues('Numbers')).toEqual([[20, '20']]);
  });

  test('ignoreDiacritics replaces the accented text and keeps the rest', () => {
    const { emu, ss } = workbook();
    emu.setSheetValues('Notes', [['Café KPI']]);
    ss.createTextFinder('cafe').ignoreDiacritics(true).replaceAllWith('Bar');
    expect(emu.sheetValues('Notes')).toEqual([['Bar KPI']]);
  });

  test('replaceWith changes only the current match and returns the occurrences replaced', () => {
    const { emu, ss } = workbook();
    emu.setSheetValues('Notes', [['ab ab', 'ab']]);
    const finder = ss.getSheetByName('Notes')!.createTextFinder('ab');
    expect(finder.replaceWith('x')).toBe(0);
    finder.findNext();
    expect(finder.replaceWith('x')).toBe(2);
    expect(emu.sheetValues('Notes')).toEqual([['x x', 'ab']]);
  });

  test('formula cells are left alone unless matchFormulaText', () => {
    const emu = newEmulator();
    emu.load(BUNDLE);
    emu.setSheetValues('Sheet1', [['=DOUBLE(21)', '42']]);
    const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName('Sheet1')!;
    expect(sheet.createTextFinder('42').replaceAllWith('7')).toBe(1);
    expect(emu.sheetFormulas('Sheet1')).toEqual([['=DOUBLE(21)', '']]);
    expect(emu.sheetValues('Sheet1')).toEqual([[42, 7]]);
  });

  test('a rewritten formula is entered again, so its custom function runs again', () => {
    const emu = newEmulator();
    emu.load(BUNDLE);
    emu.setSheetValues('Sheet1', [['=COUNTED("a")']]);
    const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName('Sheet1')!;
    const runs = () => emu.sheetValues('Sheet1')[0]?.[0];
    const before = Number(String(runs()).split('#')[1]);
    const finder = (text: string) => sheet.createTextFinder(text).matchFormulaText(true);
    expect(finder('"a"').replaceAllWith('"b"')).toBe(1);
    expect(runs()).toBe(`b#${before + 1}`);
    // The same text again (what Sheets' normalisation may leave of a rewrite) still re-enters it.
    expect(finder('COUNTED').replaceAllWith('COUNTED')).toBe(1);
    expect(runs()).toBe(`b#${before + 2}`);
    expect(emu.sheetFormulas('Sheet1')).toEqual([['=COUNTED("b")']]);
    expect(emu.customFunctionCalls).toEqual({});
  });

  test("a protected cell stops the whole replacement with Apps Script's message", () => {
    const { emu, ss } = workbook();
    ss.getRange('Log!B1').protect().removeEditor(ASSISTANT);
    ss.addEditor(ASSISTANT);
    const attempt = () =>
      emu.asUser(ASSISTANT, () => ss.createTextFinder('leads').replaceAllWith('deals'));
    expect(attempt).toThrow('You are trying to edit a protected cell or object.');
    expect(emu.sheetValues('Sheet1')[0]).toEqual(['Leads', 'leads called']);
  });

  test('a custom function may search but not replace', () => {
    const { emu, ss } = workbook();
    const finder = ss.createTextFinder('leads');
    emu.withAuthMode('CUSTOM_FUNCTION', () => {
      expect(where(finder.matchCase(true).findAll())).toEqual(['Sheet1!B1']);
      expect(() => finder.replaceAllWith('x')).toThrow(
        'You do not have permission to call TextFinder.replaceAllWith',
      );
    });
  });
});
