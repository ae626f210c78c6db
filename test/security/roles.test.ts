/**
 * Role and scope audit (issue 7, item 6; PRODUCT sections 1 and 8): every
 * global entry point called as a manager, an assistant and someone not in
 * Team. A refusal is a Reply with ok:false and a message, or a toast, and
 * nothing written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setUpExampleWorkbook, type Addon } from '../support/addon';

const METTE = 'mette@example.com';
const PRIYA = 'priya@example.com';
const STRANGER = 'stranger@example.com';

const TABS = [
  'Team',
  'Goals',
  'KPIs',
  'Log',
  'Targets',
  'Check-ins',
  'Feedback',
  'Actions',
  'Outbox',
];

const code = fs.readFileSync(path.join(__dirname, '../../dist/Code.js'), 'utf8');
/** The globals of dist/Code.js: every top-level function stub. */
const ENTRY_POINTS = [...code.matchAll(/^function ([A-Za-z_]\w*)\(/gm)].map((m) => m[1] as string);

/** What each server function gets: valid input, so that only the role decides. */
const INPUT: Record<string, unknown> = {
  saveLogEntry: { kpiId: 'K1', date: '2026-11-26', value: '3', note: 'n', link: '' },
  saveKpi: {
    draft: { id: 'K1', name: 'Approved posts', owner: PRIYA, target: '20' },
    reason: 'more',
  },
  scheduleCheckIn: {
    assistant: PRIYA,
    cadence: 'Weekly',
    date: '2026-12-03',
    time: '10:00',
    meetingLink: '',
  },
  recordCheckIn: {
    assistant: PRIYA,
    checkInId: '',
    summary: 's',
    mood: '4',
    feedback: [],
    actions: [],
    actionUpdates: [],
    next: { cadence: 'Weekly', date: '2026-12-03', time: '10:00', meetingLink: '' },
  },
  answerUpwardQuestion: { kind: 'Suggestion', text: 'more time' },
  updateAction: { actionId: 'A2', status: 'Done', followUp: 'done' },
  giveFeedback: { to: METTE, kind: 'Praise', kpi: '', checkInId: '', text: 'thanks' },
  acknowledgeFeedback: { feedbackId: 'F2' },
  reviewKpi: { kpiId: 'K1', decision: 'keep', target: '', reason: '', nextReviewBy: '' },
  getReport: { assistant: PRIYA, unit: 'week', from: '2026-W48', to: '2026-W48' },
  emailReport: {
    assistant: PRIYA,
    unit: 'week',
    from: '2026-W48',
    to: '2026-W48',
    recipient: PRIYA,
  },
  saveWebhook: { channel: 'Slack', url: 'https://hooks.slack.com/services/T/B/x' },
  sendTestMessage: { channel: 'Email' },
  setReminderTrigger: { on: true, takeOver: false },
};

const CUSTOM = new Set([
  'KPI_ACTUAL',
  'KPI_PROGRESS',
  'KPI_SCORE',
  'KPI_STATUS',
  'KPI_TARGET',
  'KPI_TREND',
  'SMART_CHECK',
]);
/** Open to anyone: the menu, help, the triggers (the edit trigger checks each row; the time
 * trigger runs as its owner). */
const ANYONE = new Set([
  'onOpen',
  'onInstall',
  'showHelp',
  'onEdit',
  'refreshAfterEdit',
  'runReminders',
  'refreshDashboard',
]);
/** Manager-only writes and settings (PRODUCT sections 1, 6 and 8). */
const MANAGER_ONLY = new Set([
  'setUpTracker',
  'setUpTrackerWithExamples',
  'saveKpi',
  'reviewKpi',
  'scheduleCheckIn',
  'recordCheckIn',
  'saveSettings',
  'saveWebhook',
  'sendTestMessage',
  'setReminderTrigger',
  'sendRemindersNow',
]);
/** Writes an assistant may make (Log, Feedback, own Actions, the upward question). */
const TEAM_WRITES = new Set([
  'saveLogEntry',
  'answerUpwardQuestion',
  'updateAction',
  'giveFeedback',
  'acknowledgeFeedback',
  'emailReport',
]);

const snapshot = (addon: Addon): string =>
  JSON.stringify([TABS.map((t) => addon.emu.sheetValues(t)), addon.emu.mail.sent.length]);

function call(addon: Addon, name: string, user: string): { result: unknown; toasts: string[] } {
  const before = addon.emu.ui.toasts.length;
  const result = addon.emu.asUser(user, () =>
    addon.emu.run(() => {
      if (CUSTOM.has(name))
        return addon.emu.withAuthMode('CUSTOM_FUNCTION', () => addon.gas[name]('K1'));
      if (name === 'saveSettings') {
        const ctx = addon.emu.asUser(METTE, () => addon.gas.getSettingsContext());
        return addon.gas.saveSettings({ ...ctx.value.values, dryRun: true });
      }
      if (name === 'onOpen' || name === 'onInstall') return addon.gas[name]({ authMode: 'FULL' });
      if (name === 'onEdit' || name === 'refreshAfterEdit') return undefined;
      return addon.gas[name](INPUT[name]);
    }),
  );
  return { result, toasts: addon.emu.ui.toasts.slice(before).map((t) => t.message) };
}

const refused = ({ result, toasts }: { result: unknown; toasts: string[] }): boolean => {
  if (result && typeof result === 'object' && 'ok' in result) {
    const reply = result as { ok: boolean; message?: string };
    return !reply.ok && typeof reply.message === 'string' && reply.message.length > 0;
  }
  return toasts.length > 0;
};

describe('who may call which entry point', () => {
  test('the bundle has the entry points the audit covers', () => {
    expect(ENTRY_POINTS.length).toBeGreaterThan(40);
    expect(ENTRY_POINTS).toContain('saveLogEntry');
  });

  test.each(ENTRY_POINTS.filter((n) => CUSTOM.has(n)))(
    '%s answers anyone, in or out of Team',
    (name) => {
      for (const user of [METTE, PRIYA, STRANGER]) {
        const addon = setUpExampleWorkbook();
        expect(() => call(addon, name, user)).not.toThrow();
      }
    },
  );

  test.each(ENTRY_POINTS.filter((n) => MANAGER_ONLY.has(n) || TEAM_WRITES.has(n)))(
    '%s is refused to someone not in Team, and nothing is written',
    (name) => {
      const addon = setUpExampleWorkbook();
      const before = snapshot(addon);
      const outcome = call(addon, name, STRANGER);
      expect(refused(outcome)).toBe(true);
      expect(snapshot(addon)).toBe(before);
    },
  );

  test.each(ENTRY_POINTS.filter((n) => MANAGER_ONLY.has(n)))(
    '%s is refused to an assistant, and nothing is written',
    (name) => {
      const addon = setUpExampleWorkbook();
      const before = snapshot(addon);
      const outcome = call(addon, name, PRIYA);
      expect(refused(outcome)).toBe(true);
      expect(snapshot(addon)).toBe(before);
    },
  );

  test.each(ENTRY_POINTS.filter((n) => /^get/.test(n)))('%s answers the manager', (name) => {
    const addon = setUpExampleWorkbook();
    const outcome = call(addon, name, METTE);
    expect(outcome.result).toMatchObject({ ok: true });
  });

  test.each(ENTRY_POINTS.filter((n) => TEAM_WRITES.has(n) && n !== 'emailReport'))(
    '%s is allowed to an assistant',
    (name) => {
      const addon = setUpExampleWorkbook();
      const outcome = call(addon, name, PRIYA);
      expect(outcome.result).toMatchObject({ ok: true });
    },
  );

  test('every entry point is classified by the audit', () => {
    const known = new Set([...CUSTOM, ...ANYONE, ...MANAGER_ONLY, ...TEAM_WRITES]);
    const unclassified = ENTRY_POINTS.filter(
      (n) => !known.has(n) && !/^get/.test(n) && !/^show/.test(n),
    );
    expect(unclassified).toEqual([]);
  });

  test("the manifest's OAuth scopes stay the five", () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(__dirname, '../../appsscript.json'), 'utf8'),
    );
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.external_request',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
      ].sort(),
    );
  });
});
