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

/**
 * The feedback loop grouped by person, so that building many agendas (one
 * per check-in reminder) reads each row once rather than once per agenda.
 * Each list keeps the rows' order in their tab.
 */
export interface AgendaIndex {
  checkIns: Map<Email, CheckIn[]>;
  checkInById: Map<string, CheckIn>;
  /** Feedback given or received, by person (a row given to oneself once). */
  feedback: Map<Email, Feedback[]>;
  /** Open actions by owner and by Source ID. */
  actionsByOwner: Map<Email, Action[]>;
  actionsBySource: Map<string, Action[]>;
  /** Active KPIs by owner, in the KPIs tab's order. */
  activeKpis: Map<Email, Kpi[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexAgenda(snapshot: Snapshot, loop: FeedbackLoop): AgendaIndex {
  const index: AgendaIndex = {
    checkIns: new Map(),
    checkInById: new Map(),
    feedback: new Map(),
    actionsByOwner: new Map(),
    actionsBySource: new Map(),
    activeKpis: new Map(),
  };
  for (const c of loop.checkIns) {
    if (c.assistant !== null) push(index.checkIns, c.assistant, c);
    if (c.id) index.checkInById.set(c.id, c);
  }
  for (const list of index.checkIns.values()) list.sort(byDate);
  for (const f of loop.feedback) {
    if (f.from !== null) push(index.feedback, f.from, f);
    if (f.to !== null && f.to !== f.from) push(index.feedback, f.to, f);
  }
  for (const a of loop.actions) {
    if (!isOpen(a)) continue;
    if (a.owner !== null) push(index.actionsByOwner, a.owner, a);
    if (a.source) push(index.actionsBySource, a.source, a);
  }
  for (const kpi of snapshot.kpis.kpis) {
    if (kpi.state !== 'Active') continue;
    for (const owner of new Set(kpi.owners)) push(index.activeKpis, owner, kpi);
  }
  return index;
}

export function buildAgenda(
  snapshot: Snapshot,
  loop: FeedbackLoop,
  assistant: Email,
  moment: Moment,
  index: AgendaIndex = indexAgenda(snapshot, loop),
): Agenda {
  const member = memberOrDefault(snapshot, assistant);
  const checkIns = index.checkIns.get(assistant) ?? [];
  const lastHeld = lastHeldOf(checkIns);
  const upcoming = upcomingOf(checkIns, snapshot, moment);
  const since = lastHeld?.date ?? null;
  const heldIds = new Set(checkIns.filter((c) => c.status === 'Held').map((c) => c.id));

  const ownKpis = index.activeKpis.get(assistant) ?? [];
  const kpis = ownKpis.map((kpi) => kpiReport(snapshot, kpi, assistant, since, moment));

  // Feedback about this assistant's work: given or received by them.
  const allTheirFeedback = index.feedback.get(assistant) ?? [];
  const theirFeedback = allTheirFeedback
    .filter(
      (f) => !heldIds.has(f.checkInId) && (since === null || f.date === null || f.date >= since),
    )
    .sort(byDate);
  const upwardAnswers = theirFeedback.filter((f) => isUpwardAnswer(f, assistant));
  const feedback = theirFeedback.filter((f) => !isUpwardAnswer(f, assistant));

  // Actions agreed about this assistant: their own, and those from their check-ins or feedback.
  const sources = new Set([
    ...checkIns.map((c) => c.id).filter(Boolean),
    ...allTheirFeedback.map((f) => f.id).filter(Boolean),
  ]);
  const theirs = new Set(index.actionsByOwner.get(assistant) ?? []);
  for (const source of sources)
    for (const action of index.actionsBySource.get(source) ?? []) theirs.add(action);
  const actions = [...theirs]
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.row - b.row)
    .map((action) => ({
      action,
      source: index.checkInById.get(action.source) ?? null,
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
    // As kpisDueForReview (kpi/review.ts) orders them: by Review by, then ID.
    reviewDue: ownKpis
      .filter((kpi) => kpi.reviewBy !== null && kpi.reviewBy < moment.today)
      .sort((a, b) => (a.reviewBy as number) - (b.reviewBy as number) || a.id.localeCompare(b.id)),
  };
}
