import {
  dateOfDay,
  dayFromDate,
  daysInMonth,
  formatMinute,
  instantAt,
  isoDay,
  isValidDate,
  isValidTimeZone,
  localDay,
  localTime,
  offsetMinutes,
  weekdayOf,
} from '../../../src/engine/time/calendar';
import { day } from '../fixtures';

const utc = (iso: string): number => Date.parse(iso);

describe('calendar dates as day numbers', () => {
  it('counts days from 1 January 1970 and back again', () => {
    expect(dayFromDate(1970, 1, 1)).toBe(0);
    expect(dayFromDate(2026, 11, 26)).toBe(day('2026-11-26'));
    expect(dayFromDate(1969, 12, 31)).toBe(-1);
    expect(dateOfDay(day('2026-11-26'))).toEqual({ year: 2026, month: 11, day: 26 });
    expect(dateOfDay(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });

  it('knows the weekday of any day, Monday first', () => {
    expect(weekdayOf(day('2026-11-23'))).toBe(0); // Monday
    expect(weekdayOf(day('2026-11-26'))).toBe(3); // Thursday
    expect(weekdayOf(day('2026-11-29'))).toBe(6); // Sunday
    expect(weekdayOf(day('1969-12-29'))).toBe(0); // Monday before the epoch
  });

  it('writes a day as 2026-11-27 and a minute as 16:00', () => {
    expect(isoDay(day('2026-11-27'))).toBe('2026-11-27');
    expect(isoDay(day('2028-02-29'))).toBe('2028-02-29');
    expect(formatMinute(16 * 60)).toBe('16:00');
    expect(formatMinute(9 * 60 + 5)).toBe('09:05');
  });

  it('has 29 February in 2028 but not in 2100 or 2026, and 29 in 2000', () => {
    expect(isValidDate(2028, 2, 29)).toBe(true);
    expect(isValidDate(2100, 2, 29)).toBe(false);
    expect(isValidDate(2026, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('ends months on the 31st or the 30th', () => {
    expect(daysInMonth(2026, 1)).toBe(31);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 11)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(isValidDate(2026, 4, 31)).toBe(false);
    expect(isValidDate(2026, 12, 31)).toBe(true);
    expect(isValidDate(2026, 13, 1)).toBe(false);
    expect(isValidDate(2026, 0, 1)).toBe(false);
    expect(isValidDate(2026, 1, 0)).toBe(false);
  });
});

describe('time zones', () => {
  it('tells real zones from typos', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('America/Bogota')).toBe(true);
    expect(isValidTimeZone('Europe/Copenhagn')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  describe('Europe/Copenhagen across the 2026 DST changes', () => {
    const zone = 'Europe/Copenhagen';

    it('puts a 16:00 due time an hour earlier in UTC once summer time starts on 29 March', () => {
      expect(instantAt(day('2026-03-28'), 16 * 60, zone)).toBe(utc('2026-03-28T15:00:00Z'));
      expect(instantAt(day('2026-03-29'), 16 * 60, zone)).toBe(utc('2026-03-29T14:00:00Z'));
      expect(instantAt(day('2026-03-30'), 16 * 60, zone)).toBe(utc('2026-03-30T14:00:00Z'));
    });

    it('puts a 16:00 due time an hour later in UTC once summer time ends on 25 October', () => {
      expect(instantAt(day('2026-10-24'), 16 * 60, zone)).toBe(utc('2026-10-24T14:00:00Z'));
      expect(instantAt(day('2026-10-25'), 16 * 60, zone)).toBe(utc('2026-10-25T15:00:00Z'));
    });

    it('reads the wall clock on either side of each change', () => {
      expect(localTime(utc('2026-03-29T00:59:00Z'), zone)).toEqual({
        day: day('2026-03-29'),
        minute: 1 * 60 + 59,
      });
      expect(localTime(utc('2026-03-29T01:00:00Z'), zone)).toEqual({
        day: day('2026-03-29'),
        minute: 3 * 60,
      });
      expect(localTime(utc('2026-10-25T00:59:00Z'), zone)).toEqual({
        day: day('2026-10-25'),
        minute: 2 * 60 + 59,
      });
      expect(localTime(utc('2026-10-25T01:00:00Z'), zone)).toEqual({
        day: day('2026-10-25'),
        minute: 2 * 60,
      });
      expect(offsetMinutes(zone, utc('2026-07-01T12:00:00Z'))).toBe(120);
      expect(offsetMinutes(zone, utc('2026-11-26T12:00:00Z'))).toBe(60);
    });

    it('reads 02:30 on the spring-forward night as 03:30, and on the fall-back night as its first occurrence', () => {
      expect(instantAt(day('2026-03-29'), 2 * 60 + 30, zone)).toBe(utc('2026-03-29T01:30:00Z'));
      expect(instantAt(day('2026-10-25'), 2 * 60 + 30, zone)).toBe(utc('2026-10-25T00:30:00Z'));
    });

    it('gives midnight of each day around the changes', () => {
      expect(instantAt(day('2026-03-29'), 0, zone)).toBe(utc('2026-03-28T23:00:00Z'));
      expect(instantAt(day('2026-03-30'), 0, zone)).toBe(utc('2026-03-29T22:00:00Z'));
      expect(instantAt(day('2026-10-25'), 0, zone)).toBe(utc('2026-10-24T22:00:00Z'));
      expect(instantAt(day('2026-10-26'), 0, zone)).toBe(utc('2026-10-25T23:00:00Z'));
    });
  });

  it('keeps America/Bogota at -05:00 all year', () => {
    const zone = 'America/Bogota';
    expect(instantAt(day('2026-01-15'), 16 * 60, zone)).toBe(utc('2026-01-15T21:00:00Z'));
    expect(instantAt(day('2026-07-15'), 16 * 60, zone)).toBe(utc('2026-07-15T21:00:00Z'));
    expect(offsetMinutes(zone, utc('2026-03-29T12:00:00Z'))).toBe(-300);
    // Late evening in Bogota is already the next day in UTC.
    expect(localTime(utc('2026-11-27T03:30:00Z'), zone)).toEqual({
      day: day('2026-11-26'),
      minute: 22 * 60 + 30,
    });
  });

  it('keeps Asia/Kolkata at +05:30, half an hour off the hour', () => {
    const zone = 'Asia/Kolkata';
    expect(instantAt(day('2026-11-26'), 16 * 60, zone)).toBe(utc('2026-11-26T10:30:00Z'));
    expect(instantAt(day('2026-06-26'), 16 * 60, zone)).toBe(utc('2026-06-26T10:30:00Z'));
    expect(offsetMinutes(zone, utc('2026-11-26T10:30:00Z'))).toBe(330);
    expect(localTime(utc('2026-11-26T18:45:00Z'), zone)).toEqual({
      day: day('2026-11-27'),
      minute: 15,
    });
    expect(localDay(utc('2026-11-26T18:29:00Z'), zone)).toBe(day('2026-11-26'));
    expect(localDay(utc('2026-11-26T18:30:00Z'), zone)).toBe(day('2026-11-27'));
  });

  it('reads moments of 1899, when zones kept local mean time, to the second', () => {
    // Sheets' time cells live on 30 December 1899: Bogota was then 4:56:16 behind UTC.
    expect(offsetMinutes('America/Bogota', utc('1899-12-30T20:56:16Z'))).toBeCloseTo(
      -(4 * 60 + 56 + 16 / 60),
      9,
    );
    expect(localTime(utc('1899-12-30T20:56:16Z'), 'America/Bogota')).toEqual({
      day: day('1899-12-30'),
      minute: 16 * 60,
    });
    expect(localTime(utc('1899-12-30T20:56:15Z'), 'America/Bogota').minute).toBe(15 * 60 + 59);
    expect(instantAt(day('1899-12-30'), 16 * 60, 'America/Bogota')).toBe(
      utc('1899-12-30T20:56:16Z'),
    );
  });

  it('answers the same for a moment asked twice, from its cache', () => {
    const moment = utc('2026-10-25T00:59:59Z');
    const first = localTime(moment, 'Europe/Copenhagen');
    expect(localTime(moment, 'Europe/Copenhagen')).toEqual(first);
    expect(first).toEqual({ day: day('2026-10-25'), minute: 2 * 60 + 59 });
  });

  it('round-trips every quarter hour of a DST day between wall clock and moment', () => {
    const zone = 'Europe/Copenhagen';
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      const moment = instantAt(day('2026-10-25'), minute, zone);
      expect(localTime(moment, zone)).toEqual({ day: day('2026-10-25'), minute });
    }
  });
});
