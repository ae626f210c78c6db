/**
 * Fifty people writing into one workbook at once, through the compiled bundle, interleaved at
 * every service call (emulator/concurrency). Seeds take turns over three ways of arriving: all
 * at the same moment with calls costing nothing (the lock is always had in the end); with
 * Apps Script's modelled call costs, arriving within 20 s (some waits for the lock run out); and
 * with those costs, arriving within 3 minutes (typing meets saving mid-write).
 * `npm run fuzz` runs many more seeds (KPI_LOOP_FUZZ_SEEDS).
 */
import { runConcurrently, stopWorkers } from '../../emulator/concurrency';
import { appsScriptCost } from '../../emulator/costs';
import { DIST } from '../../scripts/lib/addon';
import { duplicateIds, rowsWithoutIds, violations } from './properties';
import { MANAGERS } from './team';
import { teamWorkbook } from './team';
import { writersFor } from './writers';

const SEEDS = Number(process.env.KPI_LOOP_FUZZ_SEEDS ?? 10);

const MODES = [
  { name: 'all at once', costs: false, withinMs: 0 },
  { name: 'arriving within 20 s', costs: true, withinMs: 20_000 },
  { name: 'arriving within 3 min', costs: true, withinMs: 180_000 },
] as const;

const cases = Array.from({ length: SEEDS }, (_, i) => {
  const seed = i + 1;
  return { seed, mode: MODES[i % MODES.length] as (typeof MODES)[number] };
});

afterAll(() => stopWorkers());

describe('Fifty writers at once', () => {
  test.each(cases)(
    'seed $seed, $mode.name: no row lost or overwritten, IDs unique, and whoever did not get the lock was told and wrote nothing',
    async ({ seed, mode }) => {
      const addon = teamWorkbook(mode.costs ? { costPerCallMs: appsScriptCost } : {});
      const writers = writersFor(seed, addon.gas, 50, mode.withinMs);
      const actors = writers.map((w) => w.actor);
      const run = await runConcurrently(addon.emu, DIST, actors, { seed });
      expect(violations(addon, writers, run)).toEqual([]);
      // Rows typed while the lock was busy were told so; the next Refresh gives them their IDs.
      addon.emu.asUser(MANAGERS[0] as string, () =>
        addon.emu.run(() => addon.gas.refreshDashboard()),
      );
      expect(rowsWithoutIds(addon)).toEqual([]);
      expect(duplicateIds(addon)).toEqual([]);
    },
    120_000,
  );
});
