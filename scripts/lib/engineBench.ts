/**
 * The engine half of the benchmark: what a Dashboard refresh computes from
 * raw tab values, beside the floor PRODUCT section 8 names, one bare pass
 * that only groups and sums the rows.
 */
import { buildSnapshot } from '../../src/engine/snapshot';
import { buildDashboard } from '../../src/engine/dashboard';
import { localDay } from '../../src/engine/time/calendar';
import type { Settings } from '../../src/engine/types';
import type { SyntheticWorkbook } from './generate';

export const BENCH_SETTINGS: Settings = {
  lang: 'en',
  timeZone: 'Europe/Copenhagen',
  weekStart: 0,
  defaultRiskBand: 0.1,
};

/** What a Dashboard refresh computes: the snapshot, then every row, streak, sparkline and score. */
export function computeDashboard(workbook: SyntheticWorkbook, now: number): number {
  const today = localDay(now, BENCH_SETTINGS.timeZone);
  const snapshot = buildSnapshot(workbook, BENCH_SETTINGS, 'DMY', today, now);
  return buildDashboard(snapshot, { now, today }).rows.length;
}

/** The floor: one pass that groups by KPI, owner and day and sums values. Nothing is checked. */
export function bareGroupAndSum(log: readonly unknown[][]): number {
  const sums = new Map<string, number>();
  for (let i = 1; i < log.length; i++) {
    const row = log[i] as unknown[];
    const day = Math.floor((row[1] as Date).getTime() / 86_400_000);
    const key = `${row[3]}|${row[2]}|${day}`;
    sums.set(key, (sums.get(key) ?? 0) + Number(row[4]));
  }
  return sums.size;
}
