/**
 * Periods and their text keys (PRODUCT section 4): `2026-11-27`, `2026-W48`,
 * `2026-11`; a fortnight is two weeks counted from the KPI's Start week and
 * is named by its first week.
 */
import type { DayNumber, Period, PeriodKey, PeriodKind, Weekday } from '../types';
import { dateOfDay, dayFromDate, daysInMonth, isoDay, isValidDate, weekdayOf } from './calendar';

export interface PeriodRules {
  weekStart: Weekday;
  /** Any day of the KPI's Start week: fortnights are counted from it. */
  fortnightAnchor: DayNumber | null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function weekStartOn(day: DayNumber, weekStart: Weekday): DayNumber {
  return day - ((weekdayOf(day) - weekStart + 7) % 7);
}

/**
 * A week is named by the ISO week of its fourth day, so a Monday-start week
 * gets its ISO number and a Sunday-start week the number of the ISO week
 * that holds six of its seven days.
 */
export function weekKey(weekFirstDay: DayNumber): PeriodKey {
  const { year, week } = isoWeek(weekFirstDay + 3);
  return `${year}-W${pad2(week)}` as PeriodKey;
}

export function isoWeek(day: DayNumber): { year: number; week: number } {
  const thursday = day - weekdayOf(day) + 3;
  const year = dateOfDay(thursday).year;
  return { year, week: Math.floor((thursday - dayFromDate(year, 1, 1)) / 7) + 1 };
}

function isoWeekMonday(year: number, week: number): DayNumber {
  const jan4 = dayFromDate(year, 1, 4);
  return jan4 - weekdayOf(jan4) + (week - 1) * 7;
}

export function weeksInIsoYear(year: number): number {
  return isoWeek(dayFromDate(year, 12, 28)).week;
}

export function periodOf(kind: PeriodKind, day: DayNumber, rules: PeriodRules): Period {
  switch (kind) {
    case 'Day':
      return { kind, key: isoDay(day) as PeriodKey, start: day, end: day };
    case 'Week': {
      const start = weekStartOn(day, rules.weekStart);
      return { kind, key: weekKey(start), start, end: start + 6 };
    }
    case 'Fortnight': {
      const anchor = weekStartOn(rules.fortnightAnchor ?? dayFromDate(2024, 1, 1), rules.weekStart);
      const start = anchor + Math.floor((weekStartOn(day, rules.weekStart) - anchor) / 14) * 14;
      return { kind, key: weekKey(start), start, end: start + 13 };
    }
    case 'Month': {
      const { year, month } = dateOfDay(day);
      const start = dayFromDate(year, month, 1);
      return {
        kind,
        key: `${year}-${pad2(month)}` as PeriodKey,
        start,
        end: start + daysInMonth(year, month) - 1,
      };
    }
  }
}

export function previousPeriod(period: Period, rules: PeriodRules): Period {
  return periodOf(period.kind, period.start - 1, rules);
}

export function nextPeriod(period: Period, rules: PeriodRules): Period {
  return periodOf(period.kind, period.end + 1, rules);
}

/** The `count` periods ending with the one holding `day`, oldest first. */
export function periodsUpTo(
  kind: PeriodKind,
  day: DayNumber,
  count: number,
  rules: PeriodRules,
): Period[] {
  const periods: Period[] = [];
  let period = periodOf(kind, day, rules);
  for (let i = 0; i < count; i++) {
    periods.unshift(period);
    period = previousPeriod(period, rules);
  }
  return periods;
}

const GRANULARITY: Record<PeriodKind | 'Key day' | 'Key week' | 'Key month', number> = {
  Day: 0,
  'Key day': 0,
  Week: 1,
  'Key week': 1,
  Fortnight: 2,
  Month: 3,
  'Key month': 3,
};

export type KeyReading = { ok: true; firstDay: DayNumber; granularity: number } | { ok: false };

/** Reads `2026-11-27`, `2026-W48` or `2026-11` (the ISO week of a Monday-start week). */
export function readPeriodKey(text: string, weekStart: Weekday): KeyReading {
  const trimmed = text.trim().toUpperCase();
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!isValidDate(y, m, d)) return { ok: false };
    return { ok: true, firstDay: dayFromDate(y, m, d), granularity: GRANULARITY['Key day'] };
  }
  match = /^(\d{4})-W(\d{1,2})$/.exec(trimmed);
  if (match) {
    const [y, w] = [Number(match[1]), Number(match[2])];
    if (w < 1 || w > weeksInIsoYear(y)) return { ok: false };
    // The week named W starts on the weekStart day that puts its fourth day in ISO week W.
    const friday = isoWeekMonday(y, w) - 3;
    return {
      ok: true,
      firstDay: friday + ((weekStart - weekdayOf(friday) + 7) % 7),
      granularity: GRANULARITY['Key week'],
    };
  }
  match = /^(\d{4})-(\d{2})$/.exec(trimmed);
  if (match) {
    const [y, m] = [Number(match[1]), Number(match[2])];
    if (m < 1 || m > 12) return { ok: false };
    return { ok: true, firstDay: dayFromDate(y, m, 1), granularity: GRANULARITY['Key month'] };
  }
  return { ok: false };
}

/**
 * Whether a key of this granularity names one period of the kind: a day key
 * any period, a week key a week or the fortnight holding it (fortnights are
 * whole weeks), a month key only a month. A week key does not name a month:
 * 2026-W49 runs from November into December.
 */
export function keyFitsKind(granularity: number, kind: PeriodKind): boolean {
  if (granularity === GRANULARITY['Key day']) return true;
  if (granularity === GRANULARITY['Key week']) return kind === 'Week' || kind === 'Fortnight';
  return kind === 'Month';
}
