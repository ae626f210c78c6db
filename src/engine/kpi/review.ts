/**
 * KPI review (PRODUCT section 4: "A KPI whose Review by date has passed is
 * due for review"). Reviewing confirms the target or changes it, and sets
 * the next Review by from the KPI's period: a KPI judged by the day, week or
 * fortnight is looked at again a month later, a monthly one a quarter later.
 */
import type { DayNumber, Email, Kpi, PeriodKind } from '../types';
import type { Snapshot } from '../snapshot';
import { dateOfDay, dayFromDate, daysInMonth } from '../time/calendar';
import type { Moment } from './aggregate';

export interface DueReview {
  kpi: Kpi;
  reviewBy: DayNumber;
  /** Days since Review by: 1 the day after it. */
  daysOverdue: number;
  /** The owners' managers from Team, who review it (the reminder goes to them). */
  managers: Email[];
}

/**
 * Active KPIs whose Review by lies before today, longest overdue first. On
 * the Review by day itself the KPI is not due yet: "review by" that day.
 * Paused and retired KPIs are not reviewed; a KPI without a readable Review
 * by is not due (its SMART check already says T: Review by is missing, or
 * quotes what cannot be read as a date).
 */
export function kpisDueForReview(snapshot: Snapshot, moment: Moment): DueReview[] {
  const due: DueReview[] = [];
  for (const kpi of snapshot.kpis.kpis) {
    if (kpi.state !== 'Active' || kpi.reviewBy === null || kpi.reviewBy >= moment.today) continue;
    const managers = new Set<Email>();
    for (const owner of kpi.owners) {
      const manager = snapshot.team.byEmail.get(owner)?.manager;
      if (manager) managers.add(manager);
    }
    due.push({
      kpi,
      reviewBy: kpi.reviewBy,
      daysOverdue: moment.today - kpi.reviewBy,
      managers: [...managers],
    });
  }
  return due.sort((a, b) => a.reviewBy - b.reviewBy || a.kpi.id.localeCompare(b.kpi.id));
}

/** Months until the next review after one held now: a quarter for monthly KPIs, else a month. */
export function reviewIntervalMonths(period: PeriodKind | null): number {
  return period === 'Month' ? 3 : 1;
}

/** The same day `months` later; the 31st becomes the month's last day (31 Jan + 1 month = 28 Feb). */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { year, month, day: date } = dateOfDay(day);
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = (index % 12) + 1;
  return dayFromDate(toYear, toMonth, Math.min(date, daysInMonth(toYear, toMonth)));
}

/** The Review by a review held on `reviewedOn` sets, unless the manager picks a date. */
export function nextReviewBy(kpi: Pick<Kpi, 'period'>, reviewedOn: DayNumber): DayNumber {
  return addMonths(reviewedOn, reviewIntervalMonths(kpi.period));
}
