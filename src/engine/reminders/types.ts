/**
 * The contract between the reminder planner (pure: what is due for whom,
 * now) and the dispatcher (Outbox, channels, quota, trigger). PRODUCT
 * section 7.
 */
import type { Channel, DayNumber, Email, Instant, Lang, MinuteOfDay, Weekday } from '../types';
import type { ChoiceOf } from '../i18n/vocabulary';

export const RULES = [
  'missingEntry',
  'behindPace',
  'checkInTomorrow',
  'actionDue',
  'actionOverdue',
  'silentAssistant',
  'weeklyDigest',
  'kpiReview',
] as const;
export type RuleId = (typeof RULES)[number];

/** Every rule's defaults (PRODUCT section 7), each overridable in Settings. */
export interface ReminderSettings {
  enabled: Record<RuleId, boolean>;
  /** Missing entry: minutes before the KPI's Due time; 15:00 when it has none. */
  missingEntryLeadMinutes: number;
  missingEntryDefaultTime: MinuteOfDay;
  /** Silent assistant: working days without an entry. */
  silentAfterWorkingDays: number;
  /** Action overdue: working days after which the owner's manager is told too. */
  escalationGraceWorkingDays: number;
  digestDay: Weekday;
  digestTime: MinuteOfDay;
  /** Nothing is sent outside each person's working hours; this widens or narrows them. */
  quietHoursRespectWorkHours: boolean;
  dryRun: boolean;
  /**
   * Behind pace: the assistant's local time on the middle and last working
   * day when the pace is checked. Absent or null: the middle of their
   * working hours, so that a morning without entries yet is no false alarm.
   */
  behindPaceTime?: MinuteOfDay | null;
}

/** PRODUCT section 7's defaults. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: {
    missingEntry: true,
    behindPace: true,
    checkInTomorrow: true,
    actionDue: true,
    actionOverdue: true,
    silentAssistant: true,
    weeklyDigest: true,
    kpiReview: true,
  },
  missingEntryLeadMinutes: 60,
  missingEntryDefaultTime: 15 * 60,
  silentAfterWorkingDays: 2,
  escalationGraceWorkingDays: 2,
  digestDay: 4, // Friday
  digestTime: 16 * 60,
  quietHoursRespectWorkHours: true,
  dryRun: false,
  behindPaceTime: null,
};

/**
 * An Outbox row's Status (PRODUCT section 3), and what it means to the planner:
 *
 * - Queued: written by the dispatcher, not yet attempted. The Outbox holds
 *   no message text, so the dispatcher leaves Queued rows' keys out of the
 *   map it passes in and sends a Queued row with the text planned for it
 *   in the run it goes out in; a Queued row the planner no longer plans
 *   once its Due at has come is marked Skipped (no longer due, or
 *   superseded by a message batching the same items with new ones).
 * - Sending: being sent, or the run died while sending; a later run marks
 *   it Unknown.
 * - Sent, Unknown, Skipped (dry run, or no longer due): final.
 * - Failed: final; the channel refused it, or kept failing through the
 *   dispatcher's retries within the run (Error says why).
 *
 * The planner never plans an item whose key is in the Outbox, whatever its
 * status: a key's absence is what means "may be planned". A dispatcher that
 * wants an item planned afresh (say, a Queued row it supersedes under the
 * lock) deletes the row's keys from the map it passes in.
 */
export type OutboxStatus = ChoiceOf<'outboxStatus'>;

/** Every item key in the Outbox (message keys split into their items) → its row's status. */
export type OutboxKeys = ReadonlyMap<string, OutboxStatus>;

/** Joins rule|recipient|subject|period; the parts never hold it (keys.ts strips it). */
export const KEY_PART_SEPARATOR = '|';
/** Joins a message's item keys into its Outbox key. */
export const ITEM_KEY_SEPARATOR = ';';

/** One thing a person is due to hear about, before batching. */
export interface ReminderItem {
  rule: RuleId;
  recipient: Email;
  /** What it is about: a KPI ID, an action ID, a check-in ID, or 'team'. */
  subject: string;
  /** The period it belongs to (a day, week or month key), so it is sent once per period. */
  period: string;
  /** Short, specific line in the recipient's language, e.g. "9 of 15 approved posts, 2 working days left". */
  line: string;
}

/** One message to one person on one channel: the unit the Outbox records and sends. */
export interface PlannedMessage {
  /** rule|recipient|subject|period of every item, joined: the Outbox key that makes it at-most-once. */
  key: string;
  recipient: Email;
  channel: Channel;
  lang: Lang;
  /** When it may go out: now, or the start of the recipient's working hours (quiet hours). */
  dueAt: Instant;
  items: ReminderItem[];
  /** E-mail subject / chat title. */
  title: string;
  /** Plain text: the e-mail's text part and the chat message body. */
  text: string;
  /** The e-mail's HTML part; every interpolated value escaped. */
  html: string;
  /** The recipient's local calendar day when it is due, for tests and the Outbox. */
  localDay: DayNumber;
}
