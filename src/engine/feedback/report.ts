/**
 * The performance report (issue 4, PRODUCT sections 3 and 6) as plain data:
 * for one assistant or the whole team and a range of weeks or months, each
 * KPI's actual, target and status per period, the share of periods met and
 * the trend, check-ins held and missed, feedback received and given, actions
 * opened, closed and overdue, and the KPIs due for review. Every KPI figure
 * comes from evaluate(), as the formulas' and the Dashboard's do, so the
 * three always agree. Only numbers, strings and arrays: it crosses to a page.
 */
import type { DayNumber, Email, Instant, Kpi, Period, PeriodKey, Status, Weekday } from '../types';
import type { Problem } from '../i18n/messages';
import type { Snapshot, FeedbackLoop } from '../snapshot';
import type { FeedbackKind } from '../records/feedbackLoop';
import { isOpen } from '../records/feedbackLoop';
import {
  evaluate,
  incompleteness,
  memberOrDefault,
  periodFor,
  periodRules,
  type Moment,
} from '../kpi/evaluate';
import { kpisDueForReview } from '../kpi/review';
import { nextPeriod, periodOf, readPeriodKey } from '../time/periods';

export type ReportUnit = 'Week' | 'Month';

/** The span a report covers: whole weeks or months, oldest first. */
export interface ReportRange {
  unit: ReportUnit;
  from: PeriodKey;
  to: PeriodKey;
  /** First day of `from`, last day of `to`. */
  start: DayNumber;
  end: DayNumber;
}

/** A year of weeks or months is plenty to read, and bounds the work (a daily KPI is 366 periods). */
export const MAX_REPORT_DAYS = 371;
/** The dialog opens on the last four weeks, this one included. */
export const DEFAULT_REPORT_WEEKS = 4;

export type RangeReading = { ok: true; range: ReportRange } | { ok: false; problem: Problem };

export function reportRange(
  unit: ReportUnit,
  fromKey: string,
  toKey: string,
  weekStart: Weekday,
): RangeReading {
  const rules = { weekStart, fortnightAnchor: null };
  const read = (text: string): Period | null => {
    const key = readPeriodKey(text, weekStart);
    // A week key for weeks, a month key for months: "2026-11" is no week.
    if (!key.ok || key.granularity !== (unit === 'Week' ? 1 : 3)) return null;
    return periodOf(unit, key.firstDay, rules);
  };
  const from = read(fromKey);
  const to = read(toKey);
  if (!from)
    return { ok: false, problem: { key: 'report.badPeriod', params: { period: fromKey } } };
  if (!to) return { ok: false, problem: { key: 'report.badPeriod', params: { period: toKey } } };
  if (from.start > to.start) return { ok: false, problem: { key: 'report.rangeBackwards' } };
  if (to.end - from.start + 1 > MAX_REPORT_DAYS)
    return { ok: false, problem: { key: 'report.rangeTooLong' } };
  return {
    ok: true,
    range: { unit, from: from.key, to: to.key, start: from.start, end: to.end },
  };
}

/** The last `count` weeks or months up to the one holding today, oldest first. */
export function recentPeriods(
  unit: ReportUnit,
  today: DayNumber,
  count: number,
  weekStart: Weekday,
): Period[] {
  const rules = { weekStart, fortnightAnchor: null };
  const periods: Period[] = [];
  let period = periodOf(unit, today, rules);
  for (let i = 0; i < count; i++) {
    periods.unshift(period);
    period = periodOf(unit, period.start - 1, rules);
  }
  return periods;
}

export interface ReportPeriod {
  key: PeriodKey;
  start: DayNumber;
  end: DayNumber;
  /** Over before today: Met or Missed, no longer On track or At risk. */
  closed: boolean;
  actual: number | null;
  target: number;
  status: Status;
}

/** How the actual moved over the range's closed periods, read in the KPI's direction. */
export type ReportTrend = 'better' | 'worse' | 'steady';

export interface ReportKpi {
  kpiId: string;
  name: string;
  unit: string;
  owner: Email;
  ownerName: string;
  periods: ReportPeriod[];
  /** Closed periods in the range (those before the KPI's Start are left out). */
  closedPeriods: number;
  met: number;
  /** met ÷ closedPeriods; null without a closed period. */
  shareMet: number | null;
  trend: ReportTrend | null;
  /** Why the KPI cannot be judged, when it cannot. */
  problem: Problem | null;
}

export interface CheckInCounts {
  held: number;
  /** Recorded Missed, or still Planned on a day that has passed. */
  missed: number;
  cancelled: number;
  /** Planned for today or later. */
  planned: number;
  averageMood: number | null;
}

export type KindCounts = Record<FeedbackKind, number> & { total: number };

export interface FeedbackLine {
  date: DayNumber | null;
  /** Received by the report's assistant, or given by them. */
  received: boolean;
  from: string;
  to: string;
  kind: FeedbackKind | null;
  kpi: string;
  text: string;
}

export interface ActionLine {
  id: string;
  action: string;
  due: DayNumber | null;
  kpi: string;
}

export interface ActionCounts {
  opened: number;
  closed: number;
  overdue: number;
}

export interface PersonSummary {
  email: Email;
  name: string;
  closedPeriods: number;
  met: number;
  shareMet: number | null;
  checkIns: CheckInCounts;
  feedbackReceived: number;
  feedbackGiven: number;
  actions: ActionCounts;
}

export interface Report {
  /** null: the whole team. */
  assistant: { email: Email; name: string } | null;
  range: ReportRange;
  generatedAt: Instant;
  timeZone: string;
  kpis: ReportKpi[];
  checkIns: CheckInCounts;
  feedback: { received: KindCounts; given: KindCounts; lines: FeedbackLine[] };
  actions: ActionCounts & { overdueItems: ActionLine[] };
  dueForReview: Array<{ kpiId: string; name: string; reviewBy: DayNumber }>;
  /** One line per assistant in a team report; empty for one assistant. */
  people: PersonSummary[];
}

export interface ReportRequest {
  /** null for the whole team. */
  assistant: Email | null;
  range: ReportRange;
}

const inRange = (day: DayNumber | null, range: ReportRange): day is DayNumber =>
  day !== null && day >= range.start && day <= range.end;

/** Assistants in Team who are active, and everyone who owns a KPI still in use. */
export function teamInScope(snapshot: Snapshot): Email[] {
  const people = new Set<Email>();
  for (const member of snapshot.team.members)
    if (member.role === 'Assistant' && member.active) people.add(member.email);
  for (const kpi of snapshot.kpis.kpis)
    if (kpi.state !== 'Retired') for (const owner of kpi.owners) people.add(owner);
  return [...people];
}

export function buildReport(
  snapshot: Snapshot,
  loop: FeedbackLoop,
  moment: Moment,
  request: ReportRequest,
): Report {
  const { range } = request;
  const people = request.assistant ? [request.assistant] : teamInScope(snapshot);
  // Grouped once by person: a team of thousands is not one pass over every KPI and row per person.
  const owned = groupBy(
    snapshot.kpis.kpis.filter((kpi) => kpi.state !== 'Retired'),
    (kpi) => kpi.owners,
  );
  const kpis = people.flatMap((owner) =>
    (owned.get(owner) ?? []).map((kpi) => reportKpi(snapshot, kpi, owner, range, moment)),
  );
  const scoped = new Set(people);
  const dueForReview = kpisDueForReview(snapshot, moment)
    .filter((due) => due.kpi.owners.some((owner) => scoped.has(owner)))
    .map((due) => ({ kpiId: due.kpi.id, name: due.kpi.name, reviewBy: due.reviewBy }));
  const feedback = feedbackOf(snapshot, loop, scoped, range);
  const actions = actionsOf(loop, scoped, range, moment);
  return {
    assistant: request.assistant
      ? { email: request.assistant, name: memberOrDefault(snapshot, request.assistant).name }
      : null,
    range,
    generatedAt: moment.now,
    timeZone: snapshot.settings.timeZone,
    kpis,
    checkIns: checkInsOf(loop, scoped, range, moment),
    feedback: {
      received: feedback.received,
      given: feedback.given,
      lines: request.assistant ? feedback.lines : [],
    },
    actions: { ...actions, overdueItems: request.assistant ? actions.overdueItems : [] },
    dueForReview,
    people: request.assistant ? [] : summaries(snapshot, loop, people, kpis, range, moment),
  };
}

/** Items by each key they give (an item under two keys is listed under each once). */
function groupBy<T, K>(
  items: readonly T[],
  keys: (item: T) => ReadonlyArray<K | null>,
): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      if (key === null) continue;
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/** Each person's line of a team report, from the rows that concern them. */
function summaries(
  snapshot: Snapshot,
  loop: FeedbackLoop,
  people: readonly Email[],
  kpis: ReportKpi[],
  range: ReportRange,
  moment: Moment,
): PersonSummary[] {
  const byOwner = groupBy(kpis, (k) => [k.owner]);
  const checkIns = groupBy(loop.checkIns, (c) => [c.assistant]);
  const feedback = groupBy(loop.feedback, (f) => [f.to, f.from]);
  const actions = groupBy(loop.actions, (a) => [a.owner]);
  return people.map((email) =>
    personSummary(
      snapshot,
      {
        ...loop,
        checkIns: checkIns.get(email) ?? [],
        feedback: feedback.get(email) ?? [],
        actions: actions.get(email) ?? [],
      },
      email,
      byOwner.get(email) ?? [],
      range,
      moment,
    ),
  );
}

/** The KPI's own periods (days, weeks, fortnights or months) that overlap the range and have begun. */
function periodsIn(snapshot: Snapshot, kpi: Kpi, range: ReportRange, moment: Moment): Period[] {
  const first = periodFor(snapshot, kpi, range.start);
  if (!first) return [];
  const rules = periodRules(snapshot, kpi);
  const periods: Period[] = [];
  for (let p = first; p.start <= range.end && p.start <= moment.today; p = nextPeriod(p, rules)) {
    if (kpi.start === null || p.end >= kpi.start) periods.push(p);
  }
  return periods;
}

function reportKpi(
  snapshot: Snapshot,
  kpi: Kpi,
  owner: Email,
  range: ReportRange,
  moment: Moment,
): ReportKpi {
  const base = {
    kpiId: kpi.id,
    name: kpi.name,
    unit: kpi.unit,
    owner,
    ownerName: memberOrDefault(snapshot, owner).name,
  };
  const problem = incompleteness(kpi);
  if (problem) {
    return { ...base, periods: [], closedPeriods: 0, met: 0, shareMet: null, trend: null, problem };
  }
  const periods: ReportPeriod[] = [];
  for (const period of periodsIn(snapshot, kpi, range, moment)) {
    const result = evaluate(snapshot, kpi, owner, period, moment);
    if (!result.ok) continue; // cannot happen once incompleteness() passed
    periods.push({
      key: period.key,
      start: period.start,
      end: period.end,
      closed: period.end < moment.today,
      actual: result.actual,
      target: result.target,
      status: result.status,
    });
  }
  const closed = periods.filter((p) => p.closed);
  const met = closed.filter((p) => p.status === 'Met').length;
  return {
    ...base,
    periods,
    closedPeriods: closed.length,
    met,
    shareMet: closed.length === 0 ? null : met / closed.length,
    trend: trendOf(kpi, closed),
    problem: null,
  };
}

/**
 * The first closed period with data against the last: better when the
 * actual moved the KPI's way (up for At least, down for At most). An open
 * period is left out: a Sum half-way through its week is not a drop.
 */
export function trendOf(kpi: Pick<Kpi, 'direction'>, closed: ReportPeriod[]): ReportTrend | null {
  const actuals = closed.map((p) => p.actual).filter((a): a is number => a !== null);
  if (actuals.length < 2 || !kpi.direction) return null;
  const first = actuals[0] as number;
  const change = (actuals[actuals.length - 1] as number) - first;
  if (Math.abs(change) <= 1e-9 * Math.max(1, Math.abs(first))) return 'steady';
  return change > 0 === (kpi.direction === 'At least') ? 'better' : 'worse';
}

function checkInsOf(
  loop: FeedbackLoop,
  people: Set<Email>,
  range: ReportRange,
  moment: Moment,
): CheckInCounts {
  const counts: CheckInCounts = { held: 0, missed: 0, cancelled: 0, planned: 0, averageMood: null };
  let moods = 0;
  let moodTotal = 0;
  for (const checkIn of loop.checkIns) {
    if (!checkIn.assistant || !people.has(checkIn.assistant) || !inRange(checkIn.date, range))
      continue;
    const status = checkIn.status ?? 'Planned';
    if (status === 'Held') {
      counts.held++;
      if (checkIn.mood !== null) {
        moods++;
        moodTotal += checkIn.mood;
      }
    } else if (status === 'Cancelled') counts.cancelled++;
    // A planned check-in whose day passed with no record is a missed one (issue 4, item 1).
    else if (status === 'Missed' || checkIn.date < moment.today) counts.missed++;
    else counts.planned++;
  }
  counts.averageMood = moods > 0 ? moodTotal / moods : null;
  return counts;
}

const noKinds = (): KindCounts => ({
  Praise: 0,
  Constructive: 0,
  Suggestion: 0,
  Blocker: 0,
  total: 0,
});

function feedbackOf(
  snapshot: Snapshot,
  loop: FeedbackLoop,
  people: Set<Email>,
  range: ReportRange,
) {
  const received = noKinds();
  const given = noKinds();
  const lines: FeedbackLine[] = [];
  const name = (email: Email | null): string =>
    email ? memberOrDefault(snapshot, email).name : '';
  for (const item of loop.feedback) {
    if (!inRange(item.date, range)) continue;
    const isReceived = !!item.to && people.has(item.to);
    const isGiven = !!item.from && people.has(item.from);
    for (const [counts, counted] of [
      [received, isReceived],
      [given, isGiven],
    ] as const) {
      if (!counted) continue;
      counts.total++;
      if (item.kind) counts[item.kind]++;
    }
    if (isReceived || isGiven) {
      lines.push({
        date: item.date,
        received: isReceived,
        from: name(item.from),
        to: name(item.to),
        kind: item.kind,
        kpi: item.kpi,
        text: item.text,
      });
    }
  }
  lines.sort((a, b) => (a.date ?? 0) - (b.date ?? 0));
  return { received, given, lines };
}

function actionsOf(
  loop: FeedbackLoop,
  people: Set<Email>,
  range: ReportRange,
  moment: Moment,
): ActionCounts & { overdueItems: ActionLine[] } {
  const result = { opened: 0, closed: 0, overdue: 0, overdueItems: [] as ActionLine[] };
  for (const action of loop.actions) {
    if (!action.owner || !people.has(action.owner)) continue;
    if (inRange(action.created, range)) result.opened++;
    if (!isOpen(action) && inRange(action.doneOn, range)) result.closed++;
    // Still open now and due on a day that has passed, no later than the range.
    if (
      isOpen(action) &&
      action.due !== null &&
      action.due < moment.today &&
      action.due <= range.end
    ) {
      result.overdue++;
      result.overdueItems.push({
        id: action.id,
        action: action.action,
        due: action.due,
        kpi: action.kpi,
      });
    }
  }
  result.overdueItems.sort((a, b) => (a.due ?? 0) - (b.due ?? 0));
  return result;
}

/** One person's line; `loop` and `own` may hold only the rows that concern them. */
function personSummary(
  snapshot: Snapshot,
  loop: FeedbackLoop,
  email: Email,
  own: ReportKpi[],
  range: ReportRange,
  moment: Moment,
): PersonSummary {
  const closedPeriods = own.reduce((sum, k) => sum + k.closedPeriods, 0);
  const met = own.reduce((sum, k) => sum + k.met, 0);
  const one = new Set([email]);
  const feedback = feedbackOf(snapshot, loop, one, range);
  const { opened, closed, overdue } = actionsOf(loop, one, range, moment);
  return {
    email,
    name: memberOrDefault(snapshot, email).name,
    closedPeriods,
    met,
    shareMet: closedPeriods > 0 ? met / closedPeriods : null,
    checkIns: checkInsOf(loop, one, range, moment),
    feedbackReceived: feedback.received.total,
    feedbackGiven: feedback.given.total,
    actions: { opened, closed, overdue },
  };
}
