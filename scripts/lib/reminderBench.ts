/**
 * The reminder half of the bench: the engine planning every reminder due
 * now for a synthetic team (an empty Outbox, PRODUCT section 7's default
 * rules), and what a dispatcher run through the bundle held the lock for
 * and sent.
 */
import type { RecordedCall } from '../../emulator';
import { appsScriptCost } from '../../emulator/costs';
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

/**
 * How long one run held the document lock each time it had it, in Apps
 * Script's modelled ms (appsScriptCost over the calls in between, the
 * release included): the dispatcher takes it to plan and claim, again
 * after each chunk it sent, and the last time also to refresh the
 * Dashboard. A tryLock with no release after it did not get the lock.
 */
export function lockHolds(
  calls: ReadonlyArray<Pick<RecordedCall, 'name' | 'size' | 'depth'>>,
): number[] {
  const holds: number[] = [];
  let held: number | null = null;
  for (const call of calls) {
    if (call.depth !== 0) continue;
    if (call.name === 'Lock.tryLock' || call.name === 'Lock.waitLock') held = 0;
    else if (held !== null) {
      held += appsScriptCost(call.name, call.size);
      if (call.name === 'Lock.releaseLock') {
        holds.push(held);
        held = null;
      }
    }
  }
  return holds;
}

/** "316 e-mails sent, 3,499 left Queued; lock held 3.8 s to plan and claim, 0.8 s per chunk (6), 1.0 s at the end". */
export function sendingNote(
  calls: ReadonlyArray<Pick<RecordedCall, 'name' | 'size' | 'depth'>>,
  outbox: readonly unknown[][],
): string {
  const [header = [], ...rows] = outbox;
  const status = header.indexOf('Status');
  const count = (word: string): string =>
    rows.filter((row) => row[status] === word).length.toLocaleString('en');
  const holds = lockHolds(calls);
  const s = (ms: number | undefined): string => `${((ms ?? 0) / 1000).toFixed(1)} s`;
  const chunks = holds.slice(1, -1);
  const said = [
    `${count('Sent')} e-mails sent, ${count('Queued')} left Queued`,
    `lock held ${s(holds[0])} to plan and claim`,
    ...(chunks.length > 0
      ? [`at most ${s(Math.max(...chunks))} per chunk (${chunks.length})`]
      : []),
    ...(holds.length > 1 ? [`${s(holds[holds.length - 1])} at the end`] : []),
  ];
  return `${said[0]}; ${said.slice(1).join(', ')}`;
}
