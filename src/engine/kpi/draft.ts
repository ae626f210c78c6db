/**
 * A KPI typed into the editor becomes a KPI record through the very code
 * that reads the KPIs tab, so the live SMART check in the browser and the
 * SMART column in the sheet can never disagree.
 */
import type { Kpi, Lang } from '../types';
import { fields, headers, type FieldOf } from '../i18n/vocabulary';
import { readKpis } from '../records/kpis';
import { toTable } from '../records/table';
import { formatSmart, smartCheck, type SmartReferences } from './smart';

/** A KPI as the KPIs tab holds it, every field as text a person would type. */
export interface KpiDraft {
  id: string;
  name: string;
  owner: string;
  goalId: string;
  taskType: string;
  measure: string;
  aggregation: string;
  direction: string;
  target: string;
  unit: string;
  period: string;
  dueTime: string;
  qualifier: string;
  numeratorKpi: string;
  denominatorKpi: string;
  riskBand: string;
  baseline: string;
  start: string;
  reviewBy: string;
  status: string;
}

/** The draft's key for each column of the KPIs tab (SMART is the add-on's, not the editor's). */
export function draftKeyOf(field: FieldOf<'kpis'>): keyof KpiDraft | null {
  if (field === 'smart') return null;
  if (field === 'kpiId') return 'id';
  if (field === 'kpi') return 'name';
  return field;
}

/** A draft as a row of the KPIs tab, in the tab's column order. */
export function draftRow(draft: KpiDraft): string[] {
  return fields('kpis').map((field) => {
    const key = draftKeyOf(field);
    return key ? (draft[key] ?? '') : '';
  });
}

export function draftToKpi(draft: KpiDraft, lang: Lang, timeZone: string): Kpi | null {
  const table = toTable('kpis', [
    headers('en', 'kpis'),
    draftRow({ ...draft, id: draft.id || 'NEW' }),
  ]);
  return readKpis(table, { lang, timeZone, dateOrder: 'DMY' }).kpis[0] ?? null;
}

export function smartOfDraft(
  draft: KpiDraft,
  refs: SmartReferences,
  lang: Lang,
  timeZone: string,
): string {
  const kpi = draftToKpi(draft, lang, timeZone);
  return kpi ? formatSmart(lang, smartCheck(kpi, refs)) : '';
}
