/**
 * Everything the engine knows about a workbook at one moment, built once
 * per operation from one read of each tab.
 */
import type { DayNumber, Goal, Instant, Settings, TargetChange } from './types';
import type { CellContext, DateOrder } from './records/cells';
import { readGoals, readKpis, readTargets, type KpiCatalogue } from './records/kpis';
import { indexEntries, readLog, type EntryIndex, type LogReading } from './records/log';
import { emptyTable, toTable, type Table } from './records/table';
import { readTeam, type Team } from './records/team';
import {
  readActions,
  readCheckIns,
  readFeedback,
  type Action,
  type CheckIn,
  type Feedback,
} from './records/feedbackLoop';

export interface Snapshot {
  settings: Settings;
  team: Team;
  kpis: KpiCatalogue;
  goals: Map<string, Goal>;
  /** Per upper-cased KPI ID, oldest first. */
  targets: Map<string, TargetChange[]>;
  log: LogReading;
  entries: EntryIndex;
  /** Where the add-on's own columns are, to write SMART and Check back. */
  columns: { kpis: Table<'kpis'>['columns']; log: Table<'log'>['columns'] };
}

/** Each tab's values as getValues() returned them, header row first; absent tabs are null. */
export interface TabValues {
  team: unknown[][] | null;
  goals: unknown[][] | null;
  kpis: unknown[][] | null;
  log: unknown[][] | null;
  targets: unknown[][] | null;
}

export function cellContext(settings: Settings, dateOrder: DateOrder): CellContext {
  return { lang: settings.lang, timeZone: settings.timeZone, dateOrder };
}

export function buildSnapshot(
  values: TabValues,
  settings: Settings,
  dateOrder: DateOrder,
  today: DayNumber,
  now?: Instant,
): Snapshot {
  const ctx = cellContext(settings, dateOrder);
  const table = <T extends 'team' | 'goals' | 'kpis' | 'log' | 'targets'>(tab: T) =>
    values[tab] ? toTable(tab, values[tab] as unknown[][]) : emptyTable(tab);
  const kpiTable = table('kpis');
  const logTable = table('log');
  const team = readTeam(table('team'), ctx);
  const kpis = readKpis(kpiTable, ctx, settings.defaultRiskBand);
  const log = readLog(logTable, {
    ...ctx,
    team,
    kpis,
    today,
    ...(now === undefined ? {} : { now }),
  });
  return {
    settings,
    team,
    kpis,
    goals: readGoals(table('goals')),
    targets: readTargets(table('targets'), ctx),
    log,
    entries: indexEntries(log.entries),
    columns: { kpis: kpiTable.columns, log: logTable.columns },
  };
}

/** The feedback half of the workbook, read only by the operations that need it. */
export interface FeedbackLoopValues {
  checkIns: unknown[][] | null;
  feedback: unknown[][] | null;
  actions: unknown[][] | null;
}

export interface FeedbackLoop {
  checkIns: CheckIn[];
  feedback: Feedback[];
  actions: Action[];
  columns: {
    checkIns: Table<'checkIns'>['columns'];
    feedback: Table<'feedback'>['columns'];
    actions: Table<'actions'>['columns'];
  };
}

export function buildFeedbackLoop(
  values: FeedbackLoopValues,
  snapshot: Snapshot,
  dateOrder: DateOrder,
): FeedbackLoop {
  const ctx = cellContext(snapshot.settings, dateOrder);
  const checkIns = values.checkIns ? toTable('checkIns', values.checkIns) : emptyTable('checkIns');
  const feedback = values.feedback ? toTable('feedback', values.feedback) : emptyTable('feedback');
  const actions = values.actions ? toTable('actions', values.actions) : emptyTable('actions');
  return {
    checkIns: readCheckIns(checkIns, snapshot.team, ctx),
    feedback: readFeedback(feedback, snapshot.team, ctx),
    actions: readActions(actions, snapshot.team, ctx),
    columns: { checkIns: checkIns.columns, feedback: feedback.columns, actions: actions.columns },
  };
}
