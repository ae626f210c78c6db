/**
 * The reminder dispatcher (PRODUCT section 7): what the hourly trigger runs,
 * and "Reminders: send now". It holds the document lock only while it
 * reads and writes, never while it sends, so that a sidebar save made
 * during a run waits a second at most rather than being refused:
 *
 * 1. Under the lock: what an earlier run left Sending may have gone out,
 *    so it is marked Unknown and never sent again; the planner says what is
 *    due; new messages join the Outbox as Queued (one block write); and the
 *    first chunk of the due ones is claimed: marked Sending (one block).
 * 2. The lock released, the chunk is sent.
 * 3. Under the lock again: each result is recorded (Sent, Failed with the
 *    reason, or back to Queued for what never went out) and the next chunk
 *    is claimed — one block write for both, since a chunk's rows follow the
 *    last one's. Then 2 and 3 again until nothing due is left, the mail
 *    quota is used up, or SEND_BUDGET_MS has passed.
 *
 * Only what this run marked Sending is sent, and only by this run. A run
 * that dies leaves its chunk Sending, never a second copy. While a run is
 * at work it keeps a lease in the document properties (until its
 * execution must have ended): a run that starts meanwhile ends at once, so
 * two runs never claim side by side and a live run's Sending rows are never
 * taken for a dead run's.
 *
 * Outbox statuses: Queued (recorded, waiting to be due, for quota or for
 * time) · Sending (claimed by a run and going out; found by a later run it
 * becomes Unknown) · Sent · Failed (the channel refused or kept failing;
 * Error says why; not retried) · Skipped (dry run: Error says "Dry run", or
 * no longer due when it finally could go) · Unknown.
 */
import { t } from '../../engine/i18n/messages';
import { itemKeysOf, outboxKeys } from '../../engine/reminders/keys';
import type { PlannedMessage, ReminderSettings } from '../../engine/reminders/types';
import type { FeedbackLoop } from '../../engine/snapshot';
import type { Lang } from '../../engine/types';
import { deliver, routeFor, type Route, type WebhookUrls } from '../../services/channels';
import { now } from '../../services/clock';
import { withDocumentLock } from '../../services/lock';
import { remainingDailyMailQuota } from '../../services/mail';
import { readDocumentProperty, writeDocumentProperties } from '../../services/properties';
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
import {
  appendOutboxRows,
  readOutbox,
  writeStatuses,
  type Outbox,
  type StatusChange,
} from './outbox';
import { planDue } from './plan';

/** The function the hourly trigger calls; Settings installs it under this name. */
export const TRIGGER_HANDLER = 'runReminders';

/**
 * Apps Script stops an execution at 6 minutes. No new send starts after 4.5,
 * leaving room for the slowest send (a webhook with every retry, about 10 s),
 * waiting for the lock to record it (RECORD_LOCK_WAIT_MS), the Outbox
 * writes and the summary.
 */
export const SEND_BUDGET_MS = 270_000;

/**
 * Messages claimed at a time: about 40 s of e-mail at 0.8 s each
 * (emulator/costs.ts). Each chunk costs one lock, one read and one write of
 * the Outbox (about a second, most of it the flush before the lock is let
 * go), so bigger chunks send a little more per run; smaller ones leave
 * fewer rows Unknown if the run dies between sending and recording.
 */
export const CHUNK_SIZE = 50;

/** Long enough to wait out a sidebar's save, short enough not to queue behind another run. */
const RUN_LOCK_WAIT_MS = 10_000;

/** What went out must be recorded: wait longer for the lock than a new run would. */
const RECORD_LOCK_WAIT_MS = 30_000;

/**
 * No execution outlives Apps Script's 6 minutes (Quotas for Google
 * Services: script runtime); a minute more covers clocks of different
 * servers. A run's lease lasts this long from its start.
 */
const LEASE_MS = 360_000 + 60_000;
const LEASE_PROPERTY = 'reminders.sending';

const MAX_ERRORS = 5;

export type RunOutcome = { ran: false } | { ran: true; summary: RunSummary };

/** One message claimed by this run: marked Sending, with its Attempts before the claim. */
interface Claim {
  message: PlannedMessage;
  route: Route;
  attemptsBefore: number;
}

/** One dispatcher run, from its first hold of the lock to its last. */
interface Run {
  id: string;
  startedAt: number;
  lang: Lang;
  settings: ReminderSettings;
  summary: RunSummary;
  outbox: Outbox | null;
  webhooks: WebhookUrls;
  /** Due and not claimed yet, in the order they fell due. */
  waiting: PlannedMessage[];
  /** Claimed in the last hold, to send now. */
  claimed: Claim[];
  /** E-mails MailApp still allows today, as last asked. */
  mailLeft: number | null;
}

/** One dispatcher run. `ran: false` when another run (or a save) held the lock, or another run is still sending: nothing was done. */
export function dispatchReminders(by: string, manual: boolean, read?: Loaded): RunOutcome {
  const startedAt = now();
  if (leaseHolder(startedAt) !== null) return { ran: false }; // checked again under the lock
  // Team, KPIs, Log and Targets are read before the lock is taken (or were,
  // to know who asked): the planner only reads them, and at 100,000 Log rows
  // the read is the longest part of the first hold. What is written from is
  // read under the lock.
  const loaded = read ?? loadSnapshot(SpreadsheetApp.getActive());
  const begun = withDocumentLock(() => begin(loaded, startedAt, by, manual), RUN_LOCK_WAIT_MS);
  if (!begun.ok || !begun.value) return { ran: false };
  const run = begun.value;
  while (run.claimed.length > 0) {
    const changes = sendClaimed(run);
    try {
      const recorded = withDocumentLock(() => record(run, changes), RECORD_LOCK_WAIT_MS);
      if (recorded.ok) continue;
      // What was sent stays Sending: the next run marks it Unknown, and sends none of it again.
      note(run.summary, t(run.lang, 'reminders.recordBusy'));
    } catch (error) {
      if (isOutOfTime(error)) throw error;
      note(run.summary, t(run.lang, 'error.unexpected', { message: messageOf(error) }));
    }
    finish(run, false);
    break;
  }
  return { ran: true, summary: run.summary };
}

/** The first hold: null when another run holds the lease (it is sending now). */
function begin(loaded: Loaded, startedAt: number, by: string, manual: boolean): Run | null {
  if (leaseHolder(startedAt) !== null) return null;
  const spreadsheet = SpreadsheetApp.getActive();
  const lang = loaded.snapshot.settings.lang;
  const settings = readReminderSettings();
  const run: Run = {
    id: Utilities.getUuid(),
    startedAt,
    lang,
    settings,
    summary: {
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
    },
    outbox: null,
    webhooks: {},
    waiting: [],
    claimed: [],
    mailLeft: null,
  };
  try {
    planAndClaim(run, spreadsheet, loaded);
  } catch (error) {
    // A failure of the run itself (a protected Outbox, a damaged tab) is shown in Settings.
    if (isOutOfTime(error)) throw error;
    note(run.summary, t(lang, 'error.unexpected', { message: messageOf(error) }));
    run.claimed = [];
  }
  if (run.claimed.length > 0) {
    writeDocumentProperties({
      [LEASE_PROPERTY]: JSON.stringify({ run: run.id, until: startedAt + LEASE_MS }),
    });
  } else {
    finish(run, true); // nothing to send: the run ends in this one hold
  }
  return run;
}

/** The run whose lease is still running at `at`, or null. */
function leaseHolder(at: number): string | null {
  const json = readDocumentProperty(LEASE_PROPERTY);
  if (!json) return null;
  try {
    const lease = JSON.parse(json) as { run?: unknown; until?: unknown };
    return typeof lease.run === 'string' && typeof lease.until === 'number' && lease.until > at
      ? lease.run
      : null;
  } catch {
    return null;
  }
}

function planAndClaim(
  run: Run,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  loaded: Loaded,
): void {
  const { lang, summary, startedAt, settings } = run;
  const outbox = loaded.tabs.outbox ? readOutbox(loaded.tabs.outbox, lang) : null;
  if (!outbox) {
    // Nothing can be recorded, so nothing may be sent.
    note(summary, t(lang, 'reminders.noOutbox'));
    return;
  }
  run.outbox = outbox;
  const changes: StatusChange[] = [];

  // 1. Whatever an earlier run left Sending may have gone out: never again.
  // (No other run is sending now: its lease would have ended this one.)
  const sending = [...outbox.entries.values()].filter((entry) => entry.status === 'Sending');
  for (const entry of sending)
    changes.push({ key: entry.key, status: 'Unknown', error: t(lang, 'outbox.unknown') });

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
  run.webhooks = readWebhooks();
  appendOutboxRows(
    outbox,
    [...planned.values()]
      .filter((message) => !outbox.entries.has(message.key))
      .map((message) => ({
        key: message.key,
        created: startedAt,
        dueAt: message.dueAt,
        recipient: message.recipient,
        channel: routeFor(message.channel, run.webhooks).channel,
        rule: ruleWords(lang, message),
        subject: message.title,
        status: 'Queued' as const,
      })),
  );

  // 3. Queued and due now: in the order they fell due.
  const due: PlannedMessage[] = [];
  for (const entry of outbox.entries.values()) {
    if (entry.status !== 'Queued') continue;
    const message = planned.get(entry.key);
    if ((message?.dueAt ?? entry.dueAt ?? startedAt) > startedAt) continue;
    if (message) due.push(message);
    // The planner no longer sees a reason for it.
    else changes.push({ key: entry.key, status: 'Skipped', error: t(lang, 'outbox.stale') });
  }
  due.sort((a, b) => a.dueAt - b.dueAt);
  if (settings.dryRun) {
    for (const message of due)
      changes.push({ key: message.key, status: 'Skipped', error: t(lang, 'outbox.dryRun') });
  } else {
    run.waiting = due;
  }

  // 4. All of it, and the first chunk claimed, in one write.
  const written = writeStatuses(outbox, [...changes, ...claimNext(run)]);
  for (const change of changes) {
    if (!written.has(change.key)) continue;
    if (change.status === 'Unknown') summary.unknown++;
    else summary.skipped++;
  }
  run.claimed = run.claimed.filter((claim) => written.has(claim.message.key));
}

/**
 * The next chunk: due messages taken in order, e-mail only while today's
 * quota lasts (webhook messages need none), none once the time budget is
 * spent. Sets run.claimed and returns the changes that mark them Sending;
 * only rows still Queued when written are claimed.
 */
function claimNext(run: Run): StatusChange[] {
  run.claimed = [];
  if (run.waiting.length === 0) return [];
  if (now() - run.startedAt >= SEND_BUDGET_MS) {
    run.summary.stoppedEarly = true;
    run.waiting = [];
    return [];
  }
  const outbox = run.outbox as Outbox;
  const rest: PlannedMessage[] = [];
  for (const message of run.waiting) {
    if (run.claimed.length >= CHUNK_SIZE) {
      rest.push(message);
      continue;
    }
    const route = routeFor(message.channel, run.webhooks);
    if (route.channel === 'Email') {
      run.mailLeft ??= remainingDailyMailQuota();
      const emails = run.claimed.filter((claim) => claim.route.channel === 'Email').length;
      if (emails >= run.mailLeft) {
        run.summary.quotaExhausted = true;
        continue; // stays Queued for tomorrow's quota; webhook messages may still go
      }
    }
    const attemptsBefore = outbox.entries.get(message.key)?.attempts ?? 0;
    run.claimed.push({ message, route, attemptsBefore });
  }
  run.waiting = rest;
  run.mailLeft = null; // asked again before the next claim: other scripts of the account may send too
  return run.claimed.map(({ message, attemptsBefore }) => ({
    key: message.key,
    status: 'Sending' as const,
    attempts: attemptsBefore + 1,
    onlyIf: 'Queued' as const,
  }));
}

/**
 * Sends what this run claimed, without the lock; returns what to record.
 * A message not sent (the time budget ran out, or MailApp refused for
 * quota before sending) goes back to Queued; it never went out.
 */
function sendClaimed(run: Run): StatusChange[] {
  const { summary, lang } = run;
  const changes: StatusChange[] = [];
  let mailRefused = false;
  for (const { message, route, attemptsBefore } of run.claimed) {
    const back: StatusChange = {
      key: message.key,
      status: 'Queued',
      attempts: attemptsBefore,
      error: '',
    };
    if (now() - run.startedAt >= SEND_BUDGET_MS) {
      summary.stoppedEarly = true;
      changes.push(back);
      continue;
    }
    if (route.channel === 'Email' && mailRefused) {
      changes.push(back);
      continue;
    }
    try {
      const delivery = deliver(
        { to: message.recipient, title: message.title, text: message.text, html: message.html },
        route,
      );
      if (delivery.ok) {
        changes.push({
          key: message.key,
          status: 'Sent',
          attempts: attemptsBefore + delivery.tries,
          sentAt: now(),
          error: '',
        });
        summary.sent++;
      } else if (delivery.quota) {
        // MailApp refused before sending anything: the message waits for tomorrow's quota.
        mailRefused = true;
        summary.quotaExhausted = true;
        changes.push(back);
      } else {
        changes.push({
          key: message.key,
          status: 'Failed',
          attempts: attemptsBefore + delivery.tries,
          error: delivery.reason,
        });
        summary.failed++;
        note(summary, `${message.recipient}: ${delivery.reason}`);
      }
    } catch (error) {
      if (isOutOfTime(error)) throw error;
      const reason = t(lang, 'error.unexpected', { message: messageOf(error) });
      changes.push({
        key: message.key,
        status: 'Failed',
        attempts: attemptsBefore + 1,
        error: reason,
      });
      summary.failed++;
      note(summary, `${message.recipient}: ${reason}`);
    }
  }
  if (mailRefused)
    run.waiting = run.waiting.filter((m) => routeFor(m.channel, run.webhooks).channel !== 'Email');
  return changes;
}

/** A later hold: the chunk's results recorded and the next chunk claimed, in one write. */
function record(run: Run, results: StatusChange[]): void {
  const claims = claimNext(run);
  const written = writeStatuses(run.outbox as Outbox, [...results, ...claims]);
  run.claimed = run.claimed.filter((claim) => written.has(claim.message.key));
  if (run.claimed.length === 0) finish(run, true); // the last chunk is recorded
}

/**
 * The end of the run, in its last hold: the Dashboard when the sending left
 * time for it (read afresh: rows may have been added since the first
 * hold), the summary, and the lease given back. Without the lock (what was
 * sent last could not be recorded) only the summary: the lease stays until
 * it runs out, so no run takes this one's Sending rows for a dead run's
 * before then.
 */
function finish(run: Run, locked: boolean): void {
  const { summary, lang } = run;
  if (locked && run.outbox && !summary.stoppedEarly && now() - run.startedAt < SEND_BUDGET_MS) {
    try {
      refresh(loadSnapshot(SpreadsheetApp.getActive()));
    } catch (error) {
      if (isOutOfTime(error)) throw error;
      note(summary, t(lang, 'reminders.refreshFailed', { message: messageOf(error) }));
    }
  }
  summary.queued = 0;
  for (const entry of run.outbox?.entries.values() ?? [])
    if (entry.status === 'Queued') summary.queued++;
  writeLastRun(summary);
  if (locked && leaseHolder(now()) === run.id) writeDocumentProperties({ [LEASE_PROPERTY]: '' });
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
    const outcome = dispatchReminders(caller.email, true, caller.loaded);
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
