/**
 * Working days per owner (PRODUCT section 4): the weekdays of their Team
 * row, less the days from today up to their Away until date.
 */
import type { DayNumber, TeamMember } from '../types';
import { weekdayOf } from '../time/calendar';

export function isWorkingDay(member: TeamMember, day: DayNumber, today: DayNumber): boolean {
  if (!member.workDays[weekdayOf(day)]) return false;
  const away = member.awayUntil !== null && day >= today && day <= member.awayUntil;
  return !away;
}

/**
 * Working days from `from` to `to`, both included. Counted, not walked: an
 * Away until of 9999-12-31 or a range from 1900 costs what a week does.
 */
export function workingDaysBetween(
  member: TeamMember,
  from: DayNumber,
  to: DayNumber,
  today: DayNumber,
): number {
  const all = weekdaysBetween(member.workDays, from, to);
  if (member.awayUntil === null) return all;
  return (
    all - weekdaysBetween(member.workDays, Math.max(from, today), Math.min(to, member.awayUntil))
  );
}

/** Days from `from` to `to`, both included, whose weekday (Monday = 0) is flagged. */
export function weekdaysBetween(flags: readonly boolean[], from: DayNumber, to: DayNumber): number {
  if (!(to >= from)) return 0;
  const days = to - from + 1;
  const weeks = Math.floor(days / 7);
  let count = weeks * flags.filter((flag) => flag === true).length;
  for (let day = from + weeks * 7; day <= to; day++) if (flags[weekdayOf(day)] === true) count++;
  return count;
}
