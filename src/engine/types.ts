/**
 * The domain's vocabulary. Rows become these records at the edge (see
 * records/), so the engine never sees a spreadsheet.
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type KpiId = Brand<string, 'KpiId'>;
export type GoalId = Brand<string, 'GoalId'>;
/** A lower-cased e-mail address: people are keyed by e-mail everywhere. */
export type Email = Brand<string, 'Email'>;
/** `2026-11-27`, `2026-W48` (also a fortnight, named by its first week) or `2026-11`. */
export type PeriodKey = Brand<string, 'PeriodKey'>;
/** A calendar date without a zone: days since 1970-01-01. */
export type DayNumber = number;
/** A moment: milliseconds since the epoch, as Date.getTime() gives. */
export type Instant = number;
/** Minutes after local midnight. */
export type MinuteOfDay = number;
/** Monday = 0 … Sunday = 6 (ISO order). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type Lang = 'en' | 'da';

export const AGGREGATIONS = [
  'Sum',
  'Count',
  'Average',
  'Min',
  'Max',
  'Latest',
  'Ratio',
  'On-time',
] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const DIRECTIONS = ['At least', 'At most'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const PERIOD_KINDS = ['Day', 'Week', 'Fortnight', 'Month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const STATUSES = ['On track', 'At risk', 'Off track', 'Met', 'Missed', 'No data'] as const;
export type Status = (typeof STATUSES)[number];

export const KPI_STATES = ['Active', 'Paused', 'Retired'] as const;
export type KpiState = (typeof KPI_STATES)[number];

export const ROLES = ['Manager', 'Assistant'] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = ['Email', 'Google Chat', 'Slack', 'Teams'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Period {
  kind: PeriodKind;
  key: PeriodKey;
  /** First day, inclusive. */
  start: DayNumber;
  /** Last day, inclusive. */
  end: DayNumber;
}

export interface WorkHours {
  start: MinuteOfDay;
  end: MinuteOfDay;
}

export interface TeamMember {
  name: string;
  email: Email;
  role: Role;
  manager: Email | null;
  timeZone: string;
  /** Indexed by Weekday: true where the person works. */
  workDays: readonly boolean[];
  workHours: WorkHours;
  channel: Channel;
  awayUntil: DayNumber | null;
  active: boolean;
}

export type Comparison = '>=' | '>' | '<=' | '<' | '=' | '<>';

export interface Qualifier {
  op: Comparison;
  value: number;
}

export interface Kpi {
  id: KpiId;
  name: string;
  owners: Email[];
  goalId: GoalId | null;
  taskType: string;
  measure: string;
  aggregation: Aggregation | null;
  direction: Direction | null;
  target: number | null;
  unit: string;
  period: PeriodKind | null;
  dueTime: MinuteOfDay | null;
  qualifier: Qualifier | null;
  numeratorId: KpiId | null;
  denominatorId: KpiId | null;
  /** A fraction: 0.1 for 10 %. */
  riskBand: number;
  baseline: number | null;
  start: DayNumber | null;
  reviewBy: DayNumber | null;
  state: KpiState;
  /** Cells that could not be read, by field, kept for the SMART check's message. */
  unreadable: Partial<Record<KpiField, string>>;
}

export type KpiField =
  | 'owners'
  | 'aggregation'
  | 'direction'
  | 'target'
  | 'period'
  | 'dueTime'
  | 'qualifier'
  | 'riskBand'
  | 'baseline'
  | 'start'
  | 'reviewBy'
  | 'state';

export interface Goal {
  id: GoalId;
  name: string;
}

export interface LogEntry {
  entryId: string;
  date: DayNumber;
  assistant: Email;
  kpiId: KpiId;
  /** null only where a value is optional: Count without a Qualifier (a row counts one) and On-time. */
  value: number | null;
  loggedAt: Instant | null;
}

export interface TargetChange {
  kpiId: KpiId;
  validFrom: DayNumber;
  target: number;
}

export interface Settings {
  lang: Lang;
  /** The spreadsheet's time zone: "today" and period boundaries are read in it. */
  timeZone: string;
  weekStart: Weekday;
  /** Used when a KPI leaves its Risk band blank. */
  defaultRiskBand: number;
}
