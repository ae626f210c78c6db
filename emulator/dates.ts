/** Wall-clock time in IANA zones via Intl; Java falls back to GMT for unknown zones, so do we. */

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const formatters = new Map<string, Intl.DateTimeFormat>();
export const FIXED = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/;

/** Java falls back to GMT for an unknown zone id, and so does the emulator. */
const validZones = new Map<string, string>();

export function zoneId(timeZone: string): string {
  let id = validZones.get(timeZone);
  if (id === undefined) {
    id = timeZone;
    if (!FIXED.test(timeZone)) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone });
      } catch {
        id = 'GMT';
      }
    }
    validZones.set(timeZone, id);
  }
  return id;
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offsets change only on quarter hours, so one lookup serves a whole quarter (Intl is slow). */
const QUARTER_HOUR = 15 * 60000;
const offsets = new Map<string, number>();

/** Milliseconds east of UTC in the zone at that instant (to the second: old local mean times,
 * like Copenhagen's +00:50:20 in 1899, where Sheets keeps time-only values, are not whole minutes). */
export function offsetAt(ms: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 100000) offsets.clear();
    offset = lookUpOffset(ms, timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

function lookUpOffset(ms: number, timeZone: string): number {
  const id = zoneId(timeZone);
  const fixed = FIXED.exec(id);
  if (fixed) {
    return (
      (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2] ?? 0) * 60 + Number(fixed[3] ?? 0)) * 60000
    );
  }
  const parts: Record<string, number> = {};
  for (const part of formatter(id).formatToParts(ms)) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

export function wallClock(ms: number, timeZone: string): WallClock {
  const offset = offsetAt(ms, timeZone);
  const d = new Date(ms + offset);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes: Math.round(offset / 60000),
  };
}

/** The instant a wall-clock time in the zone names (the later guess wins across a DST change). */
export function fromWallClock(
  wall: Omit<WallClock, 'weekday' | 'offsetMinutes'>,
  timeZone: string,
): number {
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
    wall.millisecond,
  );
  const first = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(first, timeZone);
}
