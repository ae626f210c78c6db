/**
 * Check-in scheduling (PRODUCT section 3, Check-ins tab; issue 4 item 1).
 * A check-in's Date and Time are the manager's wall clock; the next one is
 * planned from the Cadence; a Planned check-in whose day has passed in the
 * manager's time zone without being recorded becomes Missed.
 */
import type { DayNumber, Email, Instant, MinuteOfDay } from '../types';
import type { Team } from '../records/team';
import type { Cadence, CheckIn } from '../records/feedbackLoop';
import { dateOfDay, dayFromDate, daysInMonth, instantAt, localTime } from '../time/calendar';

/** A check-in to add to the Check-ins tab as Planned. */
export interface PlannedCheckIn {
  assistant: Email;
  manager: Email | null;
  cadence: Cadence;
  date: DayNumber;
  time: MinuteOfDay | null;
  meetingLink: string;
}

/** Weekly and biweekly step by days; monthly keeps the day of the month (31 Jan → 28 Feb). */
export function addCadence(day: DayNumber, cadence: Cadence, times = 1): DayNumber {
  if (cadence === 'Weekly') return day + 7 * times;
  if (cadence === 'Biweekly') return day + 14 * times;
  const { year, month, day: dayOfMonth } = dateOfDay(day);
  const months = year * 12 + (month - 1) + times;
  const y = Math.floor(months / 12);
  const m = (months % 12) + 1;
  return dayFromDate(y, m, Math.min(dayOfMonth, daysInMonth(y, m)));
}

/** The first date of the cadence's rhythm from `from` that falls on or after `earliest`. */
export function nextInRhythm(from: DayNumber, cadence: Cadence, earliest: DayNumber): DayNumber {
  let times = 1;
  let day = addCadence(from, cadence, times);
  while (day < earliest) day = addCadence(from, cadence, ++times);
  return day;
}

/** The manager's zone decides a check-in's day; without a manager in Team, the sheet's. */
export function managerZone(team: Team, manager: Email | null, sheetZone: string): string {
  return (manager && team.byEmail.get(manager)?.timeZone) || sheetZone;
}

/** Today in the manager's zone. */
export function managerToday(
  team: Team,
  manager: Email | null,
  now: Instant,
  sheetZone: string,
): DayNumber {
  return localTime(now, managerZone(team, manager, sheetZone)).day;
}

/** A Planned check-in with a summary or a mood was recorded by hand, only its Status not changed. */
function hasRecord(checkIn: CheckIn): boolean {
  return checkIn.summary !== '' || checkIn.mood !== null;
}

export interface MissedSweep {
  /** Planned check-ins to mark Missed. */
  missed: CheckIn[];
  /** The next check-in of each assistant left with none planned, in the missed one's rhythm. */
  planned: PlannedCheckIn[];
}

/**
 * Planned check-ins whose day passed in the manager's zone with no record
 * become Missed. So that one missed meeting does not end the rhythm (and
 * the "check-in tomorrow" reminders with it), an assistant left without
 * any Planned check-in gets the next one in the same cadence and time.
 */
export function sweepMissed(
  checkIns: readonly CheckIn[],
  team: Team,
  now: Instant,
  sheetZone: string,
): MissedSweep {
  const missed: CheckIn[] = [];
  const stillPlanned = new Set<Email>();
  for (const checkIn of checkIns) {
    if (checkIn.status !== 'Planned' || !checkIn.assistant) continue;
    const today = managerToday(team, checkIn.manager, now, sheetZone);
    if (checkIn.date !== null && checkIn.date < today && !hasRecord(checkIn)) missed.push(checkIn);
    else stillPlanned.add(checkIn.assistant);
  }
  const latestMissed = new Map<Email, CheckIn>();
  for (const checkIn of missed) {
    const assistant = checkIn.assistant as Email;
    const before = latestMissed.get(assistant);
    if (!before || (checkIn.date ?? 0) >= (before.date ?? 0)) latestMissed.set(assistant, checkIn);
  }
  const planned: PlannedCheckIn[] = [];
  for (const [assistant, checkIn] of latestMissed) {
    if (stillPlanned.has(assistant) || !checkIn.cadence || checkIn.date === null) continue;
    const today = managerToday(team, checkIn.manager, now, sheetZone);
    planned.push({
      assistant,
      manager: checkIn.manager,
      cadence: checkIn.cadence,
      date: nextInRhythm(checkIn.date, checkIn.cadence, today),
      time: checkIn.time,
      meetingLink: checkIn.meetingLink,
    });
  }
  return { missed, planned };
}

/** The check-ins as they read once a sweep is applied, for whoever read them before writing it. */
export function withMissed(checkIns: readonly CheckIn[], sweep: MissedSweep): CheckIn[] {
  const missed = new Set(sweep.missed);
  return checkIns.map((c) => (missed.has(c) ? { ...c, status: 'Missed' as const } : c));
}

/** A check-in's moment: its date and time on the manager's wall clock (09:00 when no time is set). */
export function checkInInstant(
  checkIn: Pick<CheckIn, 'date' | 'time' | 'manager'>,
  team: Team,
  sheetZone: string,
): Instant | null {
  if (checkIn.date === null) return null;
  return instantAt(
    checkIn.date,
    checkIn.time ?? 9 * 60,
    managerZone(team, checkIn.manager, sheetZone),
  );
}
