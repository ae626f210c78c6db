/** What the past says about a KPI: the best closed-period result, for the SMART check's A. */
import type { Kpi } from '../types';
import { periodsUpTo } from '../time/periods';
import type { Snapshot } from '../snapshot';
import { evaluate, periodFor, periodRules, type Moment } from './evaluate';
import { HISTORY_NEEDED, type SmartReferences } from './smart';

/** How far back the SMART check looks, in periods. */
const LOOK_BACK = 52;

export function bestResult(snapshot: Snapshot, kpi: Kpi, moment: Moment): number | null {
  const current = periodFor(snapshot, kpi, moment.today);
  if (!current || !kpi.direction || !kpi.period) return null;
  const closed = periodsUpTo(kpi.period, current.start - 1, LOOK_BACK, periodRules(snapshot, kpi));
  const results: number[] = [];
  for (const owner of kpi.owners) {
    for (const period of closed) {
      if (kpi.start !== null && period.end < kpi.start) continue;
      const result = evaluate(snapshot, kpi, owner, period, moment);
      if (result.ok && result.actual !== null) results.push(result.actual);
    }
  }
  if (results.length < HISTORY_NEEDED) return null;
  return kpi.direction === 'At least' ? Math.max(...results) : Math.min(...results);
}

export function smartReferences(snapshot: Snapshot, kpi: Kpi, moment: Moment): SmartReferences {
  return {
    isInTeam: (email) => snapshot.team.byEmail.has(email as never),
    goalExists: (id) => snapshot.goals.has(id.toUpperCase()),
    kpiExists: (id) => snapshot.kpis.byId.has(id.toUpperCase()),
    bestResult: bestResult(snapshot, kpi, moment),
  };
}
