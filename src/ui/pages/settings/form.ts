/**
 * The Settings sidebar without a page: the words it shows for the trigger
 * and the last run, the weekday names, and which control a server refusal
 * belongs to. The server checks every value; the page only shows.
 */
import type { LastRunView, SettingsValues, TriggerView, WebhookChannelName } from '../../api';
import type { Lang } from '../../../engine/types';
import { t } from '../shared/i18n';

/** The controls a refusal's `field` may name, in the form's order. */
export const SETTINGS_FIELDS = [
  'language',
  'weekStart',
  'riskBand',
  'missingEntryLeadMinutes',
  'missingEntryDefaultTime',
  'silentAfterWorkingDays',
  'escalationGraceWorkingDays',
  'digestDay',
  'digestTime',
] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

export function settingsFieldOf(field: string | undefined): SettingsField | null {
  return (SETTINGS_FIELDS as readonly string[]).includes(field ?? '')
    ? (field as SettingsField)
    : null;
}

/** Monday first, as the engine numbers weekdays (Monday = 0). 1 Jan 2024 was a Monday. */
export function weekdayNames(lang: Lang): string[] {
  const format = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'long',
    timeZone: 'UTC',
  });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** An id-safe name per channel: `webhook-googleChat`. */
export function channelSlug(channel: WebhookChannelName): string {
  return channel === 'Google Chat' ? 'googleChat' : channel.toLowerCase();
}

/** What the trigger section says about who sends. */
export function triggerLine(lang: Lang, trigger: TriggerView): string {
  if (!trigger.on) return t(lang, 'ui.settings.triggerOffState');
  if (trigger.mine) {
    return trigger.installedForMe
      ? t(lang, 'ui.settings.triggerOnMine')
      : t(lang, 'ui.settings.triggerMissing');
  }
  return t(lang, 'ui.settings.triggerOnBy', { owner: trigger.owner ?? '' });
}

/** The last run in a few lines: when and by whom, the counts, notes and errors. */
export function lastRunLines(lang: Lang, run: LastRunView | null): string[] {
  if (!run) return [t(lang, 'ui.settings.lastRunNever')];
  const lines = [
    t(lang, run.manual ? 'ui.settings.lastRunManual' : 'ui.settings.lastRunHourly', {
      when: run.when,
      by: run.by,
    }),
    t(lang, 'ui.settings.lastRunCounts', {
      sent: run.sent,
      failed: run.failed,
      queued: run.queued,
      unknown: run.unknown,
      skipped: run.skipped,
    }),
  ];
  if (run.dryRun) lines.push(t(lang, 'reminders.dryRunNote', { skipped: run.skipped }));
  if (run.quotaExhausted) lines.push(t(lang, 'reminders.quotaNote'));
  if (run.stoppedEarly) lines.push(t(lang, 'reminders.timeNote'));
  return [...lines, ...run.errors];
}

/** A copy of the values to edit, so a failed save leaves the context as the server sent it. */
export function editableValues(values: SettingsValues): SettingsValues {
  return { ...values, rules: { ...values.rules } };
}
