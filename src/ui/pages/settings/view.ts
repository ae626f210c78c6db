/**
 * The Settings sidebar on the page (PRODUCT section 6): language, week
 * start and risk band; the reminder rules and their hours; the channels'
 * webhooks (shown masked: the page never holds a full address after saving
 * it) with a test message each; the hourly trigger and its owner; the last
 * run. Managers only: the server refuses anyone else, and the page says so.
 */
import type {
  ChannelSetting,
  SettingsContext,
  SettingsValues,
  WebhookChannelName,
} from '../../api';
import { bootPage } from '../shared/boot';
import type { Call } from '../shared/bridge';
import { el, messageArea, replaceChildren, setBusy, type MessageArea } from '../shared/dom';
import { dropDown, field, linkInput, textInput, type Option } from '../shared/fields';
import { t, type MessageKey, type Page } from '../shared/i18n';
import { submitWith } from '../shared/submit';
import {
  channelSlug,
  editableValues,
  lastRunLines,
  settingsFieldOf,
  triggerLine,
  weekdayNames,
} from './form';

export function startSettings(root: HTMLElement, call: Call, page: Page): Promise<void> {
  return bootPage(root, page, {
    load: () => call('getSettingsContext'),
    render: (context) => showSettings(root, context, call, page),
  });
}

export function showSettings(
  root: HTMLElement,
  context: SettingsContext,
  call: Call,
  page: Page,
  saved?: string,
): void {
  page.lang = context.lang;
  document.documentElement.lang = context.lang;
  replaceChildren(
    root,
    settingsForm(root, context, call, page, saved),
    channelsSection(context, call),
    triggerSection(context, call),
    lastRunSection(context),
  );
}

function select(id: string, options: Option[], value: string): HTMLSelectElement {
  const control = dropDown(options, null, { id });
  control.value = value;
  return control;
}

function text(value: string, inputmode: 'numeric' | 'decimal' | 'text' = 'text'): HTMLInputElement {
  return textInput({ inputmode, value });
}

function checkbox(
  label: string,
  checked: boolean,
  id?: string,
): [HTMLLabelElement, HTMLInputElement] {
  const box = el('input', { type: 'checkbox', id });
  box.checked = checked;
  return [el('label', { class: 'check' }, box, label), box];
}

/** General and Reminders: one form, one Save. */
function settingsForm(
  root: HTMLElement,
  context: SettingsContext,
  call: Call,
  page: Page,
  saved?: string,
): HTMLElement {
  const lang = context.lang;
  const values = editableValues(context.values);
  const days = weekdayNames(lang).map((name, i) => ({ value: String(i), label: name }));
  const languageName = t(
    lang,
    context.spreadsheetLang === 'da' ? 'ui.settings.danish' : 'ui.settings.english',
  );

  const language = select(
    'language',
    [
      { value: 'auto', label: t(lang, 'ui.settings.languageAuto', { lang: languageName }) },
      { value: 'en', label: t(lang, 'ui.settings.english') },
      { value: 'da', label: t(lang, 'ui.settings.danish') },
    ],
    values.language,
  );
  const weekStart = select('weekStart', days, String(values.weekStart));
  const riskBand = text(values.riskBandPercent, 'decimal');
  const rules = context.rules.map((rule) =>
    checkbox(t(lang, `reminder.rule.${rule}` as MessageKey), values.rules[rule] !== false),
  );
  const lead = text(values.missingEntryLeadMinutes, 'numeric');
  const missingDefault = text(values.missingEntryDefaultTime);
  const silent = text(values.silentAfterWorkingDays, 'numeric');
  const grace = text(values.escalationGraceWorkingDays, 'numeric');
  const digestDay = select('digestDay', days, String(values.digestDay));
  const digestTime = text(values.digestTime);
  const [quietLabel, quiet] = checkbox(
    t(lang, 'ui.settings.quietHours'),
    values.quietHours,
    'quietHours',
  );
  const [dryLabel, dry] = checkbox(t(lang, 'ui.settings.dryRun'), values.dryRun, 'dryRun');
  const save = el('button', { type: 'submit', class: 'action' }, t(lang, 'ui.settings.saveAll'));
  const messages = messageArea();

  const form = el(
    'form',
    { novalidate: true, 'aria-label': t(lang, 'ui.settings.title') },
    el(
      'section',
      {},
      el('h2', {}, t(lang, 'ui.settings.general')),
      field('language', t(lang, 'ui.settings.language'), language),
      field('weekStart', t(lang, 'ui.settings.weekStart'), weekStart),
      field(
        'riskBand',
        t(lang, 'ui.settings.riskBand'),
        riskBand,
        t(lang, 'ui.settings.riskBandHint'),
      ),
    ),
    el(
      'section',
      {},
      el('h2', {}, t(lang, 'ui.settings.reminders')),
      el(
        'fieldset',
        {},
        el('legend', {}, t(lang, 'ui.settings.rules')),
        ...rules.map(([label]) => label),
      ),
      field('missingEntryLeadMinutes', t(lang, 'ui.settings.missingLead'), lead),
      field('missingEntryDefaultTime', t(lang, 'ui.settings.missingDefault'), missingDefault),
      field('silentAfterWorkingDays', t(lang, 'ui.settings.silentDays'), silent),
      field('escalationGraceWorkingDays', t(lang, 'ui.settings.grace'), grace),
      field('digestDay', t(lang, 'ui.settings.digestDay'), digestDay),
      field('digestTime', t(lang, 'ui.settings.digestTime'), digestTime),
      el('div', { class: 'block' }, quietLabel, dryLabel),
      el('div', { class: 'block buttons' }, save),
      messages.element,
    ),
  );
  if (saved) messages.status(saved);

  const read = (): SettingsValues => ({
    language: language.value as SettingsValues['language'],
    weekStart: Number(weekStart.value),
    riskBandPercent: riskBand.value,
    rules: Object.fromEntries(
      context.rules.map((rule, i) => [rule, rules[i]?.[1].checked ?? true]),
    ),
    missingEntryLeadMinutes: lead.value,
    missingEntryDefaultTime: missingDefault.value,
    silentAfterWorkingDays: silent.value,
    escalationGraceWorkingDays: grace.value,
    digestDay: Number(digestDay.value),
    digestTime: digestTime.value,
    quietHours: quiet.checked,
    dryRun: dry.checked,
  });

  form.addEventListener(
    'submit',
    submitWith(form, messages, lang, {
      button: save,
      read,
      send: (values) => call('saveSettings', values),
      fieldOf: settingsFieldOf,
      // The language may have changed: the whole page speaks the new one.
      saved: (next) => showSettings(root, next, call, page, t(next.lang, 'ui.settings.saved')),
    }),
  );
  return form;
}

function channelsSection(context: SettingsContext, call: Call): HTMLElement {
  const lang = context.lang;
  const section = el('section', { 'aria-labelledby': 'channels-title' });
  const messages = messageArea();
  const render = (channels: ChannelSetting[]): void => {
    const emailTest = el('button', { type: 'button' }, t(lang, 'ui.settings.emailTest'));
    emailTest.addEventListener('click', () =>
      testChannel(call, 'Email', emailTest, messages, lang),
    );
    replaceChildren(
      section,
      el('h2', { id: 'channels-title' }, t(lang, 'ui.settings.channels')),
      el('p', { class: 'hint' }, t(lang, 'ui.settings.channelsHint')),
      ...channels.map((setting) => channelBlock(setting, lang, call, messages, render)),
      el('div', { class: 'block buttons' }, emailTest),
      messages.element,
    );
  };
  render(context.channels);
  return section;
}

function channelBlock(
  setting: ChannelSetting,
  lang: SettingsContext['lang'],
  call: Call,
  messages: MessageArea,
  render: (channels: ChannelSetting[]) => void,
): HTMLElement {
  const { channel, masked } = setting;
  const id = `webhook-${channelSlug(channel)}`;
  const input = linkInput({ id, spellcheck: 'false' });
  const save = el('button', { type: 'button' }, t(lang, 'ui.settings.saveWebhook'));
  const remove = masked
    ? el('button', { type: 'button' }, t(lang, 'ui.settings.removeWebhook'))
    : null;
  const test = masked ? el('button', { type: 'button' }, t(lang, 'ui.settings.sendTest')) : null;
  const store = (url: string, button: HTMLButtonElement, done: MessageKey): void => {
    setBusy(button, true, t(lang, 'ui.saving'));
    void call('saveWebhook', { channel, url }).then((reply) => {
      setBusy(button, false, t(lang, 'ui.saving'));
      if (!reply.ok) {
        messages.alert(reply.message);
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      render(reply.value);
      messages.status(t(lang, done, { channel }));
    });
  };
  save.addEventListener('click', () => {
    if (input.value.trim() === '') {
      input.focus();
      return;
    }
    store(input.value.trim(), save, 'ui.settings.webhookSaved');
  });
  remove?.addEventListener('click', () => store('', remove, 'ui.settings.webhookRemoved'));
  test?.addEventListener('click', () => testChannel(call, channel, test, messages, lang));
  return el(
    'div',
    { class: 'channel' },
    el('label', { for: id }, t(lang, 'ui.settings.webhook', { channel })),
    el(
      'p',
      { class: 'gray' },
      masked ? t(lang, 'ui.settings.webhookSet', { masked }) : t(lang, 'ui.settings.webhookNotSet'),
    ),
    input,
    el('div', { class: 'buttons' }, save, remove, test),
  );
}

function testChannel(
  call: Call,
  channel: WebhookChannelName | 'Email',
  button: HTMLButtonElement,
  messages: MessageArea,
  lang: SettingsContext['lang'],
): void {
  setBusy(button, true, t(lang, 'ui.saving'));
  void call('sendTestMessage', { channel }).then((reply) => {
    setBusy(button, false, t(lang, 'ui.saving'));
    if (reply.ok) messages.status(reply.value);
    else messages.alert(reply.message);
  });
}

function triggerSection(context: SettingsContext, call: Call): HTMLElement {
  const lang = context.lang;
  const section = el('section', { 'aria-labelledby': 'trigger-title' });
  const messages = messageArea();
  const render = (trigger: SettingsContext['trigger'], offerTakeOver: boolean): void => {
    const buttons: HTMLButtonElement[] = [];
    const action = (label: MessageKey, on: boolean, takeOver: boolean): void => {
      const button = el('button', { type: 'button', class: on ? 'action' : '' }, t(lang, label));
      button.addEventListener('click', () => {
        setBusy(button, true, t(lang, 'ui.saving'));
        void call('setReminderTrigger', { on, takeOver }).then((reply) => {
          setBusy(button, false, t(lang, 'ui.saving'));
          if (reply.ok) {
            render(reply.value.trigger, false);
            messages.status(reply.value.message);
          } else {
            render(trigger, reply.field === 'takeOver');
            messages.alert(reply.message);
          }
        });
      });
      buttons.push(button);
    };
    // Another manager's account sends: say whose (triggerLine) and offer to take over.
    if (offerTakeOver || (trigger.on && !trigger.mine)) action('ui.settings.takeOver', true, true);
    else if (!trigger.on || !trigger.installedForMe) action('ui.settings.turnOn', true, false);
    if (trigger.on) action('ui.settings.turnOff', false, false);
    replaceChildren(
      section,
      el('h2', { id: 'trigger-title' }, t(lang, 'ui.settings.trigger')),
      el('p', { role: 'status' }, triggerLine(lang, trigger)),
      el('div', { class: 'block buttons' }, ...buttons),
      messages.element,
    );
  };
  render(context.trigger, false);
  return section;
}

function lastRunSection(context: SettingsContext): HTMLElement {
  const lang = context.lang;
  return el(
    'section',
    { 'aria-labelledby': 'last-run-title' },
    el('h2', { id: 'last-run-title' }, t(lang, 'ui.settings.lastRun')),
    ...lastRunLines(lang, context.lastRun).map((line) => el('p', {}, line)),
  );
}
