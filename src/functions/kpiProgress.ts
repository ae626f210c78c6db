import { kpiProgress } from '../engine/formulas';
import { runFormula } from './runFormula';

/**
 * Progress of a KPI in a period: actual divided by target, as a number (format the cell as %).
 *
 * @param {string} kpi A KPI ID or name, or a range of them.
 * @param {string} period Optional: a date in the period, or a key like 2026-W48; blank for the current period.
 * @param {string} assistant Optional: the assistant's e-mail or name; blank for the KPI's owner.
 * @return Actual ÷ target, or a range of them.
 * @customfunction
 */
export function KPI_PROGRESS(kpi: unknown, period?: unknown, assistant?: unknown): unknown {
  return runFormula((ctx) => kpiProgress(ctx, kpi, period, assistant));
}
