/**
 * The contract between the sidebars and the server: every function a page
 * may call through google.script.run, with what it takes and gives. Only
 * primitives, plain objects and arrays cross (google.script.run refuses
 * Dates), so dates travel as `YYYY-MM-DD` text.
 */
import type { Lang, Status } from '../engine/types';
import type { KpiDraft } from '../engine/kpi/draft';

export type { KpiDraft };

/**
 * What every server function answers: a value, or a sentence for the person,
 * in their language. `field` names the form field at fault: a key of
 * LogEntryInput, of KpiDraft, or `reason`.
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; message: string; field?: string };

export interface Person {
  email: string;
  name: string;
}

// ── Log work ────────────────────────────────────────────────────────────────

export interface LogWorkKpi {
  id: string;
  name: string;
  unit: string;
  measure: string;
  /** The English word (Sum, Count, …), whatever the workbook's language. */
  aggregation: string;
  /** Count without a Qualifier and On-time rows need no value. */
  valueOptional: boolean;
  target: number | null;
  actual: number | null;
  /** In the workbook's language; '' when the KPI cannot be judged. */
  status: string;
  statusKey: Status | null;
}

export interface LogWorkContext {
  lang: Lang;
  user: Person & { timeZone: string };
  /** Today in the person's own time zone. */
  today: string;
  kpis: LogWorkKpi[];
}

export interface LogEntryInput {
  kpiId: string;
  date: string;
  value: string;
  note: string;
  link: string;
}

export interface LogSaved {
  entryId: string;
  kpi: LogWorkKpi;
  message: string;
}

// ── KPI editor ──────────────────────────────────────────────────────────────

export interface KpiTemplate {
  /** The task type in the workbook's language. */
  taskType: string;
  drafts: KpiDraft[];
}

export interface KpiEditorContext {
  lang: Lang;
  /** The spreadsheet's time zone, in which the draft's dates are read. */
  timeZone: string;
  kpis: KpiDraft[];
  team: Array<Person & { role: string }>;
  goals: Array<{ id: string; name: string }>;
  templates: KpiTemplate[];
  /** Best closed-period result per KPI ID where four or more exist (SMART's A). */
  best: Record<string, number>;
  /** Choice words in the workbook's language, for the drop-downs. */
  choices: {
    aggregation: string[];
    direction: string[];
    period: string[];
    kpiState: string[];
    taskType: string[];
  };
}

export interface KpiSaveInput {
  draft: KpiDraft;
  /** Needed when an existing KPI's target changes: it goes to Targets with the change. */
  reason: string;
}

export interface KpiSaved {
  id: string;
  created: boolean;
  targetChanged: boolean;
  smart: string;
  message: string;
}

/** The server functions pages call, by name. */
export interface ServerApi {
  getLogWorkContext(): Reply<LogWorkContext>;
  saveLogEntry(input: LogEntryInput): Reply<LogSaved>;
  getKpiEditorContext(): Reply<KpiEditorContext>;
  saveKpi(input: KpiSaveInput): Reply<KpiSaved>;
}
