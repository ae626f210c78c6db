/**
 * How each column of each tab is formatted and validated. Validation is a
 * help, not a gate (PRODUCT section 3): drop-downs warn but accept anything.
 */
import type { ChoiceList, FieldOf, TabId } from '../engine/i18n/vocabulary';

export type ColumnKind =
  | { kind: 'text' }
  | { kind: 'plainText' }
  | { kind: 'date' }
  | { kind: 'dateTime' }
  | { kind: 'time' }
  | { kind: 'number' }
  | { kind: 'checkbox' }
  | { kind: 'choice'; list: ChoiceList };

const text = { kind: 'text' } as const;
/** Stored as text whatever is typed: IDs and free text can never turn into a formula or a date. */
const plain = { kind: 'plainText' } as const;
const date = { kind: 'date' } as const;
const dateTime = { kind: 'dateTime' } as const;
const time = { kind: 'time' } as const;
const number = { kind: 'number' } as const;
const checkbox = { kind: 'checkbox' } as const;
const choice = (list: ChoiceList) => ({ kind: 'choice', list }) as const;

export const LAYOUT: { [T in TabId]: Record<FieldOf<T>, ColumnKind> } = {
  team: {
    name: plain,
    email: plain,
    role: choice('role'),
    manager: plain,
    timeZone: plain,
    workDays: plain,
    workHours: plain,
    channel: choice('channel'),
    awayUntil: date,
    active: checkbox,
  },
  goals: { goalId: plain, goal: plain, owner: plain, targetDate: date, notes: plain },
  kpis: {
    kpiId: plain,
    kpi: plain,
    owner: plain,
    goalId: plain,
    taskType: choice('taskType'),
    measure: plain,
    aggregation: choice('aggregation'),
    direction: choice('direction'),
    target: number,
    unit: plain,
    period: choice('period'),
    dueTime: plain,
    qualifier: plain,
    numeratorKpi: plain,
    denominatorKpi: plain,
    riskBand: plain,
    baseline: number,
    start: date,
    reviewBy: date,
    status: choice('kpiState'),
    smart: plain,
  },
  log: {
    entryId: plain,
    date: date,
    assistant: text,
    kpi: text,
    value: number,
    note: plain,
    link: plain,
    loggedAt: dateTime,
    loggedBy: plain,
    check: plain,
  },
  checkIns: {
    checkInId: plain,
    assistant: plain,
    manager: plain,
    cadence: choice('cadence'),
    date: date,
    time: time,
    meetingLink: plain,
    status: choice('checkInStatus'),
    mood: number,
    summary: plain,
    nextCheckIn: date,
  },
  feedback: {
    feedbackId: plain,
    date: date,
    from: plain,
    to: plain,
    direction: choice('feedbackDirection'),
    kind: choice('feedbackKind'),
    kpi: plain,
    text: plain,
    checkInId: plain,
    acknowledged: checkbox,
  },
  actions: {
    actionId: plain,
    created: date,
    owner: plain,
    action: plain,
    kpi: plain,
    source: plain,
    due: date,
    status: choice('actionStatus'),
    doneOn: date,
    followUp: plain,
  },
  targets: { kpiId: plain, validFrom: date, target: number, changedBy: plain, reason: plain },
  dashboard: {},
  outbox: {
    reminderKey: plain,
    created: dateTime,
    dueAt: dateTime,
    recipient: plain,
    channel: choice('channel'),
    rule: plain,
    subject: plain,
    status: choice('outboxStatus'),
    attempts: number,
    sentAt: dateTime,
    error: plain,
  },
};

/**
 * Sheets' automatic number format, as getNumberFormat() reports it for an
 * untouched cell. ("General" is Excel's name; Sheets would show it as text.)
 */
export const AUTOMATIC_FORMAT = '0.###############';

export const NUMBER_FORMATS: Partial<Record<ColumnKind['kind'], string>> = {
  plainText: '@',
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm',
  time: 'hh:mm',
};

/** Only managers edit these (PRODUCT section 8); Log, Feedback, Actions and Check-ins stay open. */
export const MANAGER_ONLY_TABS: readonly TabId[] = [
  'team',
  'goals',
  'kpis',
  'targets',
  'dashboard',
  'outbox',
];

/** The ID column a tab stamps on new rows, and the letter its IDs start with. */
export const ID_COLUMNS: Partial<Record<TabId, { field: string; prefix: string }>> = {
  log: { field: 'entryId', prefix: 'E' },
  kpis: { field: 'kpiId', prefix: 'K' },
  checkIns: { field: 'checkInId', prefix: 'C' },
  feedback: { field: 'feedbackId', prefix: 'F' },
  actions: { field: 'actionId', prefix: 'A' },
};
