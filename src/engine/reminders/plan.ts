/**
 * The reminder planner (PRODUCT section 7, issue 5 item 1): given the
 * workbook, the reminder settings, the keys already in the Outbox and now,
 * what is due for whom. Pure: the dispatcher reads the workbook and the
 * Outbox, and writes and sends what this returns.
 *
 * Each rule's candidates (rules.ts) are kept when they have fallen due, are
 * not in the Outbox, have working hours of their recipient to go out in
 * (held until they begin, never sent to anyone away) and still hold now.
 * Everything one person is due becomes one message on their channel.
 */
import type { Email, Instant, TeamMember } from '../types';
import type { FeedbackLoop, Snapshot } from '../snapshot';
import { localDay } from '../time/calendar';
import {
  RULES,
  type OutboxKeys,
  type PlannedMessage,
  type ReminderItem,
  type ReminderSettings,
} from './types';
import { itemKey, messageKey } from './keys';
import { planContext, type Candidate, type PlanContext } from './context';
import { deliveryFrom, isAwayOn, todayOf } from './hours';
import { RULE_CANDIDATES } from './rules';
import { renderMessage, type Drafted } from './render';

export interface PlanInput {
  snapshot: Snapshot;
  loop: FeedbackLoop;
  settings: ReminderSettings;
  /** Item keys already in the Outbox (keys.ts: outboxKeys turns rows into this). */
  outbox: OutboxKeys;
  now: Instant;
  /** Linked from every message; anything but an http(s) address is left out. */
  spreadsheetUrl: string;
}

const HOUR_MS = 3_600_000;

/**
 * When a candidate may go out: the first moment of its recipient's working
 * hours at or after it fell due, unless those hours are over by now — then
 * a lasting one goes out in their next working hours and any other is
 * dropped as stale. Null when it is not to go out, also when it fell due on
 * a day the recipient was away.
 */
function dueAtOf(ctx: PlanContext, candidate: Candidate): Instant | null {
  const quiet = ctx.settings.quietHoursRespectWorkHours;
  const { recipient, trigger } = candidate;
  // What fell due while someone was away is not news when they are back (a lasting reminder is).
  if (!candidate.lasting && isAwayOn(recipient, localDay(trigger, recipient.timeZone))) return null;
  let delivery = deliveryFrom(recipient, trigger, quiet);
  if (delivery && delivery.until <= ctx.now && candidate.lasting) {
    delivery = deliveryFrom(recipient, ctx.now, quiet);
  }
  if (!delivery || delivery.until <= ctx.now) return null;
  return delivery.dueAt;
}

function isAway(member: TeamMember, now: Instant, dueAt: Instant): boolean {
  return (
    isAwayOn(member, todayOf(member, now)) || isAwayOn(member, localDay(dueAt, member.timeZone))
  );
}

export function planReminders(input: PlanInput): PlannedMessage[] {
  const ctx = planContext(input.snapshot, input.loop, input.settings, input.now);
  // A person's KPIs mostly fall due at the same moments: work out each moment's delivery once.
  const deliveries = new Map<string, Instant | null>();
  const dueAtFor = (candidate: Candidate): Instant | null => {
    const key = `${candidate.recipient.email} ${candidate.trigger} ${candidate.lasting}`;
    let dueAt = deliveries.get(key);
    if (dueAt === undefined) {
      dueAt = dueAtOf(ctx, candidate);
      if (dueAt !== null && isAway(candidate.recipient, input.now, dueAt)) dueAt = null;
      deliveries.set(key, dueAt);
    }
    return dueAt;
  };
  const order = new Map(RULES.map((rule, index) => [rule, index]));
  const due = new Map<
    Email,
    { member: TeamMember; drafted: Array<Drafted & { dueAt: Instant }> }
  >();
  const seen = new Set<string>();
  for (const rule of RULES) {
    if (!input.settings.enabled[rule]) continue;
    for (const candidate of RULE_CANDIDATES[rule](ctx)) {
      if (candidate.trigger > input.now) continue;
      const item = {
        rule: candidate.rule,
        recipient: candidate.recipient.email,
        subject: candidate.subject,
        period: candidate.period,
      };
      const key = itemKey(item);
      if (seen.has(key) || input.outbox.has(key)) continue;
      seen.add(key);
      const dueAt = dueAtFor(candidate);
      if (dueAt === null) continue;
      const content = candidate.draft();
      if (!content) continue;
      const entry = due.get(item.recipient) ?? { member: candidate.recipient, drafted: [] };
      entry.drafted.push({ item: { ...item, line: content.line }, content, dueAt });
      due.set(item.recipient, entry);
    }
  }

  const messages: PlannedMessage[] = [];
  for (const { member, drafted } of due.values()) {
    drafted.sort(
      (a, b) =>
        (order.get(a.item.rule) ?? 0) - (order.get(b.item.rule) ?? 0) ||
        a.item.subject.localeCompare(b.item.subject) ||
        a.item.period.localeCompare(b.item.period),
    );
    const items: ReminderItem[] = drafted.map((d) => d.item);
    const dueAt = Math.max(...drafted.map((d) => d.dueAt));
    messages.push({
      key: messageKey(items),
      recipient: member.email,
      channel: member.channel,
      lang: ctx.lang,
      dueAt,
      items,
      ...renderMessage(ctx.lang, member, drafted, input.spreadsheetUrl),
      localDay: localDay(dueAt, member.timeZone),
    });
  }
  return messages.sort((a, b) => a.dueAt - b.dueAt || a.recipient.localeCompare(b.recipient));
}

/** What a run at `now` sends: the messages due by then (the rest wait for the recipient's hours). */
export function dueBy(messages: readonly PlannedMessage[], now: Instant): PlannedMessage[] {
  return messages.filter((message) => message.dueAt <= now);
}

export interface PreviewRun {
  /** When the run happens. */
  at: Instant;
  /** What it sends, to whom; each message's dueAt says from when. */
  messages: PlannedMessage[];
}

/**
 * What the next runs would send, to whom and when, if nothing in the
 * workbook changed: hourly runs from `input.now`, each sending what is due
 * by then and remembering it as the Outbox would. Runs that send nothing
 * are left out. For Reminders: preview and the Settings sidebar.
 */
export function previewPlan(input: PlanInput, runs = 24, everyMs = HOUR_MS): PreviewRun[] {
  const outbox = new Map(input.outbox);
  const preview: PreviewRun[] = [];
  for (let run = 0; run < runs; run++) {
    const at = input.now + run * everyMs;
    const sent = dueBy(planReminders({ ...input, outbox, now: at }), at);
    for (const message of sent) {
      for (const item of message.items) outbox.set(itemKey(item), 'Sent');
    }
    if (sent.length > 0) preview.push({ at, messages: sent });
  }
  return preview;
}
