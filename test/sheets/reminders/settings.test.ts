/**
 * The Settings sidebar's server functions, Reminders: preview and
 * Reminders: send now, through the compiled bundle (the reminder test
 * bundle: the add-on with hand-made planned messages).
 */
import { WORKED_EXAMPLE_NOW } from '../../support/addon';
import {
  buildReminderBundle,
  loadReminderAddon,
  plannedMessage,
  type ReminderAddon,
} from '../../support/reminderBundle';

const METTE = 'mette@example.com';
const PRIYA = 'priya@example.com';
const SLACK_HOOK = 'https://hooks.slack.com/services/T000/B000/secretXy9Z';

let dir: string;
beforeAll(async () => {
  dir = await buildReminderBundle();
}, 120_000);

function setUp(options = {}): ReminderAddon {
  return loadReminderAddon(dir, { now: WORKED_EXAMPLE_NOW, ...options });
}

function as<T>(addon: ReminderAddon, user: string, work: () => T): T {
  return addon.emu.asUser(user, () => addon.emu.run(work));
}

const documentProperties = (addon: ReminderAddon): Record<string, string> =>
  addon.emu.globals.PropertiesService.getDocumentProperties().getProperties();

/** Every cell of every tab, as text. */
function everyCell(addon: ReminderAddon): string {
  return addon.emu.spreadsheet
    .getSheets()
    .map((sheet) => JSON.stringify(addon.emu.sheetValues(sheet.getName())))
    .join('\n');
}

describe('Settings', () => {
  test('a manager sees every setting with PRODUCT section 7 defaults, no webhook and the reminders off', () => {
    const addon = setUp();
    const reply = as(addon, METTE, () => addon.gas.getSettingsContext());
    expect(reply.ok).toBe(true);
    expect(reply.value).toMatchObject({
      lang: 'en',
      spreadsheetLang: 'en',
      timeZone: 'Europe/Copenhagen',
      values: {
        language: 'auto',
        weekStart: 0,
        riskBandPercent: '10',
        missingEntryLeadMinutes: '60',
        missingEntryDefaultTime: '15:00',
        silentAfterWorkingDays: '2',
        escalationGraceWorkingDays: '2',
        digestDay: 4,
        digestTime: '16:00',
        quietHours: true,
        dryRun: false,
      },
      channels: [
        { channel: 'Google Chat', masked: null },
        { channel: 'Slack', masked: null },
        { channel: 'Teams', masked: null },
      ],
      trigger: { on: false, owner: null, mine: false, installedForMe: false },
      lastRun: null,
    });
    expect(Object.values(reply.value.values.rules)).toEqual(Array(8).fill(true));
  });

  test('saved settings live in the document properties, keep what others stored there, and answer in the new language', () => {
    const addon = setUp();
    addon.emu.globals.PropertiesService.getDocumentProperties().setProperty(
      'kpiloop.settings',
      JSON.stringify({ reportFooter: 'kept' }),
    );
    const { values } = as(addon, METTE, () => addon.gas.getSettingsContext()).value;
    const reply = as(addon, METTE, () =>
      addon.gas.saveSettings({
        ...values,
        language: 'da',
        weekStart: 6,
        riskBandPercent: '7,5',
        rules: { ...values.rules, behindPace: false },
        digestDay: 3,
        digestTime: '15:30',
        dryRun: true,
      }),
    );
    expect(reply.ok).toBe(true);
    expect(reply.value.lang).toBe('da');
    expect(reply.value.values).toMatchObject({
      language: 'da',
      weekStart: 6,
      riskBandPercent: '7,5',
      digestDay: 3,
      digestTime: '15:30',
      dryRun: true,
    });
    const stored = JSON.parse(documentProperties(addon)['kpiloop.settings'] ?? '{}');
    expect(stored).toMatchObject({
      reportFooter: 'kept',
      lang: 'da',
      weekStart: 6,
      riskBand: 0.075,
      reminders: { digestDay: 3, digestTime: 930, dryRun: true, enabled: { behindPace: false } },
    });
    // Back to following the spreadsheet: the stored language is gone.
    as(addon, METTE, () => addon.gas.saveSettings({ ...reply.value.values, language: 'auto' }));
    expect(JSON.parse(documentProperties(addon)['kpiloop.settings'] ?? '{}').lang).toBeUndefined();
  });

  test.each([
    [{ digestTime: '25:00' }, 'digestTime', 'Enter a time like 16:00.'],
    [{ riskBandPercent: 'lots' }, 'riskBand', 'Enter a percentage from 0 to 100.'],
    [
      { silentAfterWorkingDays: '0' },
      'silentAfterWorkingDays',
      'Enter a whole number of working days, at most 30.',
    ],
    [
      { missingEntryLeadMinutes: '1.5' },
      'missingEntryLeadMinutes',
      'Enter a whole number of minutes, at most 720.',
    ],
  ])(
    'a bad value is refused with its field and nothing is stored (%#)',
    (change, field, message) => {
      const addon = setUp();
      const { values } = as(addon, METTE, () => addon.gas.getSettingsContext()).value;
      const reply = as(addon, METTE, () => addon.gas.saveSettings({ ...values, ...change }));
      expect(reply).toEqual({ ok: false, field, message });
      expect(documentProperties(addon)['kpiloop.settings']).toBeUndefined();
    },
  );

  test('a webhook is kept in document properties, shown masked, and never written to a cell', () => {
    const addon = setUp();
    const reply = as(addon, METTE, () =>
      addon.gas.saveWebhook({ channel: 'Slack', url: SLACK_HOOK }),
    );
    expect(reply).toEqual({
      ok: true,
      value: [
        { channel: 'Google Chat', masked: null },
        { channel: 'Slack', masked: 'https://hooks.slack.com/…Xy9Z' },
        { channel: 'Teams', masked: null },
      ],
    });
    expect(documentProperties(addon)['kpiloop.webhook.slack']).toBe(SLACK_HOOK);
    const context = as(addon, METTE, () => addon.gas.getSettingsContext());
    expect(JSON.stringify(context)).not.toContain('secret');
    expect(everyCell(addon)).not.toContain('secret');

    as(addon, METTE, () => addon.gas.saveWebhook({ channel: 'Slack', url: '' }));
    expect(as(addon, METTE, () => addon.gas.getSettingsContext()).value.channels[1].masked).toBe(
      null,
    );
  });

  test.each([
    [
      'Slack',
      'http://hooks.slack.com/services/x',
      'A Slack webhook address starts with https:// and has no spaces.',
    ],
    [
      'Slack',
      'https://evil.example/services/x',
      "That is not a Slack incoming webhook address: copy it from the webhook's settings in Slack.",
    ],
    [
      'Google Chat',
      'https://hooks.slack.com/services/x',
      "That is not a Google Chat incoming webhook address: copy it from the webhook's settings in Google Chat.",
    ],
  ])('a %s webhook at %s is refused', (channel, url, message) => {
    const addon = setUp();
    const reply = as(addon, METTE, () => addon.gas.saveWebhook({ channel, url }));
    expect(reply).toEqual({ ok: false, field: 'webhook', message });
    expect(Object.keys(documentProperties(addon)).filter((k) => k.includes('webhook'))).toEqual([]);
  });

  test('a test message goes through the channel in its own format; the e-mail test goes to the manager', () => {
    const addon = setUp();
    as(addon, METTE, () => addon.gas.saveWebhook({ channel: 'Slack', url: SLACK_HOOK }));
    addon.emu.fetch.route('https://hooks.slack.com/', () => ({ code: 200, body: 'ok' }));
    expect(as(addon, METTE, () => addon.gas.sendTestMessage({ channel: 'Slack' }))).toEqual({
      ok: true,
      value: 'Test message sent through Slack.',
    });
    const [request] = addon.emu.fetch.requests;
    expect(request?.url).toBe(SLACK_HOOK);
    expect(JSON.parse(request?.payload ?? '{}')).toEqual({
      text: 'KPI Loop test message\nA test from KPI Loop in "Team KPIs", sent by mette@example.com: reminders can reach this channel.',
    });

    expect(as(addon, METTE, () => addon.gas.sendTestMessage({ channel: 'Teams' }))).toEqual({
      ok: false,
      message: 'No Teams webhook is set yet.',
    });
    expect(as(addon, METTE, () => addon.gas.sendTestMessage({ channel: 'Email' })).ok).toBe(true);
    expect(addon.emu.mail.sent.map((m) => [m.to, m.subject])).toEqual([
      [METTE, 'KPI Loop test message'],
    ]);
  });

  test('a failing test message says why', () => {
    const addon = setUp();
    as(addon, METTE, () => addon.gas.saveWebhook({ channel: 'Slack', url: SLACK_HOOK }));
    addon.emu.fetch.route('https://hooks.slack.com/', () => ({ code: 404, body: 'no_team' }));
    expect(as(addon, METTE, () => addon.gas.sendTestMessage({ channel: 'Slack' }))).toEqual({
      ok: false,
      message: 'The test message through Slack failed: HTTP 404: no_team',
    });
  });

  test('an assistant is refused by every Settings function, and nothing changes', () => {
    const addon = setUp();
    const before = JSON.stringify(documentProperties(addon));
    const { values } = as(addon, METTE, () => addon.gas.getSettingsContext()).value;
    const refusal = { ok: false, message: 'Only managers can see and change the settings.' };
    expect(as(addon, PRIYA, () => addon.gas.getSettingsContext())).toEqual(refusal);
    expect(as(addon, PRIYA, () => addon.gas.saveSettings({ ...values, dryRun: true }))).toEqual(
      refusal,
    );
    expect(
      as(addon, PRIYA, () => addon.gas.saveWebhook({ channel: 'Slack', url: SLACK_HOOK })),
    ).toEqual(refusal);
    expect(as(addon, PRIYA, () => addon.gas.sendTestMessage({ channel: 'Email' }))).toEqual(
      refusal,
    );
    expect(
      as(addon, PRIYA, () => addon.gas.setReminderTrigger({ on: true, takeOver: true })),
    ).toEqual(refusal);
    expect(JSON.stringify(documentProperties(addon))).toBe(before);
    expect(addon.emu.triggers.filter((t) => t.handler === 'runReminders')).toEqual([]);
    expect(addon.emu.mail.sent).toEqual([]);
  });

  test('turning the reminders off removes the trigger; a trigger left in another account retires when it fires', () => {
    const addon = setUp();
    addon.emu.setSheetValues('Team', [
      ...addon.emu.sheetValues('Team'),
      [
        'Lars Holm',
        'lars@example.com',
        'Manager',
        '',
        'Europe/Copenhagen',
        'Mon-Fri',
        '08:00-16:00',
        'Email',
        '',
        true,
      ],
    ]);
    as(addon, METTE, () => addon.gas.setUpTracker());
    as(addon, METTE, () => addon.gas.setReminderTrigger({ on: true, takeOver: false }));
    const mettes = addon.emu.triggers.find((t) => t.handler === 'runReminders');
    const off = as(addon, 'lars@example.com', () =>
      addon.gas.setReminderTrigger({ on: false, takeOver: false }),
    );
    expect(off).toEqual({
      ok: true,
      value: {
        trigger: { on: false, owner: null, mine: false, installedForMe: false },
        message: 'Reminders are off.',
      },
    });
    addon.plan(() => [plannedMessage(PRIYA)]);
    addon.emu.fireTrigger(mettes?.id ?? '');
    expect(addon.emu.mail.sent).toEqual([]);
    expect(addon.emu.triggers.filter((t) => t.handler === 'runReminders')).toEqual([]);
  });

  test('a manager whose account cannot edit the Outbox is told to run Set up tracker first', () => {
    const addon = setUp();
    addon.emu.setSheetValues('Team', [
      ...addon.emu.sheetValues('Team'),
      [
        'Lars Holm',
        'lars@example.com',
        'Manager',
        '',
        'Europe/Copenhagen',
        'Mon-Fri',
        '08:00-16:00',
        'Email',
        '',
        true,
      ],
    ]);
    const reply = as(addon, 'lars@example.com', () =>
      addon.gas.setReminderTrigger({ on: true, takeOver: false }),
    );
    expect(reply.ok).toBe(false);
    expect(reply.message).toContain('use KPI Loop > Set up tracker');
    expect(addon.emu.triggers.filter((t) => t.handler === 'runReminders')).toEqual([]);
  });
});

describe('Reminders: send now and preview', () => {
  test('send now runs the dispatcher for a manager and says what came of it', () => {
    const addon = setUp();
    addon.plan(() => [plannedMessage(PRIYA)]);
    as(addon, METTE, () => addon.gas.sendRemindersNow());
    expect(addon.emu.mail.sent.map((m) => m.to)).toEqual([PRIYA]);
    expect(addon.emu.ui.toasts.at(-1)?.message).toBe(
      'Reminders: 1 sent, 0 failed, 0 waiting, 0 unknown.',
    );
    const lastRun = as(addon, METTE, () => addon.gas.getSettingsContext()).value.lastRun;
    expect(lastRun).toMatchObject({ by: METTE, manual: true, sent: 1, when: '2026-11-26 12:00' });
  });

  test('an assistant can neither send now nor preview', () => {
    const addon = setUp();
    addon.plan(() => [plannedMessage(PRIYA)]);
    addon.emu.ui.toasts.length = 0;
    as(addon, PRIYA, () => addon.gas.sendRemindersNow());
    as(addon, PRIYA, () => addon.gas.showReminderPreview());
    expect(addon.emu.mail.sent).toEqual([]);
    expect(addon.emu.ui.dialogs).toEqual([]);
    expect(addon.emu.ui.toasts.map((t) => t.message)).toEqual([
      'Only managers can preview or send reminders.',
      'Only managers can preview or send reminders.',
    ]);
    expect(addon.emu.sheetValues('Outbox')).toHaveLength(1);
  });

  test('preview shows what the coming hourly runs would send, to whom, how and when, escaped, and writes nothing', () => {
    const addon = setUp();
    const later = WORKED_EXAMPLE_NOW.getTime() + 3 * 3_600_000;
    addon.plan(() => [
      plannedMessage(PRIYA, { title: 'Check <img src=x onerror=alert(1)>', dueAt: later }),
      plannedMessage('juan@example.com', { channel: 'Google Chat' }),
    ]);
    as(addon, METTE, () => addon.gas.showReminderPreview());
    const dialog = addon.emu.ui.dialogs.at(-1);
    expect(dialog?.title).toBe('Reminders: preview');
    const content = dialog?.content ?? '';
    expect(content).toContain(
      'What the hourly runs from now (2026-11-26 12:00, Europe/Copenhagen) would send in the next 24 hours, if nothing in the workbook changes: 2 messages to 2 people.',
    );
    expect(content).toContain('Juan dela Cruz');
    expect(content).toContain('Now');
    // Priya's message goes with the 15:00 run; she is in Kolkata, where 14:00 UTC is 19:30.
    expect(content).toContain('2026-11-26 15:00');
    expect(content).toContain('2026-11-26 19:30 their time (Asia/Kolkata)');
    expect(content).toContain('Check &#60;img src=x onerror=alert(1)&#62;');
    expect(content).not.toContain('<img');
    expect(addon.emu.sheetValues('Outbox')).toHaveLength(1);
    expect(addon.emu.mail.sent).toEqual([]);
  });
});
