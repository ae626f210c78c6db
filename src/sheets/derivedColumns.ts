/**
 * The columns the add-on writes itself: KPIs' SMART and Log's Check. Each
 * is one block write, whatever the number of rows (PRODUCT section 8).
 */
import { render, t } from '../engine/i18n/messages';
import { formatSmart, smartCheck } from '../engine/kpi/smart';
import { smartReferences } from '../engine/kpi/history';
import type { RowCheck } from '../engine/records/log';
import type { Lang } from '../engine/types';
import type { Loaded } from './snapshot';

export function checkText(lang: Lang, check: RowCheck): string {
  if (check.ok === 'blank') return '';
  return check.ok ? t(lang, 'check.ok') : render(lang, check.problem);
}

export function writeDerivedColumns({ snapshot, moment, tabs }: Loaded): void {
  const lang = snapshot.settings.lang;
  const smartColumn = snapshot.columns.kpis.smart;
  const kpiRows = snapshot.kpis.rows;
  if (tabs.kpis && smartColumn !== undefined && kpiRows.length > 0) {
    const texts = kpiRows.map((kpi) =>
      kpi ? [formatSmart(lang, smartCheck(kpi, smartReferences(snapshot, kpi, moment)))] : [''],
    );
    tabs.kpis.getRange(2, smartColumn + 1, texts.length, 1).setValues(texts);
  }
  const checkColumn = snapshot.columns.log.check;
  const checks = snapshot.log.checks;
  if (tabs.log && checkColumn !== undefined && checks.length > 0) {
    tabs.log
      .getRange(2, checkColumn + 1, checks.length, 1)
      .setValues(checks.map((c) => [checkText(lang, c)]));
  }
}
