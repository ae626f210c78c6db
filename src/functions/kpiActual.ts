import { kpiActual } from '../engine/formulas';
import { runFormula } from './runFormula';

/**
 * The actual of a KPI for a period, or blank when nothing is logged.
 *
 * @param {string} kpi A KPI ID or name, or a range of them.
 * @param {string} period Optional: a date in the period, or a key like 2026-W48; blank for the current period.
 * @param {string} assistant Optional: the assistant's e-mail or name; blank for the KPI's owner.
 * @return The actual, or a range of them.
 * @customfunction
 */
export function KPI_ACTUAL(kpi: unknown, period?: unknown, assistant?: unknown): unknown {
  return runFormula((ctx) => kpiActual(ctx, kpi, period, assistant));
}
