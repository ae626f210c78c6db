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

/** Working days from `from` to `to`, both included. */
export function workingDaysBetween(
  member: TeamMember,
  from: DayNumber,
  to: DayNumber,
  today: DayNumber,
): number {
  let count = 0;
  for (let day = from; day <= to; day++) if (isWorkingDay(member, day, today)) count++;
  return count;
}
