/** Status of a KPI for a period at a moment: PRODUCT section 4, rule by rule. */
import type { Kpi, Period, Status, TeamMember } from '../types';
import type { Moment } from './aggregate';
import { workingDaysBetween } from './workdays';

/** Sum and Count build up over a period; every other aggregation is a level. */
export function isAccumulating(kpi: Kpi): boolean {
  return kpi.aggregation === 'Sum' || kpi.aggregation === 'Count';
}

// Products like 12 × 0.9 are not exact in binary: compare with a hair of slack.
const atLeast = (a: number, b: number): boolean => a >= b - 1e-9 * Math.max(1, Math.abs(b));
const atMost = (a: number, b: number): boolean => atLeast(b, a);

export interface Judgement {
  status: Status;
  /** What an accumulating At least KPI should have reached by now; null otherwise. */
  expected: number | null;
}

export function judge(
  kpi: Kpi & { direction: NonNullable<Kpi['direction']> },
  actual: number | null,
  target: number,
  period: Period,
  owner: TeamMember,
  moment: Moment,
): Judgement {
  // A period not begun, or over before the KPI started, has nothing to judge.
  const beforeStart = kpi.start !== null && period.end < kpi.start;
  if (period.start > moment.today || beforeStart) return { status: 'No data', expected: null };
  const accumulating = isAccumulating(kpi);
  const value = actual ?? (accumulating ? 0 : null);
  const band = kpi.riskBand;
  const higherIsBetter = kpi.direction === 'At least';

  if (period.end < moment.today) {
    if (value === null) return { status: 'No data', expected: null };
    const met = higherIsBetter ? atLeast(value, target) : atMost(value, target);
    return { status: met ? 'Met' : 'Missed', expected: null };
  }

  if (accumulating && value !== null) {
    if (higherIsBetter) {
      const total = workingDaysBetween(owner, period.start, period.end, moment.today);
      const elapsed = workingDaysBetween(owner, period.start, moment.today, moment.today);
      const expected = total > 0 ? (target * elapsed) / total : 0;
      const status = atLeast(value, expected)
        ? 'On track'
        : atLeast(value, expected * (1 - band))
          ? 'At risk'
          : 'Off track';
      return { status, expected };
    }
    const status = atMost(value, target * (1 - band))
      ? 'On track'
      : atMost(value, target)
        ? 'At risk'
        : 'Off track';
    return { status, expected: null };
  }

  if (value === null) return { status: 'No data', expected: null };
  if (higherIsBetter) {
    const status = atLeast(value, target)
      ? 'On track'
      : atLeast(value, target * (1 - band))
        ? 'At risk'
        : 'Off track';
    return { status, expected: null };
  }
  const status = atMost(value, target)
    ? 'On track'
    : atMost(value, target * (1 + band))
      ? 'At risk'
      : 'Off track';
  return { status, expected: null };
}
