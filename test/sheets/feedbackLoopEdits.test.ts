/** Rows typed by hand into Check-ins, Feedback and Actions, and the overdue colour of Actions. */
import { day, setUpExampleWorkbook, typeInto, type Addon } from '../support/addon';

const PRIYA = 'priya@example.com';

function row(addon: Addon, sheet: string, index: number): Record<string, unknown> {
  const values = addon.emu.sheetValues(sheet);
  const header = values[0] as string[];
  return Object.fromEntries(header.map((h, i) => [h, values[index - 1]?.[i]]));
}

const nextRow = (addon: Addon, sheet: string): number => addon.emu.sheetValues(sheet).length + 1;

describe('rows typed by hand into the feedback tabs', () => {
  test('a typed action gets the next Action ID and nothing else changes', () => {
    const addon = setUpExampleWorkbook({ user: PRIYA });
    const at = nextRow(addon, 'Actions');
    const typed = [
      day('2026-11-26'),
      PRIYA,
      '=Call the client',
      'K1',
      '',
      day('2026-11-30'),
      'Open',
    ];
    typeInto(addon, 'Actions', at, typed, 2);
    expect(row(addon, 'Actions', at)).toEqual({
      'Action ID': 'A6',
      Created: typed[0],
      Owner: PRIYA,
      Action: '=Call the client',
      KPI: 'K1',
      Source: '',
      Due: typed[5],
      Status: 'Open',
      'Done on': '',
      'Follow-up': '',
    });
  });

  test('typing Done into Status sets Done on to today; other statuses and other cells do not', () => {
    const addon = setUpExampleWorkbook({ user: PRIYA });
    // A2 is Priya's action in row 3; its Status is column H, Done on column I.
    expect(row(addon, 'Actions', 3)['Action ID']).toBe('A2');
    typeInto(addon, 'Actions', 3, ['Done'], 8);
    expect(row(addon, 'Actions', 3)).toMatchObject({
      Status: 'Done',
      'Done on': day('2026-11-26'),
      'Follow-up': 'Two lists sent so far.',
    });
    typeInto(addon, 'Actions', 6, ['In progress'], 8);
    expect(row(addon, 'Actions', 6)['Done on']).toBe('');
    // An old Done row whose note is edited keeps its Done on.
    typeInto(addon, 'Actions', 4, ['Scheduled early'], 10);
    expect(row(addon, 'Actions', 4)['Done on']).toEqual(day('2026-11-20'));
  });

  test('typed check-ins and feedback get their IDs, also several rows pasted at once', () => {
    const addon = setUpExampleWorkbook();
    const at = nextRow(addon, 'Check-ins');
    typeInto(addon, 'Check-ins', at, [PRIYA, 'mette@example.com', 'Weekly', day('2026-12-08')], 2);
    expect(row(addon, 'Check-ins', at)['Check-in ID']).toBe('C10');
    const first = nextRow(addon, 'Feedback');
    addon.emu.typeInto('Feedback', `B${first}`, [
      [day('2026-11-26'), 'Mette Jensen', PRIYA, 'Downward', 'Praise', '', 'Nice'],
      [
        day('2026-11-26'),
        'Mette Jensen',
        'juan@example.com',
        'Downward',
        'Praise',
        '',
        'Also nice',
      ],
    ]);
    expect(
      [row(addon, 'Feedback', first), row(addon, 'Feedback', first + 1)].map(
        (r) => r['Feedback ID'],
      ),
    ).toEqual(['F8', 'F9']);
  });

  test('a row typed while the lock is held keeps what was typed and its Done on, the typist is told, and Refresh gives it its ID', () => {
    const addon = setUpExampleWorkbook({ user: PRIYA });
    addon.emu.holdDocumentLock('juan@example.com');
    const at = nextRow(addon, 'Actions');
    typeInto(
      addon,
      'Actions',
      at,
      [day('2026-11-26'), PRIYA, 'Call the client', 'K1', '', day('2026-11-30'), 'Done'],
      2,
    );
    const waiting = row(addon, 'Actions', at);
    expect(waiting['Action ID']).toBe('');
    expect(waiting['Done on']).toEqual(day('2026-11-26'));
    expect(addon.emu.ui.toasts.map((toast) => toast.message)).toContain(
      `Someone else was saving at the same moment, so row ${at} has no ID yet. What you typed is kept; the ID is added at the next Dashboard refresh.`,
    );

    addon.emu.releaseDocumentLock();
    addon.emu.asUser('mette@example.com', () => addon.emu.run(() => addon.gas.refreshDashboard()));
    expect(row(addon, 'Actions', at)).toEqual({ ...waiting, 'Action ID': 'A6' });
  });

  test('an ID typed by hand is kept and never handed out again', () => {
    const addon = setUpExampleWorkbook();
    const at = nextRow(addon, 'Feedback');
    typeInto(addon, 'Feedback', at, ['F20', day('2026-11-26'), 'Mette Jensen', PRIYA], 1);
    typeInto(addon, 'Feedback', at + 1, [day('2026-11-26'), 'Mette Jensen', PRIYA], 2);
    expect(row(addon, 'Feedback', at)['Feedback ID']).toBe('F20');
    expect(row(addon, 'Feedback', at + 1)['Feedback ID']).toBe('F21');
  });
});

describe('overdue actions', () => {
  test('are coloured by one conditional rule that setup adds once, however often it runs', () => {
    const addon = setUpExampleWorkbook();
    addon.emu.run(() => addon.gas.setUpTracker());
    addon.emu.run(() => addon.gas.setUpTracker());
    const sheet = addon.emu.spreadsheet.getSheetByName('Actions');
    const formulas = (sheet?.getConditionalFormatRules() ?? []).map(
      (rule) => rule.getBooleanCondition()?.getCriteriaValues()[0],
    );
    expect(formulas).toEqual([
      '=AND(ISNUMBER($G2),$G2<TODAY(),$H2<>"Done",$H2<>"Udført",$H2<>"Dropped",$H2<>"Droppet")',
    ]);
  });
});
