/**
 * One KPI, one owner, one period → actual, target, expected, progress and
 * status. Everything the formulas, the Dashboard and the reports show comes
 * through here, so they always agree.
 */
import type { DayNumber, Email, Kpi, Period, Status, TargetChange, TeamMember } from '../types';
import type { Problem } from '../i18n/messages';
import { periodOf, periodsUpTo, previousPeriod, type PeriodRules } from '../time/periods';
import type { Snapshot } from '../snapshot';
import { DEFAULT_WORK_DAYS, DEFAULT_WORK_HOURS } from '../records/team';
import { actualOf, type Moment } from './aggregate';
import { judge } from './status';

export type { Moment };

export interface Evaluation {
  kpi: Kpi;
  owner: Email;
  period: Period;
  actual: number | null;
  target: number;
  expected: number | null;
  progress: number | null;
  status: Status;
}

export type EvaluationResult = ({ ok: true } & Evaluation) | { ok: false; problem: Problem };

export function periodRules(snapshot: Snapshot, kpi: Kpi): PeriodRules {
  return { weekStart: snapshot.settings.weekStart, fortnightAnchor: kpi.start };
}

export function periodFor(snapshot: Snapshot, kpi: Kpi, day: DayNumber): Period | null {
  return kpi.period ? periodOf(kpi.period, day, periodRules(snapshot, kpi)) : null;
}

/** Someone not (or no longer) in Team still has working days: the defaults, in the sheet's zone. */
export function memberOrDefault(snapshot: Snapshot, email: Email): TeamMember {
  return (
    snapshot.team.byEmail.get(email) ?? {
      name: email,
      email,
      role: 'Assistant',
      manager: null,
      timeZone: snapshot.settings.timeZone,
      workDays: DEFAULT_WORK_DAYS,
      workHours: DEFAULT_WORK_HOURS,
      channel: 'Email',
      awayUntil: null,
      active: true,
    }
  );
}

/**
 * The target valid in a period. An open period is judged against the KPIs
 * tab, which always shows the current target; a closed one against the
 * last change in Targets that took effect by its last day (PRODUCT section
 * 4: "past periods are judged against the target that was valid then").
 */
export function targetFor(
  kpi: Kpi,
  period: Period,
  today: DayNumber,
  history: readonly TargetChange[] = [],
): number | null {
  if (period.end >= today || history.length === 0) return kpi.target;
  let target = (history[0] as TargetChange).target;
  for (const change of history) {
    if (change.validFrom > period.end) break;
    target = change.target;
  }
  return target;
}

/** Why a KPI cannot be judged at all; null when it can. */
export function incompleteness(kpi: Kpi): Problem | null {
  const reason = !kpi.aggregation
    ? 'smart.aggregationMissing'
    : !kpi.direction
      ? 'smart.directionMissing'
      : !kpi.period
        ? 'smart.periodMissing'
        : kpi.target === null
          ? 'smart.targetMissing'
          : kpi.aggregation === 'On-time' && kpi.dueTime === null
            ? 'smart.onTimeNeedsDue'
            : kpi.aggregation === 'Ratio' && (!kpi.numeratorId || !kpi.denominatorId)
              ? 'smart.ratioKpis'
              : null;
  return reason ? { key: 'fn.kpiIncomplete', params: { kpi: kpi.name, reason } } : null;
}

/** The actual of a period; none before the KPI started, even where entries were logged early. */
export function actualIn(
  snapshot: Snapshot,
  kpi: Kpi,
  member: TeamMember,
  period: Period,
  moment: Moment,
): number | null {
  if (kpi.start !== null && period.end < kpi.start) return null;
  return actualOf(kpi, member, period, snapshot.entries, moment).value;
}

export function evaluate(
  snapshot: Snapshot,
  kpi: Kpi,
  owner: Email,
  period: Period,
  moment: Moment,
): EvaluationResult {
  const problem = incompleteness(kpi);
  if (problem) return { ok: false, problem };
  const direction = kpi.direction as NonNullable<Kpi['direction']>;
  const member = memberOrDefault(snapshot, owner);
  const target = targetFor(
    kpi,
    period,
    moment.today,
    snapshot.targets.get(kpi.id.toUpperCase()),
  ) as number;
  const actual = actualIn(snapshot, kpi, member, period, moment);
  const { status, expected } = judge({ ...kpi, direction }, actual, target, period, member, moment);
  return {
    ok: true,
    kpi,
    owner,
    period,
    actual,
    target,
    expected,
    progress: actual !== null && target !== 0 ? actual / target : null,
    status,
  };
}

/** The actuals of the last `count` periods up to the one holding `day`, oldest first. */
export function trendOf(
  snapshot: Snapshot,
  kpi: Kpi,
  owner: Email,
  count: number,
  day: DayNumber,
  moment: Moment,
): Array<number | null> {
  if (!kpi.period) return [];
  const member = memberOrDefault(snapshot, owner);
  return periodsUpTo(kpi.period, day, count, periodRules(snapshot, kpi)).map((period) =>
    actualIn(snapshot, kpi, member, period, moment),
  );
}

/** How many closed periods in a row, back from the latest, were Met. */
export function streakOf(
  snapshot: Snapshot,
  kpi: Kpi,
  owner: Email,
  moment: Moment,
  limit = 104,
): number {
  const current = periodFor(snapshot, kpi, moment.today);
  if (!current) return 0;
  const rules = periodRules(snapshot, kpi);
  let streak = 0;
  for (
    let period = previousPeriod(current, rules);
    streak < limit;
    period = previousPeriod(period, rules)
  ) {
    if (kpi.start !== null && period.end < kpi.start) break;
    const result = evaluate(snapshot, kpi, owner, period, moment);
    if (!result.ok || result.status !== 'Met') break;
    streak++;
  }
  return streak;
}
