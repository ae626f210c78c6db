import { kpiScore } from '../engine/formulas';
import { runFormula } from './runFormula';

/**
 * Share of an assistant's active KPIs that are On track or Met in a period (format the cell as %).
 *
 * @param {string} assistant The assistant's e-mail or name, or a range of them.
 * @param {string} period Optional: a date in the period, or a key like 2026-W48; blank for the current period.
 * @return A number from 0 to 1, or a range of them.
 * @customfunction
 */
export function KPI_SCORE(assistant: unknown, period?: unknown): unknown {
  return runFormula((ctx) => kpiScore(ctx, assistant, period));
}
