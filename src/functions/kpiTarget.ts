import { kpiTarget } from '../engine/formulas';
import { runFormula } from './runFormula';

/**
 * The target of a KPI that was valid in a period.
 *
 * @param {string} kpi A KPI ID or name, or a range of them.
 * @param {string} period Optional: a date in the period, or a key like 2026-W48; blank for the current period.
 * @param {string} assistant Optional: the assistant's e-mail or name; blank for the KPI's owner.
 * @return The target, or a range of them.
 * @customfunction
 */
export function KPI_TARGET(kpi: unknown, period?: unknown, assistant?: unknown): unknown {
  return runFormula((ctx) => kpiTarget(ctx, kpi, period, assistant));
}
