/**
 * How Sheets turns what a script writes into a cell value, and a cell back into what getValues and
 * getDisplayValues return.
 *
 * Range.setValue(s) behaves like typing: "Sets the value of the range. The value can be numeric,
 * string, boolean or date. If it begins with '=' it is interpreted as a formula."
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)), as the
 * Sheets API's USER_ENTERED: "parsed as if the user typed them into the UI"
 * (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption).
 * Sheets then parses typed text: numbers (also "+1", "-3", "1,5" in a comma locale, "50%"),
 * TRUE/FALSE and ISO dates become values of those types; a leading apostrophe keeps the rest as text.
 * A cell formatted as plain text ('@', Format > Number > Plain text) keeps every string as typed, a
 * leading '=' included: that is what typing into such a cell does in the Sheets UI. No Google page
 * says so (tutorials do, e.g. https://how-to-sheets.com/formulas-functions/google-sheets-text-instead-of-formula),
 * and nothing found says script writes differ, so the emulator applies the UI rule to setValues
 * (its setFormula(s) writes a formula whatever the format). Dates are numbers with a date format in
 * Sheets, so a number read from a date-formatted cell comes back as a Date and a Date in a
 * number-formatted cell as its serial number.
 */
import { fromWallClock, offsetAt, wallClock } from '../dates';
import type { CellValue } from '../state';

export interface Typed {
  value: CellValue;
  formula?: string;
  /** A number format Sheets applies when the cell had none (dates, percentages). */
  format?: string;
}

interface LocaleRules {
  decimal: string;
  group: string;
  booleans: [string, string];
  date: string;
  dateTime: string;
}

const RULES: Record<string, LocaleRules> = {
  en: {
    decimal: '.',
    group: ',',
    booleans: ['TRUE', 'FALSE'],
    date: 'M/d/yyyy',
    dateTime: 'M/d/yyyy H:mm:ss',
  },
  da: {
    decimal: ',',
    group: '.',
    booleans: ['SAND', 'FALSK'],
    date: 'dd.MM.yyyy',
    dateTime: 'dd.MM.yyyy HH.mm.ss',
  },
};

export function localeRules(locale: string): LocaleRules {
  return RULES[locale.slice(0, 2)] ?? (RULES.en as LocaleRules);
}

const MS_PER_DAY = 86400000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

export function dateToSerial(date: Date, timeZone: string): number {
  return (date.getTime() + offsetAt(date.getTime(), timeZone) - SERIAL_EPOCH) / MS_PER_DAY;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = new Date(SERIAL_EPOCH + Math.round(serial * MS_PER_DAY));
  return new Date(
    fromWallClock(
      {
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth() + 1,
        day: wall.getUTCDate(),
        hour: wall.getUTCHours(),
        minute: wall.getUTCMinutes(),
        second: wall.getUTCSeconds(),
        millisecond: wall.getUTCMilliseconds(),
      },
      timeZone,
    ),
  );
}

/** Quoted text and [$…] blocks removed: what is left tells a date format from a number one. */
export function isDateFormat(format: string | undefined): boolean {
  return (
    !!format && format !== '@' && /[ydhs]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''))
  );
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const groupedNumbers = new Map<string, RegExp>();

function parseNumber(text: string, rules: LocaleRules): number | null {
  const trimmed = text.trim();
  if (!/^[+\-.,\d]/.test(trimmed)) return null;
  let grouped = groupedNumbers.get(rules.group);
  if (!grouped) {
    grouped = new RegExp(`^[+-]?\\d{1,3}(\\${rules.group}\\d{3})+(\\${rules.decimal}\\d*)?$`);
    groupedNumbers.set(rules.group, grouped);
  }
  const plain = trimmed.split(rules.group).join(grouped.test(trimmed) ? '' : rules.group);
  const normal = plain.replace(rules.decimal, '.');
  return NUMBER.test(normal) ? Number(normal) : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;

/** "15:00" typed into Sheets is a time: the fraction of a day after 1899-12-30, which Apps Script
 * reads back as a Date on that day in the spreadsheet's time zone. */
function typedTime(text: string, timeZone: string): Typed | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const [hour, minute, second] = [match[1], match[2], match[3]].map((part) => Number(part ?? 0));
  const pm = match[4]?.toLowerCase() === 'pm';
  const h = match[4] ? ((hour ?? 0) % 12) + (pm ? 12 : 0) : (hour ?? 0);
  if (h > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return null;
  const serial = (h * 3600 + (minute ?? 0) * 60 + (second ?? 0)) / 86400;
  const format = `${match[4] ? 'h' : 'H'}:mm${match[3] ? ':ss' : ''}${match[4] ? ' am/pm' : ''}`;
  return { value: serialToDate(serial, timeZone), format };
}

/** What a cell holds after `input` is written into it (currentFormat: the cell's number format). */
export function typeIn(
  input: unknown,
  currentFormat: string | undefined,
  locale: string,
  timeZone: string,
): Typed {
  if (input === null || input === undefined) return { value: '' };
  if (input instanceof Date || Object.prototype.toString.call(input) === '[object Date]') {
    const date = new Date((input as Date).getTime());
    const w = wallClock(date.getTime(), timeZone);
    const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
    const rules = localeRules(locale);
    return { value: date, format: midnight ? rules.date : rules.dateTime };
  }
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  const text = String(input);
  if (currentFormat === '@') return { value: text }; // plain text: see the top of this file
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const rules = localeRules(locale);
  const number = parseNumber(text, rules);
  if (number !== null) return { value: number };
  const percent = /^(.*\d)\s*%$/.exec(text.trim());
  const percentNumber = percent ? parseNumber(percent[1] ?? '', rules) : null;
  if (percentNumber !== null)
    return { value: percentNumber / 100, format: text.includes(rules.decimal) ? '0.00%' : '0%' };
  const upper = text.trim().toUpperCase();
  if (upper === 'TRUE' || upper === rules.booleans[0]) return { value: true };
  if (upper === 'FALSE' || upper === rules.booleans[1]) return { value: false };
  const time = typedTime(text.trim(), timeZone);
  if (time) return time;
  const iso = ISO_DATE.exec(text.trim());
  if (iso) {
    const [year, month, day, hour, minute, second] = iso.slice(1).map((part) => Number(part ?? 0));
    const ms = fromWallClock(
      {
        year: year ?? 0,
        month: month ?? 1,
        day: day ?? 1,
        hour: hour ?? 0,
        minute: minute ?? 0,
        second: second ?? 0,
        millisecond: 0,
      },
      timeZone,
    );
    return {
      value: new Date(ms),
      format: iso[4] === undefined ? 'yyyy-MM-dd' : 'yyyy-MM-dd H:mm:ss',
    };
  }
  return { value: text };
}

/** The value getValues returns for a stored value under its number format. */
export function readValue(
  stored: CellValue | undefined,
  format: string | undefined,
  timeZone: string,
): CellValue {
  if (stored === undefined) return '';
  if (stored instanceof Date) {
    return format && format !== '@' && !isDateFormat(format)
      ? dateToSerial(stored, timeZone)
      : new Date(stored.getTime());
  }
  if (typeof stored === 'number' && isDateFormat(format)) return serialToDate(stored, timeZone);
  return stored;
}

type WallClock = ReturnType<typeof wallClock>;
/** One token of a date format, ready to show a wall-clock time. */
type DatePart = (w: WallClock) => string;

const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const two = (n: number): string => String(n).padStart(2, '0');

/** Sheets date-format tokens; 'm' means minutes right after an hour or before seconds. */
function compileDateFormat(format: string): DatePart[] {
  const tokens = format.match(/"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|./gi) ?? [];
  const hasAmPm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  return tokens.map((token, i): DatePart => {
    const lower = token.toLowerCase();
    const previous =
      tokens
        .slice(0, i)
        .reverse()
        .find((t) => /^[a-z]/i.test(t))
        ?.toLowerCase() ?? '';
    const next =
      tokens
        .slice(i + 1)
        .find((t) => /^[a-z]/i.test(t))
        ?.toLowerCase() ?? '';
    if (lower.startsWith('"')) return () => token.slice(1, -1);
    if (lower.startsWith('\\')) return () => token.slice(1);
    if (lower[0] === 'y') return (w) => (lower.length <= 2 ? two(w.year % 100) : String(w.year));
    if (lower[0] === 'd') {
      return (w) => {
        const name = DAYS[w.weekday] ?? '';
        return lower.length >= 4
          ? name
          : lower.length === 3
            ? name.slice(0, 3)
            : lower.length === 2
              ? two(w.day)
              : String(w.day);
      };
    }
    if (lower[0] === 'h') {
      return (w) => {
        const hour = hasAmPm ? w.hour % 12 || 12 : w.hour;
        return lower.length >= 2 ? two(hour) : String(hour);
      };
    }
    if (lower[0] === 's') return (w) => (lower.length >= 2 ? two(w.second) : String(w.second));
    if (lower === 'am/pm') return (w) => (w.hour < 12 ? 'AM' : 'PM');
    if (lower === 'a/p') return (w) => (w.hour < 12 ? 'a' : 'p');
    if (lower[0] === 'm') {
      const minutes = previous.startsWith('h') || next.startsWith('s');
      if (minutes) return (w) => (lower.length >= 2 ? two(w.minute) : String(w.minute));
      return (w) => {
        const name = MONTHS[w.month - 1] ?? '';
        return lower.length >= 4
          ? name
          : lower.length === 3
            ? name.slice(0, 3)
            : lower.length === 2
              ? two(w.month)
              : String(w.month);
      };
    }
    return () => token;
  });
}

/** Each date format is read once: TextFinder shows every date cell of Log under the same few. */
const dateFormats = new Map<string, DatePart[]>();

function formatDateCell(date: Date, format: string, timeZone: string): string {
  let parts = dateFormats.get(format);
  if (!parts) {
    parts = compileDateFormat(format);
    dateFormats.set(format, parts);
  }
  const w = wallClock(date.getTime(), timeZone);
  let text = '';
  for (const part of parts) text += part(w);
  return text;
}

/**
 * Building an Intl.NumberFormat costs far more than formatting with one, and TextFinder shows every
 * cell of the workbook: one formatter per locale and shape, kept (a refresh over 100,000 Log rows
 * spent most of its emulator time building them).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(
  locale: string,
  minimumFractionDigits: number,
  maximumFractionDigits: number,
  useGrouping: boolean,
): Intl.NumberFormat {
  const key = `${locale}|${minimumFractionDigits}|${maximumFractionDigits}|${useGrouping}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale.replace('_', '-'), {
      minimumFractionDigits,
      maximumFractionDigits,
      useGrouping,
    });
    numberFormats.set(key, format);
  }
  return format;
}

function formatNumberCell(value: number, format: string, locale: string): string {
  const section = format.split(';')[0] ?? '';
  const core = /[#0,]*[0#](?:\.[0#]*)?/.exec(section);
  if (!core) return section.replace(/"([^"]*)"/g, '$1');
  const decimals = core[0].split('.')[1] ?? '';
  const percent = section.includes('%');
  const number = numberFormat(
    locale,
    (decimals.match(/0/g) ?? []).length,
    decimals.length,
    core[0].includes(','),
  ).format(percent ? value * 100 : value);
  const literal = (text: string) =>
    text
      .replace(/"([^"]*)"/g, '$1')
      .replace(/\\(.)/g, '$1')
      .replace(/\[[^\]]*\]/g, '');
  return (
    literal(section.slice(0, core.index)) +
    number +
    literal(section.slice(core.index + core[0].length))
  );
}

/** What getDisplayValues shows: the value under its number format, in the spreadsheet locale. */
export function displayValue(
  stored: CellValue | undefined,
  format: string | undefined,
  locale: string,
  timeZone: string,
): string {
  const value = readValue(stored, format, timeZone);
  const rules = localeRules(locale);
  if (value === '') return '';
  if (typeof value === 'boolean') return rules.booleans[value ? 0 : 1];
  if (value instanceof Date) return formatDateCell(value, format || rules.dateTime, timeZone);
  if (typeof value === 'string') return value;
  if (format && format !== '@' && !/^0\.#+$/.test(format))
    return formatNumberCell(value, format, locale);
  // "Automatic": up to ten decimals, no grouping.
  return numberFormat(locale, 0, 10, false).format(value);
}
