/**
 * Workbooks for the reminder planner, built the way test/engine/fixtures.ts
 * builds them (each tab as getValues() returns it, through buildSnapshot),
 * and hourly runs of the planner over a simulated stretch of time with an
 * Outbox that remembers what went out.
 */
import { buildFeedbackLoop, buildSnapshot, type FeedbackLoop } from '../../../src/engine/snapshot';
import { headers } from '../../../src/engine/i18n/vocabulary';
import { localDay, localTime, weekdayOf } from '../../../src/engine/time/calendar';
import { itemKeysOf } from '../../../src/engine/reminders/keys';
import { dueBy, planReminders, type PlanInput } from '../../../src/engine/reminders/plan';
import {
  DEFAULT_REMINDER_SETTINGS,
  type OutboxStatus,
  type PlannedMessage,
  type ReminderSettings,
} from '../../../src/engine/reminders/types';
import type { Email, Instant, Lang, TeamMember } from '../../../src/engine/types';
import {
  addRow,
  ANA,
  at,
  dateCell,
  editRow,
  goalValues,
  JUAN,
  kpiValues,
  LOG_HEADER,
  LOG_HEADER_DA,
  logRow,
  METTE,
  PRIYA,
  settingsFor,
  SHEET_ZONE,
  teamValues,
  timeCell,
} from '../fixtures';

export const SHEET_URL = 'https://docs.google.com/spreadsheets/d/kpi-loop-test/edit';
export const HOUR = 3_600_000;

export interface Scenario {
  lang?: Lang;
  team?: unknown[][];
  kpis?: unknown[][];
  /** Log rows whose Logged at is a date-time cell: a run sees only what was logged by then. */
  log?: unknown[][];
  checkIns?: Array<Record<string, unknown>>;
  feedback?: Array<Record<string, unknown>>;
  actions?: Array<Record<string, unknown>>;
  settings?: Partial<ReminderSettings>;
}

/** A tab from rows given by English header. */
export function tab(
  tabId: 'checkIns' | 'feedback' | 'actions',
  rows: Array<Record<string, unknown>> = [],
): unknown[][] {
  return rows.reduce<unknown[][]>((values, row) => addRow(values, row), [headers('en', tabId)]);
}

export function settingsOf(scenario: Scenario): ReminderSettings {
  return {
    ...DEFAULT_REMINDER_SETTINGS,
    ...scenario.settings,
    enabled: { ...DEFAULT_REMINDER_SETTINGS.enabled, ...scenario.settings?.enabled },
  };
}

// Read once: every hourly run of a simulation builds its workbook afresh.
const TEAM = teamValues();
const GOALS = goalValues();
const loops = new WeakMap<Scenario, unknown[][][]>();

/** What the planner gets from a run at `now`: the workbook as it stood then, and the Outbox. */
export function inputAt(
  scenario: Scenario,
  now: Instant,
  outbox: ReadonlyMap<string, OutboxStatus> = new Map(),
): PlanInput & { loop: FeedbackLoop } {
  const lang = scenario.lang ?? 'en';
  const logged = (scenario.log ?? []).filter((row) => {
    const loggedAt = row[7];
    return !(loggedAt instanceof Date) || loggedAt.getTime() <= now;
  });
  const snapshot = buildSnapshot(
    {
      team: scenario.team ?? TEAM,
      goals: GOALS,
      kpis: scenario.kpis ?? kpiValues(lang),
      log: [lang === 'da' ? LOG_HEADER_DA : LOG_HEADER, ...logged],
      targets: null,
    },
    settingsFor({ lang }),
    'DMY',
    localDay(now, SHEET_ZONE),
    now,
  );
  let tabs = loops.get(scenario);
  if (!tabs) {
    tabs = [
      tab('checkIns', scenario.checkIns),
      tab('feedback', scenario.feedback),
      tab('actions', scenario.actions),
    ];
    loops.set(scenario, tabs);
  }
  const [checkIns, feedback, actions] = tabs as [unknown[][], unknown[][], unknown[][]];
  const loop = buildFeedbackLoop({ checkIns, feedback, actions }, snapshot, 'DMY');
  return {
    snapshot,
    loop,
    settings: settingsOf(scenario),
    outbox,
    now,
    spreadsheetUrl: SHEET_URL,
  };
}

export function planAt(
  scenario: Scenario,
  now: Instant,
  outbox: ReadonlyMap<string, OutboxStatus> = new Map(),
): PlannedMessage[] {
  return planReminders(inputAt(scenario, now, outbox));
}

export interface Delivery {
  /** The run that sent it. */
  runAt: Instant;
  message: PlannedMessage;
}

/**
 * Hourly runs from `from`, on the hour as a trigger would, each sending what
 * is due by then and recording its items' keys as Sent. Held messages are not
 * recorded, so the next runs plan them again (as the dispatcher does).
 */
export function simulate(scenario: Scenario, from: Instant, hours: number): Delivery[] {
  const outbox = new Map<string, OutboxStatus>();
  const sent: Delivery[] = [];
  for (let hour = 0; hour < hours; hour++) {
    const now = from + hour * HOUR;
    for (const message of dueBy(planAt(scenario, now, outbox), now)) {
      sent.push({ runAt: now, message });
      for (const key of itemKeysOf(message.key)) outbox.set(key, 'Sent');
    }
  }
  return sent;
}

/** The example team's e-mails by first name, for readable expectations. */
export const PEOPLE = {
  mette: METTE as Email,
  priya: PRIYA as Email,
  juan: JUAN as Email,
  ana: ANA as Email,
};

/** `Wed 25 15:00` in the person's zone: where and when a message lands, as they see it. */
export function localStamp(member: TeamMember, instant: Instant): string {
  const { day, minute } = localTime(instant, member.timeZone);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][weekdayOf(day)];
  const date = new Date(day * 86_400_000).getUTCDate();
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${weekday} ${date} ${hh}:${mm}`;
}

/** Whether a moment lies in the person's working hours on one of their working days. */
export function inWorkingHours(member: TeamMember, instant: Instant): boolean {
  const { day, minute } = localTime(instant, member.timeZone);
  return (
    member.workDays[weekdayOf(day)] === true &&
    minute >= member.workHours.start &&
    minute < member.workHours.end
  );
}

// ── The example team's week ────────────────────────────────────────────────

/** Log rows as each assistant types them at a local wall-clock time (Logged at a date-time cell). */
export function loggedRow(
  date: string,
  who: string,
  kpi: string,
  value: unknown,
  wall: string,
  zone: string,
): unknown[] {
  return logRow(date, who, kpi, value, at(`${date} ${wall}`, zone));
}

const KOLKATA = 'Asia/Kolkata';
const MANILA = 'Asia/Manila';
const BOGOTA = 'America/Bogota';

/** Every Monday-to-Friday date from `first` for `days` calendar days, as ISO dates. */
export function weekdaysFrom(first: string, days: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  const dates: string[] = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(start + i * 86_400_000);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) dates.push(d.toISOString().slice(0, 10));
  }
  return dates;
}

/**
 * The example team at work: Priya logs approved posts (one a day unless
 * told: behind), a 40-hour turnaround and one long article a day; Juan logs
 * his reply time, satisfaction and accuracy each morning and his daily
 * report at 14:00, except on `juanSkips`; Ana logs 10 qualified and 1
 * converted lead on the days in `anaLogs` only.
 */
export function teamLog(
  dates: string[],
  options: {
    juanSkips: string[];
    anaLogs: (date: string) => boolean;
    /** Three a day keeps her on pace for 15 a week. */
    priyaPostsPerDay?: number;
  },
): unknown[][] {
  const rows: unknown[][] = [];
  for (const date of dates) {
    rows.push(loggedRow(date, PRIYA, 'K1', options.priyaPostsPerDay ?? 1, '10:00', KOLKATA));
    rows.push(loggedRow(date, PRIYA, 'K2', 40, '10:00', KOLKATA));
    rows.push(loggedRow(date, PRIYA, 'K7', 1500, '11:00', KOLKATA));
    rows.push(loggedRow(date, JUAN, 'K3', 3, '09:00', MANILA));
    rows.push(loggedRow(date, JUAN, 'K4', 95, '09:00', MANILA));
    rows.push(loggedRow(date, JUAN, 'K5', 100, '09:00', MANILA));
    if (!options.juanSkips.includes(date))
      rows.push(loggedRow(date, JUAN, 'K6', 1, '14:00', MANILA));
    if (options.anaLogs(date)) {
      rows.push(loggedRow(date, ANA, 'K8', 10, '10:00', BOGOTA));
      rows.push(loggedRow(date, ANA, 'K9', 1, '10:00', BOGOTA));
    }
  }
  return rows;
}

/** Team with one row changed, by e-mail. */
export function teamWith(changes: Record<string, Record<string, unknown>>): unknown[][] {
  let values = teamValues();
  for (const [email, cells] of Object.entries(changes)) {
    const header = values[0] as string[];
    const emailColumn = header.indexOf('Email');
    const row = values.find((r) => r[emailColumn] === email);
    if (!row) throw new Error(`No team row ${email}`);
    values = editRow(values, row[0] as string, cells);
  }
  return values;
}

export { dateCell, timeCell, at };
