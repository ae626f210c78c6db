/**
 * Calendar dates as day numbers, and the moment ↔ local-time conversions the
 * KPI rules need ("today" in the spreadsheet's zone, due times in the owner's).
 *
 * Zone offsets come from Intl, which Apps Script's V8 runtime carries with
 * full ICU data. One Intl call costs microseconds, far too much for 100,000
 * Log rows, so offsets are cached per zone per quarter hour: every zone in
 * the IANA database changes its offset only on a quarter-hour boundary.
 */
import type { DayNumber, Instant, MinuteOfDay, Weekday } from '../types';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const CACHE_SLOT_MS = 15 * MS_PER_MINUTE;

export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export function dayFromDate(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function dateOfDay(day: DayNumber): CalendarDate {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 1970-01-01 was a Thursday (weekday 3 counted from Monday). */
export function weekdayOf(day: DayNumber): Weekday {
  return ((((day + 3) % 7) + 7) % 7) as Weekday;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const back = dateOfDay(dayFromDate(year, month, day));
  return back.year === year && back.month === month && back.day === day;
}

export function daysInMonth(year: number, month: number): number {
  return (
    dayFromDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    dayFromDate(year, month, 1)
  );
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-11-27` */
export function isoDay(day: DayNumber): string {
  const { year, month, day: d } = dateOfDay(day);
  return `${pad(year, 4)}-${pad(month)}-${pad(d)}`;
}

/** `16:00` */
export function formatMinute(minute: MinuteOfDay): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  return timeZone !== '' && formatterFor(timeZone) !== null;
}

const offsetCache = new Map<string, Map<number, number>>();

/**
 * Minutes to add to UTC to get the wall-clock time in the zone at that
 * moment; a fraction before standard time (Bogota kept -4:56:16 in 1899).
 */
export function offsetMinutes(timeZone: string, instant: Instant): number {
  return offsetMs(timeZone, instant) / MS_PER_MINUTE;
}

/**
 * To the second, because Sheets hands time cells over as 30 Dec 1899, when
 * many zones kept local mean time with seconds in its offset.
 */
function offsetMs(timeZone: string, instant: Instant): number {
  let byZone = offsetCache.get(timeZone);
  if (!byZone) {
    byZone = new Map();
    offsetCache.set(timeZone, byZone);
  }
  const slot = Math.floor(instant / CACHE_SLOT_MS);
  let offset = byZone.get(slot);
  if (offset === undefined) {
    offset = computeOffset(timeZone, slot * CACHE_SLOT_MS);
    byZone.set(slot, offset);
  }
  return offset;
}

function computeOffset(timeZone: string, instant: Instant): number {
  const formatter = formatterFor(timeZone);
  if (!formatter) throw new Error(`Unknown time zone ${timeZone}`);
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

export interface LocalTime {
  day: DayNumber;
  minute: MinuteOfDay;
}

/** The calendar day and wall-clock minute of a moment in a zone. */
export function localTime(instant: Instant, timeZone: string): LocalTime {
  const wall = instant + offsetMs(timeZone, instant);
  const day = Math.floor(wall / MS_PER_DAY);
  return { day, minute: Math.floor((wall - day * MS_PER_DAY) / MS_PER_MINUTE) };
}

export function localDay(instant: Instant, timeZone: string): DayNumber {
  return localTime(instant, timeZone).day;
}

/**
 * The moment a wall-clock time happens in a zone. A time skipped by a DST
 * change (02:30 on the spring-forward night) is read as the same number of
 * minutes after the gap; a repeated one as its first occurrence.
 */
export function instantAt(day: DayNumber, minute: MinuteOfDay, timeZone: string): Instant {
  const wall = day * MS_PER_DAY + minute * MS_PER_MINUTE;
  const before = offsetMs(timeZone, wall - MS_PER_DAY / 2);
  const after = offsetMs(timeZone, wall + MS_PER_DAY / 2);
  const withBefore = wall - before;
  if (offsetMs(timeZone, withBefore) === before) return withBefore;
  const withAfter = wall - after;
  if (offsetMs(timeZone, withAfter) === after) return withAfter;
  return withBefore;
}
