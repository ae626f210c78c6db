/**
 * The Dashboard of PRODUCT section 3 as plain data: one row per active KPI
 * and owner for the current period, a scorecard per assistant, and each
 * assistant's weekly progress over the last 8 weeks. Every figure comes
 * from evaluate(), as the formulas' do, so the two always agree.
 */
import type { Email, Kpi, Period, Status } from './types';
import type { Problem } from './i18n/messages';
import {
  actualIn,
  evaluate,
  memberOrDefault,
  periodFor,
  periodRules,
  streakOf,
  type Moment,
} from './kpi/evaluate';
import { periodOf, periodsUpTo } from './time/periods';
import type { Snapshot } from './snapshot';

/** Periods shown in each row's sparkline and in the weekly progress block. */
export const HISTORY_PERIODS = 8;
/** One runaway KPI must not flatten everyone else's line in the progress chart. */
const PROGRESS_CAP = 2;

export type Trend = 'up' | 'down' | 'flat' | null;

export interface DashboardRow {
  kpi: Kpi;
  owner: Email;
  ownerName: string;
  period: Period;
  actual: number | null;
  target: number;
  expected: number | null;
  progress: number | null;
  status: Status;
  previousActual: number | null;
  trend: Trend;
  streak: number;
  /** Actuals of the last HISTORY_PERIODS periods, oldest first, this one last. */
  history: Array<number | null>;
}

export interface ScoreRow {
  owner: Email;
  name: string;
  activeKpis: number;
  onTrackOrMet: number;
  /** onTrackOrMet ÷ activeKpis; null without active KPIs. */
  score: number | null;
}

export interface WeeklyProgress {
  /** Week keys, oldest first. */
  weeks: string[];
  rows: Array<{ owner: Email; name: string; progress: Array<number | null> }>;
}

export interface Dashboard {
  rows: DashboardRow[];
  scorecard: ScoreRow[];
  weekly: WeeklyProgress;
  /** KPIs that could not be judged, with why (shown under the table). */
  problems: Array<{ kpi: Kpi; owner: Email; problem: Problem }>;
}

function trendBetween(now: number | null, before: number | null): Trend {
  if (now === null || before === null) return null;
  return now > before ? 'up' : now < before ? 'down' : 'flat';
}

export function buildDashboard(snapshot: Snapshot, moment: Moment): Dashboard {
  const rows: DashboardRow[] = [];
  const problems: Dashboard['problems'] = [];
  const scores = new Map<Email, ScoreRow>();
  const active = snapshot.kpis.kpis.filter((kpi) => kpi.state === 'Active');

  for (const kpi of active) {
    for (const owner of kpi.owners) {
      const member = memberOrDefault(snapshot, owner);
      const score = scores.get(owner) ?? {
        owner,
        name: member.name,
        activeKpis: 0,
        onTrackOrMet: 0,
        score: null,
      };
      scores.set(owner, score);
      score.activeKpis++;
      const period = periodFor(snapshot, kpi, moment.today);
      const result = period ? evaluate(snapshot, kpi, owner, period, moment) : null;
      if (!period || !result || !result.ok) {
        if (result && !result.ok) problems.push({ kpi, owner, problem: result.problem });
        continue;
      }
      if (result.status === 'On track' || result.status === 'Met') score.onTrackOrMet++;
      const history = periodsUpTo(
        kpi.period as Period['kind'],
        moment.today,
        HISTORY_PERIODS,
        periodRules(snapshot, kpi),
      ).map((p) => actualIn(snapshot, kpi, member, p, moment));
      const previousActual = history[history.length - 2] ?? null;
      rows.push({
        kpi,
        owner,
        ownerName: member.name,
        period,
        actual: result.actual,
        target: result.target,
        expected: result.expected,
        progress: result.progress,
        status: result.status,
        previousActual,
        trend: trendBetween(result.actual, previousActual),
        streak: streakOf(snapshot, kpi, owner, moment),
        history,
      });
    }
  }
  const scorecard = [...scores.values()].map((s) => ({
    ...s,
    score: s.activeKpis > 0 ? s.onTrackOrMet / s.activeKpis : null,
  }));
  return { rows, scorecard, weekly: weeklyProgress(snapshot, active, moment), problems };
}

/** Each assistant's average progress (actual ÷ target) over their weekly KPIs, week by week. */
function weeklyProgress(snapshot: Snapshot, active: Kpi[], moment: Moment): WeeklyProgress {
  const rules = { weekStart: snapshot.settings.weekStart, fortnightAnchor: null };
  const weeks = periodsUpTo('Week', moment.today, HISTORY_PERIODS, rules);
  const sums = new Map<Email, { total: number[]; count: number[] }>();
  for (const kpi of active) {
    if (kpi.period !== 'Week') continue;
    for (const owner of kpi.owners) {
      const acc = sums.get(owner) ?? { total: weeks.map(() => 0), count: weeks.map(() => 0) };
      sums.set(owner, acc);
      weeks.forEach((week, i) => {
        const result = evaluate(snapshot, kpi, owner, periodOf('Week', week.start, rules), moment);
        if (!result.ok || result.progress === null) return;
        acc.total[i] = (acc.total[i] ?? 0) + Math.min(result.progress, PROGRESS_CAP);
        acc.count[i] = (acc.count[i] ?? 0) + 1;
      });
    }
  }
  return {
    weeks: weeks.map((w) => w.key),
    rows: [...sums].map(([owner, acc]) => ({
      owner,
      name: memberOrDefault(snapshot, owner).name,
      progress: acc.total.map((total, i) =>
        (acc.count[i] ?? 0) > 0 ? total / (acc.count[i] as number) : null,
      ),
    })),
  };
}
