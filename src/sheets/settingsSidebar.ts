/**
 * The Settings sidebar's server side (PRODUCT section 6): language, week
 * start, risk band, the reminder rules and hours, the channels' webhooks
 * (kept in document properties, shown masked, never written to a cell), dry
 * run, the hourly trigger and the last run. Managers only, checked here.
 */
import { html } from '../engine/html';
import { langFromLocale, t, type MessageKey } from '../engine/i18n/messages';
import { readNumber } from '../engine/records/cells';
import { DEFAULT_RISK_BAND } from '../engine/records/kpis';
import { RULES, type ReminderSettings } from '../engine/reminders/types';
import { formatMinute, isoDay, localTime } from '../engine/time/calendar';
import type { Lang, Weekday } from '../engine/types';
import type {
  ChannelSetting,
  LastRunView,
  Reply,
  SettingsContext,
  SettingsValues,
  TriggerChanged,
  TriggerInput,
  TriggerView,
  WebhookChannelName,
} from '../ui/api';
import { deliver, type Route } from '../services/channels';
import { withDocumentLock } from '../services/lock';
import { readDocumentProperty } from '../services/properties';
import { remainingDailyMailQuota } from '../services/mail';
import { effectiveUserEmail } from '../services/session';
import { ensureHourlyTrigger, hasHourlyTrigger, removeOwnTriggers } from '../services/triggers';
import { answer, identifyCaller, refuse, type Caller } from './caller';
import {
  WEBHOOK_CHANNELS,
  maskWebhook,
  readLastRun,
  readReminderSettings,
  readTriggerOwner,
  readWebhooks,
  updateStoredSettings,
  webhookProblem,
  writeTriggerOwner,
  writeWebhook,
  type RunSummary,
} from './reminders/config';
import { TRIGGER_HANDLER } from './reminders/dispatcher';
import { parseStored, SETTINGS_PROPERTY } from './settings';

function managerCaller(): Caller | Reply<never> {
  const caller = identifyCaller();
  if (!caller.email) return refuse(caller.lang, 'server.unknownUser');
  if (!caller.manager) return refuse(caller.lang, 'settings.managersOnly');
  return caller;
}

const isCaller = (x: Caller | Reply<never>): x is Caller => !('ok' in x);

/** The account a trigger installed now would run as. */
function runningAccount(caller: Caller): string {
  return effectiveUserEmail() || caller.email;
}

export function getSettingsContext(): Reply<SettingsContext> {
  return answer(() => {
    const caller = managerCaller();
    if (!isCaller(caller)) return caller;
    return { ok: true, value: context(caller, caller.lang) };
  });
}

function context(caller: Caller, lang: Lang): SettingsContext {
  const stored = parseStored(readDocumentProperty(SETTINGS_PROPERTY));
  const reminders = readReminderSettings();
  const zone = caller.loaded.snapshot.settings.timeZone;
  return {
    lang,
    spreadsheetLang: langFromLocale(SpreadsheetApp.getActive().getSpreadsheetLocale()),
    timeZone: zone,
    user: caller.email,
    rules: [...RULES],
    values: {
      language: stored.lang ?? 'auto',
      weekStart: stored.weekStart ?? 0,
      riskBandPercent: percentText(stored.riskBand ?? DEFAULT_RISK_BAND, lang),
      rules: { ...reminders.enabled },
      missingEntryLeadMinutes: String(reminders.missingEntryLeadMinutes),
      missingEntryDefaultTime: formatMinute(reminders.missingEntryDefaultTime),
      silentAfterWorkingDays: String(reminders.silentAfterWorkingDays),
      escalationGraceWorkingDays: String(reminders.escalationGraceWorkingDays),
      digestDay: reminders.digestDay,
      digestTime: formatMinute(reminders.digestTime),
      quietHours: reminders.quietHoursRespectWorkHours,
      dryRun: reminders.dryRun,
    },
    channels: channelSettings(),
    trigger: triggerView(runningAccount(caller)),
    lastRun: lastRunView(readLastRun(), zone),
  };
}

/** 0.075 → "7.5" ("7,5" in Danish), as the person would type it. */
function percentText(fraction: number, lang: Lang): string {
  const text = String(Math.round(fraction * 1000) / 10);
  return lang === 'da' ? text.replace('.', ',') : text;
}

function channelSettings(): ChannelSetting[] {
  const urls = readWebhooks();
  return WEBHOOK_CHANNELS.map((channel) => {
    const url = urls[channel];
    return { channel, masked: url ? maskWebhook(url) : null };
  });
}

function triggerView(me: string): TriggerView {
  const owner = readTriggerOwner();
  return {
    on: owner !== null,
    owner,
    mine: owner !== null && owner === me,
    installedForMe: hasHourlyTrigger(TRIGGER_HANDLER),
  };
}

function lastRunView(summary: RunSummary | null, zone: string): LastRunView | null {
  if (!summary) return null;
  const local = localTime(summary.at, zone);
  return {
    when: `${isoDay(local.day)} ${formatMinute(local.minute)}`,
    by: summary.by,
    manual: summary.manual,
    dryRun: summary.dryRun,
    sent: summary.sent,
    failed: summary.failed,
    queued: summary.queued,
    unknown: summary.unknown,
    skipped: summary.skipped,
    quotaExhausted: summary.quotaExhausted,
    stoppedEarly: summary.stoppedEarly,
    errors: summary.errors,
  };
}

// ── Saving the form ─────────────────────────────────────────────────────────

type Checked =
  { ok: true; stored: Record<string, unknown> } | { ok: false; field: string; key: MessageKey };

const TIME = /^(\d{1,2})[:.](\d{2})$/;

function minuteOf(text: unknown): number | null {
  const match = TIME.exec(String(text ?? '').trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? hour * 60 + minute : null;
}

function wholeNumber(text: unknown, min: number, max: number): number | null {
  const value = Number(String(text ?? '').trim());
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
}

const isDay = (value: unknown): value is Weekday =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6;

/** The form → what `kpiloop.settings` stores, or the first field at fault. */
function check(values: SettingsValues, lang: Lang): Checked {
  const fail = (field: string, key: MessageKey): Checked => ({ ok: false, field, key });
  const v = (values ?? {}) as Partial<SettingsValues>;
  const language = v.language;
  if (language !== 'auto' && language !== 'en' && language !== 'da')
    return fail('language', 'settings.badChoice');
  if (!isDay(v.weekStart)) return fail('weekStart', 'settings.badChoice');
  const band = readNumber(
    String(v.riskBandPercent ?? '')
      .replace('%', '')
      .trim(),
    lang,
  );
  if (!band.ok || band.value < 0 || band.value > 100)
    return fail('riskBand', 'settings.badPercent');
  const lead = wholeNumber(v.missingEntryLeadMinutes, 0, 720);
  if (lead === null) return fail('missingEntryLeadMinutes', 'settings.badMinutes');
  const defaultTime = minuteOf(v.missingEntryDefaultTime);
  if (defaultTime === null) return fail('missingEntryDefaultTime', 'settings.badTime');
  const silent = wholeNumber(v.silentAfterWorkingDays, 1, 30);
  if (silent === null) return fail('silentAfterWorkingDays', 'settings.badDays');
  const grace = wholeNumber(v.escalationGraceWorkingDays, 0, 30);
  if (grace === null) return fail('escalationGraceWorkingDays', 'settings.badDays');
  if (!isDay(v.digestDay)) return fail('digestDay', 'settings.badChoice');
  const digestTime = minuteOf(v.digestTime);
  if (digestTime === null) return fail('digestTime', 'settings.badTime');

  const current = readReminderSettings();
  const enabled = { ...current.enabled };
  for (const rule of RULES) {
    const on = v.rules?.[rule];
    if (typeof on === 'boolean') enabled[rule] = on;
  }
  const reminders: ReminderSettings = {
    ...current,
    enabled,
    missingEntryLeadMinutes: lead,
    missingEntryDefaultTime: defaultTime,
    silentAfterWorkingDays: silent,
    escalationGraceWorkingDays: grace,
    digestDay: v.digestDay,
    digestTime,
    quietHoursRespectWorkHours: v.quietHours !== false,
    dryRun: v.dryRun === true,
  };
  return {
    ok: true,
    stored: {
      lang: language === 'auto' ? undefined : language,
      weekStart: v.weekStart,
      riskBand: Math.round(band.value * 10) / 1000,
      reminders,
    },
  };
}

export function saveSettings(values: SettingsValues): Reply<SettingsContext> {
  return answer(() => {
    const caller = managerCaller();
    if (!isCaller(caller)) return caller;
    const checked = check(values, caller.lang);
    if (!checked.ok) return refuse(caller.lang, checked.key, {}, checked.field);
    const saved = withDocumentLock(() => updateStoredSettings(checked.stored));
    if (!saved.ok) return refuse(caller.lang, 'server.lockBusy');
    // A new language shows at once: the answer speaks it.
    const lang =
      (checked.stored.lang as Lang | undefined) ??
      langFromLocale(SpreadsheetApp.getActive().getSpreadsheetLocale());
    return { ok: true, value: context(caller, lang) };
  });
}

// ── Channels ────────────────────────────────────────────────────────────────

const isWebhookChannel = (value: unknown): value is WebhookChannelName =>
  WEBHOOK_CHANNELS.includes(value as WebhookChannelName);

export function saveWebhook(input: {
  channel: WebhookChannelName;
  url: string;
}): Reply<ChannelSetting[]> {
  return answer(() => {
    const caller = managerCaller();
    if (!isCaller(caller)) return caller;
    const channel = input?.channel;
    if (!isWebhookChannel(channel)) return refuse(caller.lang, 'settings.badChoice');
    const url = String(input?.url ?? '').trim();
    const problem = url === '' ? null : webhookProblem(channel, url);
    if (problem) return refuse(caller.lang, problem, { channel }, 'webhook');
    const saved = withDocumentLock(() => writeWebhook(channel, url));
    if (!saved.ok) return refuse(caller.lang, 'server.lockBusy');
    return { ok: true, value: channelSettings() };
  });
}

/** A short message through one channel, to check its webhook (or the caller's mail) works. */
export function sendTestMessage(input: { channel: WebhookChannelName | 'Email' }): Reply<string> {
  return answer(() => {
    const caller = managerCaller();
    if (!isCaller(caller)) return caller;
    const lang = caller.lang;
    const channel = input?.channel;
    let route: Route;
    if (channel === 'Email') {
      if (remainingDailyMailQuota() < 1) return refuse(lang, 'settings.testNoQuota');
      route = { channel: 'Email' };
    } else if (isWebhookChannel(channel)) {
      const url = readWebhooks()[channel];
      if (!url) return refuse(lang, 'settings.webhookMissing', { channel });
      route = { channel, url };
    } else {
      return refuse(lang, 'settings.badChoice');
    }
    const name = SpreadsheetApp.getActive().getName();
    const text = t(lang, 'settings.testText', { sheet: name, user: caller.email });
    const delivery = deliver(
      {
        to: caller.email,
        title: t(lang, 'settings.testTitle'),
        text,
        html: html`<p>${text}</p>`.html,
      },
      route,
    );
    if (!delivery.ok)
      return refuse(lang, 'settings.testFailed', { channel, reason: delivery.reason });
    return { ok: true, value: t(lang, 'settings.testSent', { channel }) };
  });
}

// ── The trigger ─────────────────────────────────────────────────────────────

/**
 * Turns the hourly reminder trigger on or off (PRODUCT section 7). One
 * account sends a document's reminders: the one recorded here. Turning it on
 * again makes no second trigger; a second manager is told whose account
 * sends, and may take over — the first account's trigger then ends quietly
 * (and removes itself) the next time it fires.
 */
export function setReminderTrigger(input: TriggerInput): Reply<TriggerChanged> {
  return answer(() => {
    const caller = managerCaller();
    if (!isCaller(caller)) return caller;
    const lang = caller.lang;
    const me = runningAccount(caller);
    if (input?.on) {
      // The hourly run records every reminder in the Outbox, a tab only its protection's editors may change.
      const outbox = caller.loaded.tabs.outbox;
      if (!outbox) return refuse(lang, 'server.notSetUp');
      const locked = outbox
        .getProtections(SpreadsheetApp.ProtectionType.SHEET)
        .some((protection) => !protection.canEdit());
      if (locked) return refuse(lang, 'settings.triggerCannotWriteOutbox');
    }
    const done = withDocumentLock((): Reply<TriggerChanged> => {
      const owner = readTriggerOwner();
      let message: string;
      if (input?.on) {
        if (owner && owner !== me && !input.takeOver)
          return refuse(lang, 'settings.triggerOwnedBy', { owner }, 'takeOver');
        ensureHourlyTrigger(TRIGGER_HANDLER);
        writeTriggerOwner(me);
        message =
          owner && owner !== me
            ? t(lang, 'settings.triggerTakenOver', { owner })
            : t(lang, 'settings.triggerOn', { owner: me });
      } else {
        removeOwnTriggers(TRIGGER_HANDLER);
        writeTriggerOwner('');
        message = t(lang, 'settings.triggerOff');
      }
      return { ok: true, value: { trigger: triggerView(me), message } };
    });
    return done.ok ? done.value : refuse(lang, 'server.lockBusy');
  });
}
