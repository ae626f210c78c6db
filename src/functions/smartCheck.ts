import { smartOf } from '../engine/formulas';
import { runFormula } from './runFormula';

/**
 * The SMART check of a KPI: OK, or the failed letters with reasons.
 *
 * @param {string} kpi A KPI ID or name, or a range of them.
 * @return OK or what is missing, or a range of them.
 * @customfunction
 */
export function SMART_CHECK(kpi: unknown): unknown {
  return runFormula((ctx) => smartOf(ctx, kpi));
}
