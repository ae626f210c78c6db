/**
 * Each person's own calendar for reminders (PRODUCT section 7): their time
 * zone, working days, working hours and Away until, from their Team row.
 * Nothing reaches anyone away, and nothing outside their working hours: a
 * reminder that falls due then waits for their next working hours.
 */
import type { DayNumber, Instant, MinuteOfDay, TeamMember } from '../types';
import { instantAt, localDay, weekdayOf } from '../time/calendar';
import { weekdaysBetween } from '../kpi/workdays';

/** How far back a run looks for reminders that fell due (a long weekend, a missed run). */
export const LOOKBACK_DAYS = 7;
/** Nobody works less than one day in four weeks; past that a reminder has nowhere to go. */
const SEARCH_DAYS = 28;

/**
 * Away until is the last day away, and every day up to it counts as away:
 * a day before someone came back is no working day for them, also when it
 * is past (unlike the KPI pace, which only looks ahead).
 */
export function isAwayOn(member: TeamMember, day: DayNumber): boolean {
  return member.awayUntil !== null && day <= member.awayUntil;
}

export function worksOn(member: TeamMember, day: DayNumber): boolean {
  return member.workDays[weekdayOf(day)] === true && !isAwayOn(member, day);
}

export function todayOf(member: TeamMember, now: Instant): DayNumber {
  return localDay(now, member.timeZone);
}

export function at(member: TeamMember, day: DayNumber, minute: MinuteOfDay): Instant {
  return instantAt(day, minute, member.timeZone);
}

export interface Window {
  start: Instant;
  end: Instant;
}

/** Their working hours on a day, as moments (a DST change moves them in UTC, not on the clock). */
export function workingHoursOn(member: TeamMember, day: DayNumber): Window {
  return {
    start: at(member, day, member.workHours.start),
    end: at(member, day, member.workHours.end),
  };
}

/** The last working day before `day`, within a week; null when there is none. */
export function workingDayBefore(member: TeamMember, day: DayNumber): DayNumber | null {
  for (let d = day - 1; d >= day - 6; d--) if (worksOn(member, d)) return d;
  return null;
}

/** The `n`-th working day after `day` (1: the first), no later than `until`; null when not reached. */
export function nthWorkingDayAfter(
  member: TeamMember,
  day: DayNumber,
  n: number,
  until: DayNumber,
): DayNumber | null {
  let count = 0;
  // Nobody works up to Away until: start after it (an Away until of 9999-12-31 is no walk).
  const first = Math.max(day + 1, member.awayUntil === null ? day + 1 : member.awayUntil + 1);
  for (let d = first; d <= until; d++) {
    if (worksOn(member, d) && ++count >= n) return d;
  }
  return null;
}

/**
 * Their working days from `from` up to today whose working hours are over
 * by `now`. Counted, not walked: a Due or a Start in 1900 costs what a week
 * does. Days before yesterday are over whatever the zone; the last two are
 * looked at.
 */
export function workingDaysOver(member: TeamMember, from: DayNumber, now: Instant): number {
  const today = todayOf(member, now);
  const settled = today - 2;
  let days = weekdaysBetween(member.workDays, from, settled);
  if (member.awayUntil !== null) {
    days -= weekdaysBetween(member.workDays, from, Math.min(settled, member.awayUntil));
  }
  for (let d = Math.max(from, settled + 1); d <= today; d++) {
    if (worksOn(member, d) && workingHoursOn(member, d).end <= now) days++;
  }
  return days;
}

/** When a reminder that fell due at a moment may go out, and until when it still may. */
export interface Delivery {
  dueAt: Instant;
  /** The end of the working hours it goes out in: after that it is stale. */
  until: Instant;
}

/**
 * The first moment at or after `from` inside the person's working hours,
 * and the end of those hours. Without quiet hours, the moment itself, good
 * until the end of that local day.
 */
export function deliveryFrom(
  member: TeamMember,
  from: Instant,
  quietHours: boolean,
): Delivery | null {
  const first = localDay(from, member.timeZone);
  if (!quietHours) return { dueAt: from, until: at(member, first + 1, 0) };
  for (let day = first; day <= first + SEARCH_DAYS; day++) {
    if (!worksOn(member, day)) continue;
    const hours = workingHoursOn(member, day);
    if (from < hours.end) return { dueAt: Math.max(from, hours.start), until: hours.end };
  }
  return null;
}

/**
 * The first day whose reminders can still go out: one that fell due before
 * the end of the person's last working hours that are over by now went out
 * then or is stale (a lasting one excepted). Saves looking at the rest of
 * the week every hour, for every KPI.
 */
export function freshSince(member: TeamMember, now: Instant, quietHours: boolean): DayNumber {
  const today = localDay(now, member.timeZone);
  if (!quietHours) return today;
  for (let day = today; day >= today - LOOKBACK_DAYS; day--) {
    if (worksOn(member, day) && workingHoursOn(member, day).end <= now) return day;
  }
  return today - LOOKBACK_DAYS;
}
