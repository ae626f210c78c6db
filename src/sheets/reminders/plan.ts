/**
 * The seam between the dispatcher and the planner (src/engine/reminders/,
 * pure). The dispatcher and the preview only ever call these two; the
 * integration tests build the bundle with this module swapped for
 * hand-made messages (test/support/reminderBundle.ts).
 */
import { planReminders, previewPlan, type PreviewRun } from '../../engine/reminders/plan';
import type { OutboxKeys, PlannedMessage, ReminderSettings } from '../../engine/reminders/types';
import type { FeedbackLoop } from '../../engine/snapshot';
import type { Instant } from '../../engine/types';
import type { Loaded } from '../snapshot';

export type { PreviewRun };

export interface PlanRequest {
  loaded: Loaded;
  /** Check-ins, Feedback and Actions, read under the lock, missed check-ins already marked. */
  loop: FeedbackLoop;
  settings: ReminderSettings;
  /**
   * Item keys of the Outbox rows with any status but Queued: sent, failed,
   * skipped or unknown, they are never planned again. Queued rows are left
   * out: a message waiting for quota, time or its Due at is planned again,
   * which is where its text comes from when it goes out.
   */
  recorded: OutboxKeys;
  now: Instant;
  /** For the link in every message. */
  spreadsheetUrl: string;
}

function planInput(request: PlanRequest) {
  return {
    snapshot: request.loaded.snapshot,
    loop: request.loop,
    settings: request.settings,
    outbox: request.recorded,
    now: request.now,
    spreadsheetUrl: request.spreadsheetUrl,
  };
}

/** Every message due now, or held until its recipient's working hours begin. */
export function planDue(request: PlanRequest): PlannedMessage[] {
  return planReminders(planInput(request));
}

/** What the hourly runs from now would send, run by run, if nothing in the workbook changed. */
export function previewRuns(request: PlanRequest, runs: number): PreviewRun[] {
  return previewPlan(planInput(request), runs);
}
