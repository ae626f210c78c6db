/**
 * The actual of one KPI, one owner, one period (PRODUCT section 4's
 * aggregation table). Entries arrive already checked and qualified.
 */
import type { Instant, Kpi, LogEntry, Period, TeamMember } from '../types';
import { instantAt } from '../time/calendar';
import { entryKey, type EntryIndex } from '../records/log';
import { isWorkingDay } from './workdays';

export interface Moment {
  now: Instant;
  /** Today in the spreadsheet's zone. */
  today: number;
}

export interface Actual {
  /** null: nothing to report (no entries, or a ratio without a denominator). */
  value: number | null;
  entries: number;
}

/** Entries of a sorted list whose date falls in the period, found by binary search. */
export function entriesIn(list: readonly LogEntry[] | undefined, period: Period): LogEntry[] {
  if (!list || list.length === 0) return [];
  const first = lowerBound(list, period.start);
  const end = lowerBound(list, period.end + 1);
  return list.slice(first, end);
}

function lowerBound(list: readonly LogEntry[], day: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as LogEntry).date < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sumOf(entries: readonly LogEntry[]): number {
  let sum = 0;
  for (const entry of entries) sum += entry.value ?? 1;
  return sum;
}

export function actualOf(
  kpi: Kpi,
  owner: TeamMember,
  period: Period,
  entries: EntryIndex,
  moment: Moment,
): Actual {
  if (kpi.aggregation === 'Ratio') return ratioOf(kpi, owner, period, entries);
  const own = entriesIn(entries.get(entryKey(kpi.id, owner.email)), period);
  if (kpi.aggregation === 'On-time') return onTimeOf(kpi, owner, period, own, moment);
  if (own.length === 0) return { value: null, entries: 0 };
  const value = ((): number => {
    switch (kpi.aggregation) {
      case 'Count':
        return own.length;
      case 'Average':
        return sumOf(own) / own.length;
      case 'Min':
        return own.reduce((min, entry) => Math.min(min, entry.value ?? 1), Infinity);
      case 'Max':
        return own.reduce((max, entry) => Math.max(max, entry.value ?? 1), -Infinity);
      case 'Latest':
        return (own[own.length - 1] as LogEntry).value ?? 1;
      default:
        return sumOf(own);
    }
  })();
  return { value, entries: own.length };
}

/** 100 × Sum(numerator) ÷ Sum(denominator), same owner and period. */
function ratioOf(kpi: Kpi, owner: TeamMember, period: Period, entries: EntryIndex): Actual {
  if (!kpi.numeratorId || !kpi.denominatorId) return { value: null, entries: 0 };
  const numerator = entriesIn(entries.get(entryKey(kpi.numeratorId, owner.email)), period);
  const denominator = entriesIn(entries.get(entryKey(kpi.denominatorId, owner.email)), period);
  const below = sumOf(denominator);
  const count = numerator.length + denominator.length;
  return { value: below > 0 ? (100 * sumOf(numerator)) / below : null, entries: count };
}

/**
 * 100 × share of the owner's working days so far whose entry was logged no
 * later than the Due time in the owner's zone. A day counts once its due
 * time has passed, or earlier when its entry is already in on time.
 */
function onTimeOf(
  kpi: Kpi,
  owner: TeamMember,
  period: Period,
  own: readonly LogEntry[],
  moment: Moment,
): Actual {
  if (kpi.dueTime === null) return { value: null, entries: own.length };
  const firstLogged = new Map<number, Instant>();
  for (const entry of own) {
    if (entry.loggedAt === null) continue;
    const known = firstLogged.get(entry.date);
    if (known === undefined || entry.loggedAt < known) firstLogged.set(entry.date, entry.loggedAt);
  }
  let counted = 0;
  let onTime = 0;
  const last = Math.min(period.end, moment.today);
  for (let day = period.start; day <= last; day++) {
    if (!isWorkingDay(owner, day, moment.today)) continue;
    const due = instantAt(day, kpi.dueTime, owner.timeZone);
    const logged = firstLogged.get(day);
    const inOnTime = logged !== undefined && logged <= due;
    if (due <= moment.now || inOnTime) {
      counted++;
      if (inOnTime) onTime++;
    }
  }
  return { value: counted > 0 ? (100 * onTime) / counted : null, entries: own.length };
}
