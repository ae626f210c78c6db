/** KPIs, Goals and Targets rows → records. Unreadable cells are kept by name for the SMART check. */
import type {
  Aggregation,
  Comparison,
  Direction,
  Email,
  Goal,
  GoalId,
  Kpi,
  KpiField,
  KpiId,
  KpiState,
  PeriodKind,
  Qualifier,
  TargetChange,
} from '../types';
import { normalizeWord, readChoice } from '../i18n/vocabulary';
import {
  isBlank,
  readDay,
  readEmail,
  readFraction,
  readMinuteOfDay,
  readNumber,
  readText,
  type CellContext,
} from './cells';
import { cellOf, isBlankRow, type Table } from './table';

export const DEFAULT_RISK_BAND = 0.1;

export interface KpiCatalogue {
  kpis: Kpi[];
  /** Upper-cased ID → KPI. */
  byId: Map<string, Kpi>;
  /** Normalised name → KPIs of that name (one per owner group). */
  byName: Map<string, Kpi[]>;
  /** The KPI read from each data row, in row order; null for blank or ID-less rows. */
  rows: Array<Kpi | null>;
}

export function readKpis(
  table: Table<'kpis'>,
  ctx: CellContext,
  defaultRiskBand = DEFAULT_RISK_BAND,
): KpiCatalogue {
  const rows: Array<Kpi | null> = [];
  for (const row of table.rows) {
    const id = readText(cellOf(table, row, 'kpiId'));
    if (isBlankRow(row) || !id) {
      rows.push(null);
      continue;
    }
    const cell = (field: Parameters<typeof cellOf<'kpis'>>[2]): unknown =>
      cellOf(table, row, field);
    const unreadable: Kpi['unreadable'] = {};
    const note = <T>(field: KpiField, raw: unknown, value: T | null): T | null => {
      if (value === null && !isBlank(raw)) unreadable[field] = readText(raw);
      return value;
    };
    const owners: Email[] = [];
    // "a@x.com, b@x.com", "a@x.com b@x.com" or "Priya Sharma <a@x.com>": the name is no owner.
    for (const part of readText(cell('owner')).split(/[,;]+/)) {
      const text = part.trim();
      if (!text) continue;
      // The words with an @ in them, found by splitting: /[^\s<>]*@[^\s<>]*/g is quadratic on a long cell.
      const addresses = text.split(/[\s<>]+/).filter((word) => word.includes('@'));
      for (const address of addresses.length > 0 ? addresses : [text]) {
        const email = readEmail(address);
        if (email.ok) owners.push(email.value as Email);
        else unreadable.owners = address;
      }
    }
    const optionalNumber = (field: KpiField, raw: unknown): number | null => {
      const reading = readNumber(raw, ctx.lang);
      return note(field, raw, reading.ok ? reading.value : null);
    };
    const optionalDay = (field: KpiField, raw: unknown): number | null => {
      const reading = readDay(raw, ctx);
      return note(field, raw, reading.ok ? reading.value : null);
    };
    const riskBand = readFraction(cell('riskBand'), ctx.lang);
    note('riskBand', cell('riskBand'), riskBand.ok ? riskBand.value : null);
    const dueTime = readMinuteOfDay(cell('dueTime'), ctx);
    const state = readChoice('kpiState', cell('status'));
    note('state', cell('status'), state);
    rows.push({
      id: id as KpiId,
      name: readText(cell('kpi')) || id,
      owners: [...new Set(owners)],
      goalId: (readText(cell('goalId')) || null) as GoalId | null,
      taskType: readChoice('taskType', cell('taskType')) ?? readText(cell('taskType')),
      measure: readText(cell('measure')),
      aggregation: note(
        'aggregation',
        cell('aggregation'),
        readChoice('aggregation', cell('aggregation')) as Aggregation | null,
      ),
      direction: note(
        'direction',
        cell('direction'),
        readChoice('direction', cell('direction')) as Direction | null,
      ),
      target: optionalNumber('target', cell('target')),
      unit: readText(cell('unit')),
      period: note(
        'period',
        cell('period'),
        readChoice('period', cell('period')) as PeriodKind | null,
      ),
      dueTime: note('dueTime', cell('dueTime'), dueTime.ok ? dueTime.value : null),
      qualifier: note('qualifier', cell('qualifier'), readQualifier(cell('qualifier'), ctx)),
      numeratorId: (readText(cell('numeratorKpi')) || null) as KpiId | null,
      denominatorId: (readText(cell('denominatorKpi')) || null) as KpiId | null,
      riskBand: riskBand.ok ? riskBand.value : defaultRiskBand,
      baseline: optionalNumber('baseline', cell('baseline')),
      start: optionalDay('start', cell('start')),
      reviewBy: optionalDay('reviewBy', cell('reviewBy')),
      state: (state as KpiState | null) ?? 'Active',
      unreadable,
    });
  }
  return indexKpis(rows);
}

export function indexKpis(rows: Array<Kpi | null>): KpiCatalogue {
  const kpis = rows.filter((kpi): kpi is Kpi => kpi !== null);
  const byId = new Map<string, Kpi>();
  const byName = new Map<string, Kpi[]>();
  for (const kpi of kpis) {
    const key = kpi.id.toUpperCase();
    if (byId.has(key)) continue; // a duplicated ID: the first row wins, as in a lookup
    byId.set(key, kpi);
    const name = normalizeWord(kpi.name);
    const named = byName.get(name);
    if (named) named.push(kpi);
    else byName.set(name, [kpi]); // push, not a spread copy: 5,000 KPIs of one name stay linear
  }
  // Numerator and denominator point at the KPIs' own IDs, whatever case was typed.
  for (const kpi of byId.values()) {
    if (kpi.numeratorId)
      kpi.numeratorId = byId.get(kpi.numeratorId.toUpperCase())?.id ?? kpi.numeratorId;
    if (kpi.denominatorId)
      kpi.denominatorId = byId.get(kpi.denominatorId.toUpperCase())?.id ?? kpi.denominatorId;
  }
  return { kpis: [...byId.values()], byId, byName, rows };
}

/** The KPIs a text names: its ID, or every KPI of that name. */
export function findKpis(catalogue: KpiCatalogue, text: unknown): Kpi[] {
  const key = readText(text);
  if (!key) return [];
  const byId = catalogue.byId.get(key.toUpperCase());
  return byId ? [byId] : (catalogue.byName.get(normalizeWord(key)) ?? []);
}

const COMPARISONS: Record<string, Comparison> = {
  '>=': '>=',
  '≥': '>=',
  '=>': '>=',
  '>': '>',
  '<=': '<=',
  '≤': '<=',
  '=<': '<=',
  '<': '<',
  '=': '=',
  '==': '=',
  '<>': '<>',
  '!=': '<>',
  '≠': '<>',
};

/** ">= 1200" → { op: '>=', value: 1200 }; blank → null. */
export function readQualifier(cell: unknown, ctx: CellContext): Qualifier | null {
  // \S after \s*: no backtracking between the two (\s*(.+)$ is quadratic on a long run of spaces).
  const match = /^(>=|<=|=>|=<|<>|!=|==|≥|≤|≠|>|<|=)\s*(\S.*)$/.exec(readText(cell));
  if (!match) return null;
  const value = readNumber(match[2], ctx.lang);
  const op = COMPARISONS[match[1] ?? ''];
  return value.ok && op ? { op, value: value.value } : null;
}

export function passesQualifier(qualifier: Qualifier, value: number): boolean {
  switch (qualifier.op) {
    case '>=':
      return value >= qualifier.value;
    case '>':
      return value > qualifier.value;
    case '<=':
      return value <= qualifier.value;
    case '<':
      return value < qualifier.value;
    case '=':
      return value === qualifier.value;
    case '<>':
      return value !== qualifier.value;
  }
}

export function formatQualifier(qualifier: Qualifier): string {
  return `${qualifier.op} ${qualifier.value}`;
}

export function readGoals(table: Table<'goals'>): Map<string, Goal> {
  const goals = new Map<string, Goal>();
  for (const row of table.rows) {
    const id = readText(cellOf(table, row, 'goalId'));
    if (id && !goals.has(id.toUpperCase())) {
      goals.set(id.toUpperCase(), { id: id as GoalId, name: readText(cellOf(table, row, 'goal')) });
    }
  }
  return goals;
}

/** Target history per KPI ID (upper-cased), oldest first. Unreadable rows are left out. */
export function readTargets(
  table: Table<'targets'>,
  ctx: CellContext,
): Map<string, TargetChange[]> {
  const history = new Map<string, TargetChange[]>();
  for (const row of table.rows) {
    const id = readText(cellOf(table, row, 'kpiId'));
    const validFrom = readDay(cellOf(table, row, 'validFrom'), ctx);
    const target = readNumber(cellOf(table, row, 'target'), ctx.lang);
    if (!id || !validFrom.ok || !target.ok) continue;
    const key = id.toUpperCase();
    const changes = history.get(key) ?? [];
    changes.push({ kpiId: id as KpiId, validFrom: validFrom.value, target: target.value });
    history.set(key, changes);
  }
  for (const changes of history.values()) changes.sort((a, b) => a.validFrom - b.validFrom);
  return history;
}
