/**
 * The concurrency harness itself (emulator/concurrency): executions in worker threads, interleaved
 * at every service call by a seeded scheduler, sharing one workbook, one clock and one document
 * lock. Driven through a tiny probe bundle.
 */
import path from 'node:path';
import { createEmulator, type Emulator } from '../../emulator';
import { runConcurrently, stopWorkers, type Actor } from '../../emulator/concurrency';

const PROBE = path.join(__dirname, 'fixtures', 'probe');
const START = new Date('2026-11-26T11:00:00Z').getTime();
const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

function probe(): Emulator {
  const emu = createEmulator({ now: START, owner: 'owner@example.com', htmlDir: PROBE });
  emu.load(PROBE);
  return emu;
}

async function run(actors: Actor[], seed = 1) {
  const emu = probe();
  const result = await runConcurrently(emu, PROBE, actors, { seed });
  const outcome = (i: number) => result.actors[i]?.executions[0];
  return { emu, result, outcome };
}

afterAll(() => stopWorkers());

describe('Several people at once in one workbook', () => {
  test('each execution is its own Session user', async () => {
    const users = ['a@example.com', 'b@example.com', 'c@example.com'];
    const { result } = await run(users.map((user) => ({ user, call: 'whoAmI' })));
    expect(result.actors.map((a) => a.executions[0]?.value)).toEqual(users);
  });

  test('calls really interleave: without the lock some seed loses an update, with it none does', async () => {
    const counts = async (useLock: boolean): Promise<string[]> => {
      const finals: string[] = [];
      for (let seed = 1; seed <= 12; seed++) {
        const { emu } = await run(
          [
            { user: 'a@example.com', call: 'increment', args: [useLock] },
            { user: 'b@example.com', call: 'increment', args: [useLock] },
          ],
          seed,
        );
        finals.push(emu.globals.PropertiesService.getDocumentProperties().getProperty('n') ?? '');
      }
      return finals;
    };
    expect(await counts(false)).toContain('1');
    expect(new Set(await counts(true))).toEqual(new Set(['2']));
  });

  test('the same seed gives the same interleaving', async () => {
    const actors: Actor[] = ['a', 'b', 'c'].map((name) => ({
      user: `${name}@example.com`,
      call: 'increment',
      args: [false],
    }));
    const first = (await run(actors, 5)).result.trace;
    expect((await run(actors, 5)).result.trace).toEqual(first);
    const others = await Promise.all(
      [6, 7, 8].map(async (seed) => (await run(actors, seed)).result.trace),
    );
    expect(others.some((trace) => trace.join() !== first.join())).toBe(true);
  });
});

describe('One document lock, owned per execution', () => {
  const holder: Actor = { user: 'a@example.com', call: 'holdLock', args: [20] };

  test('tryLock waits out its timeout on the clock and says false while another execution holds it', async () => {
    const { outcome } = await run([
      holder,
      { user: 'b@example.com', call: 'tryLockFor', args: [5000], at: 1000 },
    ]);
    expect(outcome(1)?.value).toEqual([false, false]);
    expect((outcome(1)?.endedAt ?? 0) - (outcome(1)?.startedAt ?? 0)).toBeGreaterThanOrEqual(5000);
    expect(outcome(0)?.value).toBe('held');
  });

  test("waitLock throws Apps Script's message when the wait runs out", async () => {
    const { outcome } = await run([
      holder,
      { user: 'b@example.com', call: 'waitLockFor', args: [5000], at: 1000 },
    ]);
    expect(outcome(1)?.error).toEqual({ name: 'Exception', message: LOCK_TIMEOUT });
  });

  test('a waiting execution takes the lock as soon as the holder lets go', async () => {
    const { outcome } = await run([
      holder,
      { user: 'b@example.com', call: 'waitLockFor', args: [60000], at: 1000 },
    ]);
    expect(outcome(1)?.value).toBe('got it');
    expect(outcome(1)?.endedAt).toBe(outcome(0)?.endedAt);
  });

  test('locks are released when an execution ends, even when it throws', async () => {
    const { outcome } = await run([
      { user: 'a@example.com', call: 'holdLock', args: [3, true] },
      { user: 'b@example.com', call: 'waitLockFor', args: [60000], at: 1000 },
    ]);
    expect(outcome(0)?.error?.message).toBe('stopped while holding the lock');
    expect(outcome(1)?.value).toBe('got it');
  });
});

describe('Values cross as Apps Script hands them out', () => {
  test('Dates and rows arrive as the bundle realm’s Dates and arrays, and Dates land in cells as dates', async () => {
    const date = new Date('2026-11-20T00:00:00Z');
    const { emu, outcome } = await run([
      { user: 'a@example.com', call: 'roundTrip', args: [date] },
    ]);
    expect(outcome(0)?.value).toEqual([true, true, true, true, true]);
    expect(emu.sheetValues('Sheet1')[0]?.[0]).toEqual(date);
  });

  test('the same service object or enum value twice is the same object', async () => {
    const { outcome } = await run([{ user: 'a@example.com', call: 'identities' }]);
    expect(outcome(0)?.value).toEqual([true, true, 'FULL']);
  });

  test('a typed row fires onEdit as the typist, in LIMITED mode, with the event Sheets builds', async () => {
    const { emu, result } = await run([
      { user: 'g@example.com', type: ['x', 'y'], sheet: 'Sheet1' },
    ]);
    expect(result.actors[0]?.row).toBe(1);
    expect(result.actors[0]?.executions.map((e) => [e.fn, e.authMode, e.value])).toEqual([
      ['onEdit', 'LIMITED', [1, 1, 'g@example.com', true, 'g@example.com']],
    ]);
    expect(emu.sheetValues('Sheet1')).toEqual([['x', 'y']]);
  });
});
