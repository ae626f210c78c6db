/** @jest-environment jsdom */
import type { SettingsContext } from '../../../src/ui/api';
import { RULES } from '../../../src/engine/reminders/types';
import { startSettings } from '../../../src/ui/pages/settings/view';
import { fakeServer, settle } from './fixtures';

const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

function button(label: string): HTMLButtonElement {
  const found = Array.from(document.querySelectorAll('button')).find(
    (b) => b.textContent === label,
  );
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

function settingsContext(overrides: Partial<SettingsContext> = {}): SettingsContext {
  return {
    lang: 'en',
    spreadsheetLang: 'en',
    timeZone: 'Europe/Copenhagen',
    user: 'mette@example.com',
    rules: [...RULES],
    values: {
      language: 'auto',
      weekStart: 0,
      riskBandPercent: '10',
      rules: Object.fromEntries(RULES.map((rule) => [rule, true])),
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
      { channel: 'Slack', masked: 'https://hooks.slack.com/…Xy9Z' },
      { channel: 'Teams', masked: null },
    ],
    trigger: { on: false, owner: null, mine: false, installedForMe: false },
    lastRun: null,
    ...overrides,
  };
}

async function open(server: ReturnType<typeof fakeServer>): Promise<HTMLElement> {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  await startSettings(root, server.call, { lang: 'en' });
  return root;
}

describe('the Settings sidebar', () => {
  it('shows every setting with a label, the webhooks masked, and the trigger off', async () => {
    await open(fakeServer({ getSettingsContext: () => ({ ok: true, value: settingsContext() }) }));
    for (const id of [
      'language',
      'weekStart',
      'riskBand',
      'digestDay',
      'digestTime',
      'webhook-slack',
    ])
      expect(document.querySelector(`label[for="${id}"]`)).not.toBeNull();
    expect($<HTMLSelectElement>('#weekStart').selectedOptions[0]?.text).toBe('Monday');
    expect($<HTMLSelectElement>('#digestDay').selectedOptions[0]?.text).toBe('Friday');
    expect(document.body.textContent).toContain('Set: https://hooks.slack.com/…Xy9Z');
    expect(document.querySelectorAll('input[type="checkbox"]')).toHaveLength(RULES.length + 2);
    expect(document.body.textContent).toContain('Off: no reminders are sent.');
    expect(document.body.textContent).toContain('No run yet.');
    expect(button('Turn on')).toBeTruthy();
  });

  it('saves what the form holds and shows a refusal under its field', async () => {
    const server = fakeServer({
      getSettingsContext: () => ({ ok: true, value: settingsContext() }),
      saveSettings: () => ({ ok: false, field: 'digestTime', message: 'Enter a time like 16:00.' }),
    });
    await open(server);
    $<HTMLInputElement>('#digestTime').value = '25:00';
    $<HTMLInputElement>('#dryRun').checked = true;
    $<HTMLFormElement>('form').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    const [, [values]] = server.calls[1] as [string, [Record<string, unknown>]];
    expect(values).toMatchObject({ digestTime: '25:00', dryRun: true, digestDay: 4, weekStart: 0 });
    expect($('#digestTime-error').textContent).toBe('Enter a time like 16:00.');
    expect($('#digestTime').getAttribute('aria-invalid')).toBe('true');
  });

  it('after a save in another language the whole sidebar speaks it', async () => {
    const server = fakeServer({
      getSettingsContext: () => ({ ok: true, value: settingsContext() }),
      saveSettings: (values) => ({
        ok: true,
        value: settingsContext({ lang: 'da', values: { ...values, language: 'da' } }),
      }),
    });
    await open(server);
    $<HTMLSelectElement>('#language').value = 'da';
    $<HTMLFormElement>('form').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(document.body.textContent).toContain('Indstillingerne er gemt.');
    expect(document.documentElement.lang).toBe('da');
  });

  it('stores a webhook and shows it masked; the typed address does not stay in the page', async () => {
    const server = fakeServer({
      getSettingsContext: () => ({ ok: true, value: settingsContext() }),
      saveWebhook: () => ({
        ok: true,
        value: [
          { channel: 'Google Chat', masked: 'https://chat.googleapis.com/…Tk42' },
          { channel: 'Slack', masked: 'https://hooks.slack.com/…Xy9Z' },
          { channel: 'Teams', masked: null },
        ],
      }),
    });
    await open(server);
    const url = 'https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=secretTk42';
    $<HTMLInputElement>('#webhook-googleChat').value = url;
    button('Save address').click();
    await settle();
    expect(server.calls[1]).toEqual(['saveWebhook', [{ channel: 'Google Chat', url }]]);
    expect(document.body.textContent).toContain('Google Chat webhook saved.');
    expect(document.body.textContent).toContain('Set: https://chat.googleapis.com/…Tk42');
    expect($<HTMLInputElement>('#webhook-googleChat').value).toBe('');
    expect(document.body.innerHTML).not.toContain('secret');
  });

  it('names the account that sends, offers to take over, and says what happened', async () => {
    const server = fakeServer({
      getSettingsContext: () => ({
        ok: true,
        value: settingsContext({
          trigger: { on: true, owner: 'lars@example.com', mine: false, installedForMe: false },
        }),
      }),
      setReminderTrigger: () => ({
        ok: true,
        value: {
          trigger: { on: true, owner: 'mette@example.com', mine: true, installedForMe: true },
          message:
            'You have taken the reminders over from lars@example.com: they are now sent from your account.',
        },
      }),
    });
    await open(server);
    expect(document.body.textContent).toContain(
      "On: sent every hour from lars@example.com's account.",
    );
    button('Take over').click();
    await settle();
    expect(server.calls[1]).toEqual(['setReminderTrigger', [{ on: true, takeOver: true }]]);
    expect(document.body.textContent).toContain('On: sent every hour from your account.');
    expect(document.body.textContent).toContain('taken the reminders over from lars@example.com');
    expect(button('Turn off')).toBeTruthy();
  });

  it('shows the last run with its counts and errors as text', async () => {
    await open(
      fakeServer({
        getSettingsContext: () => ({
          ok: true,
          value: settingsContext({
            lastRun: {
              when: '2026-11-27 16:00',
              by: 'mette@example.com',
              manual: false,
              dryRun: false,
              sent: 3,
              failed: 1,
              queued: 2,
              unknown: 0,
              skipped: 0,
              quotaExhausted: true,
              stoppedEarly: false,
              errors: ['juan@example.com: HTTP 400: <b>bad</b>'],
            },
          }),
        }),
      }),
    );
    const text = document.body.textContent ?? '';
    expect(text).toContain('2026-11-27 16:00, hourly run as mette@example.com');
    expect(text).toContain('3 sent · 1 failed · 2 waiting · 0 unknown · 0 skipped');
    expect(text).toContain("Today's e-mail quota is used up");
    expect(text).toContain('juan@example.com: HTTP 400: <b>bad</b>');
    expect(document.querySelector('b')).toBeNull();
  });

  it('tells someone who is not a manager, and shows nothing else', async () => {
    await open(
      fakeServer({
        getSettingsContext: () => ({
          ok: false,
          message: 'Only managers can see and change the settings.',
        }),
      }),
    );
    expect($('[role="alert"]').textContent).toBe('Only managers can see and change the settings.');
    expect(document.querySelector('form')).toBeNull();
  });
});
