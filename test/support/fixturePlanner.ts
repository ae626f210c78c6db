/**
 * Stands in for src/sheets/reminders/plan.ts in the bundle the dispatcher
 * tests build (reminderBundle.ts): the test decides what is due by putting a
 * function on the bundle's global object. Everything else in that bundle is
 * the add-on as it ships.
 */
import type { PlannedMessage } from '../../src/engine/reminders/types';
import type { PlanRequest } from '../../src/sheets/reminders/plan';

export interface TestPlanRequest {
  now: number;
  /** Item keys the dispatcher says are done (any status but Queued). */
  recorded: string[];
}

export type TestPlanner = (request: TestPlanRequest) => PlannedMessage[];

export const TEST_PLANNER_GLOBAL = '__kpiLoopTestPlanner';

export function planDue(request: PlanRequest): PlannedMessage[] {
  const planner = (globalThis as Record<string, unknown>)[TEST_PLANNER_GLOBAL] as
    TestPlanner | undefined;
  return planner ? planner({ now: request.now, recorded: [...request.recorded.keys()] }) : [];
}

/** As the planner's previewPlan does it: hourly runs, each sending what is due by then. */
export function previewRuns(
  request: PlanRequest,
  runs: number,
): Array<{ at: number; messages: PlannedMessage[] }> {
  const recorded = new Set(request.recorded.keys());
  const preview: Array<{ at: number; messages: PlannedMessage[] }> = [];
  for (let run = 0; run < runs; run++) {
    const at = request.now + run * 3_600_000;
    const planner = (globalThis as Record<string, unknown>)[TEST_PLANNER_GLOBAL] as
      TestPlanner | undefined;
    const sent = (planner ? planner({ now: at, recorded: [...recorded] }) : []).filter(
      (message) => message.dueAt <= at && !recorded.has(message.key),
    );
    for (const message of sent) recorded.add(message.key);
    if (sent.length > 0) preview.push({ at, messages: sent });
  }
  return preview;
}
