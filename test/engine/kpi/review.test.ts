import {
  addMonths,
  kpisDueForReview,
  nextReviewBy,
  reviewIntervalMonths,
} from '../../../src/engine/kpi/review';
import { isoDay } from '../../../src/engine/time/calendar';
import { dateCell, day, editRow, kpiValues, METTE, workbook } from '../fixtures';

describe('KPIs due for review', () => {
  it('are none while every Review by lies ahead (the samples review by 31 December)', () => {
    const { snapshot, moment } = workbook();
    expect(kpisDueForReview(snapshot, moment)).toEqual([]);
  });

  it('are the active KPIs whose Review by has passed, longest overdue first, with their managers', () => {
    let kpis = editRow(kpiValues(), 'K3', { 'Review by': dateCell('2026-11-20') });
    kpis = editRow(kpis, 'K1', { 'Review by': dateCell('2026-11-01') });
    const { snapshot, moment } = workbook({ kpis });
    const due = kpisDueForReview(snapshot, moment);
    expect(due.map((d) => [d.kpi.id, isoDay(d.reviewBy), d.daysOverdue, d.managers])).toEqual([
      ['K1', '2026-11-01', 25, [METTE]],
      ['K3', '2026-11-20', 6, [METTE]],
    ]);
  });

  it('wait until the day after Review by: on the day itself the KPI is reviewed "by" then', () => {
    const kpis = editRow(kpiValues(), 'K1', { 'Review by': dateCell('2026-11-26') });
    expect(kpisDueForReview(workbook({ kpis }).snapshot, workbook({ kpis }).moment)).toEqual([]);
    const tomorrow = workbook({ kpis, now: '2026-11-27 09:00' });
    expect(kpisDueForReview(tomorrow.snapshot, tomorrow.moment).map((d) => d.kpi.id)).toEqual([
      'K1',
    ]);
  });

  it('leave out paused and retired KPIs and those without a Review by', () => {
    let kpis = editRow(kpiValues(), 'K1', {
      'Review by': dateCell('2026-11-01'),
      Status: 'Paused',
    });
    kpis = editRow(kpis, 'K2', { 'Review by': dateCell('2026-11-01'), Status: 'Retired' });
    kpis = editRow(kpis, 'K3', { 'Review by': '' });
    const { snapshot, moment } = workbook({ kpis });
    expect(kpisDueForReview(snapshot, moment)).toEqual([]);
  });
});

describe('the next Review by', () => {
  it('is a month on for daily, weekly and fortnightly KPIs and a quarter on for monthly ones', () => {
    const today = day('2026-11-26');
    expect(isoDay(nextReviewBy({ period: 'Week' }, today))).toBe('2026-12-26');
    expect(isoDay(nextReviewBy({ period: 'Day' }, today))).toBe('2026-12-26');
    expect(isoDay(nextReviewBy({ period: 'Fortnight' }, today))).toBe('2026-12-26');
    expect(isoDay(nextReviewBy({ period: 'Month' }, today))).toBe('2027-02-26');
    expect(reviewIntervalMonths(null)).toBe(1);
  });

  it('lands on the last day of a shorter month, 29 February in a leap year', () => {
    expect(isoDay(addMonths(day('2027-01-31'), 1))).toBe('2027-02-28');
    expect(isoDay(addMonths(day('2028-01-31'), 1))).toBe('2028-02-29');
    expect(isoDay(addMonths(day('2026-11-30'), 3))).toBe('2027-02-28');
    expect(isoDay(addMonths(day('2026-12-15'), 1))).toBe('2027-01-15');
  });
});
