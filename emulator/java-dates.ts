/**
 * Java SimpleDateFormat patterns over wall-clock time, which is what Utilities.formatDate and
 * parseDate use (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 * points to java.text.SimpleDateFormat). Month and day names are English, as in Apps Script.
 */
import { DAYS, FIXED, fromWallClock, MONTHS, wallClock, zoneId } from './dates';
import type { WallClock } from './dates';

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number, colon: boolean, withMinutes = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const hours = pad(Math.floor(Math.abs(minutes) / 60), 2);
  return withMinutes
    ? `${sign}${hours}${colon ? ':' : ''}${pad(Math.abs(minutes) % 60, 2)}`
    : `${sign}${hours}`;
}

/** Intl lacks some of Java's short names; en-GB knows the European ones (CET, CEST). */
const SHORT_NAMES: Record<string, string> = { 'Asia/Kolkata': 'IST', 'Asia/Calcutta': 'IST' };

function zoneName(ms: number, timeZone: string, long: boolean, offsetMinutes: number): string {
  const id = zoneId(timeZone);
  if (FIXED.test(id))
    return offsetMinutes === 0
      ? id.startsWith('UTC')
        ? 'UTC'
        : 'GMT'
      : `GMT${offsetText(offsetMinutes, true)}`;
  const named = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: id, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(ms)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  if (long) return named('en-US');
  for (const name of [named('en-US'), named('en-GB'), SHORT_NAMES[id] ?? '']) {
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  return `GMT${offsetText(offsetMinutes, true)}`;
}

function dayOfYear(w: WallClock): number {
  return Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86400000) + 1;
}

type Token = { text: string } | { letter: string; count: number };

function tokenize(pattern: string, fail: (message: string) => never): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length;) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      let text = '';
      let j = i + 1;
      if (pattern.charAt(j) === "'") {
        tokens.push({ text: "'" });
        i += 2;
        continue;
      }
      for (; j < pattern.length; j++) {
        if (pattern.charAt(j) !== "'") text += pattern.charAt(j);
        else if (pattern.charAt(j + 1) === "'") {
          text += "'";
          j++;
        } else break;
      }
      tokens.push({ text });
      i = j + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern.charAt(j) === ch) j++;
      if (!/[GyYMLwWDdFEuaHkKhmsSzZX]/.test(ch)) fail(`Illegal pattern character '${ch}'`);
      tokens.push({ letter: ch, count: j - i });
      i = j;
    } else {
      tokens.push({ text: ch });
      i++;
    }
  }
  return tokens;
}

export function formatJava(
  ms: number,
  timeZone: string,
  pattern: string,
  fail: (m: string) => never,
): string {
  const w = wallClock(ms, timeZone);
  const field = (letter: string, n: number): string => {
    switch (letter) {
      case 'G':
        return 'AD';
      case 'y':
      case 'Y':
        return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
      case 'M':
      case 'L': {
        const name = MONTHS[w.month - 1] ?? '';
        return n >= 4 ? name : n === 3 ? name.slice(0, 3) : pad(w.month, n);
      }
      case 'd':
        return pad(w.day, n);
      case 'D':
        return pad(dayOfYear(w), n);
      case 'F':
        return pad(Math.ceil(w.day / 7), n);
      case 'w':
        return pad(Math.ceil((dayOfYear(w) + new Date(Date.UTC(w.year, 0, 1)).getUTCDay()) / 7), n);
      case 'W':
        return pad(
          Math.ceil((w.day + new Date(Date.UTC(w.year, w.month - 1, 1)).getUTCDay()) / 7),
          n,
        );
      case 'E': {
        const name = DAYS[w.weekday] ?? '';
        return n >= 4 ? name : name.slice(0, 3);
      }
      case 'u':
        return pad(w.weekday === 0 ? 7 : w.weekday, n);
      case 'a':
        return w.hour < 12 ? 'AM' : 'PM';
      case 'H':
        return pad(w.hour, n);
      case 'k':
        return pad(w.hour === 0 ? 24 : w.hour, n);
      case 'K':
        return pad(w.hour % 12, n);
      case 'h':
        return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
      case 'm':
        return pad(w.minute, n);
      case 's':
        return pad(w.second, n);
      case 'S':
        return pad(w.millisecond, n);
      case 'z':
        return zoneName(ms, timeZone, n >= 4, w.offsetMinutes);
      case 'Z':
        return offsetText(w.offsetMinutes, false);
      default: // 'X': ISO 8601, "Z" for UTC
        return w.offsetMinutes === 0 ? 'Z' : offsetText(w.offsetMinutes, n >= 3, n >= 2);
    }
  };
  return tokenize(pattern, fail)
    .map((t) => ('text' in t ? t.text : field(t.letter, t.count)))
    .join('');
}

/** A small SimpleDateFormat parser: numbers, month and day names, AM/PM, literals, Z/X offsets. */
export function parseJava(
  text: string,
  timeZone: string,
  pattern: string,
  fail: (m: string) => never,
): number {
  const unparseable = (): never => fail(`Unparseable date: "${text}"`);
  const tokens = tokenize(pattern, fail);
  const wall = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let pm: boolean | null = null;
  let offset: number | null = null;
  let at = 0;
  const names = (list: string[]) => {
    const found = list.findIndex((name) =>
      text.slice(at).toLowerCase().startsWith(name.toLowerCase()),
    );
    const short =
      found < 0
        ? list.findIndex((n) =>
            text.slice(at).toLowerCase().startsWith(n.slice(0, 3).toLowerCase()),
          )
        : found;
    if (short < 0) unparseable();
    at += found >= 0 ? (list[found] ?? '').length : 3;
    return short;
  };
  tokens.forEach((token, i) => {
    if ('text' in token) {
      if (!text.startsWith(token.text, at)) unparseable();
      at += token.text.length;
      return;
    }
    const next = tokens[i + 1];
    const fixedWidth = next !== undefined && 'letter' in next;
    const number = () => {
      const match = (fixedWidth ? new RegExp(`^\\d{1,${token.count}}`) : /^[+-]?\d+/).exec(
        text.slice(at),
      );
      if (!match) return unparseable();
      at += match[0].length;
      return Number(match[0]);
    };
    switch (token.letter) {
      case 'y':
      case 'Y': {
        const y = number();
        wall.year = token.count === 2 && y < 100 ? 2000 + y : y;
        break;
      }
      case 'M':
      case 'L':
        wall.month = token.count >= 3 ? names(MONTHS) + 1 : number();
        break;
      case 'd':
        wall.day = number();
        break;
      case 'E':
        names(DAYS);
        break;
      case 'H':
      case 'k':
        wall.hour = number() % 24;
        break;
      case 'h':
      case 'K':
        wall.hour = number() % 12;
        break;
      case 'm':
        wall.minute = number();
        break;
      case 's':
        wall.second = number();
        break;
      case 'S':
        wall.millisecond = number();
        break;
      case 'a':
        pm = names(['AM', 'PM']) === 1;
        break;
      case 'Z':
      case 'X': {
        const match = /^(Z|([+-])(\d{2}):?(\d{2})?)/.exec(text.slice(at));
        if (!match) return unparseable();
        at += match[0].length;
        offset =
          match[1] === 'Z'
            ? 0
            : (match[2] === '-' ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4] ?? 0));
        break;
      }
      default:
        number();
    }
  });
  if (pm !== null) wall.hour = (wall.hour % 12) + (pm ? 12 : 0);
  if (offset !== null) {
    return (
      Date.UTC(
        wall.year,
        wall.month - 1,
        wall.day,
        wall.hour,
        wall.minute,
        wall.second,
        wall.millisecond,
      ) -
      offset * 60000
    );
  }
  return fromWallClock(wall, timeZone);
}
