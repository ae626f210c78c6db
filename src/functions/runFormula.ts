/**
 * Shared by every custom function: one read per tab, then pure engine code.
 * Custom functions only read (PRODUCT section 5), and never show a stack
 * trace: an unexpected failure becomes a sentence in the cell.
 */
import { t } from '../engine/i18n/messages';
import type { FormulaContext, Out } from '../engine/formulas';
import { loadSnapshot } from '../sheets/snapshot';

export function runFormula(compute: (ctx: FormulaContext) => Out): Out {
  let lang: 'en' | 'da' = 'en';
  try {
    const { snapshot, moment, dateOrder, tabs } = loadSnapshot();
    lang = snapshot.settings.lang;
    if (!tabs.kpis) return t(lang, 'fn.notSetUp');
    return compute({ snapshot, moment, dateOrder });
  } catch (error) {
    return t(lang, 'error.unexpected', {
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
