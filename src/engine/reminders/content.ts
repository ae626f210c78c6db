/**
 * What one reminder item says, before it is put into a message: its line,
 * lines under it (a check-in's agenda, a digest's sections) and a link.
 * Everything here is plain text; render.ts escapes it for HTML.
 */
import type { DayNumber, Lang } from '../types';
import { dateOfDay, isoDay } from '../time/calendar';

export interface Section {
  heading?: string;
  lines: string[];
}

export interface Content {
  /** Short and specific: "Approved posts: 9 of 15 posts, 2 working days left". */
  line: string;
  sections?: Section[];
  /** A meeting link; only http(s) addresses are ever linked. */
  link?: { label: string; url: string };
}

const dateFormats = new Map<Lang, Intl.DateTimeFormat | null>();

/**
 * "Thu 26 Nov" / "tor. 26. nov.": people in four countries read a weekday
 * and a month name alike. A date in another year than the reader's today
 * says its year ("Mon 4 Jan 2027" read in December, "Mon 1 Jan 1900"): the
 * weekday alone does not tell the years apart, and a reminder read around
 * New Year must not point at the wrong one.
 */
export function formatDate(lang: Lang, day: DayNumber, today: DayNumber): string {
  let format = dateFormats.get(lang);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      });
    } catch {
      format = null;
    }
    dateFormats.set(lang, format);
  }
  if (!format) return isoDay(day);
  const text = format.format(new Date(day * 86_400_000));
  // Appended rather than asked of Intl, whose en-GB year format adds a comma ("Mon, 4 Jan 2027").
  const { year } = dateOfDay(day);
  return year === dateOfDay(today).year ? text : `${text} ${year}`;
}

/** At most two decimals: 4.333… hours reads as 4.33 (the catalogue writes 4,33 in Danish). */
export function roundForText(value: number): number {
  return Math.round(value * 100) / 100;
}

/** An address that may become a link: http or https only, never javascript: or data:. */
export function linkable(url: string): string | null {
  const trimmed = url.trim();
  return /^https?:\/\/[^\s]+$/i.test(trimmed) ? trimmed : null;
}

/** User text in a one-line summary: no line breaks, and long notes cut. */
export function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
