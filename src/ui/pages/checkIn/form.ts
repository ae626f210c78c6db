/**
 * The Check-in sidebar without a page: the agenda as lines of text, the
 * record, schedule and answer forms' checks, and what is sent to the server.
 * The server checks everything again; these only save a round trip.
 */
import type {
  ActionView,
  AgendaKpiView,
  AgendaPeriodView,
  CheckInRecordInput,
  CheckInScheduleInput,
  CheckInSlot,
  FeedbackView,
  UpwardAnswerInput,
} from '../../api';
import type { Lang } from '../../../engine/types';
import { formatNumber, t } from '../shared/i18n';
import { isIsoDate } from '../logWork/form';

export interface FieldProblem {
  /** The id of the control the problem belongs to. */
  field: string;
  message: string;
}

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;
const LINK = /^https?:\/\/\S+$/i;

/** A meeting link becomes a link only when it is a web address: never `javascript:`. */
export function safeLink(url: string): string | null {
  return LINK.test(url.trim()) ? url.trim() : null;
}

// ── The agenda as text ──────────────────────────────────────────────────────

/** The check-in on the manager's clock, and on the assistant's when their zone differs. */
export function slotLines(slot: CheckInSlot, assistantName: string, lang: Lang): string[] {
  const when = [slot.date, slot.time].filter(Boolean).join(' ');
  const lines = [t(lang, 'ui.checkIn.when', { when, zone: slot.managerZone })];
  if (slot.assistantZone !== slot.managerZone && slot.time) {
    const there = [slot.assistantDate, slot.assistantTime].filter(Boolean).join(' ');
    lines.push(
      t(lang, 'ui.checkIn.whenFor', { when: there, name: assistantName, zone: slot.assistantZone }),
    );
  }
  if (slot.cadenceLabel) lines.push(t(lang, 'ui.checkIn.cadence', { cadence: slot.cadenceLabel }));
  return lines;
}

const number = (lang: Lang, value: number | null): string =>
  value === null ? '–' : formatNumber(lang, value);

/** "2026-W47: 14 of 15 posts" */
export function periodLine(kpi: AgendaKpiView, period: AgendaPeriodView, lang: Lang): string {
  return t(lang, period.closed ? 'ui.checkIn.period' : 'ui.checkIn.periodOpen', {
    period: period.key,
    actual: number(lang, period.actual),
    target: number(lang, period.target),
    unit: kpi.unit,
  }).trim();
}

export function trendLabel(trend: AgendaKpiView['trend'], lang: Lang): string {
  return trend ? t(lang, `ui.checkIn.trend.${trend}`) : '';
}

/** "Priya Sharma · due 2026-11-17 (overdue) · from the check-in of 2026-11-10" */
export function actionMeta(action: ActionView, lang: Lang): string {
  const parts = [action.owner.name || action.owner.email];
  if (action.due)
    parts.push(
      t(lang, action.overdue ? 'ui.checkIn.dueOverdue' : 'ui.checkIn.due', { date: action.due }),
    );
  if (action.sourceDate) parts.push(t(lang, 'ui.checkIn.agreedOn', { date: action.sourceDate }));
  if (action.kpi) parts.push(action.kpi);
  return parts.join(' · ');
}

/** "2026-11-25 · Juan dela Cruz → Priya Sharma · Praise" */
export function feedbackMeta(feedback: FeedbackView): string {
  const who = `${feedback.from.name || feedback.from.email} → ${feedback.to.name || feedback.to.email}`;
  return [feedback.date, who, feedback.kindLabel, feedback.kpi].filter(Boolean).join(' · ');
}

// ── Recording a check-in ────────────────────────────────────────────────────

export interface FeedbackRow {
  /** The id prefix of the row's controls: `<prefix>-kind`, `<prefix>-text`, … */
  prefix: string;
  from: 'manager' | 'assistant';
  kind: string;
  kpi: string;
  text: string;
}

export interface ActionRow {
  prefix: string;
  action: string;
  owner: string;
  due: string;
  kpi: string;
}

export interface UpdateRow {
  prefix: string;
  actionId: string;
  status: string;
  followUp: string;
  /** What the action was when the sidebar opened: unchanged rows are not sent. */
  was: { status: string; followUp: string };
}

export interface RecordValues {
  summary: string;
  mood: string;
  feedback: FeedbackRow[];
  actions: ActionRow[];
  updates: UpdateRow[];
  next: { cadence: string; date: string; time: string; meetingLink: string };
}

function check(problems: FieldProblem[], field: string, ok: boolean, message: string): void {
  if (!ok) problems.push({ field, message });
}

/** Every problem the browser can see, in the form's order. `today` is the manager's today. */
export function validateRecord(values: RecordValues, today: string, lang: Lang): FieldProblem[] {
  const problems: FieldProblem[] = [];
  check(problems, 'summary', values.summary.trim() !== '', t(lang, 'checkIn.summaryMissing'));
  for (const row of values.updates) {
    check(
      problems,
      `${row.prefix}-followUp`,
      row.status !== 'Dropped' || row.followUp.trim() !== '',
      t(lang, 'ui.checkIn.droppedNeedsNote'),
    );
  }
  for (const row of values.feedback) {
    check(problems, `${row.prefix}-text`, row.text.trim() !== '', t(lang, 'feedback.textMissing'));
  }
  for (const row of values.actions) {
    check(
      problems,
      `${row.prefix}-action`,
      row.action.trim() !== '',
      t(lang, 'action.textMissing'),
    );
    check(problems, `${row.prefix}-owner`, row.owner !== '', t(lang, 'input.personMissing'));
    const due = row.due.trim();
    if (!due) problems.push({ field: `${row.prefix}-due`, message: t(lang, 'action.dueMissing') });
    else if (!isIsoDate(due))
      problems.push({
        field: `${row.prefix}-due`,
        message: t(lang, 'input.badDate', { value: due }),
      });
    else if (due < today)
      problems.push({
        field: `${row.prefix}-due`,
        message: t(lang, 'action.dueInPast', { date: due }),
      });
  }
  const date = values.next.date.trim();
  if (!date) problems.push({ field: 'nextDate', message: t(lang, 'checkIn.nextMissing') });
  else if (!isIsoDate(date))
    problems.push({ field: 'nextDate', message: t(lang, 'input.badDate', { value: date }) });
  else if (date <= today)
    problems.push({ field: 'nextDate', message: t(lang, 'checkIn.nextNotAhead', { date: today }) });
  const time = values.next.time.trim();
  check(problems, 'nextTime', !time || TIME.test(time), t(lang, 'input.badTime', { value: time }));
  const link = values.next.meetingLink.trim();
  check(problems, 'nextLink', !link || LINK.test(link), t(lang, 'log.badLink'));
  return problems;
}

export function recordInput(
  assistant: string,
  checkInId: string,
  values: RecordValues,
): CheckInRecordInput {
  return {
    assistant,
    checkInId,
    summary: values.summary.trim(),
    mood: values.mood,
    feedback: values.feedback.map(({ from, kind, kpi, text }) => ({
      from,
      kind,
      kpi,
      text: text.trim(),
    })),
    actions: values.actions.map(({ action, owner, due, kpi }) => ({
      action: action.trim(),
      owner,
      due: due.trim(),
      kpi,
    })),
    actionUpdates: changedUpdates(values.updates).map(({ actionId, status, followUp }) => ({
      actionId,
      status,
      followUp: followUp.trim(),
    })),
    next: {
      cadence: values.next.cadence,
      date: values.next.date.trim(),
      time: values.next.time.trim(),
      meetingLink: values.next.meetingLink.trim(),
    },
  };
}

/** Only the carried actions someone changed in the meeting are sent. */
export function changedUpdates(updates: readonly UpdateRow[]): UpdateRow[] {
  return updates.filter(
    (row) => row.status !== row.was.status || row.followUp.trim() !== row.was.followUp,
  );
}

/**
 * The control a server refusal points at. The server counts feedback,
 * actions and action updates in the order sent (`feedback-0-text`); the
 * page's rows keep their own ids, so count the same way.
 */
export function controlOf(
  serverField: string | undefined,
  values: Pick<RecordValues, 'feedback' | 'actions' | 'updates'>,
): string | null {
  if (!serverField) return null;
  const match = /^(feedback|action|update)-(\d+)-(\w+)$/.exec(serverField);
  if (!match) return serverField;
  const [, list, index, part] = match;
  const rows =
    list === 'feedback'
      ? values.feedback
      : list === 'action'
        ? values.actions
        : changedUpdates(values.updates);
  const row = rows[Number(index)];
  return row ? `${row.prefix}-${part}` : null;
}

// ── Scheduling and the upward question ──────────────────────────────────────

export interface ScheduleValues {
  cadence: string;
  date: string;
  time: string;
  meetingLink: string;
}

/** Schedule controls carry a prefix: the record form has its own date and time. */
export const SCHEDULE_PREFIX = 'schedule-';

export function validateSchedule(
  values: ScheduleValues,
  today: string,
  lang: Lang,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (field: string): string => SCHEDULE_PREFIX + field;
  const date = values.date.trim();
  if (!date) problems.push({ field: at('date'), message: t(lang, 'checkIn.dateMissing') });
  else if (!isIsoDate(date))
    problems.push({ field: at('date'), message: t(lang, 'input.badDate', { value: date }) });
  else if (date < today)
    problems.push({
      field: at('date'),
      message: t(lang, 'checkIn.dateInPast', { date, today }),
    });
  const time = values.time.trim();
  check(problems, at('time'), !time || TIME.test(time), t(lang, 'input.badTime', { value: time }));
  const link = values.meetingLink.trim();
  check(problems, at('meetingLink'), !link || LINK.test(link), t(lang, 'log.badLink'));
  return problems;
}

export function scheduleInput(assistant: string, values: ScheduleValues): CheckInScheduleInput {
  return {
    assistant,
    cadence: values.cadence,
    date: values.date.trim(),
    time: values.time.trim(),
    meetingLink: values.meetingLink.trim(),
  };
}

export const ANSWER_PREFIX = 'answer-';

export function validateAnswer(values: UpwardAnswerInput, lang: Lang): FieldProblem[] {
  return values.text.trim() === ''
    ? [{ field: `${ANSWER_PREFIX}text`, message: t(lang, 'feedback.textMissing') }]
    : [];
}

/** A status and follow-up for one of my actions: Dropped needs a note. */
export function validateActionUpdate(
  prefix: string,
  status: string,
  followUp: string,
  lang: Lang,
): FieldProblem[] {
  return status === 'Dropped' && followUp.trim() === ''
    ? [{ field: `${prefix}-followUp`, message: t(lang, 'ui.checkIn.droppedNeedsNote') }]
    : [];
}
