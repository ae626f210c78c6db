/**
 * The check-in agenda (PRODUCT section 6, Check-in; issue 4 item 2), built
 * for one assistant at one moment from what the workbook holds:
 *
 * - the KPI report for the periods since the last held check-in: each
 *   period's actual against its target and status, and the trend;
 * - open actions carried forward from earlier check-ins (and any other open
 *   action of the assistant's) until they are Done or Dropped;
 * - feedback given and received since the last held check-in;
 * - the assistant's KPIs due for review (Review by has passed);
 * - the answer to the upward question, "what do you need from me?".
 *
 * The upward question's answer is stored as ordinary Feedback, so nothing
 * new is needed in the workbook: an Upward Suggestion or Blocker from the
 * assistant, linked to the planned check-in by its Check-in ID when the
 * Check-in sidebar wrote it. The agenda shows every such item not discussed
 * at a held check-in yet, however it was written.
 */
import type { DayNumber, Email, Kpi, Period, Status, TeamMember } from '../types';
import type { Problem } from '../i18n/messages';
import type { FeedbackLoop, Snapshot } from '../snapshot';
import type { Action, CheckIn, Feedback } from '../records/feedbackLoop';
import { isOpen } from '../records/feedbackLoop';
import { activeKpisOf } from '../formulas';
import {
  evaluate,
  incompleteness,
  memberOrDefault,
  periodFor,
  periodRules,
  trendOf,
  type Moment,
} from '../kpi/evaluate';
import { previousPeriod } from '../time/periods';
import type { Trend } from '../dashboard';
import { kpisDueForReview } from '../kpi/review';
import { isOverdue } from './actions';
import { managerToday } from './schedule';

/** At most this many periods per KPI: a daily KPI after a month without a check-in stays readable. */
export const AGENDA_PERIODS = 8;
/** Without any held check-in, the report covers the current period and the one before. */
const FIRST_AGENDA_PERIODS = 2;

export interface AgendaPeriod {
  period: Period;
  closed: boolean;
  actual: number | null;
  target: number;
  status: Status;
}

export interface AgendaKpi {
  kpi: Kpi;
  /** Oldest first; the current period last. */
  periods: AgendaPeriod[];
  /**
   * The last closed period against the one before it. An open period's
   * partial sum would always look like a fall, so it is left out.
   */
  trend: Trend;
  /** Why the KPI cannot be judged, when it cannot. */
  problem: Problem | null;
}

export interface AgendaAction {
  action: Action;
  /** The check-in it was agreed at, when its Source is one. */
  source: CheckIn | null;
  overdue: boolean;
}

export interface Agenda {
  assistant: TeamMember;
  manager: Email | null;
  lastHeld: CheckIn | null;
  /** The next Planned check-in, today or later in the manager's zone. */
  upcoming: CheckIn | null;
  /** The last held check-in's date; null before the first. */
  since: DayNumber | null;
  kpis: AgendaKpi[];
  actions: AgendaAction[];
  /** Given and received since the last held check-in, oldest first, upward answers apart. */
  feedback: Feedback[];
  upwardAnswers: Feedback[];
  reviewDue: Kpi[];
}

const byDate = <T extends { date: DayNumber | null; row: number }>(a: T, b: T): number =>
  (a.date ?? Infinity) - (b.date ?? Infinity) || a.row - b.row;

export function checkInsOf(loop: FeedbackLoop, assistant: Email): CheckIn[] {
  return loop.checkIns.filter((c) => c.assistant === assistant).sort(byDate);
}

/** The latest Held check-in (by date, then by row). */
export function lastHeldOf(checkIns: readonly CheckIn[]): CheckIn | null {
  let last: CheckIn | null = null;
  for (const c of checkIns)
    if (c.status === 'Held' && c.date !== null && (!last || byDate(c, last) >= 0)) last = c;
  return last;
}

/** The earliest Planned check-in on or after today in its manager's zone. */
export function upcomingOf(
  checkIns: readonly CheckIn[],
  snapshot: Snapshot,
  moment: Moment,
): CheckIn | null {
  const { team, settings } = snapshot;
  return (
    checkIns.find(
      (c) =>
        c.status === 'Planned' &&
        c.date !== null &&
        c.date >= managerToday(team, c.manager, moment.now, settings.timeZone),
    ) ?? null
  );
}

/** The upward question's answers: the assistant's Upward Suggestions and Blockers. */
export function isUpwardAnswer(feedback: Feedback, assistant: Email): boolean {
  return (
    feedback.from === assistant &&
    feedback.direction === 'Upward' &&
    (feedback.kind === 'Suggestion' || feedback.kind === 'Blocker')
  );
}

function trendBetween(now: number | null, before: number | null): Trend {
  if (now === null || before === null) return null;
  return now > before ? 'up' : now < before ? 'down' : 'flat';
}

/** The KPI's periods from the one holding `since` up to the current one. */
export function kpiReport(
  snapshot: Snapshot,
  kpi: Kpi,
  owner: Email,
  since: DayNumber | null,
  moment: Moment,
): AgendaKpi {
  const problem = incompleteness(kpi);
  const current = periodFor(snapshot, kpi, moment.today);
  if (problem || !current) return { kpi, periods: [], trend: null, problem };
  const rules = periodRules(snapshot, kpi);
  const periods: Period[] = [];
  for (let p = current; periods.length < AGENDA_PERIODS; p = previousPeriod(p, rules)) {
    if (kpi.start !== null && p.end < kpi.start) break;
    periods.unshift(p);
    if (since === null ? periods.length >= FIRST_AGENDA_PERIODS : p.start <= since) break;
  }
  const reported: AgendaPeriod[] = [];
  for (const period of periods) {
    const result = evaluate(snapshot, kpi, owner, period, moment);
    if (!result.ok) return { kpi, periods: [], trend: null, problem: result.problem };
    const { actual, target, status } = result;
    reported.push({ period, closed: period.end < moment.today, actual, target, status });
  }
  // [two periods ago, last period, this period]: the trend compares the two closed ones.
  const [before = null, last = null] = trendOf(snapshot, kpi, owner, 3, moment.today, moment);
  return { kpi, periods: reported, trend: trendBetween(last, before), problem: null };
}

export function buildAgenda(
  snapshot: Snapshot,
  loop: FeedbackLoop,
  assistant: Email,
  moment: Moment,
): Agenda {
  const member = memberOrDefault(snapshot, assistant);
  const checkIns = checkInsOf(loop, assistant);
  const lastHeld = lastHeldOf(checkIns);
  const upcoming = upcomingOf(checkIns, snapshot, moment);
  const since = lastHeld?.date ?? null;
  const heldIds = new Set(checkIns.filter((c) => c.status === 'Held').map((c) => c.id));
  const checkInById = new Map(loop.checkIns.filter((c) => c.id).map((c) => [c.id, c]));

  const ownKpis = activeKpisOf(snapshot, assistant);
  const kpis = ownKpis.map((kpi) => kpiReport(snapshot, kpi, assistant, since, moment));

  // Feedback about this assistant's work: given or received by them.
  const theirFeedback = loop.feedback
    .filter((f) => f.from === assistant || f.to === assistant)
    .filter(
      (f) => !heldIds.has(f.checkInId) && (since === null || f.date === null || f.date >= since),
    )
    .sort(byDate);
  const upwardAnswers = theirFeedback.filter((f) => isUpwardAnswer(f, assistant));
  const feedback = theirFeedback.filter((f) => !isUpwardAnswer(f, assistant));

  // Actions agreed about this assistant: their own, and those from their check-ins or feedback.
  const theirCheckIns = new Set(checkIns.map((c) => c.id).filter(Boolean));
  const theirFeedbackIds = new Set(
    loop.feedback.filter((f) => f.from === assistant || f.to === assistant).map((f) => f.id),
  );
  const actions = loop.actions
    .filter(
      (a) =>
        isOpen(a) &&
        (a.owner === assistant || theirCheckIns.has(a.source) || theirFeedbackIds.has(a.source)),
    )
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.row - b.row)
    .map((action) => ({
      action,
      source: checkInById.get(action.source) ?? null,
      overdue: isOverdue(action, moment.today),
    }));

  return {
    assistant: member,
    manager: upcoming?.manager ?? lastHeld?.manager ?? member.manager,
    lastHeld,
    upcoming,
    since,
    kpis,
    actions,
    feedback,
    upwardAnswers,
    reviewDue: kpisDueForReview(snapshot, moment)
      .filter((due) => due.kpi.owners.includes(assistant))
      .map((due) => due.kpi),
  };
}
