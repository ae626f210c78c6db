/**
 * Reading one cell as Apps Script hands it over: '' when empty, a number, a
 * boolean, a Date (date and time cells), or text that a person typed and
 * Sheets did not recognise (e.g. a Danish date in an English sheet).
 */
import type { DayNumber, Instant, Lang, MinuteOfDay } from '../types';
import { dayFromDate, isValidDate, localTime } from '../time/calendar';

/** Day-month-year, or month-day-year as en_US sheets write dates. */
export type DateOrder = 'DMY' | 'MDY';

export interface CellContext {
  lang: Lang;
  /** The spreadsheet's zone: date cells are midnight in it. */
  timeZone: string;
  dateOrder: DateOrder;
}

export type Reading<T> = { ok: true; value: T } | { ok: false; empty: boolean };

const EMPTY = { ok: false, empty: true } as const;
const BAD = { ok: false, empty: false } as const;

/** Works across vm contexts and iframes, where `instanceof Date` does not. */
export function isDate(cell: unknown): cell is Date {
  return (
    typeof cell === 'object' &&
    cell !== null &&
    (cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]')
  );
}

export function isBlank(cell: unknown): boolean {
  return (
    cell === '' ||
    cell === null ||
    cell === undefined ||
    (typeof cell === 'string' && cell.trim() === '')
  );
}

export function readText(cell: unknown): string {
  if (isBlank(cell)) return '';
  if (isDate(cell)) return isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell).trim();
}

/**
 * Numbers typed as text: "1.5", "1,5" (Danish), "1,200" / "1.200" as
 * thousands in either language, "10%" as 10. Anything else is not a number.
 */
export function readNumber(cell: unknown, lang: Lang): Reading<number> {
  if (isBlank(cell)) return EMPTY;
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : BAD;
  if (typeof cell !== 'string') return BAD;
  let text = cell.trim().replace(/[\s\u00a0]/g, '');
  if (text.endsWith('%')) text = text.slice(0, -1);
  const [decimal, thousands] = lang === 'da' ? [',', '.'] : ['.', ','];
  const grouped = new RegExp(`^[+-]?\\d{1,3}(\\${thousands}\\d{3})+(\\${decimal}\\d+)?$`);
  if (grouped.test(text)) text = text.split(thousands).join('');
  if (lang === 'da' || !text.includes('.')) text = text.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) return BAD;
  const value = Number(text);
  return Number.isFinite(value) ? { ok: true, value } : BAD;
}

/** A date cell, or text as ISO (2026-11-27), Danish (27.11.2026, 27-11-2026) or the sheet's slash order. */
export function readDay(cell: unknown, ctx: CellContext): Reading<DayNumber> {
  if (isBlank(cell)) return EMPTY;
  if (isDate(cell)) {
    const time = cell.getTime();
    return isNaN(time) ? BAD : { ok: true, value: localTime(time, ctx.timeZone).day };
  }
  if (typeof cell !== 'string') return BAD;
  const text = cell.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/.exec(text)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    [d, m] = ctx.dateOrder === 'MDY' ? [b, a] : [a, b];
    y = Number(match[3]);
  } else return BAD;
  return isValidDate(y, m, d) ? { ok: true, value: dayFromDate(y, m, d) } : BAD;
}

/** A moment: a date-time cell, or ISO text with a zone. */
export function readInstant(cell: unknown): Reading<Instant> {
  if (isBlank(cell)) return EMPTY;
  if (isDate(cell)) return isNaN(cell.getTime()) ? BAD : { ok: true, value: cell.getTime() };
  if (
    typeof cell === 'string' &&
    /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(cell.trim())
  ) {
    const time = Date.parse(cell.trim());
    return isNaN(time) ? BAD : { ok: true, value: time };
  }
  return BAD;
}

/**
 * A time of day: "16:00", "16.00", "4 PM", or a time cell, which Sheets
 * hands over as a Date on 30 Dec 1899 at that time in the sheet's zone.
 */
export function readMinuteOfDay(cell: unknown, ctx: CellContext): Reading<MinuteOfDay> {
  if (isBlank(cell)) return EMPTY;
  if (isDate(cell)) {
    const time = cell.getTime();
    return isNaN(time) ? BAD : { ok: true, value: localTime(time, ctx.timeZone).minute };
  }
  if (typeof cell === 'number' && cell >= 0 && cell < 1) {
    return { ok: true, value: Math.round(cell * 24 * 60) };
  }
  if (typeof cell !== 'string') return BAD;
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(cell.trim());
  if (!match) return BAD;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const half = match[3]?.toLowerCase();
  if (match[2] === undefined && !half) return BAD;
  if (half) {
    if (hour < 1 || hour > 12) return BAD;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return BAD;
  return { ok: true, value: hour * 60 + minute };
}

/**
 * "Mette Jensen <mette@example.com>" or "mette@example.com" → the lower-cased address.
 * Read in one pass (indexOf, no backtracking regex): a 50,000-character cell
 * of `<` or `a@b.b.b…` must not take seconds.
 */
export function readEmail(cell: unknown): Reading<string> {
  if (isBlank(cell)) return EMPTY;
  const text = String(cell).trim();
  const email = (bracketed(text) ?? text).trim().toLowerCase();
  const at = email.indexOf('@');
  const domain = email.slice(at + 1);
  const valid =
    at > 0 &&
    !/[\s@<>]/.test(domain) &&
    !/[\s<>]/.test(email.slice(0, at)) &&
    domain.slice(1, -1).includes('.');
  return valid ? { ok: true, value: email } : BAD;
}

/** What the first `<…>` with something inside holds; null when there is none. */
function bracketed(text: string): string | null {
  for (let open = text.indexOf('<'); open >= 0; open = text.indexOf('<', open + 1)) {
    const close = text.indexOf('>', open + 1);
    if (close < 0) return null;
    if (close > open + 1) return text.slice(open + 1, close);
  }
  return null;
}

/** Checkbox TRUE/FALSE, or Yes/No, Ja/Nej, 1/0 typed as text. */
export function readBoolean(cell: unknown): Reading<boolean> {
  if (isBlank(cell)) return EMPTY;
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  if (typeof cell === 'number') return { ok: true, value: cell !== 0 };
  const text = String(cell).trim().toLowerCase();
  if (['true', 'yes', 'ja', 'sand', 'x', '1'].includes(text)) return { ok: true, value: true };
  if (['false', 'no', 'nej', 'falsk', '0'].includes(text)) return { ok: true, value: false };
  return BAD;
}

/** "10%" or 0.1 (a percent-formatted cell) or 10 → 0.1. */
export function readFraction(cell: unknown, lang: Lang): Reading<number> {
  const number = readNumber(cell, lang);
  if (!number.ok) return number;
  const isPercentText = typeof cell === 'string' && cell.trim().endsWith('%');
  const fraction = isPercentText || number.value > 1 ? number.value / 100 : number.value;
  return fraction >= 0 && fraction <= 1 ? { ok: true, value: fraction } : BAD;
}
