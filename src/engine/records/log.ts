/**
 * Log rows → entries, each row checked (PRODUCT section 3: validation is a
 * help, not a gate). A bad row is never changed; it gets a reason in its
 * Check cell and is left out of every figure.
 */
import type { DayNumber, Email, Kpi, KpiId, LogEntry } from '../types';
import type { Problem } from '../i18n/messages';
import { isoDay } from '../time/calendar';
import { isBlank, readDay, readInstant, readNumber, readText, type CellContext } from './cells';
import { findKpis, formatQualifier, passesQualifier, type KpiCatalogue } from './kpis';
import { cellOf, isBlankRow, type Table } from './table';
import { findPerson, type Team } from './team';

/** Far beyond any real count, hours or percentage: such a value is a typing slip. */
export const LARGEST_VALUE = 1e12;

export type RowCheck =
  { ok: true; entry: LogEntry } | { ok: false; problem: Problem } | { ok: 'blank' };

export interface LogContext extends CellContext {
  team: Team;
  kpis: KpiCatalogue;
  /** Today in the spreadsheet's zone: later dates are flagged. */
  today: DayNumber;
}

export function checkLogRow(
  table: Table<'log'>,
  row: readonly unknown[],
  ctx: LogContext,
): RowCheck {
  const cell = (field: Parameters<typeof cellOf<'log'>>[2]): unknown => cellOf(table, row, field);
  const meaningful = [cell('date'), cell('assistant'), cell('kpi'), cell('value')];
  if (isBlankRow(row) || meaningful.every(isBlank)) return { ok: 'blank' };
  const fail = (key: Problem['key'], params?: Problem['params']): RowCheck => ({
    ok: false,
    problem: { key, ...(params ? { params } : {}) },
  });

  const date = readDay(cell('date'), ctx);
  if (!date.ok)
    return date.empty
      ? fail('check.missingDate')
      : fail('check.badDate', { value: readText(cell('date')) });
  if (date.value > ctx.today) return fail('check.futureDate', { date: isoDay(date.value) });

  const person = findPerson(ctx.team, cell('assistant'));
  if (!person.ok) {
    return person.reason === 'missing'
      ? fail('check.missingAssistant')
      : fail('check.unknownAssistant', { value: readText(cell('assistant')) });
  }
  const assistant = person.member.email;

  const kpiText = readText(cell('kpi'));
  if (!kpiText) return fail('check.missingKpi');
  const candidates = findKpis(ctx.kpis, kpiText);
  if (candidates.length === 0) return fail('check.unknownKpi', { value: kpiText });
  const kpi = candidates.find((k) => k.owners.includes(assistant));
  if (!kpi) {
    return fail('check.notOwner', {
      assistant: person.member.name,
      kpi: (candidates[0] as Kpi).id,
    });
  }
  if (kpi.aggregation === 'Ratio') return fail('check.ratioKpi', { kpi: kpi.id });

  const rawValue = cell('value');
  let value: number | null = null;
  const countsRows = kpi.aggregation === 'Count' && !kpi.qualifier;
  if (!(countsRows && isBlank(rawValue))) {
    const reading = readNumber(rawValue, ctx.lang);
    if (!reading.ok) {
      return reading.empty
        ? fail('check.missingValue')
        : fail('check.notANumber', { value: readText(rawValue) });
    }
    if (reading.value < 0) return fail('check.negative', { value: reading.value });
    if (reading.value > LARGEST_VALUE) return fail('check.tooLarge', { value: readText(rawValue) });
    if (kpi.qualifier && !passesQualifier(kpi.qualifier, reading.value)) {
      return fail('check.qualifier', { qualifier: formatQualifier(kpi.qualifier) });
    }
    value = reading.value;
  }

  const loggedAt = readInstant(cell('loggedAt'));
  return {
    ok: true,
    entry: {
      entryId: readText(cell('entryId')),
      date: date.value,
      assistant,
      kpiId: kpi.id,
      value,
      loggedAt: loggedAt.ok ? loggedAt.value : null,
    },
  };
}

export interface LogReading {
  entries: LogEntry[];
  /** One per data row, in row order. */
  checks: RowCheck[];
}

export function readLog(table: Table<'log'>, ctx: LogContext): LogReading {
  const entries: LogEntry[] = [];
  const checks: RowCheck[] = [];
  for (const row of table.rows) {
    const check = checkLogRow(table, row, ctx);
    checks.push(check);
    if (check.ok === true) entries.push(check.entry);
  }
  return { entries, checks };
}

/** Entries of one KPI and one owner, sorted by date then logged-at. */
export type EntryIndex = Map<string, LogEntry[]>;

export function entryKey(kpiId: KpiId | string, owner: Email | string): string {
  return `${kpiId.toUpperCase()}\u0000${owner}`;
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
    list.sort((a, b) => a.date - b.date || (a.loggedAt ?? 0) - (b.loggedAt ?? 0));
  }
  return index;
}
