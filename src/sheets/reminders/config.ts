/**
 * What the reminder sender keeps in document properties, never in cells
 * (PRODUCT section 8): the reminder settings (inside `kpiloop.settings`, next
 * to language, week start and risk band), the webhook URLs, which account
 * owns the document's hourly trigger, and the last run's summary.
 */
import {
  DEFAULT_REMINDER_SETTINGS,
  RULES,
  type ReminderSettings,
} from '../../engine/reminders/types';
import type { MinuteOfDay, Weekday } from '../../engine/types';
import type { WebhookChannel } from '../../services/chatFormats';
import type { WebhookUrls } from '../../services/channels';
import { readDocumentProperty, writeDocumentProperties } from '../../services/properties';
import { SETTINGS_PROPERTY } from '../settings';

// ── Reminder settings ───────────────────────────────────────────────────────

/** PRODUCT section 7's defaults, as a copy the caller may change. */
export function defaultReminderSettings(): ReminderSettings {
  return { ...DEFAULT_REMINDER_SETTINGS, enabled: { ...DEFAULT_REMINDER_SETTINGS.enabled } };
}

const isMinute = (v: unknown): v is MinuteOfDay =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 24 * 60;
const isCount = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/**
 * The stored reminder settings over the defaults. A damaged value falls back
 * to its default, so one bad field never turns the reminders off.
 */
export function parseReminderSettings(raw: unknown): ReminderSettings {
  const settings = defaultReminderSettings();
  if (typeof raw !== 'object' || raw === null) return settings;
  const r = raw as Record<string, unknown>;
  if (typeof r.enabled === 'object' && r.enabled !== null) {
    for (const rule of RULES) {
      const on = (r.enabled as Record<string, unknown>)[rule];
      if (typeof on === 'boolean') settings.enabled[rule] = on;
    }
  }
  if (isCount(r.missingEntryLeadMinutes, 12 * 60))
    settings.missingEntryLeadMinutes = r.missingEntryLeadMinutes;
  if (isMinute(r.missingEntryDefaultTime))
    settings.missingEntryDefaultTime = r.missingEntryDefaultTime;
  if (isCount(r.silentAfterWorkingDays, 30) && r.silentAfterWorkingDays >= 1)
    settings.silentAfterWorkingDays = r.silentAfterWorkingDays;
  if (isCount(r.escalationGraceWorkingDays, 30))
    settings.escalationGraceWorkingDays = r.escalationGraceWorkingDays;
  if (isCount(r.digestDay, 6)) settings.digestDay = r.digestDay as Weekday;
  if (isMinute(r.digestTime)) settings.digestTime = r.digestTime;
  if (typeof r.quietHoursRespectWorkHours === 'boolean')
    settings.quietHoursRespectWorkHours = r.quietHoursRespectWorkHours;
  if (typeof r.dryRun === 'boolean') settings.dryRun = r.dryRun;
  if (isMinute(r.behindPaceTime) || r.behindPaceTime === null)
    settings.behindPaceTime = r.behindPaceTime;
  return settings;
}

/** `kpiloop.settings` as stored, every key kept (other parts of the add-on keep theirs there too). */
export function readStoredSettingsObject(): Record<string, unknown> {
  const json = readDocumentProperty(SETTINGS_PROPERTY);
  if (!json) return {};
  try {
    const raw: unknown = JSON.parse(json);
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Changes some keys of `kpiloop.settings`; `undefined` removes a key. Call under the document lock. */
export function updateStoredSettings(changes: Record<string, unknown>): void {
  const stored = readStoredSettingsObject();
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete stored[key];
    else stored[key] = value;
  }
  writeDocumentProperties({ [SETTINGS_PROPERTY]: JSON.stringify(stored) });
}

export function readReminderSettings(): ReminderSettings {
  return parseReminderSettings(readStoredSettingsObject().reminders);
}

// ── Webhooks ────────────────────────────────────────────────────────────────

export const WEBHOOK_CHANNELS: readonly WebhookChannel[] = ['Google Chat', 'Slack', 'Teams'];

const WEBHOOK_PROPERTY: Record<WebhookChannel, string> = {
  'Google Chat': 'webhook.googleChat',
  Slack: 'webhook.slack',
  Teams: 'webhook.teams',
};

/**
 * Where each service's incoming webhooks live: Google Chat's on
 * chat.googleapis.com, Slack's on hooks.slack.com. Teams Workflows URLs come
 * from several Microsoft hosts (logic.azure.com, powerplatform.com, …) that
 * change over time, so for Teams any https address is taken.
 */
const WEBHOOK_HOST: Partial<Record<WebhookChannel, RegExp>> = {
  'Google Chat': /^chat\.googleapis\.com$/i,
  Slack: /^hooks\.slack\.com$/i,
};

export function readWebhooks(): WebhookUrls {
  const urls: WebhookUrls = {};
  for (const channel of WEBHOOK_CHANNELS) {
    const url = readDocumentProperty(WEBHOOK_PROPERTY[channel]);
    if (url) urls[channel] = url;
  }
  return urls;
}

/** '' removes the webhook. Call under the document lock. */
export function writeWebhook(channel: WebhookChannel, url: string): void {
  writeDocumentProperties({ [WEBHOOK_PROPERTY[channel]]: url });
}

/** null when the address can be used for that channel; otherwise why not, as a message key. */
export function webhookProblem(
  channel: WebhookChannel,
  url: string,
): 'settings.webhookNotHttps' | 'settings.webhookWrongHost' | null {
  const match = /^https:\/\/([^/?#:@\s]+)(?::\d+)?(?:[/?#]\S*)?$/i.exec(url);
  if (!match) return 'settings.webhookNotHttps';
  const host = WEBHOOK_HOST[channel];
  return host && !host.test(match[1] ?? '') ? 'settings.webhookWrongHost' : null;
}

/**
 * "https://hooks.slack.com/…Xy9Z": enough to recognise which webhook is set,
 * never enough to post to it (the secret is the path).
 */
export function maskWebhook(url: string): string {
  const origin = /^https?:\/\/[^/?#]+/i.exec(url)?.[0] ?? '';
  return `${origin}/…${url.slice(-4)}`;
}

// ── The trigger's owner ─────────────────────────────────────────────────────

const OWNER_PROPERTY = 'reminders.triggerOwner';

/** The account whose hourly trigger sends this document's reminders; null when reminders are off. */
export function readTriggerOwner(): string | null {
  return readDocumentProperty(OWNER_PROPERTY) || null;
}

/** '' when the reminders are turned off. Call under the document lock. */
export function writeTriggerOwner(email: string): void {
  writeDocumentProperties({ [OWNER_PROPERTY]: email });
}

// ── The last run ────────────────────────────────────────────────────────────

export interface RunSummary {
  /** When the run started. */
  at: number;
  /** Who ran it: the trigger's owner, or the manager who chose Send now. */
  by: string;
  manual: boolean;
  dryRun: boolean;
  sent: number;
  failed: number;
  /** Waiting in the Outbox after the run: not due yet, over the mail quota, or out of time. */
  queued: number;
  /** Found still Sending from an earlier run and marked Unknown by this one. */
  unknown: number;
  skipped: number;
  /** The mail quota ran out before everything due was sent. */
  quotaExhausted: boolean;
  /** The run stopped starting new sends to stay inside Apps Script's time limit. */
  stoppedEarly: boolean;
  /** At most a few, each short: what failed and why. */
  errors: string[];
}

const LAST_RUN_PROPERTY = 'reminders.lastRun';

export function readLastRun(): RunSummary | null {
  const json = readDocumentProperty(LAST_RUN_PROPERTY);
  if (!json) return null;
  try {
    const raw = JSON.parse(json) as RunSummary;
    return typeof raw.at === 'number' ? raw : null;
  } catch {
    return null;
  }
}

export function writeLastRun(summary: RunSummary): void {
  writeDocumentProperties({ [LAST_RUN_PROPERTY]: JSON.stringify(summary) });
}
