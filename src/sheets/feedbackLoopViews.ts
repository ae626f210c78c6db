/**
 * Check-ins, Feedback and Actions records as the sidebars receive them
 * (src/ui/api.ts): dates as `YYYY-MM-DD`, choices as their English value and
 * the word in the workbook's language, people with their names.
 */
import type { DayNumber, Email, Lang, MinuteOfDay } from '../engine/types';
import type { Snapshot } from '../engine/snapshot';
import { render, t } from '../engine/i18n/messages';
import { choiceWord, CHOICES, type ChoiceList } from '../engine/i18n/vocabulary';
import type { Action, CheckIn, Feedback } from '../engine/records/feedbackLoop';
import type { Agenda } from '../engine/feedback/agenda';
import { addCadence, checkInInstant, managerZone } from '../engine/feedback/schedule';
import { isOverdue } from '../engine/feedback/actions';
import { formatMinute, isoDay, localTime } from '../engine/time/calendar';
import type { Moment } from '../engine/kpi/aggregate';
import type {
  ActionView,
  AgendaView,
  CheckInSlot,
  Choice,
  FeedbackView,
  MemberView,
  Person,
} from '../ui/api';

export const dayText = (day: DayNumber | null): string => (day === null ? '' : isoDay(day));
export const timeText = (minute: MinuteOfDay | null): string =>
  minute === null ? '' : formatMinute(minute);

export function personOf(snapshot: Snapshot, email: Email | null): Person {
  if (!email) return { email: '', name: '' };
  return { email, name: snapshot.team.byEmail.get(email)?.name ?? email };
}

export function memberView(snapshot: Snapshot, email: Email): MemberView {
  const member = snapshot.team.byEmail.get(email);
  return {
    email,
    name: member?.name ?? email,
    timeZone: member?.timeZone ?? snapshot.settings.timeZone,
  };
}

export function choicesOf<L extends ChoiceList>(
  lang: Lang,
  list: L,
  only?: readonly string[],
): Choice[] {
  return Object.keys(CHOICES[list])
    .filter((value) => !only || only.includes(value))
    .map((value) => ({ value, label: choiceWord(lang, list, value as never) }));
}

const wordOr = <L extends ChoiceList>(lang: Lang, list: L, value: string | null): string =>
  value ? choiceWord(lang, list, value as never) : '';

export function actionView(
  snapshot: Snapshot,
  action: Action,
  checkIns: ReadonlyMap<string, CheckIn>,
  today: DayNumber,
): ActionView {
  const lang = snapshot.settings.lang;
  return {
    id: action.id,
    action: action.action,
    owner: personOf(snapshot, action.owner),
    kpi: action.kpi,
    source: action.source,
    sourceDate: dayText(checkIns.get(action.source)?.date ?? null),
    due: dayText(action.due),
    status: action.status ?? '',
    statusLabel: wordOr(lang, 'actionStatus', action.status),
    doneOn: dayText(action.doneOn),
    followUp: action.followUp,
    overdue: isOverdue(action, today),
  };
}

export function feedbackView(snapshot: Snapshot, feedback: Feedback): FeedbackView {
  const lang = snapshot.settings.lang;
  return {
    id: feedback.id,
    date: dayText(feedback.date),
    from: personOf(snapshot, feedback.from),
    to: personOf(snapshot, feedback.to),
    direction: wordOr(lang, 'feedbackDirection', feedback.direction),
    kind: feedback.kind ?? '',
    kindLabel: wordOr(lang, 'feedbackKind', feedback.kind),
    kpi: feedback.kpi,
    text: feedback.text,
    checkInId: feedback.checkInId,
    acknowledged: feedback.acknowledged,
  };
}

export function checkInSlot(snapshot: Snapshot, checkIn: CheckIn): CheckInSlot {
  const { team, settings } = snapshot;
  const assistantZone =
    (checkIn.assistant && team.byEmail.get(checkIn.assistant)?.timeZone) || settings.timeZone;
  const instant = checkInInstant(checkIn, team, settings.timeZone);
  const there = instant === null ? null : localTime(instant, assistantZone);
  return {
    id: checkIn.id,
    date: dayText(checkIn.date),
    time: timeText(checkIn.time),
    managerZone: managerZone(team, checkIn.manager, settings.timeZone),
    assistantDate: there ? isoDay(there.day) : '',
    assistantTime: there && checkIn.time !== null ? formatMinute(there.minute) : '',
    assistantZone,
    cadence: checkIn.cadence ?? '',
    cadenceLabel: wordOr(settings.lang, 'cadence', checkIn.cadence),
    meetingLink: checkIn.meetingLink,
  };
}

export function checkInsById(checkIns: readonly CheckIn[]): Map<string, CheckIn> {
  return new Map(checkIns.filter((c) => c.id).map((c) => [c.id, c]));
}

export function agendaView(
  snapshot: Snapshot,
  agenda: Agenda,
  checkIns: ReadonlyMap<string, CheckIn>,
  moment: Moment,
): AgendaView {
  const lang = snapshot.settings.lang;
  const { lastHeld, upcoming } = agenda;
  const rhythm = upcoming ?? lastHeld;
  const cadence = rhythm?.cadence ?? 'Weekly';
  const managerToday = localTime(
    moment.now,
    managerZone(snapshot.team, agenda.manager, snapshot.settings.timeZone),
  ).day;
  return {
    assistant: memberView(snapshot, agenda.assistant.email),
    manager: agenda.manager ? memberView(snapshot, agenda.manager) : null,
    lastCheckIn: lastHeld
      ? {
          id: lastHeld.id,
          date: dayText(lastHeld.date),
          mood: lastHeld.mood,
          summary: lastHeld.summary,
        }
      : null,
    upcoming: upcoming ? checkInSlot(snapshot, upcoming) : null,
    next: {
      cadence,
      date: isoDay(addCadence(managerToday, cadence)),
      time: timeText(rhythm?.time ?? null),
      meetingLink: rhythm?.meetingLink ?? '',
    },
    kpis: agenda.kpis.map(({ kpi, periods, trend, problem }) => ({
      id: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      periods: periods.map((p) => ({
        key: p.period.key,
        closed: p.closed,
        actual: p.actual,
        target: p.target,
        status: t(lang, `status.${p.status}`),
        statusKey: p.status,
      })),
      trend,
      problem: problem ? render(lang, problem) : '',
    })),
    actions: agenda.actions.map(({ action }) =>
      actionView(snapshot, action, checkIns, moment.today),
    ),
    feedback: agenda.feedback.map((f) => feedbackView(snapshot, f)),
    upwardAnswers: agenda.upwardAnswers.map((f) => feedbackView(snapshot, f)),
    reviewDue: agenda.reviewDue.map((kpi) => ({
      id: kpi.id,
      name: kpi.name,
      reviewBy: dayText(kpi.reviewBy),
    })),
  };
}
