import { kpiStatus } from '../engine/formulas';
import { runFormula } from './runFormula';

/**
 * Status of a KPI for a period: On track, At risk, Off track, Met, Missed or No data, in the sheet's language.
 *
 * @param {string} kpi A KPI ID or name, or a range of them.
 * @param {string} period Optional: a date in the period, or a key like 2026-W48; blank for the current period.
 * @param {string} assistant Optional: the assistant's e-mail or name; blank for the KPI's owner.
 * @return The status word, or a range of them.
 * @customfunction
 */
export function KPI_STATUS(kpi: unknown, period?: unknown, assistant?: unknown): unknown {
  return runFormula((ctx) => kpiStatus(ctx, kpi, period, assistant));
}
