/**
 * Log rows → entries, each row checked (PRODUCT section 3: validation is a
 * help, not a gate). A bad row is never changed; it gets a reason in its
 * Check cell and is left out of every figure.
 */
import type { DayNumber, Email, Instant, Kpi, KpiId, LogEntry, TeamMember } from '../types';
import type { Problem } from '../i18n/messages';
import { isoDay, localDay } from '../time/calendar';
import { isBlank, readDay, readInstant, readNumber, readText, type CellContext } from './cells';
import { findKpis, formatQualifier, passesQualifier, type KpiCatalogue } from './kpis';
import type { Table } from './table';
import { findPerson, type PersonLookup, type Team } from './team';

/** Far beyond any real count, hours or percentage: such a value is a typing slip. */
export const LARGEST_VALUE = 1e12;

export type RowCheck =
  { ok: true; entry: LogEntry } | { ok: false; problem: Problem } | { ok: 'blank' };

export interface LogContext extends CellContext {
  team: Team;
  kpis: KpiCatalogue;
  /** Today in the spreadsheet's zone: later dates are flagged. */
  today: DayNumber;
  /**
   * Now, when known: an assistant east of the sheet may log their own today
   * while the sheet's today is still yesterday (Manila is seven hours ahead
   * of Copenhagen), so a date is in the future only past both todays.
   */
  now?: Instant;
}

/**
 * Checks Log rows of one table. Assistants and KPIs repeat on thousands of
 * rows, so each distinct text is looked up once (the bench's 100,000 rows
 * hold a few hundred distinct ones).
 */
export function logRowChecker(
  table: Table<'log'>,
  ctx: LogContext,
): (row: readonly unknown[]) => RowCheck {
  const at = table.columns;
  const cell = (row: readonly unknown[], index: number | undefined): unknown =>
    index === undefined ? '' : (row[index] ?? '');
  const people = new Map<string, PersonLookup>();
  const personOf = (text: unknown): PersonLookup => {
    const key = typeof text === 'string' ? text : String(text ?? '');
    let found = people.get(key);
    if (!found) people.set(key, (found = findPerson(ctx.team, text)));
    return found;
  };
  const kpiChoices = new Map<string, Kpi[]>();
  const kpisNamed = (text: string): Kpi[] => {
    let found = kpiChoices.get(text);
    if (!found) kpiChoices.set(text, (found = findKpis(ctx.kpis, text)));
    return found;
  };

  const todays = new Map<string, DayNumber>();
  const latestDayFor = (member: TeamMember): DayNumber => {
    let day = todays.get(member.timeZone);
    if (day === undefined) {
      day =
        ctx.now === undefined ? ctx.today : Math.max(ctx.today, localDay(ctx.now, member.timeZone));
      todays.set(member.timeZone, day);
    }
    return day;
  };

  return (row) => {
    const rawDate = cell(row, at.date);
    const rawAssistant = cell(row, at.assistant);
    const rawKpi = cell(row, at.kpi);
    const rawValue = cell(row, at.value);
    if ([rawDate, rawAssistant, rawKpi, rawValue].every(isBlank)) return { ok: 'blank' };

    const date = readDay(rawDate, ctx);
    if (!date.ok) {
      return date.empty
        ? fail('check.missingDate')
        : fail('check.badDate', { value: readText(rawDate) });
    }
    const person = personOf(rawAssistant);
    const latestDay = person.ok ? latestDayFor(person.member) : ctx.today;
    if (date.value > latestDay) return fail('check.futureDate', { date: isoDay(date.value) });
    if (!person.ok) {
      return person.reason === 'missing'
        ? fail('check.missingAssistant')
        : fail('check.unknownAssistant', { value: readText(rawAssistant) });
    }
    const assistant = person.member.email;

    const kpiText = readText(rawKpi);
    if (!kpiText) return fail('check.missingKpi');
    const candidates = kpisNamed(kpiText);
    if (candidates.length === 0) return fail('check.unknownKpi', { value: kpiText });
    const kpi = candidates.find((k) => k.owners.includes(assistant));
    if (!kpi) {
      // A name several KPIs share, none of them the assistant's, names no one KPI.
      return candidates.length > 1
        ? fail('check.ambiguousKpi', { value: kpiText, assistant: person.member.name })
        : fail('check.notOwner', { assistant: person.member.name, kpi: (candidates[0] as Kpi).id });
    }
    if (kpi.aggregation === 'Ratio') return fail('check.ratioKpi', { kpi: kpi.id });

    let value: number | null = null;
    // A Count row counts as one and an On-time row is judged by when it was logged: neither needs a value.
    const valueOptional =
      (kpi.aggregation === 'Count' && !kpi.qualifier) || kpi.aggregation === 'On-time';
    if (!(valueOptional && isBlank(rawValue))) {
      const reading = readNumber(rawValue, ctx.lang);
      if (!reading.ok) {
        return reading.empty
          ? fail('check.missingValue')
          : fail('check.notANumber', { value: readText(rawValue) });
      }
      if (reading.value < 0) return fail('check.negative', { value: reading.value });
      if (reading.value > LARGEST_VALUE)
        return fail('check.tooLarge', { value: readText(rawValue) });
      if (kpi.qualifier && !passesQualifier(kpi.qualifier, reading.value)) {
        return fail('check.qualifier', { qualifier: formatQualifier(kpi.qualifier) });
      }
      value = reading.value;
    }

    const loggedAt = readInstant(cell(row, at.loggedAt));
    return {
      ok: true,
      entry: {
        entryId: readText(cell(row, at.entryId)),
        date: date.value,
        assistant,
        kpiId: kpi.id,
        value,
        loggedAt: loggedAt.ok ? loggedAt.value : null,
      },
    };
  };
}

function fail(key: Problem['key'], params?: Problem['params']): RowCheck {
  return { ok: false, problem: { key, ...(params ? { params } : {}) } };
}

/** One row on its own (the edit trigger checks just the rows typed). */
export function checkLogRow(
  table: Table<'log'>,
  row: readonly unknown[],
  ctx: LogContext,
): RowCheck {
  return logRowChecker(table, ctx)(row);
}

export interface LogReading {
  entries: LogEntry[];
  /** One per data row, in row order. */
  checks: RowCheck[];
}

export function readLog(table: Table<'log'>, ctx: LogContext): LogReading {
  const entries: LogEntry[] = [];
  const checks: RowCheck[] = [];
  const check = logRowChecker(table, ctx);
  for (const row of table.rows) {
    const result = check(row);
    checks.push(result);
    if (result.ok === true) entries.push(result.entry);
  }
  return { entries, checks };
}

/** Entries of one KPI and one owner, sorted by date then logged-at. */
export type EntryIndex = Map<string, LogEntry[]>;

/** Entries carry the KPI's own ID, so keys need no case folding. */
export function entryKey(kpiId: KpiId, owner: Email): string {
  return `${kpiId}\u0000${owner}`;
}

export function indexEntries(entries: readonly LogEntry[]): EntryIndex {
  const index: EntryIndex = new Map();
  for (const entry of entries) {
    const key = entryKey(entry.kpiId, entry.assistant);
    const list = index.get(key);
    if (list) list.push(entry);
    else index.set(key, [entry]);
  }
  for (const list of index.values()) {
    if (!isChronological(list)) list.sort(byDateThenLoggedAt);
  }
  return index;
}

function byDateThenLoggedAt(a: LogEntry, b: LogEntry): number {
  return a.date - b.date || (a.loggedAt ?? 0) - (b.loggedAt ?? 0);
}

/** A Log is mostly typed in order: skip the sort when it already is. */
function isChronological(list: readonly LogEntry[]): boolean {
  for (let i = 1; i < list.length; i++) {
    if (byDateThenLoggedAt(list[i - 1] as LogEntry, list[i] as LogEntry) > 0) return false;
  }
  return true;
}
