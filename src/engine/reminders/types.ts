/**
 * The contract between the reminder planner (pure: what is due for whom,
 * now) and the dispatcher (Outbox, channels, quota, trigger). PRODUCT
 * section 7.
 */
import type { Channel, DayNumber, Email, Instant, Lang, MinuteOfDay, Weekday } from '../types';

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
}

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
