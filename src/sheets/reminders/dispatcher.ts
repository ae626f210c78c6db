/**
 * The reminder dispatcher (PRODUCT section 7): what the hourly trigger runs,
 * and "Reminders: send now". One run, under the document lock:
 *
 * 1. a row still Sending from an earlier run is marked Unknown — it may or
 *    may not have gone out, so it is never sent again;
 * 2. the planner says what is due; new messages join the Outbox as Queued
 *    (one block write);
 * 3. each due Queued message is marked Sending, sent, then marked Sent (or
 *    Failed with the reason) — each a write of that row, so a run that dies
 *    half-way leaves Sending behind, never a second copy;
 * 4. e-mail waits while the day's mail quota is used up, and no new send
 *    starts after SEND_BUDGET_MS: what is left stays Queued for the next run.
 *
 * Outbox statuses: Queued (recorded, waiting to be due, for quota or for
 * time) · Sending (going out now; found on a later run it becomes Unknown)
 * · Sent · Failed (the channel refused or kept failing; Error says why; not
 * retried) · Skipped (dry run: Error says "Dry run", or no longer due when
 * it finally could go) · Unknown.
 */
import { t } from '../../engine/i18n/messages';
import { itemKeysOf, outboxKeys } from '../../engine/reminders/keys';
import type { PlannedMessage, ReminderSettings } from '../../engine/reminders/types';
import type { FeedbackLoop } from '../../engine/snapshot';
import type { Lang } from '../../engine/types';
import { deliver, routeFor, type Route } from '../../services/channels';
import { now } from '../../services/clock';
import { withDocumentLock } from '../../services/lock';
import { remainingDailyMailQuota } from '../../services/mail';
import { effectiveUserEmail } from '../../services/session';
import { removeOwnTriggers } from '../../services/triggers';
import { identifyCaller } from '../caller';
import { applyMissedCheckIns } from '../checkIns';
import { refresh } from '../dashboard';
import { loadFeedbackLoop, loadSnapshot, type Loaded } from '../snapshot';
import {
  readReminderSettings,
  readTriggerOwner,
  readWebhooks,
  writeLastRun,
  type RunSummary,
} from './config';
import { appendOutboxRows, readOutbox, writeStatus, type Outbox } from './outbox';
import { planDue } from './plan';

/** The function the hourly trigger calls; Settings installs it under this name. */
export const TRIGGER_HANDLER = 'runReminders';

/**
 * Apps Script stops an execution at 6 minutes. No new send starts after 4.5,
 * leaving room for the slowest send (a webhook with every retry, about 10 s),
 * the Outbox writes and the summary.
 */
export const SEND_BUDGET_MS = 270_000;

/** Long enough to wait out a sidebar's save, short enough not to queue behind another run. */
const RUN_LOCK_WAIT_MS = 10_000;

const MAX_ERRORS = 5;

export type RunOutcome = { ran: false } | { ran: true; summary: RunSummary };

/** One dispatcher run. `ran: false` when another run (or a save) held the lock: nothing was done. */
export function dispatchReminders(by: string, manual: boolean): RunOutcome {
  const startedAt = now();
  const done = withDocumentLock(() => runLocked(startedAt, by, manual), RUN_LOCK_WAIT_MS);
  return done.ok ? { ran: true, summary: done.value } : { ran: false };
}

function runLocked(startedAt: number, by: string, manual: boolean): RunSummary {
  const spreadsheet = SpreadsheetApp.getActive();
  const loaded = loadSnapshot(spreadsheet);
  const lang = loaded.snapshot.settings.lang;
  const settings = readReminderSettings();
  const summary: RunSummary = {
    at: startedAt,
    by,
    manual,
    dryRun: settings.dryRun,
    sent: 0,
    failed: 0,
    queued: 0,
    unknown: 0,
    skipped: 0,
    quotaExhausted: false,
    stoppedEarly: false,
    errors: [],
  };
  try {
    sendDue(spreadsheet, loaded, settings, summary);
  } catch (error) {
    // A failure of the run itself (a protected Outbox, a damaged tab) is shown in Settings.
    if (isOutOfTime(error)) throw error;
    note(summary, t(lang, 'error.unexpected', { message: messageOf(error) }));
  }
  writeLastRun(summary);
  return summary;
}

function sendDue(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  loaded: Loaded,
  settings: ReminderSettings,
  summary: RunSummary,
): void {
  const lang = loaded.snapshot.settings.lang;
  const startedAt = summary.at;
  const outbox = loaded.tabs.outbox ? readOutbox(loaded.tabs.outbox, lang) : null;
  if (!outbox) {
    // Nothing can be recorded, so nothing may be sent.
    note(summary, t(lang, 'reminders.noOutbox'));
    return;
  }

  // 1. Whatever an earlier run left Sending may have gone out: never again.
  for (const entry of [...outbox.entries.values()]) {
    if (entry.status !== 'Sending') continue;
    if (writeStatus(outbox, entry.key, { status: 'Unknown', error: t(lang, 'outbox.unknown') }))
      summary.unknown++;
  }

  // 2. What is due, and the new part of it into the Outbox as Queued.
  // Queued rows are planned afresh, and a row skipped as superseded sent nothing: neither holds its items back.
  const recorded = outboxKeys(
    [...outbox.entries.values()].flatMap((entry) =>
      entry.status === 'Queued' || (entry.status === 'Skipped' && entry.superseded)
        ? []
        : [{ key: entry.key, status: entry.status ?? 'Unknown' }],
    ),
  );
  const planned = new Map<string, PlannedMessage>();
  for (const message of planDue({
    loaded,
    loop: feedbackLoop(loaded, summary),
    settings,
    recorded,
    now: startedAt,
    spreadsheetUrl: spreadsheet.getUrl(),
  })) {
    // The planner leaves recorded items out; checked here too, as the last guard before sending.
    const known = itemKeysOf(message.key).some((key) => recorded.has(key));
    if (!known && !planned.has(message.key)) planned.set(message.key, message);
  }
  const webhooks = readWebhooks();
  appendOutboxRows(
    outbox,
    [...planned.values()]
      .filter((message) => !outbox.entries.has(message.key))
      .map((message) => ({
        key: message.key,
        created: startedAt,
        dueAt: message.dueAt,
        recipient: message.recipient,
        channel: routeFor(message.channel, webhooks).channel,
        rule: ruleWords(lang, message),
        subject: message.title,
        status: 'Queued' as const,
      })),
  );

  // 3. Queued and due now: in the order they fell due.
  const due: PlannedMessage[] = [];
  for (const entry of [...outbox.entries.values()]) {
    if (entry.status !== 'Queued') continue;
    const message = planned.get(entry.key);
    if ((message?.dueAt ?? entry.dueAt ?? startedAt) > startedAt) continue;
    if (message) due.push(message);
    else if (writeStatus(outbox, entry.key, { status: 'Skipped', error: t(lang, 'outbox.stale') }))
      summary.skipped++; // the planner no longer sees a reason for it
  }
  due.sort((a, b) => a.dueAt - b.dueAt);

  let mailLeft: number | null = null;
  for (const message of due) {
    if (now() - startedAt >= SEND_BUDGET_MS) {
      summary.stoppedEarly = true;
      break;
    }
    if (settings.dryRun) {
      if (writeStatus(outbox, message.key, { status: 'Skipped', error: t(lang, 'outbox.dryRun') }))
        summary.skipped++;
      continue;
    }
    const route = routeFor(message.channel, webhooks);
    if (route.channel === 'Email') {
      mailLeft ??= remainingDailyMailQuota();
      if (mailLeft < 1) {
        summary.quotaExhausted = true;
        continue; // stays Queued; webhook messages may still go
      }
    }
    const result = sendOne(outbox, message, route, summary);
    if (route.channel === 'Email' && mailLeft !== null) {
      mailLeft = result === 'quota' ? 0 : mailLeft - (result === 'sent' ? 1 : 0);
    }
  }

  for (const entry of outbox.entries.values()) if (entry.status === 'Queued') summary.queued++;

  // The Dashboard once per run, when the sending left time for it.
  if (!summary.stoppedEarly && now() - startedAt < SEND_BUDGET_MS) {
    try {
      refresh(loaded);
    } catch (error) {
      if (isOutOfTime(error)) throw error;
      note(summary, t(lang, 'reminders.refreshFailed', { message: messageOf(error) }));
    }
  }
}

/**
 * Check-ins, Feedback and Actions, with check-ins whose day passed marked
 * Missed first (the check-in sweep belongs to this hourly run), so that no
 * reminder is planned for a meeting that did not happen.
 */
function feedbackLoop(loaded: Loaded, summary: RunSummary): FeedbackLoop {
  const { loop } = loadFeedbackLoop(loaded);
  try {
    return applyMissedCheckIns(loaded, loop).loop;
  } catch (error) {
    if (isOutOfTime(error)) throw error;
    note(
      summary,
      t(loaded.snapshot.settings.lang, 'error.unexpected', { message: messageOf(error) }),
    );
    return loop;
  }
}

type SendResult = 'sent' | 'failed' | 'quota' | 'gone';

/** Sending → send → Sent or Failed; one message's failure is recorded and the batch goes on. */
function sendOne(
  outbox: Outbox,
  message: PlannedMessage,
  route: Route,
  summary: RunSummary,
): SendResult {
  const { lang } = outbox;
  const before = outbox.entries.get(message.key)?.attempts ?? 0;
  try {
    if (!writeStatus(outbox, message.key, { status: 'Sending', attempts: before + 1 }))
      return 'gone'; // the row was deleted: with no record, no send
    const delivery = deliver(
      { to: message.recipient, title: message.title, text: message.text, html: message.html },
      route,
    );
    if (delivery.ok) {
      writeStatus(outbox, message.key, {
        status: 'Sent',
        attempts: before + delivery.tries,
        sentAt: now(),
        error: '',
      });
      summary.sent++;
      return 'sent';
    }
    if (delivery.quota) {
      // MailApp refused before sending anything: the message waits for tomorrow's quota.
      writeStatus(outbox, message.key, { status: 'Queued', attempts: before, error: '' });
      summary.quotaExhausted = true;
      return 'quota';
    }
    writeStatus(outbox, message.key, {
      status: 'Failed',
      attempts: before + delivery.tries,
      error: delivery.reason,
    });
    summary.failed++;
    note(summary, `${message.recipient}: ${delivery.reason}`);
    return 'failed';
  } catch (error) {
    if (isOutOfTime(error)) throw error;
    const reason = t(lang, 'error.unexpected', { message: messageOf(error) });
    writeStatus(outbox, message.key, { status: 'Failed', attempts: before + 1, error: reason });
    summary.failed++;
    note(summary, `${message.recipient}: ${reason}`);
    return 'failed';
  }
}

/** "Missing entry, Behind pace": the rules of a message's items, once each. */
function ruleWords(lang: Lang, message: PlannedMessage): string {
  const rules = [...new Set(message.items.map((item) => item.rule))];
  return rules.map((rule) => t(lang, `reminder.rule.${rule}`)).join(', ');
}

function note(summary: RunSummary, error: string): void {
  if (summary.errors.length < MAX_ERRORS) summary.errors.push(error.slice(0, 200));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Apps Script ending the execution: nothing more can be written, so let it end the run. */
export function isOutOfTime(error: unknown): boolean {
  return error instanceof Error && /Exceeded maximum execution time/i.test(error.message);
}

/**
 * The hourly trigger. Only the account recorded as the document's trigger
 * owner sends (PRODUCT section 7: triggers from two accounts must not
 * double the sending); any other account's trigger ends quietly and removes
 * itself. A run that finds the lock taken ends quietly too: another run is
 * at work, and whatever it leaves Queued the next hour picks up.
 */
export function runReminders(_e?: GoogleAppsScript.Events.TimeDriven): void {
  try {
    const me = effectiveUserEmail();
    if (!me) return;
    if (readTriggerOwner() !== me) {
      removeOwnTriggers(TRIGGER_HANDLER);
      return;
    }
    dispatchReminders(me, false);
  } catch (error) {
    if (isOutOfTime(error)) throw error;
    console.error(error); // a trigger has nobody to tell; the next run tries again
  }
}

/** Menu: Reminders: send now — managers only; runs as the manager who asks. */
export function sendRemindersNow(): void {
  const spreadsheet = SpreadsheetApp.getActive();
  const caller = identifyCaller();
  const lang = caller.lang;
  const title = t(lang, 'setup.title');
  if (!caller.manager) {
    spreadsheet.toast(t(lang, 'reminders.managersOnly'), title, 8);
    return;
  }
  try {
    spreadsheet.toast(t(lang, 'reminders.sending'), title, 5);
    const outcome = dispatchReminders(caller.email, true);
    spreadsheet.toast(
      outcome.ran ? summaryLine(lang, outcome.summary) : t(lang, 'reminders.busy'),
      title,
      10,
    );
  } catch (error) {
    if (isOutOfTime(error)) throw error;
    spreadsheet.toast(t(lang, 'error.unexpected', { message: messageOf(error) }), title, 15);
  }
}

/** "Reminders: 3 sent, 1 failed, 2 waiting, 0 unknown." */
export function summaryLine(lang: Lang, summary: RunSummary): string {
  const counts = t(lang, 'reminders.summary', {
    sent: summary.sent,
    failed: summary.failed,
    queued: summary.queued,
    unknown: summary.unknown,
  });
  const notes = [
    summary.dryRun ? t(lang, 'reminders.dryRunNote', { skipped: summary.skipped }) : '',
    summary.quotaExhausted ? t(lang, 'reminders.quotaNote') : '',
    summary.stoppedEarly ? t(lang, 'reminders.timeNote') : '',
  ].filter(Boolean);
  return [counts, ...notes].join(' ');
}
