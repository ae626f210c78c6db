/**
 * Workbooks as the add-on reads them: each tab a 2-D array as getValues()
 * returns it ('' for an empty cell, Date objects for date cells at midnight
 * in the spreadsheet's zone, numbers, booleans, text), built from the
 * contract's sample files and passed through buildSnapshot like the real
 * adapters do.
 *
 * Wall-clock times are turned into moments here with Intl's own offset
 * names, not with the engine's calendar code, so the engine's conversions
 * are checked against an independent reading.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../src/engine/records/csv';
import { buildSnapshot, type Snapshot, type TabValues } from '../../src/engine/snapshot';
import type { FormulaContext, Out } from '../../src/engine/formulas';
import type { DateOrder } from '../../src/engine/records/cells';
import type { DayNumber, Lang, Settings, Weekday } from '../../src/engine/types';
import type { Moment } from '../../src/engine/kpi/aggregate';

/** The product contract's sample files (../shared/samples), copied into the repository so a
 * clone tests on its own. */
export const SAMPLES_DIR = path.resolve(__dirname, '../examples/samples');

export function sampleCsv(file: string): string[][] {
  return parseCsv(fs.readFileSync(path.join(SAMPLES_DIR, file), 'utf8').trim());
}

export const SHEET_ZONE = 'Europe/Copenhagen';

const MS_PER_DAY = 86_400_000;

/** Milliseconds east of UTC in a zone at a moment, from Intl's "GMT+05:30" style names. */
export function zoneOffsetMs(zone: string, instant: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(instant))
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(name);
  if (!match) return 0; // plain "GMT"
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return (match[1] === '-' ? -1 : 1) * seconds * 1000;
}

/** `'2026-11-26 12:00'` in a zone → that moment. A date alone is midnight. */
export function at(wall: string, zone: string = SHEET_ZONE): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(wall);
  if (!match) throw new Error(`Not a wall-clock time: ${wall}`);
  const [y, mo, d, h, mi] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const asUtc = Date.UTC(y as number, (mo as number) - 1, d, h, mi);
  const guess = asUtc - zoneOffsetMs(zone, asUtc);
  return new Date(asUtc - zoneOffsetMs(zone, guess));
}

/** A date cell: midnight of that day in the spreadsheet's zone, as Sheets hands it over. */
export function dateCell(iso: string, zone: string = SHEET_ZONE): Date {
  return at(iso, zone);
}

/** A time cell: Sheets hands it over as 30 Dec 1899 at that time in the spreadsheet's zone. */
export function timeCell(hhmm: string, zone: string = SHEET_ZONE): Date {
  return at(`1899-12-30 ${hhmm}`, zone);
}

/** `'2026-11-26'` → its day number (days since 1970-01-01), computed without the engine. */
export function day(iso: string): DayNumber {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/** A fixed clock: the moment of a wall-clock time in the sheet's zone, and that date as today. */
export function momentAt(wall: string, zone: string = SHEET_ZONE): Moment {
  return { now: at(wall, zone).getTime(), today: day(wall.slice(0, 10)) };
}

type CellKind = 'date' | 'number' | 'checkbox';

/** Which columns the add-on formats as dates, numbers or checkboxes (headers in both languages). */
const TYPED_COLUMNS: Record<string, CellKind> = {
  // Team
  'Away until': 'date',
  'Væk indtil': 'date',
  Active: 'checkbox',
  Aktiv: 'checkbox',
  // Goals
  'Target date': 'date',
  Måldato: 'date',
  // KPIs ("Mål" is Target in KPIs but the goal's name in Goals: only used for KPIs here)
  Target: 'number',
  Baseline: 'number',
  Udgangspunkt: 'number',
  Start: 'date',
  'Review by': 'date',
  'Evalueres senest': 'date',
};

/**
 * Sample rows as the example loader leaves them in the sheet: dates become
 * date cells, Target and Baseline numbers, Active a checkbox, the rest text.
 */
export function typedRows(
  rows: string[][],
  zone: string = SHEET_ZONE,
  danishKpis = false,
): unknown[][] {
  const [header = [], ...data] = rows;
  const kinds = header.map((name) =>
    danishKpis && name === 'Mål' ? ('number' as const) : TYPED_COLUMNS[name],
  );
  return [
    header,
    ...data.map((row) =>
      row.map((text, index): unknown => {
        if (text === '') return '';
        switch (kinds[index]) {
          case 'date':
            return dateCell(text, zone);
          case 'number':
            return Number(text);
          case 'checkbox':
            return text.toUpperCase() === 'TRUE';
          default:
            return text;
        }
      }),
    ),
  ];
}

export const teamValues = (zone: string = SHEET_ZONE): unknown[][] =>
  typedRows(sampleCsv('team.csv'), zone);
export const goalValues = (zone: string = SHEET_ZONE): unknown[][] =>
  typedRows(sampleCsv('goals.csv'), zone);
export const kpiValues = (lang: Lang = 'en', zone: string = SHEET_ZONE): unknown[][] =>
  lang === 'da'
    ? typedRows(sampleCsv('kpis.da.csv'), zone, true)
    : typedRows(sampleCsv('kpis.csv'), zone);

/** A copy of a tab with the row whose first cell is `key` changed, column by header. */
export function editRow(
  values: unknown[][],
  key: string,
  changes: Record<string, unknown>,
): unknown[][] {
  const header = values[0] as string[];
  const found = values.findIndex((row, index) => index > 0 && row[0] === key);
  if (found < 0) throw new Error(`No row ${key}`);
  return values.map((row, index) => {
    if (index !== found) return row;
    const copy = [...row];
    for (const [name, value] of Object.entries(changes)) {
      const column = header.indexOf(name);
      if (column < 0) throw new Error(`No column ${name}`);
      copy[column] = value;
    }
    return copy;
  });
}

/** A copy of a tab with one more row, given by header; other cells empty. */
export function addRow(values: unknown[][], cells: Record<string, unknown>): unknown[][] {
  const header = values[0] as string[];
  const row = header.map((name) => (name in cells ? cells[name] : ''));
  for (const name of Object.keys(cells)) {
    if (!header.includes(name)) throw new Error(`No column ${name}`);
  }
  return [...values, row];
}

/** A copy of a tab keeping only the rows whose first cell is listed (and the header). */
export function onlyRows(values: unknown[][], keys: string[]): unknown[][] {
  return values.filter((row, index) => index === 0 || keys.includes(String(row[0])));
}

export const LOG_HEADER = [
  'Entry ID',
  'Date',
  'Assistant',
  'KPI',
  'Value',
  'Note',
  'Link',
  'Logged at',
  'Logged by',
  'Check',
];

export const LOG_HEADER_DA = [
  'Post-ID',
  'Dato',
  'Assistent',
  'KPI',
  'Værdi',
  'Note',
  'Link',
  'Registreret',
  'Registreret af',
  'Kontrol',
];

let entryCounter = 0;

/**
 * One Log row as the Log work sidebar writes it: a date cell, the
 * assistant's e-mail, the KPI, a number and a Logged at date-time cell.
 * `date` may be an ISO date (made a date cell) or any raw cell value.
 */
export function logRow(
  date: unknown,
  assistant: unknown,
  kpi: unknown,
  value: unknown,
  loggedAt: unknown = '',
): unknown[] {
  entryCounter++;
  const dateValue =
    typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? dateCell(date) : date;
  return [`E${entryCounter}`, dateValue, assistant, kpi, value, '', '', loggedAt, assistant, ''];
}

export function logValues(rows: unknown[][], header: string[] = LOG_HEADER): unknown[][] {
  return [header, ...rows];
}

export function settingsFor(overrides: Partial<Settings> = {}): Settings {
  return { lang: 'en', timeZone: SHEET_ZONE, weekStart: 0, defaultRiskBand: 0.1, ...overrides };
}

export interface WorkbookOptions {
  /** Wall-clock now in the sheet's zone; default the worked example's Thu 26 Nov 2026 12:00. */
  now?: string;
  lang?: Lang;
  weekStart?: Weekday;
  timeZone?: string;
  dateOrder?: DateOrder;
  team?: unknown[][] | null;
  goals?: unknown[][] | null;
  kpis?: unknown[][] | null;
  log?: unknown[][];
  targets?: unknown[][] | null;
}

/** The worked example's moment: Thursday 26 November 2026, 12:00 in Copenhagen (week 2026-W48). */
export const WORKED_EXAMPLE_NOW = '2026-11-26 12:00';

/** A workbook seeded with the example team, goals and KPIs, and a formula context over it. */
export function workbook(options: WorkbookOptions = {}): FormulaContext & { values: TabValues } {
  const lang = options.lang ?? 'en';
  const timeZone = options.timeZone ?? SHEET_ZONE;
  const dateOrder = options.dateOrder ?? 'DMY';
  const moment = momentAt(options.now ?? WORKED_EXAMPLE_NOW, timeZone);
  const values: TabValues = {
    team: options.team === undefined ? teamValues(timeZone) : options.team,
    goals: options.goals === undefined ? goalValues(timeZone) : options.goals,
    kpis: options.kpis === undefined ? kpiValues(lang, timeZone) : options.kpis,
    log: logValues(options.log ?? [], lang === 'da' ? LOG_HEADER_DA : LOG_HEADER),
    targets: options.targets === undefined ? null : options.targets,
  };
  const settings = settingsFor({ lang, timeZone, weekStart: options.weekStart ?? 0 });
  const snapshot: Snapshot = buildSnapshot(values, settings, dateOrder, moment.today);
  return { snapshot, moment, dateOrder, values };
}

export const TARGETS_HEADER = ['KPI ID', 'Valid from', 'Target', 'Changed by', 'Reason'];

/** A single formula result that is not a range, for assertions on one cell. */
export function one(out: Out): string | number {
  if (Array.isArray(out))
    throw new Error(`Expected one value, got a range: ${JSON.stringify(out)}`);
  return out;
}

/** The people of the example team. */
export const PRIYA = 'priya@example.com'; // Asia/Kolkata
export const JUAN = 'juan@example.com'; // Asia/Manila
export const ANA = 'ana@example.com'; // America/Bogota
export const METTE = 'mette@example.com'; // Europe/Copenhagen, the manager

/** The example KPIs' names in the Danish sample, by ID. */
export const DANISH_NAMES: Record<string, string> = Object.fromEntries(
  sampleCsv('kpis.da.csv')
    .slice(1)
    .map((row) => [row[0] as string, row[1] as string]),
);

/**
 * Week 2026-W48 up to Thursday 26 November for all ten example KPIs, logged
 * by their owners. In Danish the KPI is named by its Danish name and decimals
 * are typed with a comma, as a Danish assistant would.
 */
export function exampleWeekLog(lang: Lang = 'en'): unknown[][] {
  const kpi = (id: string): string => (lang === 'da' ? (DANISH_NAMES[id] as string) : id);
  const number = (n: number): unknown =>
    lang === 'da' && !Number.isInteger(n) ? String(n).replace('.', ',') : n;
  const rows: unknown[][] = [];
  const add = (date: string, who: string, id: string, values: number[]) => {
    for (const v of values) rows.push(logRow(date, who, kpi(id), number(v)));
  };
  // K1 Approved posts (Sum, at least 15): 11 by Thursday.
  add('2026-11-23', PRIYA, 'K1', [3]);
  add('2026-11-24', PRIYA, 'K1', [3]);
  add('2026-11-25', PRIYA, 'K1', [3]);
  add('2026-11-26', PRIYA, 'K1', [2]);
  // K2 Post turnaround (Average, at most 48 hours): 44, 50, 56 → 50.
  add('2026-11-23', PRIYA, 'K2', [44]);
  add('2026-11-24', PRIYA, 'K2', [50]);
  add('2026-11-25', PRIYA, 'K2', [56]);
  // K3 E-mail reply time (Average, at most 4 hours): 3.5, 5, 4.5 → 4.33.
  add('2026-11-23', JUAN, 'K3', [3.5]);
  add('2026-11-24', JUAN, 'K3', [5]);
  add('2026-11-25', JUAN, 'K3', [4.5]);
  // K4 Customer satisfaction (Average, at least 90 %): 95, 88, 80 → 87.67.
  add('2026-11-23', JUAN, 'K4', [95, 88]);
  add('2026-11-25', JUAN, 'K4', [80]);
  // K5 Data accuracy (Min, at least 100 %): 100, 100, 79 → 79.
  add('2026-11-23', JUAN, 'K5', [100]);
  add('2026-11-24', JUAN, 'K5', [100]);
  add('2026-11-25', JUAN, 'K5', [79]);
  // K6 Daily report by 16:00 (On-time), logged at these Manila times: Tuesday's is late.
  const manila = (wall: string) => at(wall, 'Asia/Manila');
  rows.push(logRow('2026-11-23', JUAN, kpi('K6'), 1, manila('2026-11-23 15:30')));
  rows.push(logRow('2026-11-24', JUAN, kpi('K6'), 1, manila('2026-11-24 16:30')));
  rows.push(logRow('2026-11-25', JUAN, kpi('K6'), 1, manila('2026-11-25 16:00')));
  rows.push(logRow('2026-11-26', JUAN, kpi('K6'), 1, manila('2026-11-26 09:00')));
  // K7 SEO articles (Count of values >= 1200): the 1,100-word article does not count.
  add('2026-11-23', PRIYA, 'K7', [1500]);
  add('2026-11-24', PRIYA, 'K7', [1100]);
  add('2026-11-25', PRIYA, 'K7', [1250, 1200]);
  // K8 Qualified leads (Sum, at least 50) and K9 Converted leads (Sum, at least 5).
  add('2026-11-23', ANA, 'K8', [10, 5]);
  add('2026-11-24', ANA, 'K8', [12]);
  add('2026-11-26', ANA, 'K8', [8]);
  add('2026-11-24', ANA, 'K9', [1]);
  add('2026-11-26', ANA, 'K9', [3]);
  return rows;
}
