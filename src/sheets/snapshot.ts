/** One read of each tab the engine needs, then the engine takes over. */
import { localDay } from '../engine/time/calendar';
import {
  buildFeedbackLoop,
  buildSnapshot,
  type FeedbackLoop,
  type FeedbackLoopValues,
  type Snapshot,
  type TabValues,
} from '../engine/snapshot';
import type { Moment } from '../engine/kpi/aggregate';
import type { DateOrder } from '../engine/records/cells';
import { now } from '../services/clock';
import { findTabs, readTab, type Tabs } from './tabs';
import { readSettings } from './settings';

export interface Loaded {
  snapshot: Snapshot;
  moment: Moment;
  dateOrder: DateOrder;
  tabs: Tabs;
  /** What was read, header rows included. */
  values: TabValues;
}

export function loadSnapshot(spreadsheet = SpreadsheetApp.getActive()): Loaded {
  const { settings, dateOrder } = readSettings(spreadsheet);
  const instant = now();
  const moment = { now: instant, today: localDay(instant, settings.timeZone) };
  const tabs = findTabs(spreadsheet);
  const values = {
    team: readTab(tabs.team),
    goals: readTab(tabs.goals),
    kpis: readTab(tabs.kpis),
    log: readTab(tabs.log),
    targets: readTab(tabs.targets),
  };
  return {
    snapshot: buildSnapshot(values, settings, dateOrder, moment.today, moment.now),
    moment,
    dateOrder,
    tabs,
    values,
  };
}

export interface LoadedFeedbackLoop {
  loop: FeedbackLoop;
  values: FeedbackLoopValues;
}

/** Check-ins, Feedback and Actions: one more read each, for the operations that need them. */
export function loadFeedbackLoop(loaded: Loaded): LoadedFeedbackLoop {
  const values = {
    checkIns: readTab(loaded.tabs.checkIns),
    feedback: readTab(loaded.tabs.feedback),
    actions: readTab(loaded.tabs.actions),
  };
  return { loop: buildFeedbackLoop(values, loaded.snapshot, loaded.dateOrder), values };
}
