/**
 * The real planner and the dispatcher together, through the compiled add-on
 * (the test bundle differs from dist/Code.js only in not being held to the
 * size limit): the example team over a day of hourly runs.
 */
import { WORKED_EXAMPLE_NOW } from '../../support/addon';
import {
  buildReminderBundle,
  loadReminderAddon,
  type ReminderAddon,
} from '../../support/reminderBundle';

const HOUR = 3_600_000;
const CHAT_HOOK = 'https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=secretTk42';
const HOSTILE = '=1+1 <b>Posts</b> & <users/all>';

let dir: string;
beforeAll(async () => {
  dir = await buildReminderBundle('real');
}, 120_000);

function setUp(): ReminderAddon {
  const addon = loadReminderAddon(dir, { now: WORKED_EXAMPLE_NOW, mailQuota: 1000 });
  addon.emu.run(() => addon.gas.setReminderTrigger({ on: true, takeOver: false }));
  return addon;
}

function hourlyRuns(addon: ReminderAddon, hours: number, twice = false): void {
  const id = addon.emu.triggers.find((t) => t.handler === 'runReminders')?.id ?? '';
  for (let h = 0; h < hours; h++) {
    addon.emu.fireTrigger(id);
    if (twice) addon.emu.fireTrigger(id);
    addon.emu.clock.advance(HOUR);
    addon.emu.endExecution();
  }
}

/** Renames a KPI in the KPIs tab, as a manager typing over its name would. */
function renameKpi(addon: ReminderAddon, id: string, name: string): void {
  const values = addon.emu.sheetValues('KPIs');
  const header = values[0] ?? [];
  const row = values.find((r) => r[header.indexOf('KPI ID')] === id);
  if (!row) throw new Error(`no KPI ${id}`);
  row[header.indexOf('KPI')] = `'${name}`;
  addon.emu.setSheetValues('KPIs', values);
}

test('a day of hourly runs, each run twice, sends every planned reminder once and records it Sent', () => {
  const addon = setUp();
  hourlyRuns(addon, 30, true);
  const [header = [], ...rows] = addon.emu.sheetValues('Outbox');
  const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
  expect(rows.length).toBeGreaterThan(3);
  expect(new Set(column('Status'))).toEqual(new Set(['Sent']));
  const keys = column('Reminder key') as string[];
  expect(new Set(keys).size).toBe(keys.length);
  const items = keys.flatMap((key) => key.split(';'));
  expect(new Set(items).size).toBe(items.length);
  expect(addon.emu.mail.sent).toHaveLength(rows.length);
});

test("a KPI name with HTML and formula characters stays inert in the e-mail's HTML, a Chat payload and the Outbox", () => {
  const addon = setUp();
  renameKpi(addon, 'K1', HOSTILE); // Priya's, by e-mail
  renameKpi(addon, 'K6', HOSTILE); // Juan's, in Google Chat
  addon.emu.run(() => addon.gas.saveWebhook({ channel: 'Google Chat', url: CHAT_HOOK }));
  addon.emu.fetch.route('https://chat.googleapis.com/', () => ({ code: 200, body: '{}' }));
  hourlyRuns(addon, 30);

  const priya = addon.emu.mail.sent.filter(
    (m) => m.to === 'priya@example.com' && m.body.includes(HOSTILE),
  );
  expect(priya.length).toBeGreaterThan(0);
  for (const mail of priya) {
    expect(mail.htmlBody).not.toContain('<b>Posts</b>');
    expect(mail.htmlBody).toContain('&#60;b&#62;Posts&#60;/b&#62; &#38; &#60;users/all&#62;');
  }
  const chat = addon.emu.fetch.requests.map((r) => JSON.parse(r.payload ?? '{}').text as string);
  const juan = chat.filter((text) => text.replace(/\u200B/g, '').includes(HOSTILE));
  expect(juan.length).toBeGreaterThan(0);
  for (const text of juan) expect(text).not.toContain('<users/all>');
  expect(addon.emu.sheetFormulas('Outbox').flat().filter(Boolean)).toEqual([]);
});
