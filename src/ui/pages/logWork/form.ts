/**
 * The Log work form without a page: what the person typed, the problems the
 * browser can already see, and the entry sent to the server. The server
 * checks the row again with the Log's own rules; this only saves a round trip.
 */
import type { LogEntryInput, LogWorkKpi } from '../../api';
import type { Lang } from '../../../engine/types';
import { readNumber } from '../../../engine/records/cells';
import { isValidDate } from '../../../engine/time/calendar';
import { formatNumber, t } from '../shared/i18n';

/** The form's controls, named as the server names them in a refusal's `field`. */
export interface LogFormValues {
  kpi: string;
  date: string;
  value: string;
  note: string;
  link: string;
}

export type LogField = keyof LogFormValues;

export interface FieldProblem<F extends string> {
  field: F;
  message: string;
}

/** The contract says `kpiId`, the Log's column says `kpi`: both mean the KPI control. */
export function logFieldOf(serverField: string | undefined): LogField | null {
  if (serverField === 'kpiId' || serverField === 'kpi') return 'kpi';
  return serverField === 'date' ||
    serverField === 'value' ||
    serverField === 'note' ||
    serverField === 'link'
    ? serverField
    : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date input gives `YYYY-MM-DD`; an older browser may show a plain text box, so check the shape. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  return !!match && isValidDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Every problem the browser can see, one message per field, in the form's order. */
export function validateLogEntry(
  values: LogFormValues,
  kpis: readonly LogWorkKpi[],
  today: string,
  lang: Lang,
): Array<FieldProblem<LogField>> {
  const problems: Array<FieldProblem<LogField>> = [];
  const add = (field: LogField, message: string): void => {
    problems.push({ field, message });
  };
  const kpi = kpis.find((k) => k.id === values.kpi);
  if (!kpi) add('kpi', t(lang, 'ui.logWork.noKpiChosen'));

  const date = values.date.trim();
  if (!date) add('date', t(lang, 'ui.logWork.dateMissing'));
  else if (!isIsoDate(date)) add('date', t(lang, 'ui.logWork.dateInvalid', { date }));
  // ISO dates compare as text; `today` is the person's own today, from the server.
  else if (date > today) add('date', t(lang, 'ui.logWork.dateFuture', { date, today }));

  const value = values.value.trim();
  if (!value) {
    if (kpi && !kpi.valueOptional) add('value', t(lang, 'ui.logWork.valueMissing'));
  } else {
    const number = readNumber(value, lang);
    if (!number.ok) add('value', t(lang, 'ui.logWork.notANumber', { value }));
    else if (number.value < 0) add('value', t(lang, 'ui.logWork.negative'));
  }

  const link = values.link.trim();
  if (link && !/^https?:\/\/\S+$/i.test(link)) add('link', t(lang, 'ui.logWork.linkInvalid'));
  return problems;
}

export function entryInput(values: LogFormValues): LogEntryInput {
  return {
    kpiId: values.kpi,
    date: values.date.trim(),
    value: values.value.trim(),
    note: values.note.trim(),
    link: values.link.trim(),
  };
}

/** "Approved posts (posts)" in the KPI list. */
export function kpiOptionLabel(kpi: LogWorkKpi): string {
  return kpi.unit ? `${kpi.name} (${kpi.unit})` : kpi.name;
}

/** The lines under the KPI: this period's actual and the target. */
export function kpiSummary(kpi: LogWorkKpi, lang: Lang): string[] {
  const unit = kpi.unit ? ` ${kpi.unit}` : '';
  const lines = [
    kpi.actual === null
      ? t(lang, 'ui.logWork.nothingYet')
      : t(lang, 'ui.logWork.actual', { actual: formatNumber(lang, kpi.actual) + unit }),
  ];
  if (kpi.target !== null) {
    lines.push(t(lang, 'ui.logWork.target', { target: formatNumber(lang, kpi.target) + unit }));
  }
  return lines;
}

/** The status word to show: the server's, else the catalogue's, else "not judged yet". */
export function statusLabel(kpi: LogWorkKpi, lang: Lang): string {
  if (kpi.status) return kpi.status;
  return kpi.statusKey ? t(lang, `status.${kpi.statusKey}`) : t(lang, 'ui.noStatus');
}

/** After a save, the KPI list holds the KPI as the server now sees it. */
export function withSavedKpi(kpis: readonly LogWorkKpi[], saved: LogWorkKpi): LogWorkKpi[] {
  return kpis.map((kpi) => (kpi.id === saved.id ? saved : kpi));
}
