/**
 * The engine half of the reminder bench: read a synthetic team into a
 * snapshot and its feedback loop, then plan every reminder due now with an
 * empty Outbox and PRODUCT section 7's default rules.
 */
import { buildFeedbackLoop, buildSnapshot } from '../../src/engine/snapshot';
import { planReminders } from '../../src/engine/reminders/plan';
import { DEFAULT_REMINDER_SETTINGS } from '../../src/engine/reminders/types';
import { localDay } from '../../src/engine/time/calendar';
import { BENCH_SETTINGS } from './engineBench';
import type { SyntheticTeam } from './generate';

export function planTeam(team: SyntheticTeam, now: number): { messages: number; items: number } {
  const today = localDay(now, BENCH_SETTINGS.timeZone);
  const snapshot = buildSnapshot(team, BENCH_SETTINGS, 'DMY', today, now);
  const loop = buildFeedbackLoop(team, snapshot, 'DMY');
  const messages = planReminders({
    snapshot,
    loop,
    settings: DEFAULT_REMINDER_SETTINGS,
    outbox: new Map(),
    now,
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/bench/edit',
  });
  return { messages: messages.length, items: messages.reduce((n, m) => n + m.items.length, 0) };
}
