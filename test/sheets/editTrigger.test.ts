import {
  appendRows,
  column,
  day,
  setUpExampleWorkbook,
  typeInto,
  type Addon,
} from '../support/addon';

function lastLogRow(addon: Addon): Record<string, unknown> {
  const values = addon.emu.sheetValues('Log');
  const header = values[0] as string[];
  const row = values.at(-1) as unknown[];
  return Object.fromEntries(header.map((h, i) => [h, row[i]]));
}

describe('rows typed by hand in Log', () => {
  test('a good row is stamped with Entry ID, Logged at and Logged by, and checked OK', () => {
    const addon = setUpExampleWorkbook({ user: 'priya@example.com' });
    typeInto(addon, 'Log', 2, [day('2026-11-26'), 'Priya Sharma', 'Approved posts', 3], 2);
    const row = lastLogRow(addon);
    expect(row['Entry ID']).toBe('E1');
    expect(row['Logged at']).toEqual(new Date('2026-11-26T11:00:00Z'));
    expect(row['Logged by']).toBe('priya@example.com');
    expect(row.Check).toBe('OK');
    expect(row.Assistant).toBe('Priya Sharma');
  });

  test('while someone else holds the lock the row is stamped and checked but waits for its ID, the typist is told, and the next Refresh gives it one', () => {
    const addon = setUpExampleWorkbook({ user: 'priya@example.com' });
    addon.emu.holdDocumentLock('juan@example.com');
    typeInto(addon, 'Log', 2, [day('2026-11-26'), 'Priya Sharma', 'Approved posts', 3], 2);
    const waiting = lastLogRow(addon);
    expect(waiting['Entry ID']).toBe('');
    expect(waiting['Logged at']).toEqual(new Date('2026-11-26T11:00:00Z'));
    expect(waiting['Logged by']).toBe('priya@example.com');
    expect(waiting.Check).toBe('OK');
    expect(addon.emu.ui.toasts.map((toast) => toast.message)).toContain(
      'Someone else was saving at the same moment, so row 2 has no ID yet. What you typed is kept; the ID is added at the next Dashboard refresh.',
    );

    addon.emu.releaseDocumentLock();
    addon.emu.asUser('mette@example.com', () => addon.emu.run(() => addon.gas.refreshDashboard()));
    expect(lastLogRow(addon)).toEqual({ ...waiting, 'Entry ID': 'E1' });
  });

  test('an edit to KPIs made while the lock is held tells the manager it was not recorded', () => {
    const addon = setUpExampleWorkbook({ user: 'mette@example.com' });
    addon.emu.holdDocumentLock('juan@example.com');
    const targets = addon.emu.sheetValues('Targets').length;
    const at = addon.emu.sheetValues('KPIs')[0]?.indexOf('Target') as number;
    typeInto(addon, 'KPIs', 2, [99], at + 1);
    expect(addon.emu.sheetValues('Targets')).toHaveLength(targets);
    expect(addon.emu.ui.toasts.map((toast) => toast.message)).toContain(
      'Someone else was saving at the same moment, so this edit to KPIs was not recorded (new KPI IDs, target history). Please type it again in a moment.',
    );
  });

  test('IDs are never reused, also after the last row is deleted', () => {
    const addon = setUpExampleWorkbook();
    typeInto(addon, 'Log', 2, [day('2026-11-26'), 'priya@example.com', 'K1', 3], 2);
    typeInto(addon, 'Log', 3, [day('2026-11-26'), 'priya@example.com', 'K1', 2], 2);
    addon.emu.run(() =>
      addon.emu.globals.SpreadsheetApp.getActive().getSheetByName('Log')?.deleteRow(3),
    );
    typeInto(addon, 'Log', 3, [day('2026-11-26'), 'priya@example.com', 'K1', 1], 2);
    expect(column(addon, 'Log', 'Entry ID')).toEqual(['E1', 'E3']);
  });

  test('a typed row never gets the ID of a pasted row, not even of one that is not counted', () => {
    const addon = setUpExampleWorkbook();
    appendRows(addon.emu, 'Log', [['E5', day('2026-11-26'), 'priya@example.com', 'K7', 900]]);
    addon.emu.run(() => addon.gas.setUpTracker());
    typeInto(addon, 'Log', 3, [day('2026-11-26'), 'priya@example.com', 'K1', 3], 2);
    expect(column(addon, 'Log', 'Entry ID')).toEqual(['E5', 'E6']);
  });

  test.each([
    [['', 'priya@example.com', 'K1', 3], 'Date is missing'],
    [[day('2026-11-30'), 'priya@example.com', 'K1', 3], 'Date 2026-11-30 is in the future'],
    [
      [day('2026-11-26'), 'someone@else.com', 'K1', 3],
      'Assistant "someone@else.com" is not in Team',
    ],
    [[day('2026-11-26'), 'priya@example.com', 'Leads', 3], 'Unknown KPI "Leads"'],
    [[day('2026-11-26'), 'priya@example.com', 'K3', 3], 'Priya Sharma does not own KPI K3'],
    [[day('2026-11-26'), 'priya@example.com', 'K1', 'three'], 'Value "three" is not a number'],
    [[day('2026-11-26'), 'priya@example.com', 'K7', 900], 'Not counted: value must be >= 1200'],
  ])('a bad row is kept as typed and its Check says why (%#)', (typed, reason) => {
    const addon = setUpExampleWorkbook();
    typeInto(addon, 'Log', 2, typed, 2);
    const row = lastLogRow(addon);
    expect(row.Check).toBe(reason);
    expect([row.Date, row.Assistant, row.KPI, row.Value]).toEqual(typed);
  });

  test('a Danish workbook explains bad rows in Danish', () => {
    const addon = setUpExampleWorkbook({ locale: 'da_DK' });
    typeInto(addon, 'Log', 2, [day('2026-11-26'), 'priya@example.com', 'K1', 'tre'], 2);
    expect(lastLogRow(addon).Kontrol).toBe('Værdien "tre" er ikke et tal');
  });

  test('a note typed starting with = stays text in the plain-text Note column', () => {
    const addon = setUpExampleWorkbook();
    typeInto(
      addon,
      'Log',
      2,
      [day('2026-11-26'), 'priya@example.com', 'K1', 3, '=IMPORTXML("x")'],
      2,
    );
    expect(lastLogRow(addon).Note).toBe('=IMPORTXML("x")');
    expect(addon.emu.sheetFormulas('Log').flat().filter(Boolean)).toEqual([]);
  });

  test("an edit outside the add-on's tabs changes nothing", () => {
    const addon = setUpExampleWorkbook();
    addon.emu.setSheetValues('Notes', [['hello']]);
    const before = addon.emu.serialize();
    typeInto(addon, 'Notes', 1, ['hi']);
    expect(JSON.parse(addon.emu.serialize()).sheets.length).toBe(JSON.parse(before).sheets.length);
    expect(addon.emu.sheetValues('Notes')).toEqual([['hi']]);
  });
});

describe('edits in KPIs', () => {
  test('a new KPI row gets the next ID and its SMART check', () => {
    const addon = setUpExampleWorkbook();
    typeInto(addon, 'KPIs', 12, ['', 'Blog comments answered', 'priya@example.com', 'G1']);
    const ids = column(addon, 'KPIs', 'KPI ID');
    expect(ids.at(-1)).toBe('K11');
    expect(String(column(addon, 'KPIs', 'SMART').at(-1))).toMatch(
      /^S: Measure is empty; M: Aggregation is missing/,
    );
  });

  test('a Start and a Review by that are no dates are quoted in the SMART column, not called missing', () => {
    const addon = setUpExampleWorkbook();
    const start = (addon.emu.sheetValues('KPIs')[0] as string[]).indexOf('Start') + 1;
    // Start and Review by side by side, in K1's row.
    typeInto(addon, 'KPIs', 2, ['soon', '31/02/2026'], start);
    expect(column(addon, 'KPIs', 'Review by')[0]).toBe('31/02/2026');
    expect(column(addon, 'KPIs', 'SMART')[0]).toBe(
      'T: Start "soon" cannot be read as a date (write it as 2026-11-27); ' +
        'T: Review by "31/02/2026" cannot be read as a date (write it as 2026-11-27)',
    );
  });

  test('a target typed over goes to Targets so past weeks keep the old target', () => {
    const addon = setUpExampleWorkbook();
    typeInto(addon, 'KPIs', 2, [20], 9);
    expect(column(addon, 'Targets', 'KPI ID').filter((id) => id === 'K1')).toHaveLength(2);
    expect(column(addon, 'Targets', 'Target').slice(-1)).toEqual([20]);
    const target = (period: string) =>
      addon.emu.run(() =>
        addon.emu.withAuthMode('CUSTOM_FUNCTION', () => addon.gas.KPI_TARGET('K1', period)),
      );
    expect(target('2026-W47')).toBe(15);
    expect(target('2026-W48')).toBe(20);
  });
});
