/**
 * The Check-in sidebar's server side through the compiled bundle: the
 * agenda, scheduling, recording a check-in as one change, the upward
 * question, owners' actions, Missed check-ins, roles, the lock, Danish.
 */
import { appendRows, setUpExampleWorkbook, type Addon } from '../support/addon';

const METTE = 'mette@example.com';
const PRIYA = 'priya@example.com';
const JUAN = 'juan@example.com';
const LOOP_TABS = ['Check-ins', 'Feedback', 'Actions'];
const LOOP_TABS_DA = ['Opfølgninger', 'Feedback', 'Handlinger'];

function as<T>(addon: Addon, user: string, work: () => T): T {
  return addon.emu.asUser(user, () => addon.emu.run(work));
}

/** A date cell as the day it shows in Copenhagen, the example sheet's zone. */
const dayOf = (cell: unknown): unknown =>
  cell instanceof Date
    ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(cell)
    : cell;

/** A tab's data rows by header, dates as `YYYY-MM-DD`. */
function rows(addon: Addon, sheet: string): Array<Record<string, unknown>> {
  const [header = [], ...data] = addon.emu.sheetValues(sheet);
  return data.map((row) =>
    Object.fromEntries((header as string[]).map((h, i) => [h, dayOf(row[i])])),
  );
}

const snapshotOf = (addon: Addon): string =>
  JSON.stringify(LOOP_TABS.map((name) => addon.emu.sheetValues(name)));

/**
 * The example workbook as if it never had check-ins, feedback or actions:
 * empty tabs, and their ID counters not yet started (IDs are never reused,
 * so emptying the tabs alone would carry on from the examples' IDs).
 */
function cleanWorkbook(options: Parameters<typeof setUpExampleWorkbook>[0] = {}): Addon {
  const addon = setUpExampleWorkbook(options);
  for (const name of options.locale === 'da_DK' ? LOOP_TABS_DA : LOOP_TABS) {
    const header = addon.emu.sheetValues(name)[0] ?? [];
    addon.emu.setSheetValues(name, [header]);
  }
  const properties = addon.emu.globals.PropertiesService.getDocumentProperties();
  for (const prefix of ['C', 'F', 'A']) properties.deleteProperty(`kpiloop.seq.${prefix}`);
  addon.emu.resetCalls();
  return addon;
}

/** Noon in Copenhagen (winter, +01:00) on a day. */
const noon = (iso: string): Date => new Date(`${iso}T12:00:00+01:00`);

function record(over: Record<string, unknown> = {}) {
  return {
    assistant: PRIYA,
    checkInId: '',
    summary: 'Went through the week.',
    mood: '4',
    feedback: [],
    actions: [],
    actionUpdates: [],
    next: { cadence: 'Weekly', date: '2026-12-03', time: '10:00', meetingLink: '' },
    ...over,
  };
}

describe('the example data', () => {
  test('has held check-ins with summaries and mood, feedback both ways and an action carried forward', () => {
    const addon = setUpExampleWorkbook();
    const checkIns = rows(addon, 'Check-ins');
    const held = checkIns.filter((c) => c.Status === 'Held');
    expect(held.length).toBeGreaterThanOrEqual(3);
    for (const c of held) {
      expect(c.Summary).not.toBe('');
      expect(c.Mood).toEqual(expect.any(Number));
    }
    expect(checkIns.filter((c) => c.Status === 'Planned').map((c) => c.Assistant)).toEqual([
      'ana@example.com',
      PRIYA,
      JUAN,
    ]);
    expect(checkIns.some((c) => c.Status === 'Missed')).toBe(true);
    const directions = new Set(rows(addon, 'Feedback').map((f) => f.Direction));
    expect([...directions].sort()).toEqual(['Downward', 'Peer', 'Upward']);

    const context = as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
    const firstPriya = held.find((c) => c.Assistant === PRIYA);
    expect(context.value.agenda.actions).toContainEqual(
      expect.objectContaining({
        id: 'A2',
        status: 'In progress',
        source: firstPriya?.['Check-in ID'],
        sourceDate: firstPriya?.Date,
      }),
    );
    expect(context.value.agenda.upwardAnswers.map((f: { text: string }) => f.text)).toEqual([
      'Could we plan next month in a shared content calendar at the next check-in?',
    ]);
  });

  test('are in Danish in a Danish workbook', () => {
    const addon = setUpExampleWorkbook({ locale: 'da_DK' });
    const checkIns = rows(addon, 'Opfølgninger');
    expect(new Set(checkIns.map((c) => c.Status))).toEqual(
      new Set(['Afholdt', 'Udeblevet', 'Planlagt']),
    );
    expect(checkIns.find((c) => c.Status === 'Afholdt')?.Resumé).toMatch(
      /opfølgning|Leadkvaliteten/,
    );
    expect(rows(addon, 'Handlinger').map((a) => a.Status)).toContain('I gang');
  });
});

describe('a check-in history', () => {
  test('an action agreed at the first check-in is carried to the second and closed at the third', () => {
    const addon = cleanWorkbook();
    // 1st check-in, Thu 26 Nov: an action for Priya, due Tue 1 Dec.
    const first = as(addon, METTE, () =>
      addon.gas.recordCheckIn(
        record({
          actions: [
            { owner: PRIYA, action: 'Send a morning list of briefs', due: '2026-12-01', kpi: 'K2' },
          ],
        }),
      ),
    );
    expect(first).toMatchObject({
      ok: true,
      value: { checkInId: 'C1', nextCheckInId: 'C2', actionIds: ['A1'] },
    });

    // 2nd, Thu 3 Dec: the action is on the agenda, overdue, and moves on In progress.
    addon.emu.clock.set(noon('2026-12-03'));
    const second = as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
    expect(second.value.agenda.upcoming).toMatchObject({ id: 'C2', date: '2026-12-03' });
    expect(second.value.agenda.actions).toEqual([
      expect.objectContaining({ id: 'A1', source: 'C1', sourceDate: '2026-11-26', overdue: true }),
    ]);
    const held2 = as(addon, METTE, () =>
      addon.gas.recordCheckIn(
        record({
          checkInId: 'C2',
          actionUpdates: [{ actionId: 'A1', status: 'In progress', followUp: 'Two lists sent' }],
          next: { cadence: 'Weekly', date: '2026-12-10', time: '10:00', meetingLink: '' },
        }),
      ),
    );
    expect(held2).toMatchObject({ ok: true, value: { checkInId: 'C2', nextCheckInId: 'C3' } });

    // 3rd, Thu 10 Dec: still carried, and closed in the meeting.
    addon.emu.clock.set(noon('2026-12-10'));
    const third = as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
    expect(third.value.agenda.lastCheckIn).toMatchObject({ id: 'C2', date: '2026-12-03' });
    expect(third.value.agenda.actions.map((a: { id: string }) => a.id)).toEqual(['A1']);
    expect(third.value.agenda.actions[0]).toMatchObject({
      status: 'In progress',
      followUp: 'Two lists sent',
    });
    as(addon, METTE, () =>
      addon.gas.recordCheckIn(
        record({
          checkInId: 'C3',
          actionUpdates: [{ actionId: 'A1', status: 'Done', followUp: 'A list every morning now' }],
          next: { cadence: 'Weekly', date: '2026-12-17', time: '10:00', meetingLink: '' },
        }),
      ),
    );
    const after = as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
    expect(after.value.agenda.actions).toEqual([]);
    expect(rows(addon, 'Actions')).toEqual([
      expect.objectContaining({
        'Action ID': 'A1',
        Source: 'C1',
        Status: 'Done',
        'Done on': '2026-12-10',
        'Follow-up': 'A list every morning now',
      }),
    ]);
    expect(
      rows(addon, 'Check-ins').map((c) => [c['Check-in ID'], c.Date, c.Status, c['Next check-in']]),
    ).toEqual([
      ['C1', '2026-11-26', 'Held', '2026-12-03'],
      ['C2', '2026-12-03', 'Held', '2026-12-10'],
      ['C3', '2026-12-10', 'Held', '2026-12-17'],
      ['C4', '2026-12-17', 'Planned', ''],
    ]);
  });

  test('recording writes the held check-in, the next one, feedback both ways and new actions together', () => {
    const addon = cleanWorkbook();
    const reply = as(addon, METTE, () =>
      addon.gas.recordCheckIn(
        record({
          summary: 'Good week; turnaround still slow.',
          mood: '3',
          feedback: [
            { from: 'manager', kind: 'Praise', kpi: 'K1', text: 'Great carousel posts.' },
            { from: 'assistant', kind: 'Blocker', kpi: '', text: 'I need the brand guidelines.' },
          ],
          actions: [
            { owner: METTE, action: 'Share the brand guidelines', due: '2026-11-30', kpi: '' },
            { owner: PRIYA, action: 'Flag late briefs', due: '2026-12-02', kpi: 'Post turnaround' },
          ],
          next: {
            cadence: 'Biweekly',
            date: '2026-12-10',
            time: '09:30',
            meetingLink: 'https://meet.example.com/p',
          },
        }),
      ),
    );
    expect(reply).toEqual({
      ok: true,
      value: {
        checkInId: 'C1',
        nextCheckInId: 'C2',
        feedbackIds: ['F1', 'F2'],
        actionIds: ['A1', 'A2'],
        message: 'Check-in with Priya Sharma saved. Next check-in: 2026-12-10.',
      },
    });
    const [held, next] = rows(addon, 'Check-ins');
    expect(held).toMatchObject({
      Assistant: PRIYA,
      Manager: METTE,
      Cadence: 'Biweekly',
      Date: '2026-11-26',
      Status: 'Held',
      Mood: 3,
      Summary: 'Good week; turnaround still slow.',
      'Next check-in': '2026-12-10',
    });
    expect(next).toMatchObject({
      'Check-in ID': 'C2',
      Date: '2026-12-10',
      Status: 'Planned',
      'Meeting link': 'https://meet.example.com/p',
    });
    expect(
      rows(addon, 'Feedback').map((f) => [
        f.From,
        f.To,
        f.Direction,
        f.Kind,
        f.KPI,
        f['Check-in ID'],
      ]),
    ).toEqual([
      [METTE, PRIYA, 'Downward', 'Praise', 'K1', 'C1'],
      [PRIYA, METTE, 'Upward', 'Blocker', '', 'C1'],
    ]);
    expect(rows(addon, 'Actions').map((a) => [a.Owner, a.KPI, a.Source, a.Due, a.Status])).toEqual([
      [METTE, '', 'C1', '2026-11-30', 'Open'],
      [PRIYA, 'K2', 'C1', '2026-12-02', 'Open'],
    ]);
  });

  test('a bad item refuses the whole save at its field, and nothing is written', () => {
    const addon = setUpExampleWorkbook();
    const before = snapshotOf(addon);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ summary: '  ' }, 'summary', 'Write a short summary of the check-in.'],
      [{ mood: '7' }, 'mood', 'Mood "7" must be a whole number from 1 to 5.'],
      [
        { feedback: [{ from: 'manager', kind: 'Praise', kpi: '', text: '' }] },
        'feedback-0-text',
        'Write the feedback.',
      ],
      [
        {
          feedback: [{ from: 'manager', kind: 'Praise', kpi: '', text: 'Fine' }],
          actions: [{ owner: PRIYA, action: 'Do it', due: '2026-12-01', kpi: 'K99' }],
        },
        'action-0-kpi',
        'Unknown KPI "K99"',
      ],
      [
        { actions: [{ owner: 'nobody@example.com', action: 'Do it', due: '2026-12-01', kpi: '' }] },
        'action-0-owner',
        'nobody@example.com is not in the Team tab.',
      ],
      [
        { next: { cadence: 'Weekly', date: '2026-11-26', time: '', meetingLink: '' } },
        'nextDate',
        'The next check-in must be after today (2026-11-26).',
      ],
      [
        { actionUpdates: [{ actionId: 'A2', status: 'Dropped', followUp: '' }] },
        'update-0-followUp',
        'Say in the follow-up why action A2 is dropped.',
      ],
    ];
    for (const [over, field, message] of cases) {
      const reply = as(addon, METTE, () => addon.gas.recordCheckIn(record(over)));
      expect(reply).toEqual({ ok: false, field, message });
    }
    expect(snapshotOf(addon)).toBe(before);
  });

  test('a planned check-in whose day passed becomes Missed when the sidebar opens, and the next is planned in its rhythm', () => {
    const addon = setUpExampleWorkbook();
    const planned = rows(addon, 'Check-ins').find(
      (c) => c.Assistant === PRIYA && c.Status === 'Planned',
    );
    expect(planned).toMatchObject({ 'Check-in ID': 'C8', Date: '2026-12-01' });
    // Wed 2 Dec: Priya's Tuesday check-in was not recorded; Juan's is today and stays Planned.
    addon.emu.clock.set(noon('2026-12-02'));
    const context = as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
    // Ana's monthly check-in of Fri 27 Nov had passed too.
    expect(context.value.notice).toBe(
      '2 planned check-in(s) whose day had passed were marked Missed.',
    );
    const checkIns = rows(addon, 'Check-ins');
    expect(checkIns.find((c) => c['Check-in ID'] === 'C8')?.Status).toBe('Missed');
    expect(checkIns.find((c) => c['Check-in ID'] === 'C7')?.Status).toBe('Missed');
    expect(checkIns.find((c) => c.Assistant === JUAN && c.Date === '2026-12-02')?.Status).toBe(
      'Planned',
    );
    expect(checkIns.slice(-2)).toEqual([
      expect.objectContaining({
        'Check-in ID': 'C10',
        Assistant: 'ana@example.com',
        Date: '2026-12-27',
        Status: 'Planned',
        Cadence: 'Monthly',
      }),
      expect.objectContaining({
        'Check-in ID': 'C11',
        Assistant: PRIYA,
        Date: '2026-12-08',
        Status: 'Planned',
        Cadence: 'Weekly',
        'Meeting link': 'https://meet.google.com/kpi-loop-priya',
      }),
    ]);
    expect(context.value.agenda.upcoming).toMatchObject({
      id: 'C11',
      date: '2026-12-08',
      time: '10:00',
    });
    // Opening again changes nothing more.
    const again = as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
    expect(again.value.notice).toBe('');
    expect(rows(addon, 'Check-ins')).toHaveLength(checkIns.length);
  });
});

describe('the upward question', () => {
  test("an assistant's answer is on the manager's next agenda", () => {
    const addon = cleanWorkbook();
    as(addon, METTE, () => addon.gas.recordCheckIn(record()));
    const own = as(addon, PRIYA, () => addon.gas.getCheckInContext());
    expect(own.value).toMatchObject({ canRecord: false, assistants: [{ email: PRIYA }] });
    expect(own.value.agenda.upcoming.id).toBe('C2');
    const answer = as(addon, PRIYA, () =>
      addon.gas.answerUpwardQuestion({ kind: 'Blocker', text: 'Access to the client’s Canva' }),
    );
    expect(answer).toEqual({
      ok: true,
      value: {
        id: 'F1',
        message: 'Your answer is on the agenda of your next check-in with Mette Jensen.',
      },
    });
    expect(rows(addon, 'Feedback')[0]).toMatchObject({
      From: PRIYA,
      To: METTE,
      Direction: 'Upward',
      Kind: 'Blocker',
      'Check-in ID': 'C2',
      Acknowledged: false,
    });
    addon.emu.clock.set(noon('2026-12-03'));
    const managers = as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
    expect(managers.value.agenda.upwardAnswers).toEqual([
      expect.objectContaining({ id: 'F1', kind: 'Blocker', text: 'Access to the client’s Canva' }),
    ]);
    // Discussed at that check-in, it leaves the agenda after.
    as(addon, METTE, () =>
      addon.gas.recordCheckIn(
        record({
          checkInId: 'C2',
          next: { cadence: 'Weekly', date: '2026-12-10', time: '', meetingLink: '' },
        }),
      ),
    );
    const later = as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
    expect(later.value.agenda.upwardAnswers).toEqual([]);
  });

  test('an answer must be a Suggestion or a Blocker, with text', () => {
    const addon = setUpExampleWorkbook();
    const before = snapshotOf(addon);
    expect(
      as(addon, PRIYA, () => addon.gas.answerUpwardQuestion({ kind: 'Praise', text: 'x' })),
    ).toEqual({
      ok: false,
      field: 'kind',
      message: '"Praise" is not one of the choices.',
    });
    expect(
      as(addon, PRIYA, () => addon.gas.answerUpwardQuestion({ kind: 'Suggestion', text: ' ' })),
    ).toEqual({
      ok: false,
      field: 'text',
      message: 'Write the feedback.',
    });
    expect(snapshotOf(addon)).toBe(before);
  });
});

describe('scheduling', () => {
  test("a manager moves the next check-in; the sidebar shows it in the assistant's zone too", () => {
    const addon = setUpExampleWorkbook();
    const reply = as(addon, METTE, () =>
      addon.gas.scheduleCheckIn({
        assistant: PRIYA,
        cadence: 'Weekly',
        date: '2026-12-02',
        time: '09:00',
        meetingLink: '',
      }),
    );
    expect(reply).toEqual({
      ok: true,
      value: { id: 'C8', message: 'Next check-in with Priya Sharma: 2026-12-02 09:00.' },
    });
    const context = as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
    expect(context.value.agenda.upcoming).toMatchObject({
      id: 'C8',
      date: '2026-12-02',
      time: '09:00',
      managerZone: 'Europe/Copenhagen',
      assistantDate: '2026-12-02',
      assistantTime: '13:30',
      assistantZone: 'Asia/Kolkata',
      meetingLink: '',
    });
    expect(
      rows(addon, 'Check-ins').filter((c) => c.Assistant === PRIYA && c.Status === 'Planned'),
    ).toHaveLength(1);
  });

  test('a date that has passed is refused', () => {
    const addon = setUpExampleWorkbook();
    const reply = as(addon, METTE, () =>
      addon.gas.scheduleCheckIn({
        assistant: JUAN,
        cadence: 'Weekly',
        date: '2026-11-20',
        time: '',
        meetingLink: '',
      }),
    );
    expect(reply).toEqual({
      ok: false,
      field: 'date',
      message: '2026-11-20 has passed: choose 2026-11-26 or later.',
    });
  });
});

describe('actions', () => {
  test('an owner marks their action Done and Done on is set; Dropped needs a note', () => {
    const addon = setUpExampleWorkbook();
    const mine = as(addon, PRIYA, () => addon.gas.getCheckInContext());
    expect(mine.value.myActions.map((a: { id: string }) => a.id)).toEqual(['A2']);
    const dropped = as(addon, PRIYA, () =>
      addon.gas.updateAction({ actionId: 'A2', status: 'Dropped', followUp: '' }),
    );
    expect(dropped).toEqual({
      ok: false,
      field: 'followUp',
      message: 'Say in the follow-up why action A2 is dropped.',
    });
    const done = as(addon, PRIYA, () =>
      addon.gas.updateAction({ actionId: 'a2', status: 'Done', followUp: 'Sent every morning' }),
    );
    expect(done).toMatchObject({
      ok: true,
      value: {
        action: { id: 'A2', status: 'Done', doneOn: '2026-11-26' },
        message: 'Action A2 is now Done.',
      },
    });
    expect(rows(addon, 'Actions').find((a) => a['Action ID'] === 'A2')).toMatchObject({
      Action: 'Send Mette a morning list of briefs that cannot start the same day',
      Status: 'Done',
      'Done on': '2026-11-26',
      'Follow-up': 'Sent every morning',
    });
  });
});

describe('who may do what', () => {
  test('an assistant cannot record, schedule, open or update for someone else, and nothing is written', () => {
    const addon = setUpExampleWorkbook();
    const before = snapshotOf(addon);
    const managersOnly = { ok: false, message: 'Only managers can schedule and record check-ins.' };
    expect(as(addon, PRIYA, () => addon.gas.recordCheckIn(record()))).toEqual(managersOnly);
    expect(as(addon, PRIYA, () => addon.gas.recordCheckIn(record({ assistant: JUAN })))).toEqual(
      managersOnly,
    );
    expect(
      as(addon, PRIYA, () =>
        addon.gas.scheduleCheckIn({
          assistant: PRIYA,
          cadence: 'Weekly',
          date: '2026-12-01',
          time: '',
          meetingLink: '',
        }),
      ),
    ).toEqual(managersOnly);
    expect(as(addon, PRIYA, () => addon.gas.getCheckInContext({ assistant: JUAN }))).toEqual({
      ok: false,
      message: 'You can open only your own check-in.',
    });
    expect(
      as(addon, PRIYA, () =>
        addon.gas.updateAction({ actionId: 'A4', status: 'Done', followUp: '' }),
      ),
    ).toEqual({
      ok: false,
      message: 'Action A4 is not yours: only its owner or a manager can update it.',
    });
    expect(as(addon, 'stranger@example.com', () => addon.gas.getCheckInContext())).toEqual({
      ok: false,
      message: 'You are not in the Team tab yet: ask your manager to add stranger@example.com.',
    });
    expect(snapshotOf(addon)).toBe(before);
  });

  test('a manager picks only assistants, not another manager or someone outside Team', () => {
    const addon = setUpExampleWorkbook();
    expect(
      as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: 'x@example.com' })),
    ).toEqual({
      ok: false,
      field: 'assistant',
      message: 'x@example.com is not in the Team tab.',
    });
    expect(as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: METTE }))).toEqual({
      ok: false,
      message: 'You can hold check-ins only with assistants in Team.',
    });
  });
});

describe('the lock', () => {
  test('while someone else holds it nothing is written and the manager is told', () => {
    const addon = setUpExampleWorkbook();
    const before = snapshotOf(addon);
    addon.emu.holdDocumentLock(JUAN);
    const busy = {
      ok: false,
      message: 'Someone else is saving right now. Nothing was saved; please try again in a moment.',
    };
    expect(as(addon, METTE, () => addon.gas.recordCheckIn(record({ checkInId: 'C8' })))).toEqual(
      busy,
    );
    expect(
      as(addon, PRIYA, () => addon.gas.answerUpwardQuestion({ kind: 'Suggestion', text: 'x' })),
    ).toEqual(busy);
    expect(
      as(addon, PRIYA, () =>
        addon.gas.updateAction({ actionId: 'A2', status: 'Done', followUp: '' }),
      ),
    ).toEqual(busy);
    // The agenda still opens: only marking Missed waits for the lock.
    addon.emu.clock.set(noon('2026-12-02'));
    const context = as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
    expect(context.ok).toBe(true);
    expect(context.value.notice).toBe('');
    expect(snapshotOf(addon)).toBe(before);
  });
});

describe('user text', () => {
  test('formula-looking and HTML text is stored as text and handed back unchanged', () => {
    const addon = cleanWorkbook();
    const formula = '=IMPORTRANGE("https://x","A1")';
    const html = '<img src=x onerror=alert(1)>';
    as(addon, METTE, () =>
      addon.gas.recordCheckIn(
        record({
          summary: formula,
          feedback: [{ from: 'manager', kind: 'Praise', kpi: '', text: html }],
          actions: [{ owner: PRIYA, action: '+1 call a day', due: '2026-12-01', kpi: '' }],
        }),
      ),
    );
    expect(rows(addon, 'Check-ins')[0]?.Summary).toBe(formula);
    expect(rows(addon, 'Feedback')[0]?.Text).toBe(html);
    expect(rows(addon, 'Actions')[0]?.Action).toBe('+1 call a day');
    for (const name of LOOP_TABS)
      expect(addon.emu.sheetFormulas(name).flat().filter(Boolean)).toEqual([]);
    addon.emu.clock.set(noon('2026-11-27'));
    const context = as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
    expect(context.value.agenda.lastCheckIn.summary).toBe(formula);
    expect(context.value.agenda.actions[0].action).toBe('+1 call a day');
  });
});

describe('in Danish', () => {
  test('the check-in is written in Danish words and refusals are in Danish', () => {
    const addon = cleanWorkbook({ locale: 'da_DK' });
    const bad = as(addon, METTE, () => addon.gas.recordCheckIn(record({ summary: '' })));
    expect(bad).toEqual({
      ok: false,
      field: 'summary',
      message: 'Skriv et kort resumé af opfølgningen.',
    });
    const reply = as(addon, METTE, () =>
      addon.gas.recordCheckIn(
        record({
          feedback: [{ from: 'manager', kind: 'Ros', kpi: '', text: 'Flot uge' }],
          next: { cadence: 'Ugentlig', date: '2026-12-03', time: '10:00', meetingLink: '' },
        }),
      ),
    );
    expect(reply.value.message).toBe(
      'Opfølgningen med Priya Sharma er gemt. Næste opfølgning: 2026-12-03.',
    );
    expect(rows(addon, 'Opfølgninger').map((c) => [c.Kadence, c.Status])).toEqual([
      ['Ugentlig', 'Afholdt'],
      ['Ugentlig', 'Planlagt'],
    ]);
    expect(rows(addon, 'Feedback')[0]).toMatchObject({ Retning: 'Nedad', Type: 'Ros' });
    const context = as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
    expect(context.value.choices.cadence).toContainEqual({
      value: 'Biweekly',
      label: 'Hver 14. dag',
    });
  });
});

describe('service calls', () => {
  test('opening the agenda costs the same calls with 10 and with 500 feedback rows', () => {
    const callsWith = (extra: number): number => {
      const addon = setUpExampleWorkbook();
      appendRows(
        addon.emu,
        'Feedback',
        Array.from({ length: extra }, (_, i) => [
          `F${100 + i}`,
          new Date('2026-11-20T00:00:00+01:00'),
          JUAN,
          PRIYA,
          'Peer',
          'Praise',
          '',
          `Thanks #${i}`,
          '',
          true,
        ]),
      );
      addon.emu.resetCalls();
      as(addon, METTE, () => addon.gas.getCheckInContext({ assistant: PRIYA }));
      return addon.emu.totalCalls();
    };
    expect(callsWith(500)).toBe(callsWith(10));
  });
});

describe('the sidebar', () => {
  test('is the static page, titled Check-in, with no user text rendered into it by the server', () => {
    const addon = setUpExampleWorkbook();
    as(addon, PRIYA, () => addon.gas.showCheckIn());
    const sidebar = addon.emu.ui.sidebars.at(-1);
    expect(sidebar?.title).toBe('Check-in');
    expect(sidebar?.content).not.toContain('priya@example.com');
    expect(sidebar?.content).toContain('<script>');
  });
});
