import { kpiTrend } from '../engine/formulas';
import { runFormula } from './runFormula';

/**
 * The actuals of a KPI's last periods, oldest first, in one row: fit for SPARKLINE.
 *
 * @param {string} kpi A KPI ID or name, or a column of them (one row each).
 * @param {number} count Optional: how many periods, 8 when blank.
 * @param {string} assistant Optional: the assistant's e-mail or name; blank for the KPI's owner.
 * @return One row of actuals per KPI.
 * @customfunction
 */
export function KPI_TREND(kpi: unknown, count?: unknown, assistant?: unknown): unknown {
  return runFormula((ctx) => kpiTrend(ctx, kpi, count, assistant));
}
