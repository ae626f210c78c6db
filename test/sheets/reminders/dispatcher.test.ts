/**
 * The reminder dispatcher through the compiled bundle, with the planner
 * swapped for hand-made messages (test/support/reminderBundle.ts) and the
 * emulator's clock: at most once per key across overlapping runs, repeats,
 * two accounts' triggers, crashes, quota and the time limit.
 */
import { WORKED_EXAMPLE_NOW } from '../../support/addon';
import { EXECUTION_LIMIT_MS, googleishCostMs } from '../../support/costModel';
import {
  buildReminderBundle,
  loadReminderAddon,
  plannedMessage,
  type ReminderAddon,
} from '../../support/reminderBundle';
import type { EmulatorOptions } from '../../../emulator';
import { APPS_SCRIPT_TIME } from '../../../emulator/costs';
import { runtimeOf } from '../../../emulator/runtime';
import type { PlannedMessage } from '../../../src/engine/reminders/types';

const METTE = 'mette@example.com';
const PRIYA = 'priya@example.com';
const JUAN = 'juan@example.com';
const ANA = 'ana@example.com';
const SLACK_HOOK = 'https://hooks.slack.com/services/T000/B000/secretXy9Z';
const CHAT_HOOK = 'https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=secretTk42';
const HOUR = 3_600_000;

let dir: string;
beforeAll(async () => {
  dir = await buildReminderBundle();
}, 120_000);

function setUp(options: EmulatorOptions = {}): ReminderAddon {
  return loadReminderAddon(dir, { now: WORKED_EXAMPLE_NOW, ...options });
}

/** Mette turns the hourly reminders on in Settings; returns her trigger's id. */
function turnOn(addon: ReminderAddon, who = METTE, takeOver = false): string {
  const reply = addon.emu.asUser(who, () =>
    addon.emu.run(() => addon.gas.setReminderTrigger({ on: true, takeOver })),
  );
  expect(reply.ok).toBe(true);
  return triggerOf(addon, who);
}

function triggerOf(addon: ReminderAddon, owner: string): string {
  const trigger = addon.emu.triggers.find((t) => t.handler === 'runReminders' && t.owner === owner);
  if (!trigger) throw new Error(`${owner} has no reminder trigger`);
  return trigger.id;
}

function saveWebhook(addon: ReminderAddon, channel: string, url: string): void {
  const reply = addon.emu.run(() => addon.gas.saveWebhook({ channel, url }));
  expect(reply.ok).toBe(true);
}

/** Time passes until the next hourly run: a new execution starts then. */
function laterBy(addon: ReminderAddon, ms: number): void {
  addon.emu.clock.advance(ms);
  addon.emu.endExecution();
}

type OutboxRow = Record<string, unknown>;

function outbox(addon: ReminderAddon): OutboxRow[] {
  const [header = [], ...rows] = addon.emu.sheetValues('Outbox');
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

const statuses = (addon: ReminderAddon): Record<string, unknown> =>
  Object.fromEntries(outbox(addon).map((row) => [row.Recipient, row.Status]));

const mailTo = (addon: ReminderAddon): string[] => addon.emu.mail.sent.map((m) => m.to);

/**
 * fn as another execution, running while the current one is stopped at a
 * service call: someone else's sidebar, or another trigger firing. Its
 * locks are its own, and released when it ends.
 */
function meanwhile<T>(addon: ReminderAddon, user: string, fn: () => T, inTrigger = false): T {
  const rt = runtimeOf(addon.emu.globals);
  const execution = rt.newExecution();
  const context = { user, authMode: 'FULL' as const, inTrigger, execution };
  try {
    return rt.scoped({ ...context, executionStartedAt: addon.emu.clock.now() }, fn);
  } finally {
    rt.endExecution(execution);
  }
}

/** `n` people owed a reminder by e-mail, person1@example.com … */
const team = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `person${i + 1}@example.com`);

const count = (rows: OutboxRow[], status: string): number =>
  rows.filter((row) => row.Status === status).length;

describe('the hourly dispatcher', () => {
  test('a due reminder is recorded in the Outbox, sent once by e-mail with both parts, and marked Sent', () => {
    const addon = setUp();
    const id = turnOn(addon);
    const message = plannedMessage(PRIYA);
    addon.plan(() => [message]);
    addon.emu.fireTrigger(id);

    expect(addon.emu.mail.sent).toEqual([
      expect.objectContaining({
        to: PRIYA,
        subject: message.title,
        body: message.text,
        htmlBody: message.html,
      }),
    ]);
    const [row] = outbox(addon);
    expect(row).toMatchObject({
      'Reminder key': message.key,
      Recipient: PRIYA,
      Channel: 'Email',
      Rule: 'Missing entry',
      Subject: message.title,
      Status: 'Sent',
      Attempts: 1,
      Error: '',
    });
    expect(row?.['Sent at']).toEqual(row?.Created);
  });

  test('a Danish workbook keeps its Outbox in Danish, and reads it back', () => {
    const addon = setUp({ locale: 'da_DK' });
    const id = turnOn(addon);
    addon.emu.mail.setRemaining(1);
    addon.plan(() => [plannedMessage(PRIYA), plannedMessage(JUAN)]);
    addon.emu.fireTrigger(id);
    const rows = () =>
      addon.emu
        .sheetValues('Udbakke')
        .slice(1)
        .map((row) => [row[3], row[4], row[5], row[7]]);
    expect(rows()).toEqual([
      [PRIYA, 'E-mail', 'Manglende registrering', 'Sendt'],
      [JUAN, 'E-mail', 'Manglende registrering', 'I kø'],
    ]);
    laterBy(addon, HOUR);
    addon.emu.mail.setRemaining(10);
    addon.emu.fireTrigger(id);
    expect(mailTo(addon)).toEqual([PRIYA, JUAN]);
    expect(rows().map((row) => row[3])).toEqual(['Sendt', 'Sendt']);
  });

  test('the same run twice in one hour sends nothing twice', () => {
    const addon = setUp();
    const id = turnOn(addon);
    addon.plan(() => [plannedMessage(PRIYA), plannedMessage(JUAN)]);
    addon.emu.fireTrigger(id);
    laterBy(addon, 10 * 60_000);
    addon.emu.fireTrigger(id);

    expect(mailTo(addon).sort()).toEqual([JUAN, PRIYA]);
    expect(outbox(addon)).toHaveLength(2);
  });

  test('a run that starts while another holds the lock ends quietly; the next run sends once', () => {
    const addon = setUp();
    const id = turnOn(addon);
    addon.plan(() => [plannedMessage(PRIYA)]);
    addon.emu.holdDocumentLock('another-run@example.com');
    addon.emu.fireTrigger(id);
    expect(addon.emu.mail.sent).toHaveLength(0);
    expect(outbox(addon)).toHaveLength(0);

    addon.emu.releaseDocumentLock();
    addon.emu.fireTrigger(id);
    addon.emu.fireTrigger(id);
    expect(mailTo(addon)).toEqual([PRIYA]);
  });

  test('triggers from two accounts: only the recorded owner sends, and the other trigger retires', () => {
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
    addon.emu.run(() => addon.gas.setUpTracker()); // Lars may now edit the managers' tabs
    const mettes = turnOn(addon);
    expect(turnOn(addon)).toBe(mettes); // on twice: still one trigger
    expect(addon.emu.triggers.filter((t) => t.handler === 'runReminders')).toHaveLength(1);

    const refused = addon.emu.asUser('lars@example.com', () =>
      addon.emu.run(() => addon.gas.setReminderTrigger({ on: true, takeOver: false })),
    );
    expect(refused).toEqual({
      ok: false,
      field: 'takeOver',
      message:
        "Reminders are already sent every hour from mette@example.com's account. Take over to send them from yours; mette@example.com's trigger then stops.",
    });
    const lars = turnOn(addon, 'lars@example.com', true);

    addon.plan(() => [plannedMessage(PRIYA), plannedMessage(ANA)]);
    addon.emu.fireTrigger(mettes);
    expect(addon.emu.mail.sent).toHaveLength(0);
    expect(addon.emu.triggers.map((t) => t.id)).not.toContain(mettes);
    addon.emu.fireTrigger(lars);
    addon.emu.fireTrigger(lars);
    expect(mailTo(addon).sort()).toEqual([ANA, PRIYA]);
  });

  test('a run that dies after the mail went out and before Sent was written: the next run marks it Unknown and does not resend', () => {
    // The send lands, and takes the run past Apps Script's limit: the run is stopped right there.
    const addon = setUp({
      executionLimitMs: EXECUTION_LIMIT_MS,
      costPerCallMs: (name) => (name === 'MailApp.sendEmail' ? EXECUTION_LIMIT_MS + 1 : 0),
    });
    const id = turnOn(addon);
    addon.plan(() => [plannedMessage(PRIYA)]);
    expect(() => addon.emu.fireTrigger(id)).toThrow('Exceeded maximum execution time');
    expect(mailTo(addon)).toEqual([PRIYA]);
    expect(statuses(addon)).toEqual({ [PRIYA]: 'Sending' });

    laterBy(addon, HOUR);
    addon.emu.fireTrigger(id);
    expect(mailTo(addon)).toEqual([PRIYA]);
    const [row] = outbox(addon);
    expect(row).toMatchObject({ Status: 'Unknown', Attempts: 1 });
    expect(String(row?.Error)).toContain('it is not sent again');
  });

  test('a webhook post that is cut off by the time limit is not posted again either', () => {
    const addon = setUp({ executionLimitMs: EXECUTION_LIMIT_MS });
    saveWebhook(addon, 'Slack', SLACK_HOOK);
    const id = turnOn(addon);
    addon.plan(() => [plannedMessage(ANA, { channel: 'Slack' })]);
    addon.emu.fetch.route('https://hooks.slack.com/', () => {
      addon.emu.clock.advance(EXECUTION_LIMIT_MS + 1);
      return { code: 200, body: 'ok' };
    });
    expect(() => addon.emu.fireTrigger(id)).toThrow('Exceeded maximum execution time');
    laterBy(addon, HOUR);
    addon.emu.fireTrigger(id);
    expect(addon.emu.fetch.requests).toHaveLength(1);
    expect(statuses(addon)).toEqual({ [ANA]: 'Unknown' });
  });

  test('when the mail quota runs out half-way the rest waits Queued, goes out on the next run, and nothing twice', () => {
    const addon = setUp();
    saveWebhook(addon, 'Slack', SLACK_HOOK);
    addon.emu.fetch.route('https://hooks.slack.com/', () => ({ code: 200, body: 'ok' }));
    const id = turnOn(addon);
    const people = ['a', 'b', 'c', 'd', 'e'].map((x) => `${x}@example.com`);
    addon.plan(() => [
      ...people.map((p) => plannedMessage(p)),
      plannedMessage(ANA, { channel: 'Slack' }),
    ]);
    addon.emu.mail.setRemaining(3);
    addon.emu.fireTrigger(id);
    expect(mailTo(addon)).toEqual(people.slice(0, 3));
    expect(addon.emu.fetch.requests).toHaveLength(1); // a webhook needs no mail quota
    expect(Object.values(statuses(addon)).sort()).toEqual([
      'Queued',
      'Queued',
      'Sent',
      'Sent',
      'Sent',
      'Sent',
    ]);
    const settings = addon.emu.run(() => addon.gas.getSettingsContext());
    expect(settings.value.lastRun).toMatchObject({ sent: 4, queued: 2, quotaExhausted: true });

    laterBy(addon, HOUR);
    addon.emu.mail.setRemaining(100);
    addon.emu.fireTrigger(id);
    expect(mailTo(addon)).toEqual(people);
    expect(addon.emu.fetch.requests).toHaveLength(1);
    expect(new Set(Object.values(statuses(addon)))).toEqual(new Set(['Sent']));
  });

  test('items of a message that waited for quota and was then taken over by a bigger one are still sent', () => {
    const addon = setUp();
    const id = turnOn(addon);
    const one = (subject: string) => plannedMessage(PRIYA, { subject });
    const batch = (...subjects: string[]): PlannedMessage => {
      const parts = subjects.map(one);
      return {
        ...(parts[0] as PlannedMessage),
        key: parts.map((m) => m.key).join(';'),
        items: parts.flatMap((m) => m.items),
      };
    };
    addon.emu.mail.setRemaining(0);
    addon.plan(() => [batch('K1', 'K2')]);
    addon.emu.fireTrigger(id);
    laterBy(addon, HOUR);
    // The next run has one more thing for Priya: one message for all three, still no quota.
    addon.plan(() => [batch('K1', 'K2', 'K7')]);
    addon.emu.fireTrigger(id);
    laterBy(addon, HOUR);
    addon.emu.mail.setRemaining(100);
    addon.emu.fireTrigger(id);
    expect(mailTo(addon)).toEqual([PRIYA]);
    expect(addon.emu.mail.sent[0]?.subject).toBe('KPI Loop reminder: Missing entry');
    expect(
      outbox(addon)
        .map((row) => row.Status)
        .sort(),
    ).toEqual(['Sent', 'Skipped']);
  });

  test('a webhook answering 429, then 500, then 200 is posted until it lands: one message, three tries', () => {
    const addon = setUp();
    saveWebhook(addon, 'Slack', SLACK_HOOK);
    const answers = [
      { code: 429, body: 'rate_limited', headers: { 'Retry-After': '3' } },
      { code: 500, body: 'internal error' },
      { code: 200, body: 'ok' },
    ];
    addon.emu.fetch.route('https://hooks.slack.com/', () => answers.shift() ?? { code: 200 });
    const id = turnOn(addon);
    addon.plan(() => [plannedMessage(ANA, { channel: 'Slack' })]);
    const before = addon.emu.clock.now();
    addon.emu.fireTrigger(id);

    const requests = addon.emu.fetch.requests;
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.payload)).size).toBe(1);
    expect(answers).toHaveLength(0);
    // It waited as asked (3 s) and then backed off (2 s) before the third try.
    expect(addon.emu.clock.now() - before).toBeGreaterThanOrEqual(5_000);
    expect(outbox(addon)).toEqual([
      expect.objectContaining({ Channel: 'Slack', Status: 'Sent', Attempts: 3, Error: '' }),
    ]);
  });

  test('a webhook answering 400 is not retried: Failed with the reason, and the rest of the batch goes on', () => {
    const addon = setUp();
    saveWebhook(addon, 'Google Chat', CHAT_HOOK);
    addon.emu.fetch.route('https://chat.googleapis.com/', () => ({
      code: 400,
      body: '{"error": {"code": 400, "message": "Invalid JSON payload received."}}',
    }));
    const id = turnOn(addon);
    addon.plan(() => [plannedMessage(JUAN, { channel: 'Google Chat' }), plannedMessage(PRIYA)]);
    addon.emu.fireTrigger(id);

    expect(addon.emu.fetch.requests).toHaveLength(1);
    expect(mailTo(addon)).toEqual([PRIYA]);
    expect(outbox(addon)).toEqual([
      expect.objectContaining({
        Recipient: JUAN,
        Status: 'Failed',
        Attempts: 1,
        Error: 'HTTP 400: {"error": {"code": 400, "message": "Invalid JSON payload received."}}',
      }),
      expect.objectContaining({ Recipient: PRIYA, Status: 'Sent' }),
    ]);
    const settings = addon.emu.run(() => addon.gas.getSettingsContext());
    expect(settings.value.lastRun.errors).toEqual([
      `${JUAN}: HTTP 400: {"error": {"code": 400, "message": "Invalid JSON payload received."}}`,
    ]);
    // Failed is final: the next run does not try again.
    laterBy(addon, HOUR);
    addon.emu.fireTrigger(id);
    expect(addon.emu.fetch.requests).toHaveLength(1);
  });

  test('an unreachable webhook is tried four times, then Failed, and its secret address is not written anywhere', () => {
    const addon = setUp();
    saveWebhook(addon, 'Slack', SLACK_HOOK); // no route: the address does not answer
    const id = turnOn(addon);
    addon.plan(() => [plannedMessage(ANA, { channel: 'Slack' })]);
    addon.emu.fireTrigger(id);
    expect(addon.emu.fetch.requests).toHaveLength(4);
    expect(outbox(addon)[0]).toMatchObject({
      Status: 'Failed',
      Attempts: 4,
      Error: 'Address unavailable: https://hooks.slack.com/…Xy9Z',
    });
    const settings = addon.emu.run(() => addon.gas.getSettingsContext());
    expect(JSON.stringify(settings)).not.toContain('secret');
    expect(JSON.stringify(addon.emu.sheetValues('Outbox'))).not.toContain('secret');
  });

  test('a mail that MailApp refuses is Failed with its reason; the others still go', () => {
    const addon = setUp();
    const id = turnOn(addon);
    addon.plan(() => [plannedMessage('not an address'), plannedMessage(PRIYA)]);
    addon.emu.fireTrigger(id);
    expect(mailTo(addon)).toEqual([PRIYA]);
    expect(outbox(addon)[0]).toMatchObject({
      Status: 'Failed',
      Error: 'Invalid email: not an address',
    });
  });

  test("e-mail stands in when the person's channel has no webhook", () => {
    const addon = setUp();
    const id = turnOn(addon);
    addon.plan(() => [plannedMessage(ANA, { channel: 'Slack' })]);
    addon.emu.fireTrigger(id);
    expect(mailTo(addon)).toEqual([ANA]);
    expect(outbox(addon)[0]).toMatchObject({ Channel: 'Email', Status: 'Sent' });
  });

  test("a message held for the recipient's working hours waits Queued until its Due at", () => {
    const addon = setUp();
    const id = turnOn(addon);
    const morning = WORKED_EXAMPLE_NOW.getTime() + 2 * HOUR;
    addon.plan(() => [plannedMessage(PRIYA, { dueAt: morning })]);
    addon.emu.fireTrigger(id);
    expect(addon.emu.mail.sent).toHaveLength(0);
    expect(outbox(addon)[0]).toMatchObject({ Status: 'Queued', 'Due at': new Date(morning) });

    laterBy(addon, HOUR);
    addon.emu.fireTrigger(id);
    expect(addon.emu.mail.sent).toHaveLength(0);
    laterBy(addon, HOUR);
    addon.emu.fireTrigger(id);
    expect(mailTo(addon)).toEqual([PRIYA]);
  });

  test('a Queued message the planner no longer plans is Skipped once due, never sent', () => {
    const addon = setUp();
    const id = turnOn(addon);
    addon.emu.mail.setRemaining(0);
    addon.plan(() => [plannedMessage(PRIYA)]);
    addon.emu.fireTrigger(id);
    expect(statuses(addon)).toEqual({ [PRIYA]: 'Queued' });

    laterBy(addon, HOUR);
    addon.emu.mail.setRemaining(100);
    addon.plan(() => []); // Priya logged her entry in the meantime
    addon.emu.fireTrigger(id);
    expect(addon.emu.mail.sent).toHaveLength(0);
    expect(outbox(addon)[0]).toMatchObject({
      Status: 'Skipped',
      Error: 'Not sent: no longer due, or included in a newer message.',
    });
  });

  test('dry run records every due reminder in the Outbox as Skipped and sends nothing', () => {
    const addon = setUp();
    saveWebhook(addon, 'Slack', SLACK_HOOK);
    const id = turnOn(addon);
    const context = addon.emu.run(() => addon.gas.getSettingsContext()).value;
    const saved = addon.emu.run(() => addon.gas.saveSettings({ ...context.values, dryRun: true }));
    expect(saved.ok).toBe(true);
    addon.plan(() => [plannedMessage(PRIYA), plannedMessage(ANA, { channel: 'Slack' })]);
    addon.emu.fireTrigger(id);
    addon.emu.fireTrigger(id);

    expect(addon.emu.mail.sent).toHaveLength(0);
    expect(addon.emu.fetch.requests).toHaveLength(0);
    expect(outbox(addon).map((row) => [row.Status, row.Error, row.Attempts])).toEqual([
      ['Skipped', 'Dry run: not sent.', 0],
      ['Skipped', 'Dry run: not sent.', 0],
    ]);
  });

  test('a run over a team of 800 under modelled service costs (e-mail at 500 ms) stops before the time limit and completes on the next run', () => {
    const addon = setUp({
      costPerCallMs: googleishCostMs,
      executionLimitMs: EXECUTION_LIMIT_MS,
      mailQuota: 1500,
    });
    const id = turnOn(addon);
    const people = Array.from({ length: 800 }, (_, i) => `person${i + 1}@example.com`);
    addon.plan(() => people.map((p) => plannedMessage(p)));

    laterBy(addon, 0);
    const start = addon.emu.clock.now();
    addon.emu.fireTrigger(id); // would throw past the limit
    const firstRun = addon.emu.clock.now() - start;
    const afterFirst = outbox(addon);
    const sentFirst = afterFirst.filter((row) => row.Status === 'Sent').length;
    expect(firstRun).toBeLessThan(EXECUTION_LIMIT_MS);
    expect(sentFirst).toBeGreaterThan(0);
    expect(sentFirst).toBeLessThan(800);
    expect(afterFirst.filter((row) => row.Status === 'Queued')).toHaveLength(800 - sentFirst);
    const summary = addon.emu.run(() => addon.gas.getSettingsContext()).value.lastRun;
    expect(summary).toMatchObject({ stoppedEarly: true, sent: sentFirst, queued: 800 - sentFirst });

    laterBy(addon, HOUR);
    addon.emu.fireTrigger(id);
    expect(new Set(outbox(addon).map((row) => row.Status))).toEqual(new Set(['Sent']));
    expect(addon.emu.mail.sent).toHaveLength(800);
    expect(new Set(mailTo(addon)).size).toBe(800);
  });

  test("under the emulator's own Apps Script cost table (e-mail at 800 ms) 500 reminders take more than one run, each inside the limit and each sending, none twice", () => {
    const addon = setUp({ ...APPS_SCRIPT_TIME, mailQuota: 1500 });
    const id = turnOn(addon);
    const people = Array.from({ length: 500 }, (_, i) => `person${i + 1}@example.com`);
    addon.plan(() => people.map((p) => plannedMessage(p)));
    const sentPerRun: number[] = [];
    while (outbox(addon).some((row) => row.Status === 'Queued') || sentPerRun.length === 0) {
      laterBy(addon, sentPerRun.length === 0 ? 0 : HOUR);
      const before = addon.emu.mail.sent.length;
      addon.emu.fireTrigger(id); // would throw past the limit
      sentPerRun.push(addon.emu.mail.sent.length - before);
      if (sentPerRun.length > 5) break;
    }
    expect(sentPerRun.length).toBeGreaterThan(1);
    expect(sentPerRun.length).toBeLessThanOrEqual(5);
    expect(sentPerRun.every((sent) => sent > 0)).toBe(true);
    expect(sentPerRun.reduce((a, b) => a + b, 0)).toBe(500);
    expect(new Set(mailTo(addon)).size).toBe(500);
  });
});

describe('the lock is held only to read and write, never while sending', () => {
  test('an assistant saves Log work while a run is sending its first chunk: the save succeeds, and every reminder still goes out once', () => {
    const addon = setUp({ ...APPS_SCRIPT_TIME, mailQuota: 1500 });
    saveWebhook(addon, 'Slack', SLACK_HOOK);
    const id = turnOn(addon);
    const people = team(80); // two chunks
    let saved: { ok: boolean } | null = null;
    let sendingMeanwhile = 0;
    addon.emu.fetch.route('https://hooks.slack.com/', () => {
      // Ana's Slack message goes out first, in the first chunk: Priya saves right then.
      sendingMeanwhile = count(outbox(addon), 'Sending');
      saved = meanwhile(addon, PRIYA, () =>
        addon.gas.saveLogEntry({
          kpiId: 'K1',
          date: '2026-11-26',
          value: '4',
          note: 'saved mid-run',
          link: '',
        }),
      );
      return { code: 200, body: 'ok' };
    });
    addon.plan(() => [
      plannedMessage(ANA, { channel: 'Slack', dueAt: -1 }),
      ...people.map((p) => plannedMessage(p)),
    ]);
    addon.emu.fireTrigger(id);

    expect(sendingMeanwhile).toBeGreaterThan(1); // a chunk was claimed, and was going out
    expect(saved).toMatchObject({ ok: true });
    const notes = addon.emu.sheetValues('Log').map((row) => row[5]);
    expect(notes).toContain('saved mid-run');
    expect(addon.emu.fetch.requests).toHaveLength(1);
    expect(mailTo(addon)).toEqual(people);
    expect(new Set(outbox(addon).map((row) => row.Status))).toEqual(new Set(['Sent']));
  });

  test('a second run that starts while the first is sending claims nothing, marks nothing Unknown and sends nothing; the first finishes all', () => {
    const addon = setUp();
    saveWebhook(addon, 'Slack', SLACK_HOOK);
    const id = turnOn(addon);
    const people = team(80);
    let during: { sending: number; unknown: number; queued: number; mails: number } | null = null;
    addon.emu.fetch.route('https://hooks.slack.com/', () => {
      const mailsBefore = addon.emu.mail.sent.length;
      meanwhile(addon, METTE, () => addon.gas.runReminders({}), true); // the next hour's trigger, early
      const rows = outbox(addon);
      during = {
        sending: count(rows, 'Sending'),
        unknown: count(rows, 'Unknown'),
        queued: count(rows, 'Queued'),
        mails: addon.emu.mail.sent.length - mailsBefore,
      };
      return { code: 200, body: 'ok' };
    });
    addon.plan(() => [
      plannedMessage(ANA, { channel: 'Slack', dueAt: -1 }),
      ...people.map((p) => plannedMessage(p)),
    ]);
    addon.emu.fireTrigger(id);

    // The first run's chunk (Ana and 49 others) stayed Sending; the rest stayed Queued for it.
    expect(during).toEqual({ sending: 50, unknown: 0, queued: 31, mails: 0 });
    expect(addon.emu.fetch.requests).toHaveLength(1);
    expect(mailTo(addon)).toEqual(people);
    expect(new Set(outbox(addon).map((row) => row.Status))).toEqual(new Set(['Sent']));
    const lastRun = addon.emu.run(() => addon.gas.getSettingsContext()).value.lastRun;
    expect(lastRun).toMatchObject({ sent: 81, unknown: 0, queued: 0 });
  });

  test('Reminders: send now while the hourly run is sending says another run is at work, and sends nothing', () => {
    const addon = setUp();
    saveWebhook(addon, 'Slack', SLACK_HOOK);
    const id = turnOn(addon);
    const toasts: string[] = [];
    addon.emu.fetch.route('https://hooks.slack.com/', () => {
      meanwhile(addon, METTE, () => addon.gas.sendRemindersNow());
      toasts.push(...addon.emu.ui.toasts.map((toast) => toast.message));
      return { code: 200, body: 'ok' };
    });
    addon.plan(() => [plannedMessage(ANA, { channel: 'Slack' }), plannedMessage(PRIYA)]);
    addon.emu.fireTrigger(id);
    expect(toasts).toContain(
      'Another run is sending reminders right now; whatever it leaves waiting goes out with the next one.',
    );
    expect(mailTo(addon)).toEqual([PRIYA]);
    expect(addon.emu.fetch.requests).toHaveLength(1);
  });

  test('a manager who sorts the Outbox while a run sends: each result still lands on its own row', () => {
    const addon = setUp();
    saveWebhook(addon, 'Slack', SLACK_HOOK);
    const id = turnOn(addon);
    addon.emu.fetch.route('https://hooks.slack.com/', () => {
      // Newest first, by hand, while Ana's message is out: every row moves.
      const [header = [], ...rows] = addon.emu.sheetValues('Outbox');
      addon.emu.setSheetValues('Outbox', [header, ...rows.reverse()]);
      return { code: 400, body: 'channel_not_found' };
    });
    addon.plan(() => [
      plannedMessage(ANA, { channel: 'Slack', dueAt: -1 }),
      plannedMessage(PRIYA),
      plannedMessage(JUAN),
    ]);
    addon.emu.fireTrigger(id);

    expect(outbox(addon).map((row) => [row.Recipient, row.Status, row.Error])).toEqual([
      [JUAN, 'Sent', ''],
      [PRIYA, 'Sent', ''],
      [ANA, 'Failed', 'HTTP 400: channel_not_found'],
    ]);
    expect(mailTo(addon)).toEqual([PRIYA, JUAN]);
  });

  test('a Queued row a manager marks Skipped by hand between chunks is not sent', () => {
    const addon = setUp();
    saveWebhook(addon, 'Slack', SLACK_HOOK);
    const id = turnOn(addon);
    const people = team(60);
    const last = people[people.length - 1] as string;
    addon.emu.fetch.route('https://hooks.slack.com/', () => {
      const values = addon.emu.sheetValues('Outbox');
      const header = values[0] ?? [];
      const row = values.find((r) => r[header.indexOf('Recipient')] === last) as unknown[];
      row[header.indexOf('Status')] = 'Skipped';
      addon.emu.setSheetValues('Outbox', values);
      return { code: 200, body: 'ok' };
    });
    addon.plan(() => [
      plannedMessage(ANA, { channel: 'Slack', dueAt: -1 }),
      ...people.map((p) => plannedMessage(p)),
    ]);
    addon.emu.fireTrigger(id);
    expect(mailTo(addon)).toEqual(people.slice(0, -1));
    expect(statuses(addon)[last]).toBe('Skipped');
  });

  test('the statuses of 100 reminders cost the same service calls as those of 60: no search per row, one block per chunk', () => {
    const calls = (n: number): Record<string, number> => {
      const addon = setUp();
      const id = turnOn(addon);
      addon.plan(() => team(n).map((p) => plannedMessage(p)));
      addon.emu.resetCalls();
      addon.emu.fireTrigger(id);
      expect(addon.emu.mail.sent).toHaveLength(n);
      const rest = { ...addon.emu.calls };
      delete rest['MailApp.sendEmail'];
      return rest;
    };
    const sixty = calls(60);
    expect(calls(100)).toEqual(sixty); // two chunks of at most 50 each
    expect(sixty['TextFinder.findNext'] ?? 0).toBe(0);
  });
});

describe('user text stays inert on its way out', () => {
  const HOSTILE =
    '=HYPERLINK("https://evil.example","x") <img src=x onerror=alert(1)> & <users/all> [click](https://evil.example) <!channel>';

  function hostile(recipient: string, channel: PlannedMessage['channel']): PlannedMessage {
    return plannedMessage(recipient, {
      channel,
      title: HOSTILE,
      text: `Action: ${HOSTILE}`,
      html: '<p>Action: &#61;HYPERLINK(&#34;https://evil.example&#34;,&#34;x&#34;) &lt;img src=x onerror=alert(1)&gt;</p>',
    });
  }

  test('in the Outbox the subject is stored as text, never as a formula', () => {
    const addon = setUp();
    const id = turnOn(addon);
    addon.plan(() => [hostile(PRIYA, 'Email')]);
    addon.emu.fireTrigger(id);
    expect(outbox(addon)[0]?.Subject).toBe(HOSTILE);
    expect(addon.emu.sheetFormulas('Outbox').flat().filter(Boolean)).toEqual([]);
  });

  test('in e-mail the plain part is the text and the HTML part is the escaped HTML the planner made', () => {
    const addon = setUp();
    const id = turnOn(addon);
    const message = hostile(PRIYA, 'Email');
    addon.plan(() => [message]);
    addon.emu.fireTrigger(id);
    const [mail] = addon.emu.mail.sent;
    expect(mail?.body).toBe(message.text);
    expect(mail?.htmlBody).toBe(message.html);
    expect(mail?.htmlBody).not.toContain('<img');
  });

  test('in chat payloads it is JSON-escaped, Slack-escaped, kept from Chat mentions and from Teams Markdown', () => {
    const addon = setUp();
    saveWebhook(addon, 'Slack', SLACK_HOOK);
    saveWebhook(addon, 'Google Chat', CHAT_HOOK);
    saveWebhook(
      addon,
      'Teams',
      'https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=secret',
    );
    for (const host of [
      'https://hooks.slack.com/',
      'https://chat.googleapis.com/',
      'https://prod-01.',
    ])
      addon.emu.fetch.route(host, () => ({ code: 200, body: 'ok' }));
    const id = turnOn(addon);
    addon.plan(() => [
      hostile(ANA, 'Slack'),
      hostile(JUAN, 'Google Chat'),
      hostile(PRIYA, 'Teams'),
    ]);
    addon.emu.fireTrigger(id);

    const [slack, chat, teams] = addon.emu.fetch.requests;
    for (const request of [slack, chat, teams]) {
      expect(request?.contentType).toBe('application/json; charset=UTF-8');
      expect(() => JSON.parse(request?.payload ?? '')).not.toThrow();
    }
    const slackText: string = JSON.parse(slack?.payload ?? '{}').text;
    expect(slackText).toBe(
      `${HOSTILE}\nAction: ${HOSTILE}`
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;'),
    );
    expect(slackText).not.toMatch(/[<>]/);

    const chatText: string = JSON.parse(chat?.payload ?? '{}').text;
    expect(chatText).not.toContain('<users/all>');
    expect(chatText.replace(/\u200B/g, '')).toBe(`${HOSTILE}\nAction: ${HOSTILE}`);

    const card = JSON.parse(teams?.payload ?? '{}');
    expect(card.type).toBe('message');
    expect(card.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const body = card.attachments[0].content.body;
    expect(body.every((block: { type: string }) => block.type === 'RichTextBlock')).toBe(true);
    expect(body.map((b: { inlines: Array<{ text: string }> }) => b.inlines[0]?.text)).toEqual([
      HOSTILE,
      `Action: ${HOSTILE}`,
    ]);
  });
});
