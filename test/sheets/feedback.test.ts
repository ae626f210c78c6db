/** The Give feedback sidebar's server side through the compiled bundle. */
import { setUpExampleWorkbook, type Addon } from '../support/addon';

const METTE = 'mette@example.com';
const PRIYA = 'priya@example.com';
const JUAN = 'juan@example.com';

function as<T>(addon: Addon, user: string, work: () => T): T {
  return addon.emu.asUser(user, () => addon.emu.run(work));
}

function feedbackRows(addon: Addon, sheet = 'Feedback'): Array<Record<string, unknown>> {
  const [header = [], ...data] = addon.emu.sheetValues(sheet);
  return data.map((row) => Object.fromEntries((header as string[]).map((h, i) => [h, row[i]])));
}

const give = (over: Record<string, unknown> = {}) => ({
  to: METTE,
  kind: 'Suggestion',
  kpi: '',
  checkInId: '',
  text: 'A shared calendar would help.',
  ...over,
});

describe('Give feedback: the server side of the sidebar', () => {
  test('offers everyone else in Team with the direction feedback to them takes', () => {
    const addon = setUpExampleWorkbook();
    const reply = as(addon, PRIYA, () => addon.gas.getFeedbackContext());
    expect(reply.value.people).toEqual([
      { email: METTE, name: 'Mette Jensen', direction: 'Upward', directionLabel: 'Upward' },
      { email: JUAN, name: 'Juan dela Cruz', direction: 'Peer', directionLabel: 'Peer' },
      { email: 'ana@example.com', name: 'Ana Silva', direction: 'Peer', directionLabel: 'Peer' },
    ]);
    const mette = as(addon, METTE, () => addon.gas.getFeedbackContext());
    expect(mette.value.people.map((p: { direction: string }) => p.direction)).toEqual([
      'Downward',
      'Downward',
      'Downward',
    ]);
  });

  test('works the direction out from the reporting lines when saving', () => {
    const addon = setUpExampleWorkbook();
    const cases: Array<[string, string, string]> = [
      [PRIYA, METTE, 'Upward'],
      [METTE, PRIYA, 'Downward'],
      [PRIYA, JUAN, 'Peer'],
    ];
    for (const [from, to, direction] of cases) {
      const reply = as(addon, from, () => addon.gas.giveFeedback(give({ to, kind: 'Praise' })));
      expect(reply.value.direction).toBe(direction);
      expect(feedbackRows(addon).at(-1)).toMatchObject({
        From: from,
        To: to,
        Direction: direction,
        Kind: 'Praise',
        Acknowledged: false,
      });
    }
    expect(
      feedbackRows(addon)
        .slice(-3)
        .map((f) => f['Feedback ID']),
    ).toEqual(['F8', 'F9', 'F10']);
  });

  test('links feedback to a KPI and a check-in when given', () => {
    const addon = setUpExampleWorkbook();
    const context = as(addon, PRIYA, () => addon.gas.getFeedbackContext());
    expect(context.value.checkIns[0]).toEqual({
      id: 'C8',
      label: 'C8 · 2026-12-01 · with Mette Jensen',
    });
    const reply = as(addon, PRIYA, () =>
      addon.gas.giveFeedback(give({ kpi: 'Approved posts', checkInId: 'c6' })),
    );
    expect(reply.value.message).toBe('Feedback to Mette Jensen saved (Upward).');
    expect(feedbackRows(addon).at(-1)).toMatchObject({ KPI: 'K1', 'Check-in ID': 'C6' });
  });

  test.each([
    [{ to: 'boss@elsewhere.com' }, 'to', 'boss@elsewhere.com is not in the Team tab.'],
    [{ to: '' }, 'to', 'Choose a person.'],
    [{ to: PRIYA }, 'to', 'Choose someone other than yourself.'],
    [{ text: '   ' }, 'text', 'Write the feedback.'],
    [{ kpi: 'Leads' }, 'kpi', 'Unknown KPI "Leads"'],
    [{ kind: 'Rant' }, 'kind', '"Rant" is not one of the choices.'],
    [{ checkInId: 'C99' }, 'checkInId', 'Check-in C99 is not in the Check-ins tab.'],
  ])('refuses %p with a clear message, and nothing is written', (over, field, message) => {
    const addon = setUpExampleWorkbook();
    const before = JSON.stringify(addon.emu.sheetValues('Feedback'));
    expect(as(addon, PRIYA, () => addon.gas.giveFeedback(give(over)))).toEqual({
      ok: false,
      field,
      message,
    });
    expect(JSON.stringify(addon.emu.sheetValues('Feedback'))).toBe(before);
  });

  test('nobody gives feedback as someone else, or from outside Team', () => {
    const addon = setUpExampleWorkbook();
    const before = JSON.stringify(addon.emu.sheetValues('Feedback'));
    expect(
      as(addon, PRIYA, () => addon.gas.giveFeedback({ ...give({ to: JUAN }), from: METTE })),
    ).toEqual({
      ok: false,
      message: 'You can give feedback only as yourself.',
    });
    expect(as(addon, 'stranger@example.com', () => addon.gas.giveFeedback(give()))).toEqual({
      ok: false,
      message: 'You are not in the Team tab yet: ask your manager to add stranger@example.com.',
    });
    expect(JSON.stringify(addon.emu.sheetValues('Feedback'))).toBe(before);
  });

  test('the receiver sees unacknowledged feedback and acknowledges it; nobody else can', () => {
    const addon = setUpExampleWorkbook();
    const inbox = as(addon, PRIYA, () => addon.gas.getFeedbackContext()).value.inbox;
    expect(inbox.map((f: { id: string }) => f.id)).toEqual(['F6', 'F4']);
    expect(as(addon, JUAN, () => addon.gas.acknowledgeFeedback({ feedbackId: 'F4' }))).toEqual({
      ok: false,
      message: 'Only the person feedback F4 was given to can acknowledge it.',
    });
    expect(as(addon, PRIYA, () => addon.gas.acknowledgeFeedback({ feedbackId: 'F4' }))).toEqual({
      ok: true,
      value: { id: 'F4', message: 'Acknowledged: Mette Jensen can see you have read it.' },
    });
    const row = feedbackRows(addon).find((f) => f['Feedback ID'] === 'F4');
    expect(row).toMatchObject({ Acknowledged: true, Kind: 'Constructive', To: PRIYA });
    const after = as(addon, PRIYA, () => addon.gas.getFeedbackContext()).value.inbox;
    expect(after.map((f: { id: string }) => f.id)).toEqual(['F6']);
    expect(as(addon, PRIYA, () => addon.gas.acknowledgeFeedback({ feedbackId: 'F404' }))).toEqual({
      ok: false,
      message: 'Feedback F404 is no longer in the Feedback tab: reload the sidebar.',
    });
  });

  test('HTML and formula-looking text is stored as text, never run', () => {
    const addon = setUpExampleWorkbook();
    as(addon, PRIYA, () => addon.gas.giveFeedback(give({ text: '=HYPERLINK("http://x","y")' })));
    as(addon, PRIYA, () => addon.gas.giveFeedback(give({ text: '<script>alert(1)</script>' })));
    expect(
      feedbackRows(addon)
        .slice(-2)
        .map((f) => f.Text),
    ).toEqual(['=HYPERLINK("http://x","y")', '<script>alert(1)</script>']);
    expect(addon.emu.sheetFormulas('Feedback').flat().filter(Boolean)).toEqual([]);
    const inbox = as(addon, METTE, () => addon.gas.getFeedbackContext()).value.inbox;
    expect(inbox[0].text).toBe('<script>alert(1)</script>');
  });

  test('while the lock is held nothing is written and the person is told', () => {
    const addon = setUpExampleWorkbook();
    const before = JSON.stringify(addon.emu.sheetValues('Feedback'));
    addon.emu.holdDocumentLock(JUAN);
    const busy = {
      ok: false,
      message: 'Someone else is saving right now. Nothing was saved; please try again in a moment.',
    };
    expect(as(addon, PRIYA, () => addon.gas.giveFeedback(give()))).toEqual(busy);
    expect(as(addon, PRIYA, () => addon.gas.acknowledgeFeedback({ feedbackId: 'F4' }))).toEqual(
      busy,
    );
    expect(JSON.stringify(addon.emu.sheetValues('Feedback'))).toBe(before);
  });

  test('speaks Danish in a Danish workbook', () => {
    const addon = setUpExampleWorkbook({ locale: 'da_DK' });
    expect(as(addon, PRIYA, () => addon.gas.giveFeedback(give({ text: '' })))).toEqual({
      ok: false,
      field: 'text',
      message: 'Skriv feedbacken.',
    });
    const reply = as(addon, PRIYA, () => addon.gas.giveFeedback(give({ kind: 'Forhindring' })));
    expect(reply.value.message).toBe('Feedback til Mette Jensen er gemt (Opad).');
    expect(feedbackRows(addon).at(-1)).toMatchObject({ Retning: 'Opad', Type: 'Forhindring' });
  });

  test('the menu opens the Give feedback sidebar', () => {
    const addon = setUpExampleWorkbook();
    as(addon, PRIYA, () => addon.gas.showFeedback());
    expect(addon.emu.ui.sidebars.at(-1)?.title).toBe('Give feedback');
  });
});
