/**
 * The contract between the sidebars and the server: every function a page
 * may call through google.script.run, with what it takes and gives. Only
 * primitives, plain objects and arrays cross (google.script.run refuses
 * Dates), so dates travel as `YYYY-MM-DD` text.
 */
import type { Lang, Status } from '../engine/types';
import type { KpiDraft } from '../engine/kpi/draft';
import type { Report, ReportUnit } from '../engine/feedback/report';
import type { ReportDocument } from '../engine/feedback/reportDocument';

export type { KpiDraft };

/**
 * What every server function answers: a value, or a sentence for the person,
 * in their language. `field` names the form field at fault: a key of
 * LogEntryInput, of KpiDraft, or `reason`.
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; message: string; field?: string };

export interface Person {
  email: string;
  name: string;
}

// ── Log work ────────────────────────────────────────────────────────────────

export interface LogWorkKpi {
  id: string;
  name: string;
  unit: string;
  measure: string;
  /** The English word (Sum, Count, …), whatever the workbook's language. */
  aggregation: string;
  /** Count without a Qualifier and On-time rows need no value. */
  valueOptional: boolean;
  target: number | null;
  actual: number | null;
  /** In the workbook's language; '' when the KPI cannot be judged. */
  status: string;
  statusKey: Status | null;
}

export interface LogWorkContext {
  lang: Lang;
  user: Person & { timeZone: string };
  /** Today in the person's own time zone. */
  today: string;
  kpis: LogWorkKpi[];
}

export interface LogEntryInput {
  kpiId: string;
  date: string;
  value: string;
  note: string;
  link: string;
}

export interface LogSaved {
  entryId: string;
  kpi: LogWorkKpi;
  message: string;
}

// ── KPI editor ──────────────────────────────────────────────────────────────

export interface KpiTemplate {
  /** The task type in the workbook's language. */
  taskType: string;
  drafts: KpiDraft[];
}

export interface KpiEditorContext {
  lang: Lang;
  /** The spreadsheet's time zone, in which the draft's dates are read. */
  timeZone: string;
  kpis: KpiDraft[];
  team: Array<Person & { role: string }>;
  goals: Array<{ id: string; name: string }>;
  templates: KpiTemplate[];
  /** Best closed-period result per KPI ID where four or more exist (SMART's A). */
  best: Record<string, number>;
  /** KPIs whose Review by has passed, longest overdue first (PRODUCT section 4). */
  reviews: KpiReviewDue[];
  /** Choice words in the workbook's language, for the drop-downs. */
  choices: {
    aggregation: string[];
    direction: string[];
    period: string[];
    kpiState: string[];
    taskType: string[];
  };
}

export interface KpiSaveInput {
  draft: KpiDraft;
  /** Needed when an existing KPI's target changes: it goes to Targets with the change. */
  reason: string;
}

export interface KpiSaved {
  id: string;
  created: boolean;
  targetChanged: boolean;
  smart: string;
  message: string;
}

// ── KPI review ──────────────────────────────────────────────────────────────

export interface KpiReviewDue {
  id: string;
  /** `YYYY-MM-DD`, passed. */
  reviewBy: string;
  /** What a review today sets Review by to unless the manager picks a date: a month on, a quarter for monthly KPIs. */
  nextReviewBy: string;
}

export interface KpiReviewInput {
  kpiId: string;
  /** Keep the target, or change it (then `target` and `reason` are needed; the change goes to Targets). */
  decision: 'keep' | 'change';
  target: string;
  reason: string;
  /** `YYYY-MM-DD`; blank: from the KPI's period. */
  nextReviewBy: string;
}

export interface KpiReviewed {
  id: string;
  /** The target after the review, as the editor shows it. */
  target: string;
  reviewBy: string;
  targetChanged: boolean;
  smart: string;
  message: string;
}

// ── Performance report ──────────────────────────────────────────────────────

export type { Report, ReportDocument, ReportUnit };

export interface PeriodOption {
  /** `2026-W48` or `2026-11`. */
  key: string;
  label: string;
}

export interface ReportContext {
  lang: Lang;
  user: Person;
  /** Managers report on anyone and on the whole team; an assistant only on themself. */
  manager: boolean;
  /** Whom the report may be about (without the whole team, which is `''`). */
  people: Person[];
  /** Whom it may be e-mailed to; the caller first. */
  recipients: Person[];
  /** The last weeks and months, oldest first, the current one last. */
  weeks: PeriodOption[];
  months: PeriodOption[];
  defaults: ReportInput;
}

export interface ReportInput {
  /** An e-mail; `''` for the whole team. */
  assistant: string;
  unit: ReportUnit;
  from: string;
  to: string;
}

export interface ReportView {
  /** What the dialog shows and the e-mail says. */
  document: ReportDocument;
  /** The figures behind it. */
  report: Report;
}

export interface ReportMailInput extends ReportInput {
  /** The recipient's e-mail: the caller, or someone in `recipients`. */
  recipient: string;
}

export interface ReportMailed {
  recipient: string;
  message: string;
}

// ── Check-in, Give feedback, actions ───────────────────────────────────────

/** A choice list entry: the English value the server reads, the word shown in the workbook's language. */
export interface Choice {
  value: string;
  label: string;
}

export interface MemberView extends Person {
  timeZone: string;
}

/** A check-in's date and time on the manager's wall clock, and the same moment on the assistant's. */
export interface CheckInSlot {
  id: string;
  /** `YYYY-MM-DD`; time `HH:MM`, '' when the check-in has no time. */
  date: string;
  time: string;
  managerZone: string;
  assistantDate: string;
  assistantTime: string;
  assistantZone: string;
  /** The English value ('' when not set) and its word. */
  cadence: string;
  cadenceLabel: string;
  meetingLink: string;
}

export interface AgendaPeriodView {
  /** The period key: `2026-W48`, `2026-11`, `2026-11-27`. */
  key: string;
  closed: boolean;
  actual: number | null;
  target: number;
  status: string;
  statusKey: Status;
}

export interface AgendaKpiView {
  id: string;
  name: string;
  unit: string;
  /** Oldest first, the current period last. */
  periods: AgendaPeriodView[];
  /** The last closed period against the one before. */
  trend: 'up' | 'down' | 'flat' | null;
  /** Why the KPI cannot be judged; '' when it can. */
  problem: string;
}

export interface ActionView {
  id: string;
  action: string;
  owner: Person;
  kpi: string;
  /** Check-in or Feedback ID it came from. */
  source: string;
  /** The date of the check-in it was agreed at; '' when its source is not a check-in. */
  sourceDate: string;
  due: string;
  /** The English value ('' when unreadable) and its word. */
  status: string;
  statusLabel: string;
  doneOn: string;
  followUp: string;
  overdue: boolean;
}

export interface FeedbackView {
  id: string;
  date: string;
  from: Person;
  to: Person;
  /** The word in the workbook's language. */
  direction: string;
  /** The English value and its word. */
  kind: string;
  kindLabel: string;
  kpi: string;
  text: string;
  checkInId: string;
  acknowledged: boolean;
}

export interface AgendaView {
  assistant: MemberView;
  manager: MemberView | null;
  lastCheckIn: { id: string; date: string; mood: number | null; summary: string } | null;
  upcoming: CheckInSlot | null;
  /** What the record form proposes for the next check-in (English cadence value). */
  next: { cadence: string; date: string; time: string; meetingLink: string };
  kpis: AgendaKpiView[];
  actions: ActionView[];
  feedback: FeedbackView[];
  /** The assistant's answers to "what do you need from me?". */
  upwardAnswers: FeedbackView[];
  reviewDue: Array<{ id: string; name: string; reviewBy: string }>;
}

export interface CheckInContext {
  lang: Lang;
  user: MemberView;
  /** Managers record check-ins and schedule them; an assistant sees the agenda and answers the upward question. */
  canRecord: boolean;
  /** Whose check-ins the caller may open: a manager picks; an assistant has only themselves. */
  assistants: Person[];
  /** The chosen assistant's agenda; null when a manager has nobody to pick. */
  agenda: AgendaView | null;
  /** The caller's own open actions. */
  myActions: ActionView[];
  /** Today on the caller's wall clock. */
  today: string;
  choices: {
    cadence: Choice[];
    feedbackKind: Choice[];
    /** Suggestion and Blocker: the kinds an answer to the upward question takes. */
    upwardKind: Choice[];
    actionStatus: Choice[];
  };
  /** Something the server did on opening, such as marking passed check-ins Missed; '' when nothing. */
  notice: string;
}

export interface CheckInScheduleInput {
  assistant: string;
  cadence: string;
  date: string;
  time: string;
  meetingLink: string;
}

export interface CheckInFeedbackInput {
  /** Who gave it in the meeting: the manager to the assistant, or the assistant to the manager. */
  from: 'manager' | 'assistant';
  kind: string;
  kpi: string;
  text: string;
}

export interface NewActionInput {
  owner: string;
  action: string;
  due: string;
  kpi: string;
}

export interface ActionUpdateInput {
  actionId: string;
  status: string;
  followUp: string;
}

export interface CheckInRecordInput {
  assistant: string;
  /** The Planned (or Missed) check-in being held; '' records one that was not planned. */
  checkInId: string;
  summary: string;
  mood: string;
  feedback: CheckInFeedbackInput[];
  actions: NewActionInput[];
  /** Actions carried forward, updated in the meeting. */
  actionUpdates: ActionUpdateInput[];
  next: { cadence: string; date: string; time: string; meetingLink: string };
}

export interface CheckInRecorded {
  checkInId: string;
  nextCheckInId: string;
  feedbackIds: string[];
  actionIds: string[];
  message: string;
}

export interface UpwardAnswerInput {
  kind: string;
  text: string;
}

export interface Saved {
  id: string;
  message: string;
}

export interface ActionUpdated {
  action: ActionView;
  message: string;
}

export interface FeedbackContext {
  lang: Lang;
  user: Person;
  /** Everyone else in Team, with the direction feedback to them takes. */
  people: Array<Person & { direction: string; directionLabel: string }>;
  kpis: Array<{ id: string; name: string }>;
  /** Check-ins the caller took part in, latest first, to link feedback to. */
  checkIns: Array<{ id: string; label: string }>;
  kinds: Choice[];
  /** Feedback to the caller not acknowledged yet, latest first. */
  inbox: FeedbackView[];
}

export interface FeedbackInput {
  to: string;
  kind: string;
  kpi: string;
  checkInId: string;
  text: string;
}

export interface FeedbackGiven extends Saved {
  direction: string;
}

// ── Settings ────────────────────────────────────────────────────────────────

/** 'auto' follows the spreadsheet's locale (PRODUCT section 1). */
export type LanguageChoice = 'auto' | 'en' | 'da';
export type WebhookChannelName = 'Google Chat' | 'Slack' | 'Teams';

/** The form as the person fills it in; numbers and times travel as the text typed. */
export interface SettingsValues {
  language: LanguageChoice;
  /** Monday = 0 … Sunday = 6. */
  weekStart: number;
  /** "10" for 10 %. */
  riskBandPercent: string;
  /** Per reminder rule (RULES in src/engine/reminders/types.ts): on or off. */
  rules: Record<string, boolean>;
  missingEntryLeadMinutes: string;
  /** `HH:MM`: when a Missing entry reminder goes out for a KPI without a Due time. */
  missingEntryDefaultTime: string;
  silentAfterWorkingDays: string;
  escalationGraceWorkingDays: string;
  /** Monday = 0 … Sunday = 6. */
  digestDay: number;
  /** `HH:MM`, the manager's time. */
  digestTime: string;
  /** Hold messages until the recipient's working hours begin. */
  quietHours: boolean;
  dryRun: boolean;
}

export interface ChannelSetting {
  channel: WebhookChannelName;
  /** "https://hooks.slack.com/…Xy9Z"; null when not set. The full URL never leaves the server. */
  masked: string | null;
}

export interface TriggerView {
  on: boolean;
  /** The account whose hourly trigger sends this document's reminders. */
  owner: string | null;
  mine: boolean;
  /** The caller's own account has the hourly trigger installed in this document. */
  installedForMe: boolean;
}

export interface LastRunView {
  /** `YYYY-MM-DD HH:MM` in the spreadsheet's time zone. */
  when: string;
  by: string;
  manual: boolean;
  dryRun: boolean;
  sent: number;
  failed: number;
  queued: number;
  unknown: number;
  skipped: number;
  quotaExhausted: boolean;
  stoppedEarly: boolean;
  errors: string[];
}

export interface SettingsContext {
  lang: Lang;
  /** The language 'auto' gives: the spreadsheet locale's. */
  spreadsheetLang: Lang;
  timeZone: string;
  user: string;
  /** The reminder rules in PRODUCT section 7's order. */
  rules: string[];
  values: SettingsValues;
  channels: ChannelSetting[];
  trigger: TriggerView;
  lastRun: LastRunView | null;
}

export interface TriggerInput {
  on: boolean;
  /** Take the trigger over from the manager whose account runs it now. */
  takeOver: boolean;
}

export interface TriggerChanged {
  trigger: TriggerView;
  message: string;
}

/** The server functions pages call, by name. */
export interface ServerApi {
  getLogWorkContext(): Reply<LogWorkContext>;
  saveLogEntry(input: LogEntryInput): Reply<LogSaved>;
  getKpiEditorContext(): Reply<KpiEditorContext>;
  saveKpi(input: KpiSaveInput): Reply<KpiSaved>;
  getCheckInContext(input?: { assistant: string }): Reply<CheckInContext>;
  scheduleCheckIn(input: CheckInScheduleInput): Reply<Saved>;
  recordCheckIn(input: CheckInRecordInput): Reply<CheckInRecorded>;
  answerUpwardQuestion(input: UpwardAnswerInput): Reply<Saved>;
  updateAction(input: ActionUpdateInput): Reply<ActionUpdated>;
  getFeedbackContext(): Reply<FeedbackContext>;
  giveFeedback(input: FeedbackInput): Reply<FeedbackGiven>;
  acknowledgeFeedback(input: { feedbackId: string }): Reply<Saved>;
  reviewKpi(input: KpiReviewInput): Reply<KpiReviewed>;
  getReportContext(): Reply<ReportContext>;
  getReport(input: ReportInput): Reply<ReportView>;
  emailReport(input: ReportMailInput): Reply<ReportMailed>;
  getSettingsContext(): Reply<SettingsContext>;
  saveSettings(values: SettingsValues): Reply<SettingsContext>;
  saveWebhook(input: { channel: WebhookChannelName; url: string }): Reply<ChannelSetting[]>;
  sendTestMessage(input: { channel: WebhookChannelName | 'Email' }): Reply<string>;
  setReminderTrigger(input: TriggerInput): Reply<TriggerChanged>;
}
